/**
 * `<chat-widget>` against the REAL reference server (issue 8's "done when"): the element as a site
 * embeds it (server-url + campaign, its own HTTP adapter and localStorage), an agent signed in
 * over HTTP + WebSocket on the other side. One server for the file; storage cleared per test.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../../src/components/chat-widget/chat-widget.js';
import type { ChatWidget } from '../../../src/components/chat-widget/chat-widget.js';
import { ChatSession } from '../../../src/components/chat-widget/session/index.js';
import type { AgentAdapter, AgentEvent } from '../../../src/adapters/adapter.js';
import { chatReply } from '../../../src/model/index.js';
import { seedIds } from '../../conformance/seed-ids.js';
import { startRealServer, type RealServer } from '../../support/real-server.js';
import { allChatMessages } from '../../support/chat-messages.js';

const CAMPAIGN = seedIds.campaigns.es;

const windowRoot = (el: ChatWidget) =>
  el.shadowRoot!.querySelector('atento-chat-window')?.shadowRoot ?? null;

/** The texts of the messages the window shows, in order. */
const shown = (el: ChatWidget) =>
  [...(windowRoot(el)?.querySelectorAll('[part~="message"]:not(.greeting) .text') ?? [])].map((n) =>
    (n.textContent ?? '').trim(),
  );

async function mount(server: RealServer): Promise<ChatWidget> {
  const wrapper = await fixture<HTMLDivElement>(html`<div lang="es"></div>`);
  const el = document.createElement('chat-widget');
  el.setAttribute('server-url', server.url);
  el.setAttribute('campaign', CAMPAIGN);
  wrapper.append(el);
  return el;
}

async function open(el: ChatWidget, what: 'textarea' | 'form' = 'textarea') {
  el.open();
  const selector = what === 'textarea' ? 'textarea' : 'form[part="capture"] #capture-email';
  await waitUntil(() => windowRoot(el)?.querySelector(selector), `window shows its ${what}`, {
    timeout: 8000,
  });
}

async function say(el: ChatWidget, text: string) {
  windowRoot(el)!.querySelector<HTMLTextAreaElement>('textarea')!.focus();
  await sendKeys({ type: text });
  await sendKeys({ press: 'Enter' });
}

async function until(condition: () => boolean, message: string, timeout = 8000) {
  await waitUntil(condition, message, { timeout, interval: 25 });
}

