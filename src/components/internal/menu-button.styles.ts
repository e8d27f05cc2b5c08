import { css } from 'lit';

export const styles = css`
  :host {
    display: inline-block;
    position: relative;
  }
  .button {
    display: inline-grid;
    place-items: center;
    inline-size: 2rem;
    block-size: 2rem;
    padding: 0;
    border: 1px solid transparent;
    border-radius: var(--_radius-small);
    background: transparent;
    color: var(--_color-text-muted);
    cursor: pointer;
  }
  .button:hover,
  .button[aria-expanded='true'] {
    background: var(--_color-surface-sunken);
    border-color: var(--_color-border);
    color: var(--_color-text);
  }
  .button svg {
    inline-size: 1.25rem;
    block-size: 1.25rem;
  }
  .menu {
    position: fixed;
    inset: auto;
    z-index: 1000;
    margin: 0;
    min-inline-size: 11rem;
    max-inline-size: min(20rem, calc(100vw - 16px));
    max-block-size: calc(100vh - 16px);
    overflow: auto;
    padding: calc(var(--_space) / 2) 0;
    list-style: none;
    background: var(--_color-surface-raised);
    color: var(--_color-text);
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius);
    box-shadow: var(--_shadow);
    font-family: var(--_font-family);
    font-size: var(--_font-size);
    line-height: 1.45;
  }
  .menu:not(.open) {
    display: none;
  }
  .item {
    display: block;
    padding: calc(var(--_space) * 0.75) calc(var(--_space) * 1.75);
    cursor: pointer;
    white-space: nowrap;
    overflow: hidden;
    text-overflow: ellipsis;
    outline: none;
  }
  .item:hover,
  .item:focus {
    background: var(--_color-accent-soft);
  }
  .item:focus-visible {
    outline: 2px solid var(--_color-focus);
    outline-offset: -2px;
  }
  .item.danger {
    color: var(--_color-danger);
  }
`;
