import { css } from 'lit';

/** ProseMirror's required CSS (prosemirror-view/style/prosemirror.css), adopted into the shadow root. */
const prosemirror = css`
  .ProseMirror {
    position: relative;
  }
  .ProseMirror {
    word-wrap: break-word;
    white-space: pre-wrap;
    white-space: break-spaces;
    -webkit-font-variant-ligatures: none;
    font-variant-ligatures: none;
    font-feature-settings: 'liga' 0;
  }
  .ProseMirror pre {
    white-space: pre-wrap;
  }
  .ProseMirror li {
    position: relative;
  }
  .ProseMirror-hideselection *::selection {
    background: transparent;
  }
  .ProseMirror-hideselection {
    caret-color: transparent;
  }
  .ProseMirror [draggable][contenteditable='false'] {
    user-select: text;
  }
  .ProseMirror-selectednode {
    outline: 2px solid #8cf;
  }
  li.ProseMirror-selectednode {
    outline: none;
  }
  li.ProseMirror-selectednode:after {
    content: '';
    position: absolute;
    left: -32px;
    right: -2px;
    top: -2px;
    bottom: -2px;
    border: 2px solid #8cf;
    pointer-events: none;
  }
  img.ProseMirror-separator {
    display: inline !important;
    border: none !important;
    margin: 0 !important;
  }
`;

