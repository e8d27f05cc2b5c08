import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/components/mail-thread/mail-thread.js';
import type { MailThread } from '../../src/components/mail-thread/mail-thread.js';
import {
  createMemoryBackend,
  createSeedData,
  generateLargeCase,
  SEED_IDS,
  type MemoryBackend,
  type MemoryBackendOptions,
} from '../../src/adapters/memory/index.js';
import { AdapterError, type AgentAdapter } from '../../src/adapters/adapter.js';
import { provideAtento } from '../../src/context/index.js';
import type { Message } from '../../src/model/index.js';

const JORGE = SEED_IDS.jorge;

interface Mounted {
  el: MailThread;
  backend: MemoryBackend;
  wrapper: HTMLDivElement;
}

/** The thread inside a container providing the adapter, with a fixed height so it scrolls. */
async function mount(
  options: MemoryBackendOptions & {
    conversationId?: string;
    fault?: 'offline' | 'unavailable';
    noAdapter?: boolean;
    settle?: boolean;
    backend?: MemoryBackend;
    /** The adapter provided instead of the backend's agent adapter. */
    adapter?: AgentAdapter;
    noConversation?: boolean;
    messageId?: string;
  } = {},
): Promise<Mounted> {
  const backend = options.backend ?? createMemoryBackend(options);
  if (options.fault) backend.fault(options.fault);
  const wrapper = await fixture<HTMLDivElement>(
    html`<div lang="es" style="height: 640px; width: 900px">
      <button id="before">antes</button>
      <div id="slot-host"></div>
      <button id="after">después</button>
    </div>`,
  );
  if (!options.noAdapter)
    provideAtento(wrapper, { agent: options.adapter ?? backend.agent('agent') });
  const el = document.createElement('mail-thread');
  if (!options.noConversation) el.conversationId = options.conversationId ?? JORGE.conversationId;
  if (options.messageId) el.messageId = options.messageId;
  el.style.height = '560px';
  wrapper.querySelector('#slot-host')!.append(el);
  if (options.settle !== false) {
    await waitUntil(() => cards(el).length > 0 || $(el, '[part=state]'), 'thread settled');
    await el.updateComplete;
  }
  return { el, backend, wrapper };
}

const $ = (el: MailThread, selector: string) => el.shadowRoot!.querySelector<HTMLElement>(selector);
const cards = (el: MailThread) => [
  ...el.shadowRoot!.querySelectorAll<HTMLElement & { message: Message; expanded: boolean }>(
    'mail-message',
  ),
];
const ids = (el: MailThread) => cards(el).map((c) => c.message.id);
const text = (el: MailThread, selector: string) => $(el, selector)?.textContent?.trim() ?? '';
const counter = (el: MailThread) => text(el, '[part=counter]');

/** The backend's agent adapter with `markRead` replaced (the rest delegates). */
function withMarkRead(agent: AgentAdapter, markRead: AgentAdapter['markRead']): AgentAdapter {
  return new Proxy(agent, {
    get(target, key) {
      if (key === 'markRead') return markRead;
      const value = Reflect.get(target, key, target) as unknown;
      return typeof value === 'function' ? (value as () => unknown).bind(target) : value;
    },
  });
}

/** A mail from Jorge with the case's subject but no reference: it opens a new interaction. */
const newInteractionMail = {
  from: { name: 'Jorge Taype', address: JORGE.address },
  to: [{ address: 'soporte@tiendaandina.pe' }],
  subject: 'Pedido TA-48213: cambio de talla de zapatillas Trail Andes',
  text: 'Les escribo de nuevo por otro tema.',
  messageId: 'live-new-interaction@gmail.com',
};

const inView = (el: MailThread, card: HTMLElement) => {
  const box = $(el, '[part=scroller]')!.getBoundingClientRect();
  const rect = card.getBoundingClientRect();
  return rect.top < box.bottom && rect.bottom > box.top;
};

