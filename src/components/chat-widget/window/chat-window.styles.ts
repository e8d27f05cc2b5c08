import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
    inline-size: 100%;
    block-size: 100%;
    min-block-size: 0;
    --_brand: var(--_color-accent);
    --_on-brand: var(--_color-on-accent);
  }
  .window {
    display: flex;
    flex-direction: column;
    block-size: 100%;
    min-block-size: 0;
    overflow: hidden;
    background: var(--_color-surface);
    border: 1px solid var(--_color-border);
    border-radius: calc(var(--_radius) * 1.5);
    box-shadow: var(--_shadow);
  }
  /*
   * Full screen on phones: the loader's container covers the viewport (100dvh, so the composer
   * stays above the virtual keyboard) and pads the top and sides for the safe areas; the window
   * fills it, never taller than the dynamic viewport, and pads the bottom (home indicator).
   */
  @media (max-width: 480px) {
    :host {
      max-block-size: 100dvh;
    }
    .window {
      border: 0;
      border-radius: 0;
      box-shadow: none;
      padding-block-end: env(safe-area-inset-bottom, 0px);
    }
  }

  header {
    display: flex;
    align-items: center;
    gap: var(--_space);
    padding: calc(var(--_space) * 1.5);
    background: var(--_brand);
    color: var(--_on-brand);
  }
  .heading {
    flex: 1;
    min-inline-size: 0;
  }
  h2 {
    margin: 0;
    font-size: 1.05rem;
    font-weight: 600;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  .presence {
    margin: 0;
    font-size: 0.8125rem;
    display: flex;
    align-items: center;
    gap: 6px;
  }
  .dot {
    inline-size: 8px;
    block-size: 8px;
    border-radius: 50%;
    border: 1.5px solid currentColor;
    flex: none;
  }
  .dot.on {
    background: light-dark(#4ade80, #177245);
    border-color: var(--_on-brand);
  }
  .avatar {
    flex: none;
    display: inline-grid;
    place-items: center;
    inline-size: 32px;
    block-size: 32px;
    border-radius: 50%;
    font-size: 0.75rem;
    font-weight: 600;
    background: var(--_color-accent-soft);
    color: var(--_color-text);
  }
  .avatar.brand {
    inline-size: 36px;
    block-size: 36px;
    background: var(--_on-brand);
    color: var(--_brand);
  }
  .avatar.spacer {
    visibility: hidden;
  }
  button {
    cursor: pointer;
  }
  button:disabled {
    cursor: default;
    opacity: 0.6;
  }
  .icon-button {
    display: inline-grid;
    place-items: center;
    min-inline-size: 40px;
    min-block-size: 40px;
    padding: 0;
    border: 0;
    border-radius: 50%;
    background: transparent;
    color: var(--_color-text-muted);
  }
  .icon-button:hover:not(:disabled) {
    background: var(--_color-surface-sunken);
    color: var(--_color-text);
  }
  .icon-button.small {
    min-inline-size: 32px;
    min-block-size: 32px;
  }
  header .icon-button {
    color: inherit;
  }
  header .icon-button:hover {
    background: rgb(255 255 255 / 0.18);
    color: inherit;
  }
  header :focus-visible {
    outline-color: currentColor;
  }
  .text-button {
    border: 0;
    background: none;
    padding: 4px 6px;
    color: var(--_color-accent);
    font-weight: 600;
    text-decoration: underline;
    border-radius: var(--_radius-small);
  }

  .banner {
    margin: 0;
    padding: 6px calc(var(--_space) * 1.5);
    font-size: 0.8125rem;
    background: var(--_color-warning-soft);
    color: var(--_color-text);
    border-block-end: 1px solid var(--_color-border);
  }
  .banner.error {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: var(--_space);
    color: var(--_color-danger);
    background: var(--_color-surface-sunken);
  }
  .banner.note,
  .banner.saved {
    background: var(--_color-surface-sunken);
    color: var(--_color-text-muted);
  }

  .skeleton {
    flex: 1;
    display: flex;
    flex-direction: column;
    gap: 12px;
    padding: calc(var(--_space) * 2);
  }
  .bone {
    block-size: 40px;
    inline-size: 65%;
    border-radius: var(--_radius);
    background: var(--_color-surface-sunken);
    animation: pulse 1.2s ease-in-out infinite alternate;
  }
  .bone.mine {
    align-self: flex-end;
    inline-size: 45%;
  }
  @keyframes pulse {
    to {
      opacity: 0.45;
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .bone,
    .dots i {
      animation: none;
    }
  }

  .log {
    flex: 1;
    min-block-size: 0;
    overflow-y: auto;
    overscroll-behavior: contain;
    /* The element keeps the reading position itself when older messages arrive. */
    overflow-anchor: none;
    padding: var(--_space) calc(var(--_space) * 1.5);
    display: flex;
    flex-direction: column;
    gap: 4px;
  }
  .older {
    align-self: center;
  }
  .day {
    display: flex;
    justify-content: center;
    margin-block: var(--_space) 4px;
    font-size: 0.75rem;
    color: var(--_color-text-muted);
  }
  .day span {
    padding: 2px 10px;
    border-radius: 999px;
    background: var(--_color-surface-sunken);
  }
  .row {
    display: flex;
    align-items: flex-end;
    gap: 6px;
    max-inline-size: 100%;
  }
  .row.first {
    margin-block-start: 6px;
  }
  .row.mine {
    flex-direction: column;
    align-items: flex-end;
  }
  .bubble {
    max-inline-size: min(80%, 34em);
    padding: 6px 10px;
    border-radius: var(--_radius);
    background: var(--_color-surface-sunken);
    color: var(--_color-text);
    overflow-wrap: anywhere;
  }
  .mine .bubble {
    background: var(--_brand);
    color: var(--_on-brand);
    border-end-end-radius: var(--_radius-small);
  }
  .mine .bubble.failed {
    background: var(--_color-surface-sunken);
    color: var(--_color-text);
    outline: 1px solid var(--_color-danger);
  }
  .agent .bubble {
    border-end-start-radius: var(--_radius-small);
  }
  .author {
    display: block;
    font-size: 0.75rem;
    font-weight: 600;
    color: var(--_color-text-muted);
  }
  .text {
    white-space: pre-wrap;
  }
  .text a,
  .files a {
    color: inherit;
  }
  .files {
    margin: 4px 0 0;
    padding: 0;
    list-style: none;
  }
  .size {
    font-size: 0.75rem;
    opacity: 0.85;
  }
  .meta {
    display: flex;
    justify-content: flex-end;
    gap: 4px;
    font-size: 0.6875rem;
    opacity: 0.85;
  }
  .delivery.failed {
    color: var(--_color-danger);
    font-weight: 700;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: flex-end;
    gap: 4px;
    font-size: 0.8125rem;
  }
  .failed-text {
    color: var(--_color-danger);
  }
  .typing {
    display: flex;
    align-items: center;
    gap: 6px;
    margin-block-start: 4px;
    font-size: 0.8125rem;
    color: var(--_color-text-muted);
  }
  .dots {
    display: inline-flex;
    gap: 3px;
  }
  .dots i {
    inline-size: 6px;
    block-size: 6px;
    border-radius: 50%;
    background: currentColor;
    animation: pulse 0.8s ease-in-out infinite alternate;
  }
  .dots i:nth-child(2) {
    animation-delay: 0.2s;
  }
  .dots i:nth-child(3) {
    animation-delay: 0.4s;
  }

  .capture {
    display: grid;
    gap: 4px;
    margin: var(--_space);
    padding: calc(var(--_space) * 1.5);
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius);
    background: var(--_color-surface-raised);
  }
  .capture.required {
    overflow-y: auto;
  }
  .capture-head {
    display: flex;
    align-items: center;
    gap: 4px;
  }
  h3 {
    flex: 1;
    margin: 0;
    font-size: 0.9375rem;
  }
  .offer {
    padding: 4px 4px 4px calc(var(--_space) * 1.5);
  }
  .offer h3 {
    font-size: 0.8125rem;
    font-weight: 500;
  }
  .offer:has(input) {
    padding: calc(var(--_space) * 1.5);
  }
  .hint {
    margin: 0 0 4px;
    color: var(--_color-text-muted);
  }
  label {
    font-weight: 600;
    margin-block-start: 4px;
  }
  input,
  textarea {
    font-size: max(16px, var(--_font-size));
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius-small);
    background: var(--_color-surface);
    padding: 8px 10px;
  }
  input[aria-invalid='true'] {
    border-color: var(--_color-danger);
  }
  .field-error {
    margin: 0;
    color: var(--_color-danger);
    font-size: 0.8125rem;
  }
  .primary {
    margin-block-start: var(--_space);
    padding: 10px;
    border: 0;
    border-radius: var(--_radius-small);
    background: var(--_brand);
    color: var(--_on-brand);
    font-weight: 600;
  }

  .composer {
    border-block-start: 1px solid var(--_color-border);
    padding: var(--_space);
  }
  .row-input {
    display: flex;
    align-items: flex-end;
    gap: 2px;
  }
  textarea {
    flex: 1;
    min-inline-size: 0;
    resize: none;
    line-height: 1.4;
    max-block-size: calc(5 * 1.4em + 18px);
    overflow-y: auto;
  }
  .send {
    color: var(--_color-accent);
  }
  .notice {
    margin: 0 0 6px;
    color: var(--_color-danger);
    font-size: 0.8125rem;
  }
  .pending {
    margin: 0 0 6px;
    padding: 0;
    list-style: none;
    display: flex;
    flex-wrap: wrap;
    gap: 6px;
  }
  .pending li {
    display: flex;
    align-items: center;
    gap: 6px;
    padding-inline-start: 8px;
    border-radius: 999px;
    background: var(--_color-surface-sunken);
    font-size: 0.8125rem;
  }
  .pending .name {
    max-inline-size: 14em;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  progress {
    inline-size: 4em;
  }
`;
