import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
    min-inline-size: 0;
    container-type: inline-size;
    overflow-wrap: anywhere;
  }
  :host(:focus-visible) {
    outline: 2px solid var(--_color-focus);
    outline-offset: 2px;
    border-radius: var(--_radius);
  }

  /* ——— email card ——— */
  .card {
    background: var(--_color-surface);
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius);
    min-inline-size: 0;
    transition: box-shadow var(--_motion) ease;
  }
  .card.expanded {
    box-shadow: var(--_shadow);
  }
  .header {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: calc(var(--_space) / 2) var(--_space);
    min-inline-size: 0;
  }
  .expanded .header {
    padding-inline-end: var(--_space);
  }
  .summary {
    flex: 1 1 20rem;
    display: flex;
    align-items: baseline;
    gap: var(--_space);
    min-inline-size: 0;
    margin: 0;
    padding: calc(var(--_space) * 1.25) calc(var(--_space) * 1.5);
    background: none;
    border: 0;
    border-radius: var(--_radius);
    text-align: start;
    cursor: pointer;
  }
  .summary:hover .sender {
    text-decoration: underline;
  }
  .summary:focus-visible {
    outline-offset: -2px;
  }
  .sender,
  .recipient,
  .snippet,
  .sender-address {
    min-inline-size: 0;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  .sender {
    flex: 0 1 auto;
    max-inline-size: 16em;
    font-weight: 600;
  }
  .expanded .summary {
    flex-wrap: wrap;
    row-gap: 0;
  }
  .expanded .sender {
    max-inline-size: 100%;
  }
  .sender-address {
    /* Gives way before the name does. */
    flex: 0 1000 auto;
    color: var(--_color-text-muted);
    font-size: 0.929em;
  }
  .agent-tag {
    flex: none;
    color: var(--_color-text-muted);
    font-size: 0.929em;
  }
  .recipient {
    flex: 0 1 auto;
    max-inline-size: 14em;
    color: var(--_color-text-muted);
  }
  .snippet {
    flex: 1 1 0;
    color: var(--_color-text-muted);
  }
  .marks {
    flex: none;
    display: inline-flex;
    align-items: center;
    gap: var(--_space);
    margin-inline-start: auto;
  }
  .attachment-mark {
    display: inline-flex;
    align-items: center;
    gap: 2px;
    color: var(--_color-text-muted);
  }
  .icon {
    inline-size: 1em;
    block-size: 1em;
    flex: none;
  }
  .date {
    color: var(--_color-text-muted);
    white-space: nowrap;
    font-size: 0.929em;
  }
  .date.small {
    font-size: 0.857em;
  }
  .channel-tag,
  .status {
    display: inline-block;
    padding: 0 6px;
    border-radius: 999px;
    font-size: 0.786em;
    line-height: 1.6;
    white-space: nowrap;
  }
  .channel-tag {
    color: var(--_color-text-muted);
    background: var(--_color-surface-sunken);
    border: 1px solid var(--_color-border);
  }
  .status {
    font-weight: 600;
    border: 1px solid currentColor;
  }
  .status-scheduled,
  .status-sending {
    color: var(--_color-warning);
    background: var(--_color-warning-soft);
  }
  .status-failed {
    color: var(--_color-danger);
  }
  .status-cancelled,
  .status-sent,
  .status-draft {
    color: var(--_color-text-muted);
  }
  .actions {
    flex: none;
    display: flex;
    align-items: center;
    gap: var(--_space);
    margin-inline-start: auto;
    padding-inline-start: calc(var(--_space) * 1.5);
  }
  .button {
    display: inline-flex;
    align-items: center;
    gap: 4px;
    min-block-size: 2rem;
    padding: 0 calc(var(--_space) * 1.5);
    border-radius: var(--_radius-small);
    border: 1px solid var(--_color-border);
    background: var(--_color-surface);
    color: var(--_color-accent);
    font-weight: 500;
    cursor: pointer;
  }
  .button svg {
    inline-size: 1.1em;
    block-size: 1.1em;
  }
  .button:hover,
  .link-button:hover {
    background: var(--_color-accent-soft);
  }
  .recipients {
    display: grid;
    gap: 2px;
    padding: 0 calc(var(--_space) * 1.5) var(--_space);
    color: var(--_color-text-muted);
    font-size: 0.929em;
  }
  .recipient-line {
    display: flex;
    gap: 4px;
    min-inline-size: 0;
  }
  .recipient-label {
    flex: none;
    font-weight: 600;
  }
  .recipient-list {
    min-inline-size: 0;
    overflow-wrap: anywhere;
  }
  .link-button {
    justify-self: start;
    padding: 0 2px;
    background: none;
    border: 0;
    border-radius: var(--_radius-small);
    color: var(--_color-accent);
    text-decoration: underline;
    cursor: pointer;
  }
  .error {
    margin: 0 calc(var(--_space) * 1.5) var(--_space);
    color: var(--_color-danger);
    font-size: 0.929em;
  }
  .body {
    padding: 0 calc(var(--_space) * 1.5) calc(var(--_space) * 1.5);
    min-inline-size: 0;
  }
  .composer {
    padding: 0 calc(var(--_space) * 1.5) calc(var(--_space) * 1.5);
  }

  /* Narrow threads: the snippet goes under sender and recipient. */
  @container (max-width: 34rem) {
    .collapsed .summary {
      flex-wrap: wrap;
      row-gap: 2px;
    }
    .collapsed .snippet {
      order: 1;
      flex-basis: 100%;
    }
    .actions {
      padding-inline-start: calc(var(--_space) * 1.5);
      margin-inline-start: 0;
    }
  }

  /* ——— chat bubble ——— */
  .chat {
    display: flex;
    flex-direction: column;
    align-items: flex-start;
    gap: 2px;
    padding-inline: var(--_space);
  }
  .chat.outbound {
    align-items: flex-end;
  }
  .author {
    max-inline-size: 75%;
    color: var(--_color-text-muted);
    font-size: 0.857em;
    font-weight: 600;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  .bubble {
    max-inline-size: min(75%, 36rem);
    padding: var(--_space) calc(var(--_space) * 1.5);
    border-radius: calc(var(--_radius) * 1.5);
    border-end-start-radius: var(--_radius-small);
    background: var(--_color-surface-sunken);
    border: 1px solid var(--_color-border);
    min-inline-size: 0;
  }
  .outbound .bubble {
    border-end-start-radius: calc(var(--_radius) * 1.5);
    border-end-end-radius: var(--_radius-small);
    background: var(--_color-accent-soft);
    border-color: transparent;
  }
  .text {
    margin: 0;
    white-space: pre-wrap;
    overflow-wrap: anywhere;
  }
  a {
    color: var(--_color-accent);
  }
  .chat-attachments {
    list-style: none;
    margin: 4px 0 0;
    padding: 0;
    display: grid;
    gap: 2px;
  }
  .chat-attachments li {
    display: flex;
    align-items: center;
    gap: 4px;
    min-inline-size: 0;
  }
  .meta {
    color: var(--_color-text-muted);
    display: flex;
    align-items: center;
    flex-wrap: wrap;
    gap: var(--_space);
    font-size: 0.929em;
  }
  .meta .status {
    font-size: 1em;
    line-height: inherit;
    border: 0;
    padding: 0;
    background: none;
    font-weight: 400;
  }

  @media (prefers-reduced-motion: reduce) {
    .card {
      transition: none;
    }
  }
`;