async function settle(el: MailThread) {
  await new Promise((r) => setTimeout(r, 0));
  await el.updateComplete;
}

describe('<mail-thread>', () => {
  it('shows the header of case #6597: subject, number, customer, channels', async () => {
    const { el } = await mount();
    expect(text(el, '[part=subject]')).to.equal(
      'Pedido TA-48213: cambio de talla de zapatillas Trail Andes',
    );
    expect(text(el, '[part=case-number]')).to.equal('#6597');
    expect(text(el, '[part=customer-name]')).to.equal('Jorge Taype');
    expect(text(el, '[part=customer-address]')).to.equal(`<${JORGE.address}>`);
    const channels = [...el.shadowRoot!.querySelectorAll('[part~=channel]')].map((c) =>
      c.textContent!.trim(),
    );
    expect(channels).to.include.members(['Correo', 'Chat']);
    expect(text(el, '[part=status]')).to.equal('Abierta');
    await expect(el).to.be.accessible();
  });

  it('marks a chat visitor whose identity the website proved, and only them', async () => {
    const backend = createMemoryBackend({
      verifyIdentity: ({ identityHash }) => identityHash === 'ok',
    });
    // An agent is online, so visitors may write before leaving an email.
    const stop = backend.agent('supervisor').subscribe(() => undefined);
    const visitor = backend.visitor('verified-device');
    await visitor.send({ clientId: 'v-1', text: 'Hola, soy clienta registrada.' });
    await visitor.identify({
      name: 'Rosa Vega',
      email: 'rosa.vega@example.pe',
      identityHash: 'ok',
    });
    const conversationId = (await visitor.resume()).conversation!.id;
    const { el } = await mount({ backend, conversationId });
    expect(text(el, '[part=verified]')).to.equal('Identidad verificada');
    await expect(el).to.be.accessible();

    const other = backend.visitor('self-declared');
    await other.send({ clientId: 's-1', text: 'Hola' });
    await other.identify({ name: 'Luis Paz', email: 'luis.paz@example.pe' });
    const plain = await mount({ backend, conversationId: (await other.resume()).conversation!.id });
    expect($(plain.el, '[part=verified]') === null).to.equal(true);
    stop();
  });

  it('opens on the newest interaction: "14 de 14", newest message expanded and in view', async () => {
    const { el } = await mount();
    expect(counter(el)).to.equal('14 de 14');
    expect(ids(el).at(-1)).to.equal(JORGE.latestMessageId);
    expect(cards(el).map((c) => c.expanded)).to.deep.equal(
      cards(el).map((_, i, all) => i === all.length - 1),
    );
    const feed = $(el, '[role=feed]')!;
    expect(feed.getAttribute('aria-busy')).to.equal('false');
    expect(feed.getAttribute('aria-label')).to.equal('Mensajes de la atención');
    const scroller = $(el, '[part=scroller]')!;
    const last = cards(el).at(-1)!.getBoundingClientRect();
    const box = scroller.getBoundingClientRect();
    expect(last.top < box.bottom && last.bottom > box.top).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('moves between open interactions with the arrows and fires mail-interaction-change', async () => {
    const { el } = await mount();
    expect(($(el, '[part=next]') as HTMLButtonElement).disabled).to.equal(true);
    setTimeout(() => $(el, '[part=previous]')!.click());
    const event = await oneEvent(el, 'mail-interaction-change');
    expect(event.detail.index).to.equal(13);
    expect(event.detail.total).to.equal(14);
    await settle(el);
    expect(counter(el)).to.equal('13 de 14');
    expect(cards(el).every((c) => c.message.interactionId === event.detail.interactionId)).to.equal(
      true,
    );
    $(el, '[part=next]')!.click();
    await oneEvent(el, 'mail-interaction-change');
    await settle(el);
    expect(counter(el)).to.equal('14 de 14');
    for (let i = 0; i < 13; i++) await el.previousInteraction();
    await settle(el);
    expect(counter(el)).to.equal('1 de 14');
    expect(($(el, '[part=previous]') as HTMLButtonElement).disabled).to.equal(true);
    expect($(el, '[part=previous]')!.getAttribute('aria-keyshortcuts')).to.equal('p Alt+ArrowUp');
    await expect(el).to.be.accessible();
  });

  it('goes to the previous/next interaction with p / n and Alt+arrows, not from text fields', async () => {
    const { el } = await mount();
    $(el, '[part=expand-all]')!.focus();
    await sendKeys({ press: 'p' });
    await waitUntil(() => counter(el) === '13 de 14', 'p went back');
    await sendKeys({ press: 'n' });
    await waitUntil(() => counter(el) === '14 de 14', 'n went forward');
    $(el, '[part=expand-all]')!.focus();
    await sendKeys({ down: 'Alt' });
    await sendKeys({ press: 'ArrowUp' });
    await sendKeys({ up: 'Alt' });
    await waitUntil(() => counter(el) === '13 de 14', 'Alt+ArrowUp went back');
    const input = document.createElement('input');
    input.slot = 'composer';
    input.setAttribute('aria-label', 'editor');
    el.append(input);
    el.composing = { messageId: ids(el).at(-1)!, mode: 'reply' };
    await settle(el);
    input.focus();
    await sendKeys({ press: 'n' });
    await settle(el);
    expect(counter(el)).to.equal('13 de 14');
  });

  it('shows "Cargar historial" only while older messages exist; it prepends them', async () => {
    const { el } = await mount();
    const first = ids(el);
    expect(text(el, '[part=load-history]')).to.equal('Cargar historial');
    $(el, '[part=load-history]')!.click();
    await waitUntil(() => ids(el).length > first.length, 'older interaction prepended');
    expect(ids(el).slice(-first.length)).to.deep.equal(first);
    expect(cards(el)[0]!.message.interactionId).to.equal('int-6597-15');
    expect(el.shadowRoot!.querySelectorAll('[part=divider]').length).to.equal(2);
    let guard = 0;
    while ($(el, '[part=load-history]') && guard++ < 20) await el.loadHistory();
    await settle(el);
    expect($(el, '[part=load-history]')).to.equal(null);
    expect(cards(el)[0]!.message.interactionId).to.equal(JORGE.firstInteractionId);
    expect(ids(el).at(-1)).to.equal(JORGE.latestMessageId);
    await expect(el).to.be.accessible();
  });

  it('keeps the scroll position when older messages are prepended', async () => {
    const { el } = await mount();
    await el.loadHistory();
    await el.loadHistory();
    await settle(el);
    const scroller = $(el, '[part=scroller]')!;
    scroller.scrollTop = 200;
    await new Promise((r) => requestAnimationFrame(r));
    const anchor = cards(el).find(
      (c) => c.getBoundingClientRect().bottom > scroller.getBoundingClientRect().top,
    )!;
    const before = anchor.getBoundingClientRect().top;
    await el.loadHistory();
    await settle(el);
    expect(Math.abs(anchor.getBoundingClientRect().top - before)).to.be.below(2);
  });

  it('expands and collapses every message', async () => {
    const { el } = await mount();
    $(el, '[part=expand-all]')!.click();
    await settle(el);
    expect(cards(el).every((c) => c.expanded)).to.equal(true);
    $(el, '[part=collapse-all]')!.click();
    await settle(el);
    expect(cards(el).some((c) => c.expanded)).to.equal(false);
  });

  it('follows the feed keyboard pattern: PageUp/PageDown between articles, Ctrl+Home/End out', async () => {
    const { el } = await mount();
    const all = cards(el);
    all.at(-1)!.focus();
    await sendKeys({ press: 'PageUp' });
    expect(el.shadowRoot!.activeElement === all.at(-2)).to.equal(true);
    await sendKeys({ press: 'PageDown' });
    expect(el.shadowRoot!.activeElement === all.at(-1)).to.equal(true);
    await sendKeys({ down: 'Control' });
    await sendKeys({ press: 'Home' });
    await sendKeys({ up: 'Control' });
    expect(el.shadowRoot!.activeElement?.getAttribute('part')).to.equal('collapse-all');
    all[0]!.focus();
    await sendKeys({ down: 'Control' });
    await sendKeys({ press: 'End' });
    await sendKeys({ up: 'Control' });
    expect(document.activeElement?.id).to.equal('after');
  });

  it('opens the composer slot under the answered message unless the host cancels mail-reply', async () => {
    const { el } = await mount();
    const editor = document.createElement('textarea');
    editor.slot = 'composer';
    editor.setAttribute('aria-label', 'Respuesta');
    el.append(editor);
    const target = cards(el).at(-1)!;
    const fire = () =>
      target.dispatchEvent(
        new CustomEvent('mail-reply', {
          detail: { mode: 'replyAll', message: target.message },
          bubbles: true,
          composed: true,
          cancelable: true,
        }),
      );
    const cancel = (e: Event) => e.preventDefault();
    el.addEventListener('mail-reply', cancel);
    fire();
    await settle(el);
    expect(el.composing).to.equal(null);
    el.removeEventListener('mail-reply', cancel);
    fire();
    await settle(el);
    expect(el.composing).to.deep.equal({ messageId: target.message.id, mode: 'replyAll' });
    expect((target as unknown as { composing: boolean }).composing).to.equal(true);
    const threadSlot = editor.assignedSlot!;
    expect(threadSlot.getAttribute('slot')).to.equal('composer');
    expect(threadSlot.parentElement === target).to.equal(true);
    await expect(el).to.be.accessible();
    el.closeComposer();
    await settle(el);
    expect(editor.assignedSlot).to.equal(null);
  });

  it('remembers "show images" per sender unless cancelled', async () => {
    const { el } = await mount();
    const target = cards(el).at(-1)!;
    target.dispatchEvent(
      new CustomEvent('mail-show-images', {
        detail: { message: target.message, sender: target.message.from.address },
        bubbles: true,
        composed: true,
        cancelable: true,
      }),
    );
    await settle(el);
    const same = cards(el).filter((c) => c.message.from.address === target.message.from.address);
    expect(same.every((c) => (c as unknown as { showRemote: boolean }).showRemote)).to.equal(true);
  });

  it('opens the detail, contact and block dialogs from a message action', async () => {
    const { el } = await mount();
    const target = cards(el).find((c) => c.message.direction === 'inbound')!;
    for (const [action, tag] of [
      ['detail', 'mail-detail-dialog'],
      ['addContact', 'mail-contact-dialog'],
      ['block', 'mail-block-dialog'],
    ] as const) {
      target.dispatchEvent(
        new CustomEvent('mail-message-action', {
          detail: { action, message: target.message },
          bubbles: true,
          composed: true,
        }),
      );
      const dialog = $(el, tag)! as HTMLElement & { open: boolean; close?: () => void };
      await waitUntil(() => dialog.open, `${tag} open`);
      if (action === 'block')
        expect((dialog as unknown as { address: string }).address).to.equal(JORGE.address);
      await expect(el).to.be.accessible();
      dialog.open = false;
      await settle(el);
    }
  });

  it('shows the blocked mark once the customer is blocked', async () => {
    const { el, backend } = await mount();
    expect($(el, '[part=blocked]')).to.equal(null);
    await backend.agent('agent').blockSender(JORGE.address, 'Prueba');
    $(el, 'mail-block-dialog')!.dispatchEvent(
      new CustomEvent('mail-sender-blocked', { detail: {}, bubbles: true, composed: true }),
    );
    await waitUntil(() => $(el, '[part=blocked]'), 'blocked mark');
    expect(text(el, '[part=blocked]')).to.contain('Lucía Ramos');
  });

  it('shows a message created live under the newest one without reload', async () => {
    const { el, backend } = await mount();
    const newest = cards(el).at(-1)!.message;
    await backend.receiveEmail({
      from: { name: 'Jorge Taype', address: JORGE.address },
      to: [{ address: 'soporte@tiendaandina.pe' }],
      subject: `Re: ${newest.subject}`,
      text: 'Una foto más, de la otra zapatilla.',
      messageId: 'live-test-1@gmail.com',
      inReplyTo: newest.messageId,
      references: [newest.messageId!],
    });
    await waitUntil(() => cards(el).at(-1)!.message.messageId === 'live-test-1@gmail.com');
    expect(cards(el).at(-1)!.expanded).to.equal(true);
    expect(counter(el)).to.equal('14 de 14');
  });

  it('appends a new interaction created live when the agent is on the newest one', async () => {
    const { el, backend } = await mount();
    const dividers = el.shadowRoot!.querySelectorAll('[part=divider]').length;
    const scroller = $(el, '[part=scroller]')!;
    scroller.scrollTop = scroller.scrollHeight;
    await new Promise((r) => requestAnimationFrame(r));
    const changed = oneEvent(el, 'mail-interaction-change');
    const message = await backend.receiveEmail(newInteractionMail);
    await waitUntil(() => counter(el) === '15 de 15', 'counter moved to the new interaction');
    expect((await changed).detail).to.deep.equal({
      interactionId: message!.interactionId,
      index: 15,
      total: 15,
    });
    await waitUntil(() => ids(el).at(-1) === message!.id, 'new interaction appended');
    expect(el.shadowRoot!.querySelectorAll('[part=divider]').length).to.equal(dividers + 1);
    expect(ids(el)).to.include(JORGE.latestMessageId);
    expect(el.interactionId).to.equal(message!.interactionId);
    const card = cards(el).at(-1)!;
    expect(card.expanded).to.equal(true);
    await waitUntil(() => inView(el, card), 'scrolled to the new interaction');
    expect($(el, '[part=new-messages]')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('keeps the scroll and shows the pill when a new interaction arrives while reading above', async () => {
    const { el, backend } = await mount();
    await el.loadHistory();
    await el.loadHistory();
    await settle(el);
    const scroller = $(el, '[part=scroller]')!;
    scroller.scrollTop = 200;
    await new Promise((r) => requestAnimationFrame(r));
    const anchor = cards(el).find((c) => inView(el, c))!;
    const before = anchor.getBoundingClientRect().top;
    const message = await backend.receiveEmail(newInteractionMail);
    await waitUntil(() => ids(el).at(-1) === message!.id, 'new interaction appended');
    await settle(el);
    expect(counter(el)).to.equal('15 de 15');
    expect(Math.abs(anchor.getBoundingClientRect().top - before)).to.be.below(2);
    await waitUntil(() => $(el, '[part=new-messages]'), 'pill');
    expect(text(el, '[part=new-messages]')).to.equal('1 mensaje nuevo');
    await expect(el).to.be.accessible();
  });

  it('only updates the counter for a new interaction while on an older one; the pill goes to it', async () => {
    const { el, backend } = await mount();
    await el.previousInteraction();
    await settle(el);
    expect(counter(el)).to.equal('13 de 14');
    const shown = ids(el);
    const message = await backend.receiveEmail(newInteractionMail);
    await waitUntil(() => counter(el) === '13 de 15', 'total updated');
    expect(ids(el)).to.deep.equal(shown);
    await waitUntil(() => $(el, '[part=new-messages]'), 'pill');
    await expect(el).to.be.accessible();
    $(el, '[part=new-messages]')!.click();
    await waitUntil(() => counter(el) === '15 de 15', 'went to the new interaction');
    await settle(el);
    expect(ids(el)).to.deep.equal([message!.id]);
    expect($(el, '[part=new-messages]')).to.equal(null);
  });

  it('shows a failed markRead inline with a retry that calls it again', async () => {
    const backend = createMemoryBackend();
    const agent = backend.agent('agent');
    let fail = true;
    const adapter = withMarkRead(agent, (id, options) =>
      fail
        ? Promise.reject(new AdapterError('unavailable', 'Backend restarting'))
        : agent.markRead(id, options),
    );
    const { el } = await mount({ backend, adapter });
    await waitUntil(() => $(el, '[part=side-error]'), 'inline alert');
    const alert = $(el, '[part=side-error]')!;
    expect(alert.getAttribute('role')).to.equal('alert');
    expect(alert.textContent).to.contain('No se pudo marcar la atención como leída.');
    expect(alert.textContent).to.contain('El servicio no está disponible por el momento');
    expect(cards(el).length).to.be.above(0);
    await expect(el).to.be.accessible();
    fail = false;
    $(el, '[part=side-retry]')!.click();
    await waitUntil(() => !$(el, '[part=side-error]'), 'alert gone after retry');
    expect((await agent.getConversation(JORGE.conversationId)).conversation.read).to.equal(true);
  });

  it('shows a failed block-list lookup inline with a retry', async () => {
    const backend = createMemoryBackend();
    const agent = backend.agent('agent');
    let fail = true;
    const adapter = new Proxy(agent, {
      get(target, key) {
        if (key === 'listBlocked')
          return (options?: { signal?: AbortSignal }) =>
            fail
              ? Promise.reject(new AdapterError('offline', 'Down'))
              : target.listBlocked(options);
        const value = Reflect.get(target, key, target) as unknown;
        return typeof value === 'function' ? (value as () => unknown).bind(target) : value;
      },
    });
    const { el } = await mount({ backend, adapter });
    await waitUntil(() => $(el, '[part=side-error]'), 'inline alert');
    expect(text(el, '[part=side-error]')).to.contain('No se pudo consultar la lista de bloqueo.');
    await expect(el).to.be.accessible();
    fail = false;
    await agent.blockSender(JORGE.address, 'Prueba');
    $(el, '[part=side-retry]')!.click();
    await waitUntil(() => $(el, '[part=blocked]'), 'blocked mark after retry');
    expect($(el, '[part=side-error]')).to.equal(null);
  });

  it('shows a neutral state without conversation-id', async () => {
    const { el } = await mount({ noConversation: true });
    const state = $(el, '[part=state]')!;
    expect(state.textContent!.trim()).to.equal('Seleccione una atención');
    expect(state.hasAttribute('aria-busy')).to.equal(false);
    expect($(el, '.skeleton')).to.equal(null);
    await expect(el).to.be.accessible();
    el.locale = 'en';
    await el.updateComplete;
    expect(text(el, '[part=state]')).to.equal('Choose a case');
    el.conversationId = JORGE.conversationId;
    await waitUntil(() => cards(el).length > 0, 'loads once a case is chosen');
  });

  it('deep-links to a message with message-id: its interaction opens, expanded and in view', async () => {
    const { el } = await mount({ messageId: JORGE.remoteImagesMessageId });
    await waitUntil(() => ids(el).includes(JORGE.remoteImagesMessageId), 'interaction opened');
    expect(el.interactionId).to.equal('int-6597-08');
    const card = cards(el).find((c) => c.message.id === JORGE.remoteImagesMessageId)!;
    expect(card.expanded).to.equal(true);
    await waitUntil(() => inView(el, card), 'scrolled into view');
    await expect(el).to.be.accessible();
    el.messageId = JORGE.inlineImageMessageId;
    await waitUntil(() => ids(el).includes(JORGE.inlineImageMessageId), 'other message opened');
    const other = cards(el).find((c) => c.message.id === JORGE.inlineImageMessageId)!;
    expect(other.expanded).to.equal(true);
    expect(el.getAttribute('message-id')).to.equal(null);
  });

  it('marks the case read once opened', async () => {
    const { backend } = await mount();
    const agent = backend.agent('supervisor');
    await waitUntil(
      async () => (await agent.getConversation(JORGE.conversationId)).conversation.read,
      'read for every agent',
    );
  });

  it('reloads when conversation-id changes', async () => {
    const { el } = await mount();
    el.conversationId = SEED_IDS.english.conversationId;
    await waitUntil(() => cards(el)[0]?.message.conversationId === SEED_IDS.english.conversationId);
    expect(text(el, '[part=case-number]')).to.not.equal('#6597');
  });

  it('shows a loading skeleton', async () => {
    const { el } = await mount({ latencyMs: 60_000, settle: false });
    await el.updateComplete;
    const loading = $(el, '[part=state]')!;
    expect(loading.getAttribute('aria-busy')).to.equal('true');
    expect(loading.textContent).to.contain('Cargando la atención…');
    await expect(el).to.be.accessible();
  });

  it('says when a case has no messages', async () => {
    const seed = createSeedData();
    const source = seed.conversations.find((c) => c.id === JORGE.conversationId)!;
    const backend = createMemoryBackend();
    backend.load({ conversations: [{ ...source, id: 'conv-empty', number: 7001 }] });
    const { el } = await mount({ backend, conversationId: 'conv-empty' });
    expect(text(el, '[part=state]')).to.equal('Esta atención aún no tiene mensajes');
    await expect(el).to.be.accessible();
  });

  it('shows adapter errors with a retry', async () => {
    const { el, backend } = await mount({ fault: 'unavailable' });
    expect(text(el, '[role=alert]')).to.contain('No se pudo cargar la atención.');
    await expect(el).to.be.accessible();
    backend.fault(null);
    $(el, '[part=retry-button]')!.click();
    await waitUntil(() => cards(el).length > 0, 'loaded after retry');
  });

  it('says it is offline and retries by itself when the connection is back', async () => {
    const { el, backend } = await mount({ fault: 'offline' });
    expect(text(el, '[role=alert]')).to.contain('Sin conexión');
    expect($(el, '[part=retry-button]')).to.not.equal(null);
    await expect(el).to.be.accessible();
    backend.fault(null);
    window.dispatchEvent(new Event('online'));
    await waitUntil(() => cards(el).length > 0, 'loaded when online');
  });

  it('says when no adapter is connected', async () => {
    const { el } = await mount({ noAdapter: true });
    expect(text(el, '[role=alert]')).to.contain('no está conectado');
    await expect(el).to.be.accessible();
  });

  it('keeps the DOM bounded on a 1,000-message case, and iframes only for expanded messages', async () => {
    const backend = createMemoryBackend();
    const large = generateLargeCase({ messages: 1000 });
    backend.load(large);
    const { el } = await mount({ backend, conversationId: large.conversations![0]!.id });
    let guard = 0;
    while ((el as unknown as { messages: Message[] }).messages.length < 450 && guard++ < 200)
      await el.loadHistory();
    await settle(el);
    expect((el as unknown as { messages: Message[] }).messages.length).to.be.at.least(450);
    expect(cards(el).length).to.be.at.most(300);
    const frames = el.shadowRoot!.querySelectorAll('mail-message:not([expanded])');
    for (const card of frames)
      expect(card.shadowRoot?.querySelector('iframe') ?? null).to.equal(null);
    const scroller = $(el, '[part=scroller]')!;
    scroller.scrollTop = scroller.scrollHeight;
    scroller.dispatchEvent(new Event('scroll'));
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    await settle(el);
    expect(cards(el).length).to.be.at.most(300);
    expect(ids(el).at(-1)).to.equal((el as unknown as { messages: Message[] }).messages.at(-1)!.id);
  });
});
