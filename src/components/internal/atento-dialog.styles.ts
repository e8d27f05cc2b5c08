import { css } from 'lit';

export const styles = css`
  :host {
    display: contents;
  }
  dialog {
    box-sizing: border-box;
    inline-size: min(32rem, calc(100vw - 2 * var(--_space)));
    max-inline-size: 32rem;
    max-block-size: calc(100dvh - 4 * var(--_space));
    padding: 0;
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius);
    background: var(--_color-surface-raised);
    color: var(--_color-text);
    box-shadow:
      0 12px 32px light-dark(rgb(16 24 40 / 0.18), rgb(0 0 0 / 0.6)),
      0 2px 6px light-dark(rgb(16 24 40 / 0.08), rgb(0 0 0 / 0.4));
    font-family: var(--_font-family);
    font-size: var(--_font-size);
    line-height: 1.45;
    overflow: hidden;
  }
  dialog[open] {
    display: flex;
    flex-direction: column;
    animation: enter var(--_motion) ease-out;
  }
  dialog::backdrop {
    background: light-dark(rgb(16 24 40 / 0.45), rgb(0 0 0 / 0.65));
  }
  /* Movement only: fading the text in would leave it briefly below contrast requirements. */
  @keyframes enter {
    from {
      transform: translateY(8px) scale(0.98);
    }
  }
  @media (max-width: 36rem) {
    dialog {
      inline-size: 100vw;
      max-inline-size: 100vw;
      margin-block-end: 0;
      border-end-start-radius: 0;
      border-end-end-radius: 0;
    }
  }
  .header {
    display: flex;
    align-items: center;
    gap: var(--_space);
    padding: calc(var(--_space) * 1.5) calc(var(--_space) * 2);
    border-block-end: 1px solid var(--_color-border);
  }
  .title {
    flex: 1;
    margin: 0;
    font-size: 1.143em;
    font-weight: 600;
  }
  .close {
    display: inline-grid;
    place-items: center;
    inline-size: 2rem;
    block-size: 2rem;
    padding: 0;
    border: 0;
    border-radius: var(--_radius-small);
    background: transparent;
    color: var(--_color-text-muted);
    cursor: pointer;
  }
  .close:hover {
    background: var(--_color-surface-sunken);
    color: var(--_color-text);
  }
  .close svg {
    inline-size: 1.1rem;
    block-size: 1.1rem;
  }
  .body {
    padding: calc(var(--_space) * 2);
    overflow: auto;
    flex: 1 1 auto;
    min-block-size: 0;
    overflow-wrap: anywhere;
  }
  .footer {
    display: flex;
    flex-wrap: wrap;
    justify-content: flex-end;
    gap: var(--_space);
    padding: calc(var(--_space) * 1.5) calc(var(--_space) * 2);
    border-block-start: 1px solid var(--_color-border);
    background: var(--_color-surface-sunken);
  }
  .footer.empty {
    display: none;
  }
`;
