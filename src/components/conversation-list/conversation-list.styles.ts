import { css } from 'lit';

export const styles = css`
  :host {
    --_row-height: var(--atento-conversation-row-height, 4.25rem);
    display: block;
    block-size: 100%;
    min-block-size: 0;
    contain: layout;
  }
  .base {
    position: relative;
    display: flex;
    flex-direction: column;
    block-size: 100%;
    min-block-size: 0;
    background: var(--_color-surface);
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius);
    overflow: hidden;
  }
  .icon {
    inline-size: 1em;
    block-size: 1em;
    flex: none;
  }

  /* ── header ─────────────────────────────────────────────────────────────────────────────── */
  .header {
    display: grid;
    gap: var(--_space);
    padding: calc(var(--_space) * 1.5) calc(var(--_space) * 1.5) var(--_space);
    border-block-end: 1px solid var(--_color-border);
  }
  .title-row {
    display: flex;
    align-items: center;
    gap: var(--_space);
    min-inline-size: 0;
  }
  .title {
    margin: 0;
    font-size: 1.143em;
    font-weight: 650;
  }
  .new-wrap {
    display: inline-flex;
  }
  .new-indicator {
    display: inline-flex;
  }
  .new-dot {
    inline-size: 0.625rem;
    block-size: 0.625rem;
    border-radius: 50%;
    background: var(--_color-danger);
    box-shadow: 0 0 0 2px var(--_color-surface);
  }
  .count {
    margin-inline-start: auto;
    color: var(--_color-text-muted);
    font-size: 0.857em;
    font-variant-numeric: tabular-nums;
    white-space: nowrap;
  }
  .search-box {
    position: relative;
    display: flex;
    align-items: center;
  }
  .search-icon {
    position: absolute;
    inset-inline-start: calc(var(--_space) * 1.1);
    inline-size: 1.05em;
    block-size: 1.05em;
    color: var(--_color-text-muted);
    pointer-events: none;
  }
  #search {
    inline-size: 100%;
    min-block-size: 2.25rem;
    padding: 0 var(--_space) 0 calc(var(--_space) * 4);
    background: var(--_color-surface-sunken);
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius-small);
  }
  #search::placeholder {
    color: var(--_color-text-muted);
    opacity: 1;
  }
  .filters {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space);
  }
  .segmented {
    display: inline-flex;
    margin: 0;
    padding: 2px;
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius-small);
    background: var(--_color-surface-sunken);
    min-inline-size: 0;
  }
  .segment {
    position: relative;
    display: inline-flex;
  }
  .segment input {
    position: absolute;
    inset: 0;
    margin: 0;
    opacity: 0;
    cursor: pointer;
  }
  .segment span {
    padding: 0.25rem 0.625rem;
    border-radius: calc(var(--_radius-small) - 1px);
    font-size: 0.857em;
    font-weight: 500;
    color: var(--_color-text-muted);
    white-space: nowrap;
  }
  .segment input:checked + span {
    background: var(--_color-surface-raised);
    color: var(--_color-text);
    box-shadow: 0 1px 2px light-dark(rgb(16 24 40 / 0.12), rgb(0 0 0 / 0.5));
  }
  .segment input:focus-visible + span {
    outline: 2px solid var(--_color-focus);
    outline-offset: 1px;
  }
  .toggles {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_space) / 2);
  }
  .toggle {
    min-block-size: 1.75rem;
    padding: 0 0.625rem;
    border: 1px solid var(--_color-border);
    border-radius: 999px;
    background: var(--_color-surface);
    color: var(--_color-text-muted);
    font-size: 0.857em;
    font-weight: 500;
    cursor: pointer;
  }
  .toggle:hover {
    color: var(--_color-text);
    border-color: var(--_color-text-muted);
  }
  .toggle[aria-pressed='true'] {
    background: var(--_color-accent-soft);
    border-color: var(--_color-accent);
    color: var(--_color-text);
  }

  /* ── body and states ────────────────────────────────────────────────────────────────────── */
  .body {
    position: relative;
    flex: 1;
    min-block-size: 0;
    display: flex;
    flex-direction: column;
  }
  .banner {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: calc(var(--_space) / 2) var(--_space);
    padding: var(--_space) calc(var(--_space) * 1.5);
    font-size: 0.857em;
    background: var(--_color-warning-soft);
    border-block-end: 1px solid var(--_color-border);
  }
  .banner.error {
    background: var(--_color-surface-sunken);
    color: var(--_color-danger);
  }
  .banner.error .button {
    color: var(--_color-text);
  }
  .state {
    display: grid;
    justify-items: center;
    align-content: start;
    gap: var(--_space);
    padding: calc(var(--_space) * 4) calc(var(--_space) * 2);
    text-align: center;
    color: var(--_color-text-muted);
  }
  .state p {
    margin: 0;
  }
  .state.error {
    color: var(--_color-danger);
  }
  .state.error strong {
    display: block;
  }
  .state .button {
    color: var(--_color-text);
  }
  .state-loading {
    position: relative;
    flex: 1;
    overflow: hidden;
  }
  .skeleton {
    display: block;
    background: linear-gradient(
      90deg,
      var(--_color-surface-sunken) 0%,
      var(--_color-border) 50%,
      var(--_color-surface-sunken) 100%
    );
    background-size: 200% 100%;
    animation: shimmer 1.2s linear infinite;
  }
  .skeleton.bar {
    block-size: 0.75rem;
    inline-size: 70%;
    border-radius: var(--_radius-small);
  }
  .skeleton.bar.wide {
    inline-size: 45%;
  }

  /* ── the listbox ────────────────────────────────────────────────────────────────────────── */
  .scroller {
    position: relative;
    flex: 1;
    min-block-size: 0;
    overflow-y: auto;
    overflow-anchor: none;
    overscroll-behavior: contain;
  }
  .scroller::after {
    content: '';
    display: block;
    block-size: calc(var(--_row-height) * var(--n, 0));
  }
  /* Focus shows on the active row (APG listbox with aria-activedescendant). */
  .scroller:focus-visible,
  .scroller.keyboard:focus {
    outline: none;
  }
  .probe {
    position: absolute;
    inset-inline-start: 0;
    inset-block-start: 0;
    inline-size: 1px;
    block-size: var(--_row-height);
    visibility: hidden;
    pointer-events: none;
  }
  .row {
    position: absolute;
    inset-inline: 0;
    inset-block-start: calc(var(--_row-height) * var(--i, 0));
    block-size: var(--_row-height);
    display: grid;
    grid-template-columns: 0.5rem 2.25rem minmax(0, 1fr);
    grid-template-rows: auto auto;
    align-content: center;
    column-gap: calc(var(--_space) * 0.75);
    row-gap: 2px;
    padding-inline: calc(var(--_space) * 0.5) calc(var(--_space) * 1.5);
    border-block-end: 1px solid var(--_color-border);
    border-inline-start: 3px solid transparent;
    cursor: pointer;
    user-select: none;
  }
  .row:hover {
    background: var(--_color-surface-sunken);
  }
  .row.selected {
    background: var(--_color-accent-soft);
    border-inline-start-color: var(--_color-accent);
  }
  .scroller:focus-visible .row.active,
  .scroller.keyboard:focus .row.active {
    outline: 2px solid var(--_color-focus);
    outline-offset: -2px;
  }
  .unread-dot {
    grid-row: 1 / span 2;
    grid-column: 1;
    align-self: center;
    justify-self: center;
    inline-size: 0.5rem;
    block-size: 0.5rem;
    border-radius: 50%;
  }
  .row.unread .unread-dot {
    background: var(--_color-accent);
  }
  .avatar {
    grid-row: 1 / span 2;
    grid-column: 2;
    align-self: center;
    position: relative;
    display: grid;
    place-items: center;
    inline-size: 2.25rem;
    block-size: 2.25rem;
    border-radius: 50%;
    font-size: 0.8em;
    font-weight: 650;
    letter-spacing: 0.02em;
    background: light-dark(hsl(var(--h, 220) 70% 92%), hsl(var(--h, 220) 35% 28%));
    color: light-dark(hsl(var(--h, 220) 55% 26%), hsl(var(--h, 220) 70% 88%));
  }
  .avatar-icon {
    inline-size: 1.35rem;
    block-size: 1.35rem;
  }
  .online-dot {
    position: absolute;
    inset-inline-end: -1px;
    inset-block-end: -1px;
    inline-size: 0.7rem;
    block-size: 0.7rem;
    border-radius: 50%;
    background: var(--_color-success);
    border: 2px solid var(--_color-surface);
  }
  .line {
    grid-column: 3;
    display: flex;
    align-items: center;
    gap: calc(var(--_space) * 0.75);
    min-inline-size: 0;
  }
  .name,
  .preview {
    flex: 1;
    min-inline-size: 0;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  .name {
    font-weight: 500;
  }
  .row.unread .name {
    font-weight: 700;
  }
  .time {
    flex: none;
    font-size: 0.786em;
    color: var(--_color-text-muted);
    font-variant-numeric: tabular-nums;
  }
  .row.unread .time {
    color: var(--_color-accent);
    font-weight: 600;
  }
  .line.second {
    color: var(--_color-text-muted);
    font-size: 0.929em;
  }
  .row.unread .preview {
    color: var(--_color-text);
  }
  .preview.typing {
    color: var(--_color-success);
    font-style: italic;
  }
  .channels {
    display: inline-flex;
    gap: 3px;
    flex: none;
  }
  .channel {
    display: inline-flex;
  }
  .channel .icon,
  .completed .icon {
    inline-size: 0.95rem;
    block-size: 0.95rem;
  }
  .number {
    flex: none;
    font-size: 0.846em;
    font-variant-numeric: tabular-nums;
  }
  .completed {
    display: inline-flex;
    flex: none;
    color: var(--_color-success);
  }
  .skeleton-row {
    cursor: default;
  }
  .skeleton-row:hover {
    background: none;
  }
  .skeleton-row .avatar {
    background: none;
  }
  .skeleton-row .avatar.skeleton {
    background: linear-gradient(
      90deg,
      var(--_color-surface-sunken) 0%,
      var(--_color-border) 50%,
      var(--_color-surface-sunken) 100%
    );
    background-size: 200% 100%;
  }

  @media (prefers-reduced-motion: reduce) {
    .skeleton {
      animation: none;
    }
  }
  @media (forced-colors: active) {
    .row.selected {
      border-inline-start-color: Highlight;
    }
    .row.unread .unread-dot,
    .online-dot,
    .new-dot {
      background: CanvasText;
    }
  }
`;
