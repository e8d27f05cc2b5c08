import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
    min-inline-size: 0;
    --_frame-max-height: var(--atento-mail-body-max-height, none);
  }
  .base {
    display: flex;
    flex-direction: column;
    gap: var(--_space);
    min-inline-size: 0;
  }
  .notice {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space);
    padding: calc(var(--_space) * 0.75) var(--_space);
    border-radius: var(--_radius-small);
    background: var(--_color-warning-soft);
    color: var(--_color-warning);
    font-size: 0.929em;
  }
  .notice-text {
    flex: 1 1 14rem;
    display: flex;
    align-items: center;
    gap: calc(var(--_space) * 0.75);
  }
  .notice svg {
    flex: none;
    inline-size: 1.1em;
    block-size: 1.1em;
  }
  .button {
    min-block-size: 2rem;
    padding: 0 calc(var(--_space) * 1.5);
    border-radius: var(--_radius-small);
    border: 1px solid currentColor;
    background: var(--_color-surface);
    color: var(--_color-text);
    cursor: pointer;
    font-weight: 500;
  }
  .button:hover {
    background: var(--_color-surface-sunken);
  }
  .frame {
    display: block;
    inline-size: 100%;
    block-size: 6rem;
    max-block-size: var(--_frame-max-height);
    border: 0;
    color-scheme: inherit;
  }
  .empty {
    margin: 0;
    color: var(--_color-text-muted);
    font-style: italic;
  }
  .attachments {
    display: flex;
    flex-direction: column;
    gap: calc(var(--_space) / 2);
    margin: 0;
    padding: 0;
  }
  .attachments-title {
    margin: 0;
    font-size: 0.857em;
    font-weight: 600;
    color: var(--_color-text-muted);
  }
  .attachment-list {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .attachment {
    display: grid;
    grid-template-columns: auto minmax(0, 1fr) auto;
    align-items: center;
    gap: var(--_space);
    inline-size: min(100%, 20rem);
    padding: calc(var(--_space) * 0.75) var(--_space);
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius-small);
    background: var(--_color-surface-raised);
  }
  .attachment-icon {
    inline-size: 1.75rem;
    block-size: 1.75rem;
    color: var(--_color-accent);
  }
  .attachment-text {
    display: grid;
    min-inline-size: 0;
  }
  .attachment-name {
    font-weight: 500;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  .attachment-meta {
    color: var(--_color-text-muted);
    font-size: 0.857em;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  .download {
    display: inline-flex;
    align-items: center;
    min-block-size: 2rem;
    padding: 0 var(--_space);
    border-radius: var(--_radius-small);
    color: var(--_color-accent);
    font-weight: 500;
    text-decoration: none;
  }
  .download:hover {
    background: var(--_color-accent-soft);
  }
  /* The measuring copy: laid out, never painted, never focusable (see measureFrame). */
  .measure {
    position: fixed;
    inset-block-start: 0;
    inset-inline-start: 0;
    block-size: 0;
    overflow: hidden;
    visibility: hidden;
    pointer-events: none;
    contain: layout paint style;
  }
`;
