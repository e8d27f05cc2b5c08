import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, type TemplateResult } from 'lit';
import '../src/components/conversation-list/conversation-list.js';
import '../src/components/mail-thread/mail-thread.js';
import type { AgentAdapter } from '../src/adapters/adapter.js';
import { createMemoryBackend, SEED_IDS } from '../src/adapters/memory/index.js';
import { tokenList, type Token } from './theming/token-list.js';

const TOKENS = tokenList();

/** Token values set in the controls, by `--atento-*` name; empty means the default. */
type Args = Record<string, string>;

const controlOf = (token: Token) =>
  token.kind === 'color'
    ? {
        control: {
          type: 'color' as const,
          presetColors: [token.light, token.dark].filter(Boolean),
        },
      }
    : { control: 'text' as const };

/** The `style` text setting every token given a value. */
function tokenStyle(args: Args): string {
  return TOKENS.filter((t) => args[t.name]?.trim())
    .map((t) => `${t.name}: ${args[t.name]!.trim()};`)
    .join(' ');
}

const styles = html`<style>
  .theming {
    display: grid;
    gap: 24px;
    padding: 16px;
    font:
      15px/1.5 system-ui,
      sans-serif;
  }
  .theming .scheme {
    display: grid;
    gap: 12px;
    padding: 16px;
    border-radius: 12px;
    background: Canvas;
    color: CanvasText;
    border: 1px solid color-mix(in srgb, CanvasText 20%, transparent);
  }
  .theming .elements {
    display: flex;
    flex-wrap: wrap;
    gap: 12px;
  }
  .theming conversation-list {
    flex: 0 1 340px;
    height: 440px;
  }
  .theming mail-thread {
    flex: 1 1 480px;
    height: 440px;
  }
  .theming table {
    border-collapse: collapse;
    width: 100%;
  }
  .theming th,
  .theming td {
    padding: 6px 10px;
    border-bottom: 1px solid color-mix(in srgb, CanvasText 18%, transparent);
    text-align: start;
    vertical-align: middle;
  }
  .theming code {
    font-family: ui-monospace, Menlo, Consolas, monospace;
    font-size: 0.85em;
  }
  .theming .swatch {
    display: inline-block;
    width: 2.5em;
    height: 1.5em;
    margin: 4px;
    border-radius: 4px;
    border: 1px solid color-mix(in srgb, CanvasText 30%, transparent);
    vertical-align: middle;
  }
</style>`;

/** A live sample of a colour or shadow token as an element resolves it in `scheme`. */
function swatch(token: Token, scheme: 'light' | 'dark'): TemplateResult {
  const value = `var(${token.name}, ${token.fallback})`;
  const style =
    token.kind === 'color'
      ? `color-scheme: ${scheme}; background: ${value}`
      : `color-scheme: ${scheme}; background: Canvas; box-shadow: ${value}`;
  return html`<td><span class="swatch" style=${style}></span></td>`;
}

/** A live sample of a font or size token (the same in both schemes). */
function sizeSample(token: Token): TemplateResult {
  const value = `var(${token.name}, ${token.fallback})`;
  const sample = token.name.endsWith('font-family')
    ? html`<span style="font-family: ${value}">Atención al cliente</span>`
    : token.name.endsWith('font-size')
      ? html`<span style="font-size: ${value}">Atención al cliente</span>`
      : token.name.includes('radius')
        ? html`<span class="swatch" style="border-radius: ${value}; background: CanvasText"></span>`
        : html`<span
            class="swatch"
            style="width: calc(${value} * 4); background: CanvasText; border-radius: 0"
          ></span>`;
  return html`<td colspan="2">${sample}</td>`;
}

function tokenTable(args: Args): TemplateResult {
  return html`<table lang="en">
    <caption style="text-align: start; font-weight: 600; padding-bottom: 8px">
      Tokens (src/styles/tokens.ts): set them on an element or any ancestor
    </caption>
    <thead>
      <tr>
        <th scope="col">Token</th>
        <th scope="col">Default</th>
        <th scope="col">Set here</th>
        <th scope="col">Light</th>
        <th scope="col">Dark</th>
      </tr>
    </thead>
    <tbody>
      ${TOKENS.map(
        (token) =>
          html`<tr>
            <th scope="row"><code>${token.name}</code></th>
            <td><code>${token.fallback}</code></td>
            <td>${args[token.name]?.trim() ? html`<code>${args[token.name]}</code>` : '—'}</td>
            ${
              token.kind === 'color' || token.kind === 'shadow'
                ? html`${swatch(token, 'light')} ${swatch(token, 'dark')}`
                : sizeSample(token)
            }
          </tr>`,
      )}
    </tbody>
  </table>`;
}

/** The elements, in the page's scheme (the toolbar's theme). */
function elements(adapter: AgentAdapter): TemplateResult {
  return html`<div class="scheme">
    <div class="elements">
      <conversation-list
        .adapter=${adapter}
        selected=${SEED_IDS.jorge.conversationId}
      ></conversation-list>
      <mail-thread
        .adapter=${adapter}
        conversation-id=${SEED_IDS.jorge.conversationId}
      ></mail-thread>
    </div>
  </div>`;
}

const meta: Meta<Args> = {
  title: 'Theming',
  parameters: {
    layout: 'fullscreen',
    docs: {
      description: {
        component:
          'The `--atento-*` design tokens, live: the controls set them on a wrapper around a ' +
          '`<conversation-list>` and a `<mail-thread>`, in the toolbar’s light or dark theme; ' +
          'the table samples every token in both schemes.',
      },
    },
  },
  args: Object.fromEntries(TOKENS.map((t) => [t.name, ''])),
  argTypes: Object.fromEntries(
    TOKENS.map((t) => [t.name, { ...controlOf(t), description: `Default: ${t.fallback}` }]),
  ),
  render: (args, { loaded }) => {
    const adapter = loaded['adapter'] as AgentAdapter;
    return html`${styles}
      <div class="theming" style=${tokenStyle(args)}>
        <p lang="en">
          Change a token in the Controls panel and the elements follow; switch the toolbar's theme
          for the other scheme. A colour given as <code>light-dark(light, dark)</code> keeps a value
          per scheme, a single colour applies to both. The table samples every token in both
          schemes. Element-specific properties are on each element's Docs page.
        </p>
        ${elements(adapter)} ${tokenTable(args)}
      </div>`;
  },
  loaders: [async () => ({ adapter: createMemoryBackend().agent('agent') })],
};
export default meta;

type Story = StoryObj<Args>;

/** Every token at its default. */
export const Tokens: Story = {};

/** Every token at its default, in the dark theme (toolbar → Theme → Dark). */
export const TokensDark: Story = { globals: { theme: 'dark' } };

/**
 * A shop's brand: green accent per scheme, rounder corners, roomier spacing and a larger text
 * size.
 */
export const Brand: Story = {
  args: {
    '--atento-color-accent': 'light-dark(#0f7b5f, #6fd4b0)',
    '--atento-color-accent-soft': 'light-dark(#e3f5ee, #173a30)',
    '--atento-color-focus': 'light-dark(#0f7b5f, #6fd4b0)',
    '--atento-radius': '14px',
    '--atento-radius-small': '8px',
    '--atento-space': '10px',
    '--atento-font-size': '0.95rem',
  },
};

/** The same brand in the dark theme: the `light-dark()` values switch. */
export const BrandDark: Story = { args: Brand.args, globals: { theme: 'dark' } };
