import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
    container-type: inline-size;
  }
  .base {
    position: relative;
    display: flex;
    flex-direction: column;
    gap: var(--_space);
    padding: calc(var(--_space) * 1.5);
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius);
    background: var(--_color-surface);
    box-shadow: var(--_shadow);
  }
  .header {
    display: flex;
    align-items: center;
    gap: var(--_space);
    min-block-size: 2rem;
  }
  .title {
    margin: 0;
    font-size: 1rem;
    font-weight: 600;
    flex: 1;
    min-inline-size: 0;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  .save-state {
    display: inline-flex;
    align-items: center;
    gap: 4px;
    color: var(--_color-text-muted);
    font-size: 0.8125rem;
  }
  .save-state svg {
    inline-size: 1rem;
    block-size: 1rem;
    color: var(--_color-success);
  }
  .save-state.retrying {
    color: var(--_color-danger);
  }
  .icon-button,
  .tool {
    display: inline-grid;
    place-items: center;
    inline-size: 2rem;
    block-size: 2rem;
    padding: 0;
    border: none;
    border-radius: var(--_radius-small);
    background: transparent;
    color: var(--_color-text-muted);
    cursor: pointer;
  }
  .icon-button:hover,
  .tool:hover,
  .tool[aria-expanded='true'] {
    background: var(--_color-accent-soft);
    color: var(--_color-text);
  }
  .tool:disabled {
    opacity: 0.5;
    cursor: default;
  }
  .icon-button svg,
  .tool svg {
    inline-size: 1.25rem;
    block-size: 1.25rem;
  }
  .tools {
    display: contents;
  }
  .body {
    display: flex;
    flex-direction: column;
    gap: var(--_space);
  }
  .fields {
    display: flex;
    flex-direction: column;
    border-block-end: 1px solid var(--_color-border);
  }
  .reveals {
    display: inline-flex;
    gap: calc(var(--_space) / 2);
    padding-block-start: 2px;
  }
  .subject-row {
    display: flex;
    align-items: center;
    gap: var(--_space);
    min-block-size: 2.5rem;
  }
  .subject-label {
    color: var(--_color-text-muted);
    min-inline-size: 3.5rem;
  }
  .subject {
    flex: 1;
    min-inline-size: 0;
    border: none;
    background: transparent;
    color: inherit;
    font: inherit;
    padding: 6px 0;
  }
  .subject:focus-visible {
    outline: none;
    box-shadow: inset 0 -2px 0 var(--_color-focus);
  }
  .quick-replies {
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius);
    background: var(--_color-surface-raised);
    box-shadow: var(--_shadow);
    max-block-size: 22rem;
    overflow: auto;
  }
  .problems:empty {
    display: none;
  }
  .alerts {
    display: flex;
    align-items: flex-start;
    gap: var(--_space);
    color: var(--_color-danger);
  }
  .alerts:empty,
  .notice:empty {
    display: none;
  }
  .errors {
    margin: 0;
    padding-inline-start: 1.25rem;
    flex: 1;
  }
  .notice {
    margin: 0;
    color: var(--_color-text-muted);
  }
  .conflict {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space);
    padding: var(--_space);
    border-radius: var(--_radius-small);
    background: var(--_color-warning-soft);
    color: var(--_color-warning);
  }
  .actions {
    display: flex;
    align-items: center;
    gap: var(--_space);
  }
  .actions p {
    margin: 0;
    color: var(--_color-success);
    font-weight: 500;
  }
  .spacer {
    flex: 1;
  }
  .countdown {
    display: flex;
    flex-direction: column;
    gap: 4px;
    flex: 1;
    font-weight: 500;
  }
  .countdown progress {
    inline-size: min(16rem, 100%);
    block-size: 4px;
    accent-color: var(--_color-accent);
  }
  .visually-hidden {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  .loading {
    color: var(--_color-text-muted);
    margin: 0;
  }
  .load-error {
    color: var(--_color-danger);
  }
  @container (max-width: 480px) {
    .base {
      padding: var(--_space);
    }
    .reveals {
      flex-direction: column;
      align-items: flex-end;
    }
  }
`;
