import { css } from 'lit';

export const styles = css`
  :host {
    display: inline-block;
  }
  .popover {
    position: fixed;
    inset: auto;
    z-index: 1000;
    margin: 0;
    padding: 0;
    border: 0;
    overflow: visible;
    background: transparent;
    color: var(--_color-text);
    border-radius: var(--_radius);
    box-shadow: var(--_shadow);
    font-family: var(--_font-family);
    font-size: var(--_font-size);
    line-height: 1.45;
  }
  .popover:not(.open) {
    display: none;
  }
  emoji-picker,
  .status {
    inline-size: min(22rem, calc(100vw - 16px));
    block-size: min(24rem, calc(100vh - 16px));
  }
  emoji-picker {
    /* The page's colour scheme, not the OS's: the tokens below resolve light-dark() with it. */
    color-scheme: inherit;
    --num-columns: 8;
    --emoji-size: 1.375rem;
    --emoji-padding: 0.4rem;
    --background: var(--_color-surface-raised);
    --border-color: var(--_color-border);
    --border-radius: var(--_radius);
    --button-hover-background: var(--_color-surface-sunken);
    --button-active-background: var(--_color-accent-soft);
    --category-font-color: var(--_color-text-muted);
    --indicator-color: var(--_color-accent);
    --input-border-color: var(--_color-border);
    --input-border-radius: var(--_radius-small);
    --input-font-color: var(--_color-text);
    --input-font-size: var(--_font-size);
    --input-padding: 0.375rem 0.5rem;
    --input-placeholder-color: var(--_color-text-muted);
    --outline-color: var(--_color-focus);
  }
  .status {
    display: flex;
    flex-direction: column;
    align-items: center;
    justify-content: center;
    gap: var(--_space);
    padding: calc(var(--_space) * 2);
    text-align: center;
    color: var(--_color-text-muted);
    background: var(--_color-surface-raised);
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius);
  }
  .status p {
    margin: 0;
  }
  .status.error {
    color: var(--_color-danger);
  }
`;
