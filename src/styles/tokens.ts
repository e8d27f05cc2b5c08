import { css } from 'lit';

/**
 * Design tokens. Public `--atento-*` custom properties (set them on the element or any ancestor)
 * map onto private `--_*` locals that the element's styles use. Colours use `light-dark()`, so an
 * element follows the page's `color-scheme` (`color-scheme: light dark` follows the OS;
 * `[data-theme=dark]` pages set `color-scheme: dark`).
 *
 * Public tokens:
 * --atento-font-family, --atento-font-size, --atento-color-text, --atento-color-text-muted,
 * --atento-color-surface, --atento-color-surface-raised, --atento-color-surface-sunken,
 * --atento-color-border, --atento-color-accent, --atento-color-on-accent,
 * --atento-color-accent-soft, --atento-color-danger, --atento-color-warning,
 * --atento-color-warning-soft, --atento-color-success, --atento-color-focus, --atento-radius,
 * --atento-radius-small, --atento-space, --atento-shadow.
 */
export const tokens = css`
  :host {
    --_font-family: var(
      --atento-font-family,
      system-ui,
      -apple-system,
      'Segoe UI',
      Roboto,
      'Helvetica Neue',
      Arial,
      sans-serif
    );
    --_font-size: var(--atento-font-size, 0.875rem);
    --_color-text: var(--atento-color-text, light-dark(#1d2330, #e7e9ef));
    --_color-text-muted: var(--atento-color-text-muted, light-dark(#5b6375, #a5adbf));
    --_color-surface: var(--atento-color-surface, light-dark(#ffffff, #171a21));
    --_color-surface-raised: var(--atento-color-surface-raised, light-dark(#ffffff, #1f232c));
    --_color-surface-sunken: var(--atento-color-surface-sunken, light-dark(#f3f5f9, #12151b));
    --_color-border: var(--atento-color-border, light-dark(#d7dce6, #343a48));
    --_color-accent: var(--atento-color-accent, light-dark(#1f5fd6, #86a8ff));
    --_color-on-accent: var(--atento-color-on-accent, light-dark(#ffffff, #0b1222));
    --_color-accent-soft: var(--atento-color-accent-soft, light-dark(#e7efff, #22304f));
    --_color-danger: var(--atento-color-danger, light-dark(#b42318, #ff8a80));
    --_color-warning: var(--atento-color-warning, light-dark(#8a5300, #f5c16c));
    --_color-warning-soft: var(--atento-color-warning-soft, light-dark(#fff4e0, #3a2c12));
    --_color-success: var(--atento-color-success, light-dark(#177245, #6fd49a));
    --_color-focus: var(--atento-color-focus, light-dark(#1f5fd6, #a8c1ff));
    --_radius: var(--atento-radius, 8px);
    --_radius-small: var(--atento-radius-small, 4px);
    --_space: var(--atento-space, 8px);
    --_shadow: var(
      --atento-shadow,
      0 1px 2px light-dark(rgb(16 24 40 / 0.06), rgb(0 0 0 / 0.4)),
      0 4px 12px light-dark(rgb(16 24 40 / 0.08), rgb(0 0 0 / 0.35))
    );
    --_motion: 150ms;
  }

  @media (prefers-reduced-motion: reduce) {
    :host {
      --_motion: 0ms;
    }
  }
`;

/** A small reset every element shares: box sizing, font, focus ring, hidden attribute. */
export const reset = css`
  :host {
    box-sizing: border-box;
    font-family: var(--_font-family);
    font-size: var(--_font-size);
    line-height: 1.45;
    color: var(--_color-text);
  }
  :host([hidden]),
  [hidden] {
    display: none !important;
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
  :focus-visible {
    outline: 2px solid var(--_color-focus);
    outline-offset: 2px;
  }
  button,
  input,
  select,
  textarea {
    font: inherit;
    color: inherit;
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
`;
