import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
  }
  .base {
    position: relative;
    display: flex;
    flex-direction: column;
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius);
    background: var(--_color-surface);
    transition: border-color var(--_motion);
  }
  .base:focus-within {
    border-color: var(--_color-focus);
  }
  textarea {
    display: block;
    inline-size: 100%;
    /* One line at rest, six at most; the height follows the content in between (see grow()). */
    min-block-size: calc(1.45em + var(--_space) * 2);
    max-block-size: calc(1.45em * 6 + var(--_space) * 2);
    padding: var(--_space) calc(var(--_space) * 1.5);
    border: none;
    border-radius: var(--_radius) var(--_radius) 0 0;
    background: transparent;
    line-height: 1.45;
    resize: none;
    overflow-y: auto;
  }
  textarea:focus-visible {
    outline: none;
  }
  textarea::placeholder {
    color: var(--_color-text-muted);
  }
  textarea:disabled {
    cursor: not-allowed;
    opacity: 0.7;
  }
  .tools {
    display: flex;
    align-items: center;
    gap: 2px;
    padding: 2px calc(var(--_space) / 2) calc(var(--_space) / 2);
  }
  .spacer {
    flex: 1;
  }
  .send {
    display: inline-flex;
    align-items: center;
    gap: calc(var(--_space) * 0.75);
    min-block-size: 2rem;
  }
  .send svg {
    inline-size: 1rem;
    block-size: 1rem;
  }
  atento-attachment-list:not(:empty) {
    margin-block-start: var(--_space);
  }
  .problems {
    display: flex;
    flex-direction: column;
    gap: calc(var(--_space) / 2);
  }
  .problems p {
    margin: calc(var(--_space) / 2) 0 0;
  }
  .alerts:empty {
    display: none;
  }
  .error {
    color: var(--_color-danger);
  }
  .error .button {
    margin-inline-start: var(--_space);
    color: var(--_color-text);
  }
  .quick-replies {
    position: fixed;
    inset: auto;
    z-index: 1000;
    margin: 0;
    padding: 0;
    overflow: auto;
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius);
    background: var(--_color-surface-raised);
    color: var(--_color-text);
    box-shadow: var(--_shadow);
  }
`;
