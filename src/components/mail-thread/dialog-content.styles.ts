import { css } from 'lit';

/** What the three mail dialogs share: fields, status and error messages (buttons: `buttons`). */
export const dialogContentStyles = css`
  :host {
    display: contents;
  }
  p {
    margin: 0 0 var(--_space);
  }
  h3 {
    margin: calc(var(--_space) * 2) 0 var(--_space);
    font-size: 1em;
    font-weight: 600;
  }
  .field {
    display: grid;
    gap: calc(var(--_space) / 2);
    margin-block-end: calc(var(--_space) * 1.5);
  }
  .field label,
  .label {
    font-weight: 500;
  }
  input:not([type='checkbox']),
  textarea {
    inline-size: 100%;
    min-block-size: 2.25rem;
    padding: calc(var(--_space) / 2) calc(var(--_space) * 1.25);
    background: var(--_color-surface);
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius-small);
  }
  input[readonly] {
    background: var(--_color-surface-sunken);
    color: var(--_color-text-muted);
  }
  textarea {
    min-block-size: 5rem;
    resize: vertical;
  }
  [aria-invalid='true'] {
    border-color: var(--_color-danger);
  }
  .check {
    display: flex;
    align-items: center;
    gap: var(--_space);
  }
  .check input {
    inline-size: 1rem;
    block-size: 1rem;
    margin: 0;
    accent-color: var(--_color-accent);
  }
  .hint {
    color: var(--_color-text-muted);
    font-size: 0.857em;
  }
  .field-error,
  .error {
    color: var(--_color-danger);
  }
  .field-error {
    font-size: 0.857em;
  }
  .error {
    margin-block: var(--_space);
    padding: var(--_space) calc(var(--_space) * 1.25);
    border: 1px solid currentColor;
    border-radius: var(--_radius-small);
  }
  .error p {
    margin: 0;
  }
  .error .button {
    margin-block-start: var(--_space);
  }
  .status {
    color: var(--_color-text-muted);
  }
  .skeleton {
    display: block;
    block-size: 0.9rem;
    margin-block: var(--_space);
    border-radius: var(--_radius-small);
    background: var(--_color-surface-sunken);
    animation: pulse 1.2s ease-in-out infinite;
  }
  .skeleton:nth-child(odd) {
    inline-size: 70%;
  }
  @keyframes pulse {
    50% {
      opacity: 0.5;
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .skeleton {
      animation: none;
    }
  }
  .address {
    font-weight: 500;
    overflow-wrap: anywhere;
  }
`;
