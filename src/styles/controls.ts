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
