import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
    --_chip-height: 1.75rem;
  }
  :host([disabled]) {
    opacity: 0.6;
  }
  .field {
    display: flex;
    align-items: flex-start;
    gap: var(--_space);
    padding-block: 3px;
    border-block-end: 1px solid var(--_color-border);
    transition: border-color var(--_motion);
  }
  .field:focus-within {
    border-block-end-color: var(--_color-accent);
    box-shadow: 0 1px 0 var(--_color-accent);
  }
  .field.invalid {
    border-block-end-color: var(--_color-danger);
  }
  .field.invalid:focus-within {
    box-shadow: 0 1px 0 var(--_color-danger);
  }
  .label {
    flex: none;
    min-inline-size: 2.5rem;
    line-height: var(--_chip-height);
    padding-block: 2px;
    color: var(--_color-text-muted);
  }
  .box {
    flex: 1;
    min-inline-size: 0;
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 4px;
    padding-block: 2px;
    cursor: text;
  }
  .chips {
    display: contents;
    list-style: none;
  }
  .chip {
    display: inline-flex;
    align-items: center;
    min-inline-size: 0;
    max-inline-size: 100%;
    block-size: var(--_chip-height);
    border: 1px solid var(--_color-border);
    border-radius: 999px;
    background: var(--_color-surface-sunken);
  }
  .chip:has(.chip-label:focus) {
    background: var(--_color-accent-soft);
    border-color: var(--_color-accent);
  }
  .chip:has(.chip-label:focus-visible) {
    outline: 2px solid var(--_color-focus);
    outline-offset: 1px;
  }
  .chip-label {
    min-inline-size: 0;
    max-inline-size: 18rem;
    block-size: 100%;
    padding: 0 calc(var(--_space) * 1.25);
    border: 0;
    border-radius: inherit;
    background: transparent;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
    cursor: default;
  }
  .chip-label:focus-visible {
    outline: none;
  }
  .removable .chip-label {
    padding-inline-end: 2px;
  }
  .chip.invalid {
    border-color: var(--_color-danger);
    background: color-mix(in srgb, var(--_color-danger) 8%, var(--_color-surface));
    color: var(--_color-danger);
  }
  .chip.invalid .chip-label {
    cursor: pointer;
    text-decoration: underline wavy;
    text-decoration-thickness: 1px;
    text-underline-offset: 3px;
  }
  .chip-remove {
    flex: none;
    display: grid;
    place-items: center;
    inline-size: 1.375rem;
    block-size: 1.375rem;
    margin-inline-end: 2px;
    padding: 0;
    border: 0;
    border-radius: 50%;
    background: transparent;
    color: var(--_color-text-muted);
    cursor: pointer;
  }
  .chip.invalid .chip-remove {
    color: inherit;
  }
  .chip-remove:hover {
    background: var(--_color-border);
    color: var(--_color-text);
  }
  .chip-remove svg {
    inline-size: 0.875rem;
    block-size: 0.875rem;
  }
  .input {
    flex: 1 1 6rem;
    min-inline-size: 6rem;
    block-size: var(--_chip-height);
    padding: 0 2px;
    border: 0;
    background: transparent;
  }
  .input:focus-visible {
    /* The field's accent underline shows focus. */
    outline: none;
  }
  .messages p {
    margin: 2px 0 0;
    font-size: 0.857em;
    overflow-wrap: anywhere;
  }
  .error {
    color: var(--_color-danger);
  }
  .note {
    color: var(--_color-text-muted);
  }
  .popup {
    position: fixed;
    inset: auto;
    z-index: 1000;
    margin: 0;
    padding: calc(var(--_space) / 2) 0;
    min-inline-size: min(18rem, calc(100vw - 16px));
    max-inline-size: min(28rem, calc(100vw - 16px));
    max-block-size: min(20rem, calc(100vh - 16px));
    overflow: auto;
    background: var(--_color-surface-raised);
    color: var(--_color-text);
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius);
    box-shadow: var(--_shadow);
  }
  .listbox {
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .option {
    display: grid;
    padding: calc(var(--_space) * 0.75) calc(var(--_space) * 1.5);
    border-inline-start: 3px solid transparent;
    cursor: pointer;
  }
  .option:hover {
    background: var(--_color-surface-sunken);
  }
  .option[aria-selected='true'] {
    background: var(--_color-accent-soft);
    border-inline-start-color: var(--_color-accent);
  }
  .option-name,
  .option-address {
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  .option-name {
    font-weight: 500;
  }
  .option-address {
    color: var(--_color-text-muted);
    font-size: 0.857em;
  }
  .option-address:only-child {
    color: inherit;
    font-size: 1em;
  }
  mark {
    background: transparent;
    color: inherit;
    font-weight: 700;
  }
  .popup-status {
    margin: 0;
    padding: calc(var(--_space) * 0.5) calc(var(--_space) * 1.5);
    color: var(--_color-text-muted);
    font-size: 0.857em;
  }
`;
