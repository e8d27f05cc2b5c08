import { css } from 'lit';

export const styles = css`
  dl {
    display: grid;
    grid-template-columns: max-content minmax(0, 1fr);
    gap: calc(var(--_space) * 0.75) calc(var(--_space) * 2);
    margin: 0;
  }
  dt {
    color: var(--_color-text-muted);
    font-weight: 500;
  }
  dd {
    margin: 0;
    overflow-wrap: anywhere;
    unicode-bidi: plaintext;
  }
  @media (max-width: 30rem) {
    dl {
      grid-template-columns: minmax(0, 1fr);
      gap: 0;
    }
    dd {
      margin-block-end: var(--_space);
    }
  }
  .note {
    margin-block-start: calc(var(--_space) / 2);
    padding: calc(var(--_space) / 2) var(--_space);
    border-radius: var(--_radius-small);
    background: var(--_color-warning-soft);
    color: var(--_color-warning);
    font-size: 0.857em;
  }
  .message-id {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space);
  }
  code {
    font-family: ui-monospace, 'SFMono-Regular', Menlo, Consolas, monospace;
    font-size: 0.929em;
    padding: 0.1em 0.35em;
    border-radius: var(--_radius-small);
    background: var(--_color-surface-sunken);
    user-select: all;
    overflow-wrap: anywhere;
  }
  .copied {
    color: var(--_color-success);
    font-size: 0.857em;
  }
  .copied.failed {
    color: var(--_color-danger);
  }
`;
