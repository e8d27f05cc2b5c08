import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
  }
  .base {
    display: flex;
    flex-direction: column;
    gap: var(--_space);
    padding: var(--_space) calc(var(--_space) * 1.5) calc(var(--_space) * 1.5);
    background: var(--_color-surface);
  }
  .bar {
    display: flex;
    align-items: center;
    gap: calc(var(--_space) * 1.5);
    min-block-size: 2rem;
  }
  .typing {
    color: var(--_color-text-muted);
    font-style: italic;
    min-inline-size: 0;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  .notice-slot:empty {
    display: none;
  }
  .notice {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space);
    padding: var(--_space) calc(var(--_space) * 1.5);
    border-radius: var(--_radius-small);
    background: var(--_color-warning-soft);
    color: var(--_color-warning);
    font-weight: 500;
  }
  .notice-text {
    flex: 1 1 16rem;
  }
  .notice-actions {
    display: inline-flex;
    flex-wrap: wrap;
    gap: var(--_space);
  }
  .notice .button:not(.primary) {
    color: var(--_color-text);
  }
  .note {
    display: flex;
    align-items: center;
    gap: calc(var(--_space) * 0.75);
    margin: 0;
    color: var(--_color-text-muted);
    font-size: 0.8125rem;
  }
  .note svg {
    flex: none;
    inline-size: 1rem;
    block-size: 1rem;
  }
  .email-open {
    display: flex;
    align-items: center;
    gap: var(--_space);
    inline-size: 100%;
    min-block-size: 2.5rem;
    padding: 0 calc(var(--_space) * 1.5);
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius);
    background: var(--_color-surface);
    color: var(--_color-text-muted);
    text-align: start;
    cursor: text;
  }
  .email-open:hover:not(:disabled) {
    border-color: var(--_color-accent);
    color: var(--_color-text);
  }
  .email-open:disabled {
    cursor: progress;
    opacity: 0.7;
  }
  .email-open svg {
    inline-size: 1.125rem;
    block-size: 1.125rem;
    color: var(--_color-accent);
  }
  .state {
    margin: 0;
    color: var(--_color-text-muted);
  }
  .state.error {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space);
    color: var(--_color-danger);
  }
  .state.error p {
    margin: 0;
  }
`;
