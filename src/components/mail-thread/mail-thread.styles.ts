import { css } from 'lit';

export const styles = css`
  :host {
    display: flex;
    flex-direction: column;
    block-size: var(--atento-thread-height, 100%);
    min-block-size: 0;
    background: var(--_color-surface-sunken);
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius);
    overflow: hidden;
  }
  .icon {
    inline-size: 1em;
    block-size: 1em;
    flex: none;
    vertical-align: -0.125em;
  }
  .header {
    display: grid;
    gap: calc(var(--_space) / 2);
    padding: calc(var(--_space) * 1.5) calc(var(--_space) * 2);
    background: var(--_color-surface);
    border-block-end: 1px solid var(--_color-border);
  }
  .title-row,
  .meta-row {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: calc(var(--_space) / 2) var(--_space);
    min-inline-size: 0;
  }
  .subject {
    margin: 0;
    font-size: 1.143em;
    font-weight: 600;
    overflow-wrap: anywhere;
    min-inline-size: 0;
  }
  .case-number {
    font-variant-numeric: tabular-nums;
    color: var(--_color-text-muted);
    font-weight: 600;
  }
  .status-mark,
  .channel,
  .verified,
  .blocked {
    display: inline-flex;
    align-items: center;
    gap: 4px;
    padding: 1px 8px;
    border-radius: 999px;
    font-size: 0.786em;
    font-weight: 500;
    border: 1px solid var(--_color-border);
    color: var(--_color-text-muted);
  }
  .status-mark.completed,
  .verified {
    color: var(--_color-success);
    border-color: currentColor;
  }
  .status-button {
    margin-inline-start: auto;
    min-block-size: 1.75rem;
  }
  .status-button.complete {
    color: var(--_color-success);
  }
  .status-button[aria-disabled='true'] {
    opacity: 0.6;
    cursor: progress;
  }
  .viewers {
    display: grid;
    padding: calc(var(--_space) / 2) calc(var(--_space) * 2);
    background: var(--_color-accent-soft);
    border-block-end: 1px solid var(--_color-border);
    font-size: 0.857em;
  }
  .viewers.replying {
    background: var(--_color-warning-soft);
  }
  .viewers.empty {
    padding: 0;
    border: 0;
  }
  .customer {
    display: inline-flex;
    flex-wrap: wrap;
    gap: 0 6px;
    min-inline-size: 0;
    overflow-wrap: anywhere;
  }
  .customer-name {
    font-weight: 500;
  }
  .customer-address {
    color: var(--_color-text-muted);
  }
  .channels {
    display: flex;
    gap: 4px;
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .blocked {
    background: var(--_color-warning-soft);
    color: var(--_color-warning);
    border-color: currentColor;
    cursor: pointer;
  }
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space);
    padding: var(--_space) calc(var(--_space) * 2);
    background: var(--_color-surface);
    border-block-end: 1px solid var(--_color-border);
  }
  .nav {
    display: inline-flex;
    align-items: center;
    gap: 4px;
    margin-inline: auto;
  }
  .counter {
    min-inline-size: 4.5em;
    text-align: center;
    font-variant-numeric: tabular-nums;
  }
  .expand {
    display: inline-flex;
    gap: 4px;
  }
  .button {
    display: inline-flex;
    align-items: center;
    gap: 6px;
    min-block-size: 2rem;
    padding: 0 calc(var(--_space) * 1.5);
    border-radius: var(--_radius-small);
    border: 1px solid var(--_color-border);
    background: var(--_color-surface);
    cursor: pointer;
    font-weight: 500;
  }
  .button.icon-only {
    padding: 0;
    inline-size: 2rem;
    justify-content: center;
  }
  .button:disabled {
    opacity: 0.45;
    cursor: default;
  }
  .button.primary {
    background: var(--_color-accent);
    border-color: var(--_color-accent);
    color: var(--_color-on-accent);
  }
  .scroller {
    position: relative;
    flex: 1;
    min-block-size: 0;
    overflow: auto;
    overflow-anchor: none;
    overscroll-behavior: contain;
  }
  .feed {
    display: flex;
    flex-direction: column;
    gap: var(--_space);
    padding: calc(var(--_space) * 1.5) calc(var(--_space) * 2);
  }
  .row {
    display: flex;
    flex-direction: column;
    gap: var(--_space);
  }
  .spacer {
    flex: none;
  }
  .divider {
    display: flex;
    align-items: center;
    gap: var(--_space);
    margin-block-start: var(--_space);
    color: var(--_color-text-muted);
    font-size: 0.786em;
  }
  .divider::before,
  .divider::after {
    content: '';
    flex: 1;
    border-block-start: 1px solid var(--_color-border);
  }
  .divider-text {
    display: inline-flex;
    align-items: center;
    gap: 6px;
    max-inline-size: 80%;
    overflow-wrap: anywhere;
    text-align: center;
  }
  .side-errors {
    display: grid;
    gap: calc(var(--_space) / 2);
    padding: calc(var(--_space) / 2) calc(var(--_space) * 2);
  }
  .side-error {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: var(--_space);
    padding: calc(var(--_space) / 2) var(--_space);
    border: 1px solid var(--_color-border);
    border-inline-start: 3px solid var(--_color-danger);
    border-radius: var(--_radius-small);
    background: var(--_color-surface);
    font-size: 0.857em;
  }
  .side-error .button {
    flex: none;
  }
  .older-status {
    padding: var(--_space);
    text-align: center;
    color: var(--_color-text-muted);
    font-size: 0.857em;
  }
  .pill {
    position: sticky;
    inset-block-end: var(--_space);
    align-self: center;
    margin-block-start: calc(var(--_space) * -1);
    box-shadow: var(--_shadow);
    border-radius: 999px;
  }
  .pill-wrap {
    position: sticky;
    inset-block-end: 0;
    display: flex;
    justify-content: center;
    block-size: 0;
    overflow: visible;
  }
  .pill-wrap .button {
    transform: translateY(calc(-100% - var(--_space)));
    border-radius: 999px;
    box-shadow: var(--_shadow);
  }
  .state {
    display: grid;
    justify-items: center;
    align-content: center;
    gap: var(--_space);
    padding: calc(var(--_space) * 4) calc(var(--_space) * 2);
    text-align: center;
    flex: 1;
  }
  .state p {
    margin: 0;
  }
  .state.error strong {
    color: var(--_color-danger);
  }
  .skeleton-wrap {
    display: grid;
    gap: var(--_space);
    padding: calc(var(--_space) * 2);
  }
  .skeleton {
    display: block;
    block-size: 3.25rem;
    border-radius: var(--_radius-small);
    background: linear-gradient(
      90deg,
      var(--_color-surface) 0%,
      var(--_color-border) 50%,
      var(--_color-surface) 100%
    );
    background-size: 200% 100%;
    animation: shimmer 1.2s linear infinite;
    opacity: 0.6;
  }
  .skeleton.title {
    block-size: 1.5rem;
    inline-size: 40%;
  }
  .skeleton.tall {
    block-size: 9rem;
  }
`;
