import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
  }
  .list {
    display: flex;
    flex-wrap: wrap;
    align-items: flex-start;
    gap: var(--_space);
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .item {
    display: grid;
    grid-template-columns: auto minmax(0, 1fr) auto;
    grid-template-areas:
      'icon text actions'
      'progress progress progress'
      'error error error';
    align-items: center;
    column-gap: var(--_space);
    inline-size: min(100%, 20rem);
    padding: calc(var(--_space) * 0.75) var(--_space);
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius-small);
    background: var(--_color-surface-raised);
  }
  .item.failed {
    border-color: var(--_color-danger);
  }
  .icon {
    grid-area: icon;
    inline-size: 1.75rem;
    block-size: 1.75rem;
    color: var(--_color-accent);
  }
  .failed .icon {
    color: var(--_color-danger);
  }
  .text {
    grid-area: text;
    display: grid;
    min-inline-size: 0;
  }
  .name {
    font-weight: 500;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  a.name {
    color: var(--_color-accent);
    text-decoration: none;
    border-radius: var(--_radius-small);
  }
  a.name:hover {
    text-decoration: underline;
  }
  .size {
    color: var(--_color-text-muted);
    font-size: 0.857em;
    font-variant-numeric: tabular-nums;
  }
  .actions {
    grid-area: actions;
    display: flex;
    align-items: center;
    gap: calc(var(--_space) / 2);
  }
  .remove {
    display: inline-grid;
    place-items: center;
    inline-size: 1.75rem;
    block-size: 1.75rem;
    padding: 0;
    border: 1px solid transparent;
    border-radius: var(--_radius-small);
    background: transparent;
    color: var(--_color-text-muted);
    cursor: pointer;
    opacity: 0;
    transition: opacity var(--_motion);
  }
  .remove svg {
    inline-size: 1rem;
    block-size: 1rem;
  }
  .remove:hover {
    background: var(--_color-surface-sunken);
    border-color: var(--_color-border);
    color: var(--_color-text);
  }
  /* Revealed on hover and on keyboard focus; always shown on touch screens, and on failed items
     (something to act on). It stays in the tab order while transparent. */
  .item:hover .remove,
  .item:focus-within .remove,
  .failed .remove {
    opacity: 1;
  }
  @media (hover: none) and (pointer: coarse) {
    .remove {
      opacity: 1;
    }
  }
  .progress {
    grid-area: progress;
    position: relative;
    overflow: hidden;
    block-size: 4px;
    margin-block-start: calc(var(--_space) * 0.75);
    border-radius: 2px;
    background: var(--_color-border);
  }
  .bar {
    display: block;
    block-size: 100%;
    background: var(--_color-accent);
    border-radius: inherit;
    transition: inline-size var(--_motion) linear;
  }
  .progress.indeterminate .bar {
    inline-size: 30% !important;
    animation: waiting 1.2s ease-in-out infinite alternate;
  }
  @keyframes waiting {
    from {
      transform: translateX(-100%);
    }
    to {
      transform: translateX(333%);
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .progress.indeterminate .bar {
      animation: none;
      opacity: 0.5;
    }
  }
  .error {
    grid-area: error;
    margin: calc(var(--_space) / 2) 0 0;
    color: var(--_color-danger);
    font-size: 0.857em;
    overflow-wrap: anywhere;
  }
`;
