import { expect, fixture, html, oneEvent, waitUntil as waitUntilDefault } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../../src/components/conversation-list/conversation-list.js';
import type {
  ConversationList,
  ConversationListFilter,
} from '../../../src/components/conversation-list/conversation-list.js';
import {
  createMemoryBackend,
  generateConversations,
  SEED_IDS,
  type MemoryBackend,
  type MemoryBackendOptions,
} from '../../../src/adapters/memory/index.js';
import type { AgentAdapter, AgentEvent, ConversationQuery } from '../../../src/adapters/adapter.js';
import { provideAtento } from '../../../src/context/index.js';

/** `waitUntil` with room for a loaded machine (the default gives up after 1 s). */
const waitUntil = (predicate: () => unknown, message?: string) =>
  waitUntilDefault(predicate, message, { timeout: 4000 });

interface Mounted {
  el: ConversationList;
  backend: MemoryBackend;
}

interface MountOptions extends MemoryBackendOptions {
  backend?: MemoryBackend;
  adapter?: AgentAdapter;
  filter?: ConversationListFilter;
  search?: string;
  selected?: string;
  locale?: string;
  /** Generated cases loaded on top of the seed. */
  generated?: number;
  fault?: 'offline' | 'unavailable';
  noAdapter?: boolean;
  /** Height of the container; the default fits every seed case, so every row is rendered. */
  height?: number;
}

async function mount(options: MountOptions = {}): Promise<Mounted> {
  const backend = options.backend ?? createMemoryBackend(options);
  if (options.generated) backend.load(generateConversations({ count: options.generated }));
  if (options.fault) backend.fault(options.fault);
  const wrapper = await fixture<HTMLDivElement>(
    html`<div lang="es" style="height: ${options.height ?? 2200}px; width: 400px"></div>`,
  );
  if (!options.noAdapter)
    provideAtento(wrapper, { agent: options.adapter ?? backend.agent('agent') });
  const el = document.createElement('conversation-list');
  if (options.filter) el.filter = options.filter;
  if (options.search) el.search = options.search;
  if (options.selected) el.selected = options.selected;
  if (options.locale) el.locale = options.locale;
  wrapper.append(el);
  await settled(el);
  return { el, backend };
}

/** The list shows rows, or a final state (empty, error). */
async function settled(el: ConversationList) {
  await waitUntil(
    () => el.shadowRoot?.querySelector('[role=option], [part=state]:not([aria-busy])'),
    'list settled',
  );
  await el.updateComplete;
}

const $ = (el: ConversationList, selector: string) =>
  el.shadowRoot!.querySelector<HTMLElement>(selector);
const rows = (el: ConversationList) => [
  ...el.shadowRoot!.querySelectorAll<HTMLElement>('[role=option]'),
];
const ids = (el: ConversationList) => rows(el).map((r) => r.dataset['id']!);
const row = (el: ConversationList, id: string) =>
  $(el, `[role=option][data-id="${CSS.escape(id)}"]`);
const listbox = (el: ConversationList) => $(el, '[role=listbox]')!;
const text = (node: Element | null) => node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const toggle = (el: ConversationList, key: string) => $(el, `[part~=toggle-${key}]`)!;

/** Every id the adapter lists for a query (all pages). */
async function adapterIds(adapter: AgentAdapter, query: ConversationQuery): Promise<string[]> {
  const page = await adapter.listConversations({ ...query, limit: 200 });
  return page.items.map((c) => c.id);
}

/** Resolves after `n` animation frames. */
async function frames(n = 2) {
  for (let i = 0; i < n; i++) await new Promise((r) => requestAnimationFrame(r));
}

async function waitRender(el: ConversationList) {
  await frames(2);
  await el.updateComplete;
}

/** Yields to the event loop (a new task, without setTimeout's clamping). */
function nextTask() {
  return new Promise<void>((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(null);
  });
}

/** Wraps an adapter: records queries and keeps the live listener so tests can emit events. */
function spying(adapter: AgentAdapter) {
  const queries: ConversationQuery[] = [];
  const listeners: Array<(event: AgentEvent) => void> = [];
  const spy = new Proxy(adapter, {
    get(target, key) {
      if (key === 'listConversations')
        return (query: ConversationQuery = {}, options?: { signal?: AbortSignal }) => {
          queries.push(query);
          return target.listConversations(query, options);
        };
      if (key === 'subscribe')
        return (listener: (event: AgentEvent) => void) => {
          listeners.push(listener);
          return target.subscribe(listener);
        };
      const value = Reflect.get(target, key, target) as unknown;
      return typeof value === 'function' ? (value as () => unknown).bind(target) : value;
    },
  });
  return { spy, queries, emit: (event: AgentEvent) => listeners.forEach((l) => l(event)) };
}

