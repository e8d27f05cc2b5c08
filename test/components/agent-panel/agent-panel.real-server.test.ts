/**
 * The seed 002 flows through `<agent-panel>` against the real reference server (HTTP +
 * WebSocket): answer a chat, switch to email once the visitor is offline, complete, and see the
 * case reopen when a new message arrives — with a second agent checking every change.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../../src/components/agent-panel/agent-panel.js';
import type { AgentPanel } from '../../../src/components/agent-panel/agent-panel.js';
import type { MailThread } from '../../../src/components/mail-thread/mail-thread.js';
import type { MailComposer } from '../../../src/components/mail-composer/mail-composer.js';
import type { RichEditor } from '../../../src/components/mail-composer/editor/rich-editor.js';
import type { AgentAdapter, VisitorEvent } from '../../../src/adapters/adapter.js';
import type { HttpAgentAdapter } from '../../../src/adapters/http/index.js';
import { SEED_IDS } from '../../../src/adapters/memory/index.js';
import { REAL_SERVER_AGENTS, startRealServer, type RealServer } from '../../support/real-server.js';

const inPanel = <T extends HTMLElement = HTMLElement>(panel: AgentPanel, selector: string) =>
  panel.shadowRoot!.querySelector<T>(selector);
const list = (panel: AgentPanel) => inPanel(panel, 'conversation-list')!;
const thread = (panel: AgentPanel) => inPanel<MailThread>(panel, 'mail-thread');
const reply = (panel: AgentPanel) => inPanel(panel, 'atento-reply-area');
const inReply = <T extends HTMLElement = HTMLElement>(panel: AgentPanel, selector: string) =>
  reply(panel)?.shadowRoot?.querySelector<T>(selector) ?? null;
const row = (panel: AgentPanel, id: string) =>
  list(panel).shadowRoot!.querySelector<HTMLElement>(`#row-${id}`);
const threadText = (panel: AgentPanel, selector: string) =>
  thread(panel)?.shadowRoot?.querySelector(selector)?.textContent?.replace(/\s+/g, ' ').trim() ??
  '';
const shows = (panel: AgentPanel, id: string) =>
  thread(panel)?.getAttribute('conversation-id') === id &&
  !!thread(panel)!.shadowRoot!.querySelector('mail-message');

async function mountPanel(adapter: AgentAdapter, conversationId?: string) {
  const wrapper = await fixture<HTMLDivElement>(
    html`<div lang="es" style="height: 720px; width: 1280px"></div>`,
  );
  const panel = document.createElement('agent-panel');
  panel.adapter = adapter;
  if (conversationId) panel.conversationId = conversationId;
  wrapper.append(panel);
  await waitUntil(
    () => inPanel(panel, 'conversation-list')?.shadowRoot?.querySelector('[role=option]'),
    'the list shows the server’s cases',
    { timeout: 10_000 },
  );
  // Live events flow (the panel's socket is acknowledged): the agent counts as online.
  await (adapter as HttpAgentAdapter).settle();
  return panel;
}

describe('<agent-panel> against the reference server (seed 002)', function () {
  this.timeout(40_000);
  let server: RealServer;
  let agent: AgentAdapter;
  let marco: AgentAdapter;

  before(async function () {
    this.timeout(60_000);
    server = await startRealServer({ undoSendSeconds: 0 });
    agent = await server.agent(REAL_SERVER_AGENTS.agent);
    marco = await server.agent(REAL_SERVER_AGENTS.supervisor);
  });
  after(() => server.stop());

  it('answers a chat, switches to email when the visitor leaves, completes, reopens live', async () => {
    // The agent is at the inbox (online) when a visitor opens the widget and writes.
    const panel = await mountPanel(agent);
    const visitor = server.visitor();
    const inbox: string[] = [];
    const onVisitor = (e: VisitorEvent) => {
      if (e.type === 'message.created' && e.message.direction === 'outbound')
        inbox.push(e.message.text);
    };
    let leave = visitor.subscribe(onVisitor);
    await visitor.send({ clientId: 'paula-1', text: '¿Tienen la mochila Qhapaq en verde?' });
    await visitor.identify({ name: 'Paula Ríos', email: 'paula.rios@example.pe' });
    const conversationId = (await visitor.resume()).conversation!.id;

    // The agent opens it from the list: read for Marco too.
    await waitUntil(() => row(panel, conversationId), 'the new chat is listed', {
      timeout: 10_000,
    });
    row(panel, conversationId)!.click();
    await waitUntil(() => shows(panel, conversationId), 'the chat is shown', { timeout: 10_000 });
    await waitUntil(
      async () => (await marco.getConversation(conversationId)).conversation.read,
      'read for every agent',
      { timeout: 10_000 },
    );

    // "Chat web" while the visitor is online: Enter sends it to the widget.
    await waitUntil(() => inReply(panel, 'atento-chat-composer'), 'chat composer', {
      timeout: 10_000,
    });
    list(panel).shadowRoot!.querySelector<HTMLElement>('[role=listbox]')!.focus();
    await sendKeys({ press: 'r' });
    await sendKeys({ type: 'Sí, nos quedan dos en verde.' });
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => inbox.includes('Sí, nos quedan dos en verde.'), 'the visitor got it', {
      timeout: 10_000,
    });

    // The visitor leaves: with nothing typed, the reply area moves to email by itself.
    leave();
    await waitUntil(
      () => inReply(panel, '[part=email-open]:not([disabled])'),
      '"Correo electrónico" offered',
      {
        timeout: 10_000,
      },
    );
    inReply(panel, '[part=email-open]')!.click();
    await waitUntil(() => inReply(panel, 'mail-composer'), 'email composer', { timeout: 10_000 });
    const composer = inReply<MailComposer>(panel, 'mail-composer')!;
    await waitUntil(
      () => composer.shadowRoot?.querySelector<RichEditor>('atento-rich-editor')?.getValue().text,
      'composer filled',
      { timeout: 10_000 },
    );
    composer.shadowRoot!.querySelector<RichEditor>('atento-rich-editor')!.focus();
    await sendKeys({ type: 'Le escribimos por correo: la reservamos a su nombre.' });
    await composer.send();
    await waitUntil(
      async () =>
        (await marco.getConversation(conversationId)).conversation.lastMessage?.channel === 'email',
      'the email reply is stored',
      { timeout: 10_000 },
    );

    // Complete: "Completada" for Marco and a check mark in the list.
    thread(panel)!.shadowRoot!.querySelector<HTMLElement>('[part=status-button]')!.click();
    await waitUntil(() => threadText(panel, '[part=status]') === 'Completada', 'completed', {
      timeout: 10_000,
    });
    expect((await marco.getConversation(conversationId)).conversation.status).to.equal('completed');
    await waitUntil(() => row(panel, conversationId)?.querySelector('[part~=completed]'), 'check');

    // The visitor comes back and writes: the case reopens for everyone, live.
    leave = visitor.subscribe(onVisitor);
    await visitor.send({ clientId: 'paula-2', text: 'Perfecto, paso mañana.' });
    await waitUntil(() => threadText(panel, '[part=status]') === 'Abierta', 'reopened live', {
      timeout: 10_000,
    });
    expect((await marco.getConversation(conversationId)).conversation.status).to.equal('open');
    leave();
    await expect(panel).to.be.accessible();
  });

  it('reopens a completed email case when the customer writes again', async () => {
    const rosa = SEED_IDS.completedCase.conversationId;
    const panel = await mountPanel(agent, rosa);
    await waitUntil(() => shows(panel, rosa), 'Rosa’s case', { timeout: 10_000 });
    expect(threadText(panel, '[part=status]')).to.equal('Completada');
    await server.receiveEmail({
      from: { name: 'Rosa Huamán Ccori', address: 'rosa.huaman@yahoo.com' },
      to: [{ address: 'soporte@tiendaandina.pe' }],
      subject: 'Re: Cambio de dirección de entrega, pedido TA-47902',
      text: 'Disculpen, el pedido todavía no llega.',
    });
    await waitUntil(() => threadText(panel, '[part=status]') === 'Abierta', 'reopened live', {
      timeout: 10_000,
    });
    await waitUntil(() => row(panel, rosa), 'listed among the open cases', { timeout: 10_000 });
    expect((await marco.getConversation(rosa)).conversation.status).to.equal('open');
  });

  it('shows Marco on the same case (collision hint over the WebSocket)', async () => {
    const jorge = SEED_IDS.jorge.conversationId;
    const stop = marco.subscribe(() => undefined);
    // Marco is online (his socket is acknowledged) before he says he is on the case.
    await (marco as HttpAgentAdapter).settle();
    const panel = await mountPanel(agent, jorge);
    await waitUntil(() => shows(panel, jorge), 'Jorge’s case', { timeout: 10_000 });
    await marco.announce(jorge, 'replying');
    await waitUntil(
      () =>
        threadText(panel, '[part=viewers]') ===
        'Marco Díaz también está respondiendo a esta atención',
      'Marco shown',
      { timeout: 10_000 },
    );
    const viewers = await marco.announce(jorge, 'viewing');
    expect(viewers.map((v) => v.name)).to.include('Lucía Ramos');
    stop();
  });
});
