import { css } from 'lit';

/**
 * Shared controls. `buttons`: the `.button` (default, `.primary`, `.danger`, `.small`, hover and
 * disabled states) of the quick replies and the mail dialogs; add it before the element's styles.
 */
export const buttons = css`
  .button {
    min-block-size: 2.25rem;
    padding: 0 calc(var(--_space) * 2);
    border-radius: var(--_radius-small);
    border: 1px solid var(--_color-border);
    background: var(--_color-surface);
    cursor: pointer;
    font-weight: 500;
  }
  .button.primary {
    background: var(--_color-accent);
    border-color: var(--_color-accent);
    color: var(--_color-on-accent);
  }
  .button.danger {
    background: var(--_color-danger);
    border-color: var(--_color-danger);
    color: var(--_color-surface);
  }
  .button.small {
    min-block-size: 1.75rem;
    padding: 0 calc(var(--_space) * 1.25);
  }
  .button:hover {
    filter: brightness(0.96);
  }
  .button:disabled {
    opacity: 0.6;
    cursor: default;
  }
`;

/**
 * `.link`: a button that reads as a link in a line of text (retry, dismiss, keep mine…),
 * underlined on hover, muted when disabled. Add it before the element's styles.
 */
export const linkButtons = css`
  .link {
    border: none;
    background: none;
    padding: 2px 4px;
    color: var(--_color-accent);
    cursor: pointer;
    border-radius: var(--_radius-small);
  }
  .link:hover {
    text-decoration: underline;
  }
  .link:disabled {
    color: var(--_color-text-muted);
    cursor: default;
    text-decoration: none;
  }
`;

/**
 * `.icon-button`: a 2rem square button holding one icon (the ⋯ menu, the emoji button, the chat
 * composer's tools): muted until hovered or while its popup is open (`aria-expanded`), dimmed
 * when disabled. Add it before the element's styles.
 */
export const iconButtons = css`
  .icon-button {
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
  .icon-button:hover:not(:disabled),
  .icon-button[aria-expanded='true'] {
    background: var(--_color-surface-sunken);
    border-color: var(--_color-border);
    color: var(--_color-text);
  }
  .icon-button:disabled {
    opacity: 0.5;
    cursor: default;
  }
  .icon-button svg {
    inline-size: 1.25rem;
    block-size: 1.25rem;
  }
`;

/**
 * The `shimmer` animation of `.skeleton` placeholders, stopped under `prefers-reduced-motion`.
 * Add it after the element's styles (its reduced-motion rule must come after `.skeleton`).
 */
export const shimmer = css`
  @keyframes shimmer {
    to {
      background-position: -200% 0;
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .skeleton {
      animation: none;
    }
  }
`;