describe('<chat-widget> against the real server', function () {
  this.timeout(60_000);
  let server: RealServer;
  let agent: AgentAdapter;
  const events: AgentEvent[] = [];
  let stopListening: () => void;

  before(async () => {
    server = await startRealServer();
    agent = await server.agent();
    // A subscribed agent is online: the widget offers the message box without asking an email.
    stopListening = agent.subscribe((e) => events.push(e));
  });
  after(async () => {
    stopListening();
    await server.stop();
  });
  beforeEach(() => {
    localStorage.clear();
    events.length = 0;
  });

  const createdBy = (text: string) =>
    events.find(
      (e): e is Extract<AgentEvent, { type: 'message.created' }> =>
        e.type === 'message.created' && e.message.text === text,
    );

  it('messages go both ways live, and a reload keeps the conversation', async () => {
    const el = await mount(server);
    await open(el);
    await say(el, 'Hola, ¿tienen la casaca en talla M?');
    await until(() => !!createdBy('Hola, ¿tienen la casaca en talla M?'), 'the agent hears it');
    const { conversation } = createdBy('Hola, ¿tienen la casaca en talla M?')!;

    const heard = new Promise((resolve) =>
      el.addEventListener('chat-message', resolve, { once: true }),
    );
    await agent.send(chatReply(conversation.id, 'Sí, nos quedan tres.'));
    await heard;
    await until(() => shown(el).includes('Sí, nos quedan tres.'), 'the reply is shown');

    // Reload: the element goes away and a new one starts from the same storage.
    el.remove();
    const again = await mount(server);
    await open(again);
    await until(() => shown(again).length >= 2, 'history after the reload');
    expect(shown(again)).to.deep.equal([
      'Hola, ¿tienen la casaca en talla M?',
      'Sí, nos quedan tres.',
    ]);
    await say(again, 'Perfecto, la compro.');
    await until(() => !!createdBy('Perfecto, la compro.'), 'the agent hears the next one');
    expect(createdBy('Perfecto, la compro.')!.conversation.id).to.equal(conversation.id);
    await expect(again).to.be.accessible();
  });

  it('clearing site storage starts a new conversation', async () => {
    const el = await mount(server);
    await open(el);
    await say(el, 'Primera visita');
    await until(() => !!createdBy('Primera visita'), 'first message stored');
    const first = createdBy('Primera visita')!.conversation.id;
    el.remove();

    localStorage.clear();
    const fresh = await mount(server);
    await open(fresh);
    expect(shown(fresh)).to.deep.equal([]);
    await say(fresh, 'Segunda visita, sin historial');
    await until(() => !!createdBy('Segunda visita, sin historial'), 'second message stored');
    expect(createdBy('Segunda visita, sin historial')!.conversation.id).to.not.equal(first);
  });

  it('two tabs of the same visitor stay in sync without duplicates', async () => {
    const a = await mount(server);
    await open(a);
    await say(a, 'Escribo desde la pestaña A');
    await until(() => !!createdBy('Escribo desde la pestaña A'), 'stored');
    const conversationId = createdBy('Escribo desde la pestaña A')!.conversation.id;
    const b = await mount(server); // same page storage: the same device, like a second tab
    await open(b);
    await until(() => shown(b).includes('Escribo desde la pestaña A'), 'tab B has the history');
    await agent.send(chatReply(conversationId, 'Le respondo a ambas pestañas'));
    await until(
      () =>
        shown(a).includes('Le respondo a ambas pestañas') &&
        shown(b).includes('Le respondo a ambas pestañas'),
      'both tabs show the reply',
    );
    await say(b, 'Y ahora desde la B');
    await until(() => shown(a).includes('Y ahora desde la B'), 'tab A shows what B sent');
    for (const el of [a, b]) {
      expect(shown(el).filter((t) => t === 'Y ahora desde la B')).to.have.length(1);
      expect(shown(el).filter((t) => t === 'Le respondo a ambas pestañas')).to.have.length(1);
    }
    const stored = await allChatMessages(agent, conversationId);
    expect(stored.filter((m) => m.text === 'Y ahora desde la B')).to.have.length(1);
  });

  it('with no agent online the email form comes first; a bad address is refused clearly', async () => {
    stopListening(); // the only agent leaves (the server keeps them online ~100 ms more)
    await new Promise((r) => setTimeout(r, 400));
    try {
      const el = await mount(server);
      await open(el, 'form');
      const root = windowRoot(el)!;
      root.querySelector<HTMLInputElement>('#capture-name')!.focus();
      await sendKeys({ type: 'Rosa Vega' });
      root.querySelector<HTMLInputElement>('#capture-email')!.focus();
      await sendKeys({ type: 'rosa.vega@' });
      await sendKeys({ press: 'Enter' });
      await until(
        () => root.querySelector('#capture-email')?.getAttribute('aria-invalid') === 'true',
        'the address is flagged',
      );
      await sendKeys({ type: 'example.pe' });
      await sendKeys({ press: 'Enter' });
      await until(() => !!root.querySelector('textarea'), 'the message box after the form');
      await say(el, 'Necesito cambiar mi pedido');
      const again = await server.agent();
      await until(() => shown(el).includes('Necesito cambiar mi pedido'), 'shown');
      const page = await again.listConversations({ search: 'rosa.vega@example.pe' });
      expect(page.items.map((c) => c.contact.emails[0])).to.include('rosa.vega@example.pe');
      await expect(el).to.be.accessible();
    } finally {
      stopListening = agent.subscribe((e) => events.push(e));
    }
  });

  it('1,000 messages with the sockets cut at random: each stored once, in order', async () => {
    const visitor = server.visitor(); // a new device
    const session = new ChatSession(visitor, { key: 'burst', storage: null });
    await session.start();
    // Cutting every socket also drops the agent's for a moment: with an email on file the
    // campaign never asks for one, so only the transport is under test.
    await session.identify({ name: 'Ráfaga', email: 'rafaga@example.pe' });
    let cutting = true;
    let cuts = 0;
    const cutter = (async () => {
      while (cutting) {
        await new Promise((r) => setTimeout(r, 30 + Math.random() * 120));
        if (!cutting) break;
        await server.dropSockets();
        cuts += 1;
      }
    })();
    const TOTAL = 1000;
    for (let i = 1; i <= TOTAL; i++) session.send(`mensaje ${i}`);
    await until(
      () => session.state.messages.filter((m) => m.delivery !== 'sending').length >= TOTAL,
      'every message acknowledged',
      45_000,
    );
    cutting = false;
    await cutter;
    const failed = session.state.messages.filter((m) => m.delivery === 'failed');
    expect(
      failed.map((m) => m.error),
      'no message failed',
    ).to.deep.equal([]);
    const conversationId = (await visitor.resume()).conversation!.id;
    const stored = (await allChatMessages(agent, conversationId)).map((m) => m.text);
    expect(stored.length).to.equal(TOTAL);
    expect(stored).to.deep.equal(Array.from({ length: TOTAL }, (_, i) => `mensaje ${i + 1}`));
    const texts = session.state.messages.map((m) => m.text);
    expect(new Set(texts).size).to.equal(TOTAL);
    console.log(`1,000 messages, ${cuts} socket cuts: ${stored.length} stored, in order`);
    session.dispose();
  });
});
