import { css } from 'lit';

export const styles = css`
  .contacts {
    display: grid;
    gap: var(--_space);
    margin: 0 0 var(--_space);
    padding: 0;
    list-style: none;
  }
  .contact {
    display: flex;
    align-items: center;
    gap: var(--_space);
    padding: var(--_space) calc(var(--_space) * 1.25);
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius-small);
    background: var(--_color-surface);
  }
  .contact-text {
    display: grid;
    flex: 1;
    min-inline-size: 0;
  }
  .contact-name {
    font-weight: 500;
    overflow-wrap: anywhere;
  }
  .contact-emails {
    color: var(--_color-text-muted);
    font-size: 0.857em;
    overflow-wrap: anywhere;
  }
  .owned {
    padding: var(--_space) calc(var(--_space) * 1.25);
    border-radius: var(--_radius-small);
    background: var(--_color-accent-soft);
  }
  section + section {
    margin-block-start: calc(var(--_space) * 2);
    padding-block-start: calc(var(--_space) * 0.5);
    border-block-start: 1px solid var(--_color-border);
  }
  .search {
    margin-block-end: var(--_space);
  }
  .actions {
    display: flex;
    justify-content: flex-end;
  }
`;
