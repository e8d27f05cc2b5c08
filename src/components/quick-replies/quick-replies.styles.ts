import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
    inline-size: 100%;
  }
  .base {
    container-type: inline-size;
    display: flex;
    flex-direction: column;
    gap: var(--_space);
    padding: calc(var(--_space) * 1.5);
    background: var(--_color-surface);
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius);
    box-shadow: var(--_shadow);
    block-size: 100%;
    max-block-size: var(--atento-quick-replies-max-height, 30rem);
  }
  .header {
    display: flex;
    align-items: baseline;
    justify-content: space-between;
    gap: var(--_space);
  }
  .title {
    margin: 0;
    font-size: 1em;
    font-weight: 600;
  }
  .count,
  .hint {
    color: var(--_color-text-muted);
    font-size: 0.857em;
  }
  .toolbar {
    display: grid;
    grid-template-columns: minmax(8rem, 12rem) minmax(0, 1fr);
    gap: var(--_space);
  }
  @container (max-width: 26rem) {
    .toolbar {
      grid-template-columns: minmax(0, 1fr);
    }
  }
  select,
  input {
    min-block-size: 2.25rem;
    padding: 0 calc(var(--_space) * 1.25);
    background: var(--_color-surface);
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius-small);
  }
  select:disabled {
    opacity: 0.6;
  }
  .body {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    grid-template-rows: minmax(6rem, 1fr) minmax(9rem, 1fr);
    gap: var(--_space);
    min-block-size: 0;
    flex: 1;
  }
  @container (min-width: 34rem) {
    .body {
      grid-template-columns: minmax(0, 1fr) minmax(0, 1.1fr);
      grid-template-rows: minmax(0, 1fr);
    }
  }
  .list {
    overflow: auto;
    min-block-size: 0;
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius-small);
    padding-block: calc(var(--_space) / 2);
  }
  .group-label {
    padding: calc(var(--_space) * 0.75) calc(var(--_space) * 1.25) calc(var(--_space) / 4);
    font-size: 0.786em;
    font-weight: 600;
    letter-spacing: 0.04em;
    text-transform: uppercase;
    color: var(--_color-text-muted);
  }
  .option {
    display: grid;
    gap: 2px;
    padding: calc(var(--_space) * 0.75) calc(var(--_space) * 1.25);
    cursor: pointer;
    border-inline-start: 3px solid transparent;
  }
  .option[aria-selected='true'] {
    background: var(--_color-accent-soft);
    border-inline-start-color: var(--_color-accent);
  }
  .list:focus-visible .option[aria-selected='true'] {
    outline: 2px solid var(--_color-focus);
    outline-offset: -2px;
  }
  .option-line {
    display: flex;
    justify-content: space-between;
    gap: var(--_space);
    min-inline-size: 0;
  }
  .option-title {
    font-weight: 500;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  .shortcut {
    flex: none;
    font-family: ui-monospace, 'SFMono-Regular', Menlo, Consolas, monospace;
    font-size: 0.786em;
    color: var(--_color-text-muted);
    padding: 0 4px;
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius-small);
  }
  .snippet {
    color: var(--_color-text-muted);
    font-size: 0.857em;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  .preview {
    display: flex;
    flex-direction: column;
    gap: var(--_space);
    min-block-size: 0;
    padding: calc(var(--_space) * 1.25);
    background: var(--_color-surface-sunken);
    border-radius: var(--_radius-small);
  }
  .preview-scroll {
    display: flex;
    flex-direction: column;
    gap: var(--_space);
    flex: 1;
    min-block-size: 0;
    overflow: auto;
  }
  .preview-body {
    white-space: pre-wrap;
    overflow-wrap: anywhere;
  }
  .tag {
    border-radius: 3px;
    padding: 0 1px;
    color: inherit;
    background: var(--_color-accent-soft);
  }
  .tag.fallback {
    background: transparent;
    text-decoration: underline dotted var(--_color-text-muted);
  }
  .tag.unknown,
  .tag.missing {
    background: var(--_color-warning-soft);
    color: var(--_color-warning);
    outline: 1px dashed currentColor;
  }
  .tag.missing {
    text-decoration: line-through;
  }
  .warnings {
    padding: var(--_space);
    border-radius: var(--_radius-small);
    background: var(--_color-warning-soft);
    color: var(--_color-warning);
    font-size: 0.857em;
  }
  .warnings ul {
    margin: 4px 0 0;
    padding-inline-start: 1.25em;
  }
  .preview-actions {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: var(--_space);
  }
  .status {
    padding: calc(var(--_space) * 2);
    text-align: center;
    color: var(--_color-text-muted);
  }
  .status p {
    margin: 0 0 var(--_space);
  }
  .status.error {
    color: var(--_color-danger);
  }
  .loading {
    display: grid;
    gap: var(--_space);
    padding: var(--_space) 0;
  }
  .skeleton {
    display: block;
    block-size: 2.75rem;
    border-radius: var(--_radius-small);
    background: linear-gradient(
      90deg,
      var(--_color-surface-sunken) 25%,
      var(--_color-border) 50%,
      var(--_color-surface-sunken) 75%
    );
    background-size: 200% 100%;
    animation: shimmer 1.4s linear infinite;
  }
`;
