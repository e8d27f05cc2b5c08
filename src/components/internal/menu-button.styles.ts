import { css } from 'lit';

/**
 * The popup and the items of every `MenuButtonBase` menu: the top-layer `.menu` (shown while
 * `.open`) and its `.item`s' hover, focus and focus ring. Add it before the element's own styles,
 * which size the menu and lay out the items.
 */
export const menuStyles = css`
  .menu {
    position: fixed;
    inset: auto;
    z-index: 1000;
    margin: 0;
    max-block-size: calc(100vh - 16px);
    overflow: auto;
    padding: calc(var(--_space) / 2) 0;
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
    cursor: pointer;
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
`;

export const styles = css`
  :host {
    display: inline-block;
    position: relative;
  }
  .menu {
    min-inline-size: 11rem;
    max-inline-size: min(20rem, calc(100vw - 16px));
  }
  .item {
    display: block;
    padding: calc(var(--_space) * 0.75) calc(var(--_space) * 1.75);
    white-space: nowrap;
    overflow: hidden;
    text-overflow: ellipsis;
  }
  .item.danger {
    color: var(--_color-danger);
  }
`;
