import { css } from 'lit';

export const styles = css`
  .blocked {
    padding: var(--_space) calc(var(--_space) * 1.25);
    border-radius: var(--_radius-small);
    background: var(--_color-warning-soft);
    color: var(--_color-warning);
    font-weight: 500;
  }
  dl {
    display: grid;
    grid-template-columns: max-content minmax(0, 1fr);
    gap: calc(var(--_space) * 0.75) calc(var(--_space) * 2);
    margin: var(--_space) 0;
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
  dd.reason {
    white-space: pre-wrap;
  }
  .ask {
    color: var(--_color-text-muted);
  }
`;
