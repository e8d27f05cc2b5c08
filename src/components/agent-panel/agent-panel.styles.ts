import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
    block-size: var(--atento-panel-height, 100%);
    min-block-size: 0;
    --_list-width: var(--atento-panel-list-width, 340px);
  }
  .base {
    display: grid;
    grid-template-columns: var(--_list-width) minmax(0, 1fr);
    grid-template-rows: auto minmax(0, 1fr);
    grid-template-areas:
      'banner banner'
      'list case';
    block-size: 100%;
    min-block-size: 0;
    background: var(--_color-surface);
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius);
    overflow: hidden;
  }
  .base.narrow {
    grid-template-columns: minmax(0, 1fr);
    grid-template-areas:
      'banner'
      'main';
  }
  .connection {
    grid-area: banner;
    padding: calc(var(--_space) / 2) calc(var(--_space) * 2);
    background: var(--_color-warning-soft);
    color: var(--_color-warning);
    border-block-end: 1px solid var(--_color-border);
    font-weight: 500;
    text-align: center;
  }
  .list-pane,
  .case-pane {
    display: flex;
    flex-direction: column;
    min-block-size: 0;
    min-inline-size: 0;
  }
  .list-pane {
    grid-area: list;
    border-inline-end: 1px solid var(--_color-border);
  }
  .case-pane {
    grid-area: case;
    background: var(--_color-surface-sunken);
  }
  .narrow .list-pane,
  .narrow .case-pane {
    grid-area: main;
    border-inline-end: 0;
  }
  conversation-list {
    flex: 1 1 auto;
    min-block-size: 0;
  }
  /* The panel draws the frame and the one connection banner. */
  conversation-list::part(base) {
    border: 0;
    border-radius: 0;
  }
  conversation-list::part(offline) {
    display: none;
  }
  .list-footer {
    display: flex;
    padding: calc(var(--_space) / 2) var(--_space);
    border-block-start: 1px solid var(--_color-border);
  }
  .link-button {
    padding: 2px 4px;
    border: 0;
    border-radius: var(--_radius-small);
    background: none;
    color: var(--_color-text-muted);
    font-size: 0.857em;
    cursor: pointer;
  }
  .link-button:hover {
    color: var(--_color-text);
    text-decoration: underline;
  }
  .case-bar {
    display: flex;
    padding: calc(var(--_space) / 2) var(--_space);
    background: var(--_color-surface);
    border-block-end: 1px solid var(--_color-border);
  }
  .back {
    display: inline-flex;
    align-items: center;
    gap: 4px;
    padding-inline: var(--_space) calc(var(--_space) * 1.5);
  }
  .back svg {
    inline-size: 1.1em;
    block-size: 1.1em;
  }
  mail-thread {
    flex: 1 1 0;
    block-size: auto;
    min-block-size: 12rem;
    border: 0;
    border-radius: 0;
  }
  atento-reply-area {
    flex: none;
    max-block-size: 55%;
    min-block-size: 0;
    overflow: auto;
    border-block-start: 1px solid var(--_color-border);
    background: var(--_color-surface);
  }
  .empty {
    display: grid;
    align-content: center;
    justify-items: center;
    gap: var(--_space);
    flex: 1;
    padding: calc(var(--_space) * 4);
    text-align: center;
    color: var(--_color-text-muted);
  }
  .empty p {
    margin: 0;
  }
  .empty-title {
    font-size: 1.143em;
    font-weight: 600;
    color: var(--_color-text);
  }
  .shortcuts-hint {
    margin: 0 0 var(--_space);
    color: var(--_color-text-muted);
  }
  .shortcuts {
    display: grid;
    gap: calc(var(--_space) / 2);
    margin: 0;
  }
  .shortcut {
    display: grid;
    grid-template-columns: 6rem 1fr;
    align-items: center;
    gap: var(--_space);
  }
  .shortcut dt,
  .shortcut dd {
    margin: 0;
  }
  kbd {
    display: inline-block;
    min-inline-size: 1.6em;
    padding: 1px 6px;
    border: 1px solid var(--_color-border);
    border-block-end-width: 2px;
    border-radius: var(--_radius-small);
    background: var(--_color-surface-sunken);
    font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
    text-align: center;
  }
`;
