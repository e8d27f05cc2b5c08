/**
 * The elements from React 19 (properties, events, re-renders, unmount) and from plain HTML
 * (markup, attributes, `provideAtento`, `addEventListener`), as a host app uses them.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/index.js';
import { ELEMENT_EVENTS } from '../../src/react.js';
import { provideAtento } from '../../src/context/index.js';
import { createMemoryBackend, SEED_IDS } from '../../src/adapters/memory/index.js';
import type { ConversationList } from '../../src/components/conversation-list/conversation-list.js';
import type { AgentPanel } from '../../src/components/agent-panel/agent-panel.js';

/** React 19 as one ES module, served by test/support/react-esm-plugin.mjs. */
interface ReactEsm {
  React: typeof import('react');
  ReactDOMClient: typeof import('react-dom/client');
  flushSync: (typeof import('react-dom'))['flushSync'];
}
const REACT_ESM = '/__react-esm.js';
const { React, ReactDOMClient, flushSync } = (await import(REACT_ESM)) as ReactEsm;

const rowsOf = (list: ConversationList) => [
  ...(list.shadowRoot?.querySelectorAll<HTMLElement>('[role=option]') ?? []),
];

describe('interop: React 19', () => {
  it('passes objects as properties, listens to typed events, re-renders and unmounts', async () => {
    const backend = createMemoryBackend();
    const adapter = backend.agent('agent');
    const host = await fixture<HTMLDivElement>(html`<div lang="es" style="height: 600px"></div>`);
    const root = ReactDOMClient.createRoot(host);
    const picked: string[] = [];
    const view = (selected: string | null) =>
      React.createElement('conversation-list', {
        adapter,
        selected,
        filter: { status: 'open' },
        'onconversation-select': (e: CustomEvent<{ conversationId: string }>) =>
          picked.push(e.detail.conversationId),
      });
    flushSync(() => root.render(view(null)));
    const list = host.querySelector('conversation-list')!;
    expect(list.adapter === adapter, 'the adapter object went in as a property').to.equal(true);
    await waitUntil(() => rowsOf(list).length > 0, 'rows from the adapter');

    rowsOf(list)[0]!.click();
    expect(picked).to.have.length(1);
    expect(list.selected).to.equal(picked[0]);

    flushSync(() => root.render(view(SEED_IDS.jorge.conversationId)));
    expect(list.selected).to.equal(SEED_IDS.jorge.conversationId);
    await expect(list).to.be.accessible();

    flushSync(() => root.unmount());
    expect(host.querySelector('conversation-list') === null).to.equal(true);
  });

  it('drives <agent-panel>: deep link by property, navigation events out', async () => {
    const backend = createMemoryBackend({ undoSendSeconds: 0 });
    const host = await fixture<HTMLDivElement>(
      html`<div lang="es" style="height: 720px; width: 1280px"></div>`,
    );
    const root = ReactDOMClient.createRoot(host);
    const navigated: Array<string | null> = [];
    flushSync(() =>
      root.render(
        React.createElement('agent-panel', {
          adapter: backend.agent('agent'),
          conversationId: SEED_IDS.jorge.conversationId,
          'onpanel-navigate': (e: CustomEvent<{ conversationId: string | null }>) =>
            navigated.push(e.detail.conversationId),
        }),
      ),
    );
    const panel = host.querySelector('agent-panel') as AgentPanel;
    expect(panel.conversationId).to.equal(SEED_IDS.jorge.conversationId);
    const list = () => panel.shadowRoot!.querySelector('conversation-list') as ConversationList;
    await waitUntil(() => list() && rowsOf(list()).length > 1, 'the panel lists the cases');
    const other = rowsOf(list()).find((r) => !r.id.endsWith(SEED_IDS.jorge.conversationId))!;
    other.click();
    await waitUntil(() => navigated.length === 1, 'panel-navigate reached React');
    expect(navigated[0]).to.equal(panel.conversationId);
    flushSync(() => root.unmount());
  });
});

describe('interop: plain HTML', () => {
  it('works from markup: attributes, provideAtento and addEventListener', async () => {
    const host = await fixture<HTMLDivElement>(html`<div lang="en" style="height: 600px"></div>`);
    host.innerHTML = `<conversation-list search="jorge"></conversation-list>`;
    provideAtento(host, { agent: createMemoryBackend().agent('agent') });
    const list = host.querySelector('conversation-list')!;
    const picked: string[] = [];
    list.addEventListener('conversation-select', (e) => picked.push(e.detail.conversationId));
    await waitUntil(() => rowsOf(list).length > 0, 'rows for the search');
    expect(rowsOf(list).every((r) => /Jorge/i.test(r.textContent ?? ''))).to.equal(true);
    rowsOf(list)[0]!.click();
    expect(picked).to.have.length(1);
  });

  it('lists for React every event the manifest declares', async () => {
    const manifest = (await (await fetch('/custom-elements.json')).json()) as {
      modules: Array<{
        declarations?: Array<{ tagName?: string; events?: Array<{ name: string }> }>;
      }>;
    };
    for (const [tag, events] of Object.entries(ELEMENT_EVENTS)) {
      const declaration = manifest.modules
        .flatMap((m) => m.declarations ?? [])
        .find((d) => d.tagName === tag);
      expect(declaration, tag).to.not.equal(undefined);
      for (const event of declaration!.events ?? [])
        expect(events as readonly string[], `${tag} → ${event.name}`).to.include(event.name);
    }
  });
});