describe('<conversation-list>', () => {
  it('lists the open seed cases newest first, with the row content', async () => {
    const { el, backend } = await mount({ selected: SEED_IDS.jorge.conversationId });
    const expected = await adapterIds(backend.agent('agent'), { status: 'open' });
    expect(ids(el)).to.deep.equal(expected);
    expect(text($(el, '[part=title]'))).to.equal('Conversaciones');
    expect(text($(el, '[part=count]'))).to.equal('16 conversaciones');

    const jorge = row(el, SEED_IDS.jorge.conversationId)!;
    expect(jorge.getAttribute('aria-selected')).to.equal('true');
    expect(jorge.getAttribute('aria-setsize')).to.equal('16');
    expect(jorge.getAttribute('aria-posinset')).to.equal(
      String(expected.indexOf(jorge.dataset['id']!) + 1),
    );
    expect(text(jorge.querySelector('[part=name]'))).to.equal('Jorge Taype');
    expect(jorge.classList.contains('unread')).to.equal(true);
    expect(text(jorge)).to.contain('No leída');
    expect(text(jorge.querySelector('[part=preview]'))).to.equal(
      'Pedido TA-48213: cambio de talla de zapatillas Trail Andes',
    );
    expect(text(jorge.querySelector('[part=case-number]'))).to.equal('#6597');
    expect(text(jorge.querySelector('[part=channels]'))).to.equal('Correo Chat');
    expect(jorge.querySelector('[part=completed]')).to.equal(null);
    expect(jorge.querySelector('[part=online-dot]')).to.equal(null);
    const time = jorge.querySelector('time')!;
    expect(time.getAttribute('datetime')).to.equal('2026-11-20T14:40:00.000Z');
    expect(time.textContent!.trim()).to.not.equal('');

    // A chat case shows its last line; an anonymous visitor gets a name.
    const anonymous = row(el, SEED_IDS.anonymousChat.conversationId)!;
    expect(text(anonymous.querySelector('[part=name]'))).to.equal('Visitante anónimo');
    expect(text(anonymous.querySelector('[part=preview]'))).to.equal(
      '¿hacen envíos a Cusco? ¿cuánto cuesta?',
    );
    const read = rows(el).find((r) => !r.classList.contains('unread'))!;
    expect(text(read)).to.not.contain('No leída');
    await expect(el).to.be.accessible();
  });

  it('shows check marks on completed cases and filters by status', async () => {
    const { el, backend } = await mount();
    const agent = backend.agent('agent');
    $(el, '[part=status-filter] input[value=completed]')!.click();
    await settled(el);
    await waitUntil(() => ids(el).length === 10, 'completed cases');
    expect(ids(el)).to.deep.equal(await adapterIds(agent, { status: 'completed' }));
    expect(rows(el).every((r) => r.querySelector('[part=completed]'))).to.equal(true);
    expect(text(rows(el)[0]!)).to.contain('Completada');
    expect(el.filter).to.deep.equal({ status: 'completed' });

    $(el, '[part=status-filter] input[value=all]')!.click();
    await waitUntil(() => text($(el, '[part=count]')) === '26 conversaciones', 'every case');
    expect(el.filter).to.deep.equal({});
    await expect(el).to.be.accessible();
  });

  it('applies each toggle (unread, chat, email, mine) as the adapter does', async () => {
    const { el, backend } = await mount();
    const agent = backend.agent('agent');
    const cases: Array<[string, ConversationQuery]> = [
      ['unread', { status: 'open', unread: true }],
      ['chat', { status: 'open', channel: 'chat' }],
      ['email', { status: 'open', channel: 'email' }],
      ['mine', { status: 'open', mine: true }],
    ];
    for (const [key, query] of cases) {
      const button = toggle(el, key);
      expect(button.getAttribute('aria-pressed')).to.equal('false');
      button.click();
      const expected = await adapterIds(agent, query);
      await waitUntil(() => ids(el).join() === expected.join(), `${key} filter`);
      expect(button.getAttribute('aria-pressed')).to.equal('true');
      button.click();
      await waitUntil(() => ids(el).length === 16, `${key} off`);
    }
    // Unread and chat combine; chat and email exclude each other.
    toggle(el, 'unread').click();
    toggle(el, 'chat').click();
    const unreadChats = await adapterIds(agent, { status: 'open', unread: true, channel: 'chat' });
    await waitUntil(() => ids(el).join() === unreadChats.join(), 'unread chats');
    toggle(el, 'email').click();
    await el.updateComplete;
    expect(toggle(el, 'chat').getAttribute('aria-pressed')).to.equal('false');
    expect(el.filter).to.deep.equal({ status: 'open', unread: true, channel: 'email' });
    await expect(el).to.be.accessible();
  });

  it('maps filter and search onto listConversations', async () => {
    const backend = createMemoryBackend();
    const { spy, queries } = spying(backend.agent('agent'));
    const { el } = await mount({ backend, adapter: spy });
    expect(queries.at(-1)).to.deep.equal({ status: 'open', limit: 50 });
    el.filter = { status: 'completed', unread: true, channel: 'email', mine: true };
    el.search = 'pedido';
    await settled(el);
    await waitUntil(() => queries.length >= 2);
    expect(queries.at(-1)).to.deep.equal({
      status: 'completed',
      unread: true,
      channel: 'email',
      mine: true,
      search: 'pedido',
      limit: 50,
    });
    // The same filter again does not reload.
    const count = queries.length;
    el.filter = { status: 'completed', unread: true, channel: 'email', mine: true };
    await el.updateComplete;
    expect(queries.length).to.equal(count);
  });

  it('searches after a pause in typing, accent-insensitive; Escape clears', async () => {
    const { el, backend } = await mount({ filter: {} });
    const input = $(el, '[part=search]') as HTMLInputElement;
    el.focusSearch();
    expect(el.shadowRoot!.activeElement === input).to.equal(true);
    await sendKeys({ type: 'nunez' });
    expect(el.search).to.equal('');
    await waitUntil(() => el.search === 'nunez', 'debounced search');
    await waitUntil(() => ids(el).length === 1, 'search results');
    expect(text($(el, '[part=name]'))).to.equal('Patricia Núñez');

    input.value = '';
    await sendKeys({ type: '#6597' });
    await waitUntil(() => ids(el).join() === SEED_IDS.jorge.conversationId, 'by number');
    const byAddress = await adapterIds(backend.agent('agent'), { search: 'gmail.com' });
    el.search = 'gmail.com';
    await waitUntil(() => ids(el).join() === byAddress.join(), 'by address');
    expect(input.value).to.equal('gmail.com');

    input.focus();
    await sendKeys({ press: 'Escape' });
    expect(el.search).to.equal('');
    expect(input.value).to.equal('');
    await waitUntil(() => ids(el).length > 20, 'search cleared');
    await expect(el).to.be.accessible();
  });

  it('says when nothing matches, and "Borrar filtros" restores the list', async () => {
    const { el } = await mount({ filter: { status: 'completed', unread: true, channel: 'chat' } });
    expect(rows(el)).to.have.length(0);
    expect(text($(el, '[part=state]'))).to.contain(
      'Ninguna conversación coincide con estos filtros.',
    );
    await expect(el).to.be.accessible();
    $(el, '[part=clear-filters]')!.click();
    await waitUntil(() => rows(el).length === 10, 'completed cases again');
    expect(el.filter).to.deep.equal({ status: 'completed' });

    el.search = 'zapatos voladores';
    await waitUntil(() => $(el, '[part=state]'), 'no match');
    expect(text($(el, '[part=state]'))).to.contain(
      'Ninguna conversación coincide con «zapatos voladores».',
    );
    $(el, '[part=clear-filters]')!.click();
    await waitUntil(() => rows(el).length === 10, 'search cleared');
    expect(el.search).to.equal('');
  });

  it('says "no open conversations" without a clear-filters button when none are open', async () => {
    const backend = createMemoryBackend();
    const agent = backend.agent('agent');
    for (const id of await adapterIds(agent, { status: 'open' }))
      await agent.setStatus(id, 'completed');
    const { el } = await mount({ backend });
    expect(text($(el, '[part=state]'))).to.equal('No hay conversaciones abiertas.');
    expect($(el, '[part=clear-filters]')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('follows the listbox keyboard pattern and fires a cancelable conversation-select', async () => {
    const { el } = await mount();
    const all = ids(el);
    listbox(el).focus();
    await el.updateComplete;
    const active = () => listbox(el).getAttribute('aria-activedescendant');
    expect(active()).to.equal(`row-${all[0]}`);
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'ArrowDown' });
    expect(active()).to.equal(`row-${all[2]}`);
    expect(row(el, all[2]!)!.getAttribute('part')).to.contain('row-active');
    await sendKeys({ press: 'ArrowUp' });
    expect(active()).to.equal(`row-${all[1]}`);
    await sendKeys({ press: 'End' });
    expect(active()).to.equal(`row-${all.at(-1)}`);
    await sendKeys({ press: 'Home' });
    expect(active()).to.equal(`row-${all[0]}`);
    await sendKeys({ press: 'PageDown' });
    const page = all.indexOf(active()!.slice(4));
    expect(page).to.be.greaterThan(3);
    await sendKeys({ press: 'PageUp' });
    expect(active()).to.equal(`row-${all[0]}`);

    await sendKeys({ press: 'ArrowDown' });
    setTimeout(() => void sendKeys({ press: 'Enter' }));
    const event = await oneEvent(el, 'conversation-select');
    expect(event.detail.conversationId).to.equal(all[1]);
    expect(event.detail.conversation.id).to.equal(all[1]);
    expect(event.bubbles && event.composed && event.cancelable).to.equal(true);
    expect(el.selected).to.equal(all[1]);
    await el.updateComplete;
    expect(row(el, all[1]!)!.getAttribute('aria-selected')).to.equal('true');

    // A listener cancels: the selection does not move.
    el.addEventListener('conversation-select', (e) => e.preventDefault(), { once: true });
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: ' ' });
    expect(el.selected).to.equal(all[1]);
    await sendKeys({ press: ' ' });
    expect(el.selected).to.equal(all[2]);
    await expect(el).to.be.accessible();
  });

  it('selects on click', async () => {
    const { el } = await mount();
    const target = ids(el)[3]!;
    setTimeout(() => row(el, target)!.click());
    const event = await oneEvent(el, 'conversation-select');
    expect(event.detail.conversationId).to.equal(target);
    expect(el.selected).to.equal(target);
  });

  it('selectNext / selectPrevious move the selection like a user and return the id', async () => {
    const { el } = await mount();
    const all = ids(el);
    const fired: string[] = [];
    el.addEventListener('conversation-select', (e) => fired.push(e.detail.conversationId));
    expect(el.selectNext()).to.equal(all[0]);
    expect(el.selectNext()).to.equal(all[1]);
    expect(el.selectPrevious()).to.equal(all[0]);
    expect(el.selectPrevious()).to.equal(null);
    expect(fired).to.deep.equal([all[0], all[1], all[0]]);
    el.selected = all.at(-1)!;
    expect(el.selectNext()).to.equal(null);
    el.addEventListener('conversation-select', (e) => e.preventDefault(), { once: true });
    expect(el.selectPrevious()).to.equal(null);
    expect(el.selected).to.equal(all.at(-1));
    // Setting `selected` fires nothing; an unknown case stays selected.
    el.selected = 'conv-not-loaded';
    await el.updateComplete;
    expect(fired).to.have.length(4);
    expect(el.selected).to.equal('conv-not-loaded');
    expect(rows(el).some((r) => r.getAttribute('aria-selected') === 'true')).to.equal(false);
  });

  it('pages and virtualizes 10,000 cases: bounded DOM, next page near the end', async function () {
    this.timeout(20_000);
    const { el, backend } = await mount({ generated: 10_000, filter: {}, height: 640 });
    const total = (await backend.agent('agent').listConversations({ limit: 1 })).total;
    expect(total).to.equal(10_026);
    expect(text($(el, '[part=count]'))).to.equal('10.026 conversaciones');
    expect(rows(el).length).to.be.within(5, 40);
    expect(rows(el)[0]!.getAttribute('aria-setsize')).to.equal('10026');
    const scroller = listbox(el);
    const loaded = () => Number(scroller.style.getPropertyValue('--n'));
    expect(loaded()).to.equal(51);
    const rowHeight = rows(el)[0]!.getBoundingClientRect().height;
    expect(scroller.scrollHeight).to.be.closeTo(51 * rowHeight, 2);
    // Scroll to the end of the loaded rows, twice: the next pages load.
    for (const expected of [101, 151]) {
      scroller.scrollTop = scroller.scrollHeight;
      await waitUntil(() => loaded() === expected, `page up to ${expected}`);
    }
    await waitRender(el);
    expect(rows(el).length).to.be.within(5, 40);
    const positions = rows(el).map((r) => Number(r.getAttribute('aria-posinset')));
    expect(Math.max(...positions)).to.be.greaterThan(100);
    // The rows in DOM are the ones in view.
    const box = scroller.getBoundingClientRect();
    const visible = rows(el).filter((r) => {
      const rect = r.getBoundingClientRect();
      return rect.bottom > box.top && rect.top < box.bottom;
    });
    expect(visible.length).to.be.greaterThan(4);
    // Keyboard End reaches the last loaded row and brings it in view.
    scroller.focus();
    await sendKeys({ press: 'End' });
    await waitRender(el);
    const last = row(el, listbox(el).getAttribute('aria-activedescendant')!.slice(4))!;
    const rect = last.getBoundingClientRect();
    expect(rect.bottom).to.be.at.most(scroller.getBoundingClientRect().bottom + 1);
    await expect(el).to.be.accessible();
  });

  it('keeps the selection, the active row and what the agent sees when cases arrive above', async function () {
    this.timeout(20_000);
    const { el, backend } = await mount({ generated: 2_000, filter: {}, height: 640 });
    const scroller = listbox(el);
    const rowHeight = rows(el)[0]!.getBoundingClientRect().height;
    scroller.scrollTop = rowHeight * 20 + 10;
    await waitRender(el);
    await waitUntil(() => scroller.getAttribute('aria-busy') === 'false', 'pages settled');
    await waitRender(el);
    const loadedBefore = Number(scroller.style.getPropertyValue('--n'));
    const box = () => scroller.getBoundingClientRect();
    const firstVisible = () =>
      rows(el).find((r) => r.getBoundingClientRect().bottom > box().top + 1)!;
    const anchor = firstVisible();
    const anchorId = anchor.dataset['id']!;
    const anchorTop = anchor.getBoundingClientRect().top;
    const target = ids(el).find(
      (id) => row(el, id)!.getBoundingClientRect().top > box().top + rowHeight,
    )!;
    row(el, target)!.click();
    scroller.focus();
    await sendKeys({ press: 'ArrowDown' });
    const active = scroller.getAttribute('aria-activedescendant');

    // A visitor starts a chat (a new row) and Jorge writes again (his row moves up): both go to
    // the top, above the view.
    const visitor = backend.visitor('device-new-visitor');
    await visitor.send({ clientId: 'c1', text: 'Hola, ¿tienen la casaca en talla M?' });
    await backend.receiveEmail({
      from: { name: 'Jorge Taype', address: SEED_IDS.jorge.address },
      to: [{ address: 'soporte@tiendaandina.pe' }],
      subject: 'Re: Pedido TA-48213: cambio de talla de zapatillas Trail Andes',
      text: 'Les escribo otra vez.',
    });
    await waitRender(el);
    expect(Number(scroller.style.getPropertyValue('--n'))).to.equal(loadedBefore + 1);
    expect(firstVisible().dataset['id']).to.equal(anchorId);
    expect(row(el, anchorId)!.getBoundingClientRect().top).to.be.closeTo(anchorTop, 1);
    expect(el.selected).to.equal(target);
    expect(row(el, target)!.getAttribute('aria-selected')).to.equal('true');
    expect(scroller.getAttribute('aria-activedescendant')).to.equal(active);
    // At the top, the new cases are the first rows.
    scroller.scrollTop = 0;
    await waitRender(el);
    expect(ids(el)[0]).to.equal(SEED_IDS.jorge.conversationId);
    expect(text(rows(el)[1]!.querySelector('[part=preview]'))).to.equal(
      'Hola, ¿tienen la casaca en talla M?',
    );
    await expect(el).to.be.accessible();
  });

  it('sets has-new and fires conversation-new-chat when a visitor starts a chat', async () => {
    const { el, backend } = await mount();
    expect(el.hasNew).to.equal(false);
    expect($(el, '[part=new-indicator]')).to.equal(null);
    const visitor = backend.visitor('dev-x');
    setTimeout(() => void visitor.send({ clientId: 'hello-1', text: 'Hola, necesito ayuda' }));
    const event = await oneEvent(el, 'conversation-new-chat');
    expect(event.bubbles && event.composed).to.equal(true);
    expect(event.cancelable).to.equal(false);
    const id = event.detail.conversation.id;
    expect(el.hasNew).to.equal(true);
    await el.updateComplete;
    expect(el.hasAttribute('has-new')).to.equal(true);
    expect(text($(el, '[part=new-indicator]'))).to.equal('Nuevo chat');
    await waitRender(el);
    expect(ids(el)[0]).to.equal(id);
    expect(text($(el, '[part=count]'))).to.equal('17 conversaciones');
    await expect(el).to.be.accessible();

    // A second message of the same chat is not a new chat.
    let fired = 0;
    el.addEventListener('conversation-new-chat', () => fired++);
    await visitor.send({ clientId: 'hello-2', text: '¿Hay alguien?' });
    expect(fired).to.equal(0);

    el.clearNewIndicator();
    await el.updateComplete;
    expect(el.hasAttribute('has-new')).to.equal(false);
    expect($(el, '[part=new-indicator]')).to.equal(null);

    // Selecting the new case clears the indicator too.
    const other = backend.visitor('dev-y');
    await other.send({ clientId: 'y-1', text: 'Buenas tardes' });
    await waitRender(el);
    expect(el.hasNew).to.equal(true);
    row(el, ids(el)[0]!)!.click();
    await el.updateComplete;
    expect(el.hasNew).to.equal(false);
  });

  it('raises no indicator for a new chat in the selected, visible case; does for a completed one coming back', async () => {
    const { el, backend } = await mount({ filter: {} });
    let fired = 0;
    el.addEventListener('conversation-new-chat', () => fired++);
    // Emily's chat is listed and open: a new line is not a new chat.
    const emily = backend.visitor(SEED_IDS.visitors.english);
    await emily.send({ clientId: 'e-1', text: 'One more question' });
    expect(fired).to.equal(0);
    // Complete it; the visitor coming back is a new chat, unless the agent has it open.
    await backend.agent('supervisor').setStatus(SEED_IDS.englishChat.conversationId, 'completed');
    el.selected = SEED_IDS.englishChat.conversationId;
    await el.updateComplete;
    await emily.send({ clientId: 'e-2', text: 'Back again' });
    expect(fired).to.equal(0);
    expect(el.hasNew).to.equal(false);
    await backend.agent('supervisor').setStatus(SEED_IDS.englishChat.conversationId, 'completed');
    el.selected = SEED_IDS.jorge.conversationId;
    await el.updateComplete;
    await emily.send({ clientId: 'e-3', text: 'Hello?' });
    expect(fired).to.equal(1);
    expect(el.hasNew).to.equal(true);
  });

  it('shows read and complete changes made by another agent, live', async () => {
    const { el, backend } = await mount();
    const marco = backend.agent('supervisor');
    const id = SEED_IDS.knownChat.conversationId;
    expect(row(el, id)!.classList.contains('unread')).to.equal(true);
    await marco.markRead(id);
    await waitRender(el);
    expect(row(el, id)!.classList.contains('unread')).to.equal(false);
    expect(text(row(el, id))).to.not.contain('No leída');

    // Completed elsewhere: it leaves the open list.
    await marco.setStatus(id, 'completed');
    await waitRender(el);
    expect(row(el, id)).to.equal(null);
    expect(text($(el, '[part=count]'))).to.equal('15 conversaciones');
    // Reopened: back in place, with no check mark.
    await marco.setStatus(id, 'open');
    await waitRender(el);
    expect(row(el, id)!.querySelector('[part=completed]')).to.equal(null);

    // The selected case stays (with its check mark) until another case is selected.
    el.selected = id;
    await el.updateComplete;
    await marco.setStatus(id, 'completed');
    await waitRender(el);
    expect(row(el, id)!.querySelector('[part=completed]')).to.not.equal(null);
    const next = el.selectNext();
    expect(next).to.not.equal(null);
    await waitRender(el);
    expect(row(el, id)).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('moves a case with a new message to the top and shows the check mark live in "Todas"', async () => {
    const { el, backend } = await mount({ filter: {} });
    const completed = SEED_IDS.completedCase.conversationId;
    expect(row(el, completed)!.querySelector('[part=completed]')).to.not.equal(null);
    await backend.receiveEmail({
      from: { name: 'Jorge Taype', address: SEED_IDS.jorge.address },
      to: [{ address: 'soporte@tiendaandina.pe' }],
      subject: 'Re: Pedido TA-48213: cambio de talla de zapatillas Trail Andes',
      text: 'Una consulta más.',
    });
    await waitRender(el);
    expect(ids(el)[0]).to.equal(SEED_IDS.jorge.conversationId);
    await backend.agent('supervisor').setStatus(SEED_IDS.knownChat.conversationId, 'completed');
    await waitRender(el);
    const carla = row(el, SEED_IDS.knownChat.conversationId)!;
    expect(carla.querySelector('[part=completed]')).to.not.equal(null);
  });

  it('finds a reopened case of "Mías" through the adapter', async () => {
    const backend = createMemoryBackend();
    const agent = backend.agent('agent');
    const [mineCompleted] = (await agent.listConversations({ status: 'completed', mine: true }))
      .items;
    expect(mineCompleted, 'a completed case of mine in the seed').to.not.equal(undefined);
    const { el } = await mount({ backend, filter: { status: 'open', mine: true } });
    expect(row(el, mineCompleted!.id)).to.equal(null);
    const detail = await agent.getConversation(mineCompleted!.id);
    await backend.receiveEmail({
      from: { name: detail.contact.name, address: detail.contact.emails[0]! },
      to: [{ address: 'soporte@tiendaandina.pe' }],
      subject: `Re: ${mineCompleted!.subject}`,
      text: 'Tengo otra consulta.',
    });
    await waitUntil(() => ids(el)[0] === mineCompleted!.id, 'reopened case listed');
    // Someone else's new chat does not enter "Mías".
    await backend.visitor('dev-other').send({ clientId: 'o-1', text: 'Hola' });
    await waitRender(el);
    await new Promise((r) => setTimeout(r, 20));
    expect(ids(el)[0]).to.equal(mineCompleted!.id);
  });

  it('shows the online dot and "Escribiendo…" live', async () => {
    const { el, backend } = await mount();
    const id = SEED_IDS.knownChat.conversationId;
    const visitor = backend.visitor(SEED_IDS.visitors.known);
    const stop = visitor.subscribe(() => {});
    await waitUntil(() => row(el, id)?.querySelector('[part=online-dot]'), 'online dot');
    expect(text(row(el, id))).to.contain('Visitante en línea');
    await visitor.typing(true);
    await waitUntil(() => text(row(el, id)!.querySelector('[part=preview]')) === 'Escribiendo…');
    await visitor.typing(false);
    await waitUntil(() => text(row(el, id)!.querySelector('[part=preview]')) !== 'Escribiendo…');
    await visitor.typing(true);
    await visitor.send({ clientId: 'k-1', text: 'Ya encontré el número de pedido' });
    await waitUntil(
      () =>
        text(row(el, id)!.querySelector('[part=preview]')) === 'Ya encontré el número de pedido',
    );
    await expect(el).to.be.accessible();
    stop();
    await waitUntil(() => !row(el, id)?.querySelector('[part=online-dot]'), 'offline');
  });

  it('renders a burst of new chats at most once per frame', async function () {
    this.timeout(20_000);
    const { el, backend } = await mount();
    let updates = 0;
    const original = (el as unknown as { update: (c: unknown) => void }).update;
    (el as unknown as { update: (c: unknown) => void }).update = function (this: unknown, c) {
      updates++;
      original.call(this, c);
    };
    let framesSeen = 0;
    let counting = true;
    const count = () => {
      framesSeen++;
      if (counting) requestAnimationFrame(count);
    };
    requestAnimationFrame(count);
    // One chat per task (as WebSocket messages would come), many per frame.
    for (let i = 0; i < 200; i++) {
      await backend.visitor(`burst-${i}`).send({ clientId: `b-${i}`, text: `Hola ${i}` });
      await nextTask();
    }
    await waitRender(el);
    counting = false;
    expect(text($(el, '[part=count]'))).to.equal('216 conversaciones');
    expect(updates).to.be.at.most(framesSeen + 1);
    expect(updates).to.be.at.least(1);
  });

  it('reloads on resync, keeping the selection', async () => {
    const backend = createMemoryBackend();
    const { spy, queries, emit } = spying(backend.agent('agent'));
    const { el } = await mount({ backend, adapter: spy, selected: SEED_IDS.jorge.conversationId });
    const before = queries.length;
    emit({ type: 'resync' });
    await waitUntil(() => queries.length === before + 1, 'reloaded');
    await waitRender(el);
    expect(el.selected).to.equal(SEED_IDS.jorge.conversationId);
    expect(row(el, SEED_IDS.jorge.conversationId)!.getAttribute('aria-selected')).to.equal('true');
  });

  it("reloads after being detached for a while, and lists another adapter's cases", async function () {
    this.timeout(20_000);
    const backend = createMemoryBackend();
    const { spy, queries } = spying(backend.agent('agent'));
    const { el } = await mount({ backend, adapter: spy });
    const parent = el.parentElement!;
    const before = queries.length;
    el.remove();
    parent.append(el);
    await el.updateComplete;
    expect(queries.length, 'moved at once: no reload').to.equal(before);
    el.remove();
    await new Promise((r) => setTimeout(r, 1100));
    parent.append(el);
    await waitUntil(() => queries.length === before + 1, 'reloaded');

    const other = createMemoryBackend();
    const agent = other.agent('agent');
    for (const id of await adapterIds(agent, { status: 'open' }))
      await agent.setStatus(id, 'completed');
    el.adapter = agent;
    await waitUntil(() => $(el, '[part=state]'), 'the other backend has no open case');
    expect(rows(el)).to.have.length(0);
  });

  it('shows a loading skeleton', async () => {
    const backend = createMemoryBackend({ latencyMs: 60_000 });
    const wrapper = await fixture<HTMLDivElement>(
      html`<div lang="es" style="height: 640px; width: 400px"></div>`,
    );
    const el = document.createElement('conversation-list');
    el.adapter = backend.agent('agent');
    wrapper.append(el);
    await el.updateComplete;
    const state = $(el, '[part=state][aria-busy=true]')!;
    expect(text(state)).to.equal('Cargando conversaciones…');
    expect(state.querySelectorAll('.skeleton-row').length).to.be.greaterThan(3);
    await expect(el).to.be.accessible();
    backend.dispose();
  });

  it('shows errors with a retry, and says when it is offline', async () => {
    const { el, backend } = await mount({ fault: 'unavailable' });
    const state = $(el, '[part=state]')!;
    expect(state.getAttribute('role')).to.equal('alert');
    expect(text(state)).to.contain('No se pudieron cargar las conversaciones.');
    await expect(el).to.be.accessible();
    backend.fault(null);
    $(el, '[part=retry-button]')!.click();
    await waitUntil(() => rows(el).length === 16, 'retried');

    backend.fault('offline');
    el.filter = { status: 'completed' };
    await waitUntil(() => text($(el, '[part=state]')).includes('Sin conexión.'), 'offline');
    backend.fault(null);
    window.dispatchEvent(new Event('online'));
    await waitUntil(() => rows(el).length === 10, 'reloaded when back online');

    window.dispatchEvent(new Event('offline'));
    await el.updateComplete;
    expect(text($(el, '[part=offline]'))).to.contain('Sin conexión.');
    window.dispatchEvent(new Event('online'));
    await el.updateComplete;
    expect($(el, '[part=offline]')).to.equal(null);
  });

  it('shows a failed next page inline with a retry', async function () {
    this.timeout(20_000);
    const backend = createMemoryBackend();
    backend.load(generateConversations({ count: 200 }));
    const { el } = await mount({ backend, filter: {}, height: 640 });
    backend.fault('unavailable');
    const scroller = listbox(el);
    scroller.scrollTop = scroller.scrollHeight;
    await waitUntil(() => $(el, '[part=inline-error]'), 'inline error');
    expect(text($(el, '[part=inline-error]'))).to.contain(
      'No se pudieron cargar más conversaciones.',
    );
    await expect(el).to.be.accessible();
    backend.fault(null);
    $(el, '[part=inline-error] [part=retry-button]')!.click();
    await waitUntil(() => Number(scroller.style.getPropertyValue('--n')) === 101, 'next page');
    expect($(el, '[part=inline-error]')).to.equal(null);
  });

  it('says when no adapter is connected', async () => {
    const { el } = await mount({ noAdapter: true });
    expect(text($(el, '[part=state]'))).to.contain(
      'Este elemento no está conectado a ningún servidor.',
    );
    expect($(el, '[part=retry-button]')).to.equal(null);
  });

  it('speaks English', async () => {
    const { el } = await mount({ locale: 'en', filter: {} });
    expect(text($(el, '[part=title]'))).to.equal('Conversations');
    expect(text($(el, '[part=count]'))).to.equal('26 conversations');
    expect(text($(el, '[part=status-filter]'))).to.equal('Status Open Completed All');
    expect(text($(el, '[part=toggles]'))).to.equal('Unread Chat Email Mine');
    expect(
      text(row(el, SEED_IDS.anonymousChat.conversationId)!.querySelector('[part=name]')),
    ).to.equal('Anonymous visitor');
    expect(text(row(el, SEED_IDS.completedCase.conversationId))).to.contain('Completed');
    el.search = 'nothing at all here';
    await waitUntil(() => $(el, '[part=state]'));
    expect(text($(el, '[part=state]'))).to.contain(
      'No conversation matches “nothing at all here”.',
    );
    expect(text($(el, '[part=clear-filters]'))).to.equal('Clear filters');
    await expect(el).to.be.accessible();
  });
});
