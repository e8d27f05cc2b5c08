import { css } from 'lit';

/** The docs pages (light DOM, scoped under `.docs`), light and dark like the elements. */
export const docsStyles = css`
  .docs {
    --docs-text: light-dark(#1d2330, #e7e9ef);
    --docs-muted: light-dark(#5b6375, #a5adbf);
    --docs-sunken: light-dark(#f3f5f9, #12151b);
    --docs-border: light-dark(#d7dce6, #343a48);
    --docs-accent: light-dark(#1f5fd6, #86a8ff);
    box-sizing: border-box;
    max-width: 1100px;
    margin: 0 auto;
    padding: 32px 24px 64px;
    color: var(--docs-text);
    font:
      15px/1.55 system-ui,
      -apple-system,
      'Segoe UI',
      Roboto,
      sans-serif;
  }
  .docs *,
  .docs *::before,
  .docs *::after {
    box-sizing: inherit;
  }
  .docs h1 {
    margin: 0 0 4px;
    font-size: 2rem;
  }
  .docs h2 {
    margin: 48px 0 12px;
    padding-bottom: 6px;
    border-bottom: 1px solid var(--docs-border);
    font-size: 1.45rem;
  }
  .docs h3 {
    margin: 28px 0 8px;
    font-size: 1.15rem;
  }
  .docs h4 {
    margin: 20px 0 8px;
    font-size: 1rem;
  }
  .docs a {
    color: var(--docs-accent);
  }
  .docs :focus-visible {
    outline: 2px solid var(--docs-accent);
    outline-offset: 2px;
  }
  .docs code,
  .docs kbd {
    font-family: ui-monospace, 'SFMono-Regular', Menlo, Consolas, monospace;
    font-size: 0.86em;
  }
  .docs :not(pre) > code {
    padding: 1px 4px;
    border-radius: 4px;
    background: var(--docs-sunken);
    overflow-wrap: anywhere;
  }
  .docs kbd {
    display: inline-block;
    min-width: 1.6em;
    padding: 1px 6px;
    border: 1px solid var(--docs-border);
    border-bottom-width: 2px;
    border-radius: 4px;
    background: var(--docs-sunken);
    text-align: center;
  }
  .docs .eyebrow {
    margin: 0;
    color: var(--docs-muted);
    font-size: 0.8rem;
    font-weight: 600;
    letter-spacing: 0.06em;
    text-transform: uppercase;
  }
  .docs .summary,
  .docs .lead {
    font-size: 1.1rem;
  }
  .docs .secondary,
  .docs .none {
    color: var(--docs-muted);
  }
  .docs .facts {
    display: flex;
    flex-wrap: wrap;
    gap: 8px 28px;
    margin: 16px 0;
  }
  .docs .facts dt {
    color: var(--docs-muted);
    font-size: 0.8rem;
  }
  .docs .facts dd {
    margin: 0;
  }
  .docs nav ul {
    display: flex;
    flex-wrap: wrap;
    gap: 4px 16px;
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .docs .example {
    /* A containing block for fixed-position content (the chat launcher stays inside). */
    contain: layout paint;
    position: relative;
    min-height: 160px;
    max-height: 820px;
    overflow: auto;
    padding: 16px;
    border: 1px solid var(--docs-border);
    border-radius: 8px;
    background: Canvas;
    color: CanvasText;
  }
  .docs .stories {
    padding-left: 20px;
  }
  .docs .stories li {
    margin: 4px 0;
  }
  .docs .stories a {
    font-weight: 600;
  }
  .docs .stories span::before {
    content: ' — ';
  }
  .docs pre.code {
    margin: 8px 0 16px;
    padding: 12px 14px;
    overflow: auto;
    border: 1px solid var(--docs-border);
    border-radius: 8px;
    background: var(--docs-sunken);
    line-height: 1.45;
  }
  .docs figure.declaration {
    margin: 0;
  }
  .docs figcaption {
    display: flex;
    flex-wrap: wrap;
    gap: 8px;
    align-items: baseline;
  }
  .docs .table-scroll {
    overflow-x: auto;
  }
  .docs table {
    width: 100%;
    border-collapse: collapse;
    font-size: 0.93rem;
  }
  .docs th,
  .docs td {
    padding: 8px 10px;
    border-bottom: 1px solid var(--docs-border);
    text-align: start;
    vertical-align: top;
  }
  .docs thead th {
    color: var(--docs-muted);
    font-size: 0.8rem;
    font-weight: 600;
  }
  .docs tbody th {
    font-weight: normal;
    white-space: nowrap;
  }
  .docs tbody th code.name {
    font-weight: 600;
  }
  .docs tbody th .secondary {
    display: block;
    font-size: 0.85rem;
  }
  .docs .badge {
    display: inline-block;
    margin-top: 2px;
    padding: 0 6px;
    border: 1px solid var(--docs-border);
    border-radius: 999px;
    color: var(--docs-muted);
    font-size: 0.75rem;
  }
  .docs .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
`;