const editor = css`
  :host {
    display: block;
    --_editor-min-height: var(--atento-editor-min-height, calc(8lh + 24px));
  }
  .base {
    display: flex;
    flex-direction: column;
    background: var(--_color-surface);
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius);
  }
  :host([disabled]) .base {
    opacity: 0.6;
  }

  /* Toolbar */
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 2px;
    padding: calc(var(--_space) / 2);
    background: var(--_color-surface-sunken);
    border-block-end: 1px solid var(--_color-border);
    border-start-start-radius: var(--_radius);
    border-start-end-radius: var(--_radius);
  }
  .tool {
    display: inline-grid;
    place-items: center;
    inline-size: 2rem;
    block-size: 2rem;
    padding: 0;
    border: 1px solid transparent;
    border-radius: var(--_radius-small);
    background: transparent;
    color: var(--_color-text);
    cursor: pointer;
  }
  .tool svg {
    inline-size: 1.15rem;
    block-size: 1.15rem;
  }
  .tool:hover:not(:disabled, [aria-disabled='true']) {
    background: var(--_color-surface);
    border-color: var(--_color-border);
  }
  .tool[aria-pressed='true'] {
    background: var(--_color-accent-soft);
    color: var(--_color-accent);
    border-color: transparent;
  }
  .tool[aria-disabled='true'] {
    color: var(--_color-text-muted);
    cursor: default;
  }
  .tool[aria-disabled='true'] svg {
    opacity: 0.55;
  }
  .tool:disabled {
    cursor: not-allowed;
  }
  .tool:focus-visible {
    outline-offset: -1px;
  }
  .separator {
    inline-size: 1px;
    block-size: 1.25rem;
    margin-inline: 3px;
    background: var(--_color-border);
  }
  slot[name='tools'] {
    display: contents;
  }

  /* Link form */
  .link-form {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space);
    padding: var(--_space);
    border-block-end: 1px solid var(--_color-border);
  }
  .link-label {
    font-size: 0.857em;
    color: var(--_color-text-muted);
  }
  .link-input,
  .alt-input {
    flex: 1;
    min-inline-size: 10rem;
    min-block-size: 1.75rem;
    padding: 0 var(--_space);
    background: var(--_color-surface);
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius-small);
  }
  .link-input[aria-invalid='true'] {
    border-color: var(--_color-danger);
  }
  .link-actions {
    display: flex;
    gap: calc(var(--_space) / 2);
  }
  .link-error {
    flex-basis: 100%;
    margin: 0;
    color: var(--_color-danger);
    font-size: 0.857em;
  }

  /* Editable area */
  .frame {
    position: relative;
  }
  .content {
    min-block-size: var(--_editor-min-height);
    padding: 12px 14px;
    line-height: 1.5;
    border-end-start-radius: var(--_radius);
    border-end-end-radius: var(--_radius);
    outline: none;
  }
  .content:focus-visible {
    outline: 2px solid var(--_color-focus);
    outline-offset: -2px;
  }
  :host([disabled]) .content {
    cursor: not-allowed;
  }
  .content p {
    margin: 0 0 1em;
  }
  .content > :last-child,
  .content li > :last-child,
  .content blockquote > :last-child {
    margin-block-end: 0;
  }
  .content ul,
  .content ol {
    margin: 0 0 1em;
    padding-inline-start: 1.75em;
  }
  .content li > p {
    margin: 0;
  }
  .content blockquote {
    margin: 0 0 1em;
    padding-inline-start: 12px;
    border-inline-start: 3px solid var(--_color-border);
    color: var(--_color-text-muted);
  }
  .content a {
    color: var(--_color-accent);
    text-decoration: underline;
  }
  .content .placeholder::before {
    content: attr(data-placeholder);
    float: inline-start;
    block-size: 0;
    color: var(--_color-text-muted);
    pointer-events: none;
  }
  .content .link-target {
    background: var(--_color-accent-soft);
  }
  .drop-cursor {
    background: var(--_color-accent);
  }

  /* Images */
  .image {
    position: relative;
    display: inline-block;
    max-inline-size: 100%;
    line-height: 0;
    vertical-align: bottom;
  }
  .image img {
    display: block;
    max-inline-size: 100%;
    block-size: auto;
    border-radius: 2px;
  }
  .image.ProseMirror-selectednode {
    outline: none;
  }
  .image.ProseMirror-selectednode img {
    outline: 2px solid var(--_color-accent);
    outline-offset: 2px;
  }
  .resize-handle {
    position: absolute;
    inset-inline-end: -6px;
    inset-block-end: -6px;
    display: none;
    inline-size: 14px;
    block-size: 14px;
    background: var(--_color-accent);
    border: 2px solid var(--_color-surface);
    border-radius: 3px;
    cursor: nwse-resize;
    touch-action: none;
  }
  .image:dir(rtl) .resize-handle {
    cursor: nesw-resize;
  }
  .content[contenteditable='true'] .image:hover .resize-handle,
  .content[contenteditable='true'] .ProseMirror-selectednode .resize-handle,
  .image.resizing .resize-handle {
    display: block;
  }
  .image.uploading img {
    opacity: 0.55;
  }
  .progress {
    position: absolute;
    inset-inline: 8px;
    inset-block-end: 8px;
    block-size: 6px;
    overflow: hidden;
    background: var(--_color-surface);
    border: 1px solid var(--_color-border);
    border-radius: 3px;
  }
  .progress-value {
    display: block;
    block-size: 100%;
    inline-size: 0;
    background: var(--_color-accent);
    transition: inline-size var(--_motion) linear;
  }

  /* Image bar: shown while the focus is in the editor (it floats over what follows). */
  :host(:not(:focus-within)) .image-bar {
    display: none;
  }
  .image-bar {
    position: absolute;
    z-index: 1;
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space);
    inline-size: min(24rem, calc(100% - 8px));
    inset-inline-start: max(4px, min(var(--_image-start, 0px), calc(100% - 24rem - 4px)));
    padding: calc(var(--_space) * 0.75) var(--_space);
    background: var(--_color-surface-raised);
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius);
    box-shadow: var(--_shadow);
  }
  .alt-field {
    display: flex;
    flex: 1;
    align-items: center;
    gap: calc(var(--_space) * 0.75);
    font-size: 0.857em;
    color: var(--_color-text-muted);
  }
  .alt-input {
    color: var(--_color-text);
    font-size: 1.1667em;
  }
  .sizes {
    display: flex;
    gap: calc(var(--_space) / 2);
  }
`;

export const styles = [prosemirror, editor];
