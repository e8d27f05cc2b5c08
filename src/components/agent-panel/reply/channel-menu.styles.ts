import { css } from 'lit';

export const styles = css`
  :host {
    display: inline-block;
  }
  .button {
    display: inline-flex;
    align-items: center;
    gap: calc(var(--_space) * 0.75);
    min-block-size: 2rem;
    padding: 0 calc(var(--_space) * 1.25);
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius-small);
    background: var(--_color-surface);
    color: var(--_color-text);
    font-weight: 500;
    cursor: pointer;
  }
  .button:hover,
  .button[aria-expanded='true'] {
    background: var(--_color-surface-sunken);
  }
  .button:disabled {
    opacity: 0.6;
    cursor: default;
  }
  .channel-icon {
    position: relative;
    display: inline-grid;
    place-items: center;
    color: var(--_color-accent);
  }
  svg {
    inline-size: 1.125rem;
    block-size: 1.125rem;
  }
  .chevron {
    inline-size: 1rem;
    block-size: 1rem;
    color: var(--_color-text-muted);
    transition: transform var(--_motion);
  }
  .button[aria-expanded='true'] .chevron {
    transform: rotate(180deg);
  }
  .presence {
    position: absolute;
    inset-block-start: -2px;
    inset-inline-end: -3px;
    inline-size: 8px;
    block-size: 8px;
    border-radius: 50%;
    background: var(--_color-success);
    box-shadow: 0 0 0 2px var(--_color-surface);
  }
  .menu {
    min-inline-size: 15rem;
    max-inline-size: min(22rem, calc(100vw - 16px));
  }
  .item {
    display: grid;
    grid-template-columns: 1rem auto 1fr;
    align-items: start;
    gap: calc(var(--_space) * 0.75);
    padding: calc(var(--_space) * 0.75) calc(var(--_space) * 1.5);
  }
  .item.disabled {
    cursor: default;
  }
  .item.disabled .label,
  .item.disabled .channel-icon {
    color: var(--_color-text-muted);
  }
  .check {
    color: var(--_color-accent);
    font-weight: 600;
  }
  .text {
    display: grid;
  }
  .label {
    font-weight: 500;
  }
  .reason {
    color: var(--_color-text-muted);
    font-size: 0.9em;
  }
`;
