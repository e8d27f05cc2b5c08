/**
 * `<agent-panel>` against the memory backend: the seed 002 flows (open a case, complete it,
 * reopen on a new message, answer a chat), keyboard shortcuts, layouts, deep links, the
 * collision hint and the newer-message warning, with a second agent watching live.
 */
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../../src/components/agent-panel/agent-panel.js';
import type { AgentPanel } from '../../../src/components/agent-panel/agent-panel.js';
import type { MailThread } from '../../../src/components/mail-thread/mail-thread.js';
import type { ConversationList } from '../../../src/components/conversation-list/conversation-list.js';
import {
  createMemoryBackend,
  SEED_IDS,
  type MemoryBackend,
} from '../../../src/adapters/memory/index.js';
import type { AgentAdapter, AgentEvent } from '../../../src/adapters/adapter.js';

const JORGE = SEED_IDS.jorge;
const CARLA = SEED_IDS.knownChat;
const ROSA = {
  conversationId: SEED_IDS.completedCase.conversationId,
  address: 'rosa.huaman@yahoo.com',
};

interface Mounted {
  panel: AgentPanel;
  backend: MemoryBackend;
  wrapper: HTMLDivElement;
  navigations: Array<string | null>;
}

async function mount(
  options: {
    width?: number;
    conversationId?: string;
    backend?: MemoryBackend;
    attrs?: string[];
  } = {},
): Promise<Mounted> {
  const backend = options.backend ?? createMemoryBackend({ undoSendSeconds: 0 });
  const wrapper = await fixture<HTMLDivElement>(
    html`<div lang="es" style="height: 720px; width: ${options.width ?? 1280}px">
      <button id="outside">fuera</button>
    </div>`,
  );
  const panel = document.createElement('agent-panel');
  panel.adapter = backend.agent('agent');
  if (options.conversationId) panel.conversationId = options.conversationId;
  for (const attr of options.attrs ?? []) panel.setAttribute(attr, '');
  const navigations: Array<string | null> = [];
  panel.addEventListener('panel-navigate', (e) => navigations.push(e.detail.conversationId));
  wrapper.append(panel);
  await waitUntil(() => rows(panel).length > 0, 'the list shows its cases');
  return { panel, backend, wrapper, navigations };
}

const inPanel = <T extends HTMLElement = HTMLElement>(panel: AgentPanel, selector: string) =>
  panel.shadowRoot!.querySelector<T>(selector);
const list = (panel: AgentPanel) => inPanel<ConversationList>(panel, 'conversation-list')!;
const thread = (panel: AgentPanel) => inPanel<MailThread>(panel, 'mail-thread');
const replyArea = (panel: AgentPanel) => inPanel(panel, 'atento-reply-area');
const rows = (panel: AgentPanel) => [
  ...(list(panel)?.shadowRoot?.querySelectorAll<HTMLElement>('[role=option]') ?? []),
];
const row = (panel: AgentPanel, id: string) =>
  list(panel).shadowRoot!.querySelector<HTMLElement>(`#row-${id}`);
const inThread = (panel: AgentPanel, selector: string) =>
  thread(panel)?.shadowRoot?.querySelector<HTMLElement>(selector) ?? null;
const threadText = (panel: AgentPanel, selector: string) =>
  inThread(panel, selector)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const shows = (panel: AgentPanel, id: string) =>
  thread(panel)?.getAttribute('conversation-id') === id && !!inThread(panel, 'mail-message');
const announced = (panel: AgentPanel) =>
  inPanel(panel, '[role=status][aria-live=polite]')!.textContent!.trim();

/** A second agent's live events. */
function watch(adapter: AgentAdapter) {
  const events: AgentEvent[] = [];
  const stop = adapter.subscribe((e) => events.push(e));
  return { events, stop };
}

/** Focus on something that is not a text field, inside the panel: the list's listbox. */
function focusList(panel: AgentPanel) {
  list(panel).shadowRoot!.querySelector<HTMLElement>('[role=listbox]')!.focus();
}

/**
 * The panel on Carla's chat (her visitor online, sends without an undo window), the agent typing
 * "Claro, la cambiamos hoy." in the reply area, not sent yet.
 */
async function replyingToCarla() {
  const backend = createMemoryBackend({ undoSendSeconds: 0 });
  const visitor = backend.visitor(SEED_IDS.visitors.known);
  const stop = visitor.subscribe(() => undefined);
  const { panel } = await mount({ backend, conversationId: CARLA.conversationId });
  await waitUntil(() => shows(panel, CARLA.conversationId));
  await waitUntil(() => replyArea(panel)?.shadowRoot?.querySelector('atento-chat-composer'));
  focusList(panel);
  await sendKeys({ press: 'r' });
  await sendKeys({ type: 'Claro, la cambiamos hoy.' });
  return { backend, visitor, panel, stop };
}

describe('<agent-panel>', () => {
  it('opens a case chosen in the list and marks it read for another agent, live', async () => {
    const { panel, backend, navigations } = await mount();
    const marco = watch(backend.agent('supervisor'));
    expect(inPanel(panel, '[part=empty]')!.textContent).to.contain('Seleccione una conversación');
    expect(
      (await backend.agent('supervisor').getConversation(CARLA.conversationId)).conversation.read,
    ).to.equal(false);

    row(panel, CARLA.conversationId)!.click();
    await waitUntil(() => shows(panel, CARLA.conversationId), 'Carla’s case shown');
    expect(navigations).to.deep.equal([CARLA.conversationId]);
    await waitUntil(
      () =>
        marco.events.some(
          (e) =>
            e.type === 'conversation.updated' &&
            e.conversation.id === CARLA.conversationId &&
            e.conversation.read,
        ),
      'read for Marco, live',
    );
    await waitUntil(() => announced(panel).startsWith('Atención #6598'), 'announced');
    await waitUntil(() => replyArea(panel)?.shadowRoot?.querySelector('atento-channel-menu'));
    marco.stop();
    await expect(panel).to.be.accessible();
  });

  it('completes a case: check mark in the list, completed for the other agent', async () => {
    const { panel, backend } = await mount({ conversationId: JORGE.conversationId });
    await waitUntil(() => shows(panel, JORGE.conversationId));
    const marco = watch(backend.agent('supervisor'));
    expect(row(panel, JORGE.conversationId)!.querySelector('[part~=completed]')).to.equal(null);

    inThread(panel, '[part=status-button]')!.click();
    await waitUntil(() => threadText(panel, '[part=status]') === 'Completada', 'completed');
    await waitUntil(
      () => row(panel, JORGE.conversationId)?.querySelector('[part~=completed]'),
      'check mark in the list',
    );
    expect(
      (await backend.agent('supervisor').getConversation(JORGE.conversationId)).conversation.status,
    ).to.equal('completed');
    expect(
      marco.events.some(
        (e) =>
          e.type === 'conversation.updated' &&
          e.conversation.id === JORGE.conversationId &&
          e.conversation.status === 'completed',
      ),
    ).to.equal(true);
    await waitUntil(() => announced(panel) === 'Atención #6597 completada');
    marco.stop();
    await expect(panel).to.be.accessible();
  });

  it('reopens a completed case live when the customer writes again', async () => {
    const { panel, backend } = await mount({ conversationId: ROSA.conversationId });
    await waitUntil(() => shows(panel, ROSA.conversationId));
    expect(threadText(panel, '[part=status]')).to.equal('Completada');
    await backend.receiveEmail({
      from: { name: 'Rosa Huamán Ccori', address: ROSA.address },
      to: [{ address: 'soporte@tiendaandina.pe' }],
      subject: 'Re: Cambio de dirección de entrega, pedido TA-47902',
      text: 'Disculpen, el pedido todavía no llega.',
    });
    await waitUntil(
      () => threadText(panel, '[part=status]') === 'Abierta',
      'reopened in the thread',
    );
    // The list (open cases) now holds it, without a check mark.
    await waitUntil(() => row(panel, ROSA.conversationId), 'listed among the open cases');
    expect(row(panel, ROSA.conversationId)!.querySelector('[part~=completed]')).to.equal(null);
    expect(
      (await backend.agent('supervisor').getConversation(ROSA.conversationId)).conversation.status,
    ).to.equal('open');
  });

  it('answers a chat from the reply area while the visitor is online', async () => {
    const backend = createMemoryBackend({ undoSendSeconds: 0 });
    const visitor = backend.visitor(SEED_IDS.visitors.known);
    const received: string[] = [];
    const stop = visitor.subscribe((e) => {
      if (e.type === 'message.created' && e.message.direction === 'outbound')
        received.push(e.message.text);
    });
    const { panel } = await mount({ backend, conversationId: CARLA.conversationId });
    await waitUntil(() => shows(panel, CARLA.conversationId));
    await waitUntil(
      () => replyArea(panel)?.shadowRoot?.querySelector('atento-chat-composer'),
      'chat composer',
    );
    focusList(panel);
    await sendKeys({ press: 'r' });
    await sendKeys({ type: 'Sí, todavía se puede. ¿A qué dirección?' });
    await sendKeys({ press: 'Enter' });
    await waitUntil(
      () => received.includes('Sí, todavía se puede. ¿A qué dirección?'),
      'the visitor got it',
    );
    await waitUntil(
      () =>
        [...thread(panel)!.shadowRoot!.querySelectorAll('mail-message')].some((m) =>
          m.message?.text.startsWith('Sí, todavía'),
        ),
      'shown in the thread',
    );
    stop();
  });

  it('keyboard: j / k move through the list, e completes, / searches, ? opens the help', async () => {
    const { panel, navigations } = await mount();
    const first = rows(panel)[0]!.id.replace(/^row-/, '');
    const second = rows(panel)[1]!.id.replace(/^row-/, '');
    focusList(panel);
    await sendKeys({ press: 'j' });
    await waitUntil(() => shows(panel, first), 'first case');
    focusList(panel);
    await sendKeys({ press: 'j' });
    await waitUntil(() => shows(panel, second), 'second case');
    focusList(panel);
    await sendKeys({ press: 'k' });
    await waitUntil(() => shows(panel, first), 'back to the first');
    expect(navigations).to.deep.equal([first, second, first]);

    focusList(panel);
    await sendKeys({ press: 'e' });
    await waitUntil(() => threadText(panel, '[part=status]') === 'Completada', 'e completes');
    focusList(panel);
    await sendKeys({ press: 'e' });
    await waitUntil(() => threadText(panel, '[part=status]') === 'Abierta', 'e reopens');

    focusList(panel);
    await sendKeys({ press: '/' });
    const search = list(panel).shadowRoot!.querySelector('input[type=search]');
    expect(list(panel).shadowRoot!.activeElement === search).to.equal(true);
    // Typing in the search box is not a shortcut.
    await sendKeys({ type: 'jk' });
    expect(navigations.length).to.equal(3);

    focusList(panel);
    await sendKeys({ press: '?' });
    const help = inPanel(panel, 'atento-dialog[part=shortcuts]')!;
    await waitUntil(() => help.hasAttribute('open'), 'help open');
    expect(help.textContent).to.contain('Conversación siguiente');
    await expect(panel).to.be.accessible();
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !help.hasAttribute('open'), 'help closed');
  });

  it('complete-moves-next opens the next open case after completing', async () => {
    const { panel, navigations } = await mount({ attrs: ['complete-moves-next'] });
    const [first, second] = rows(panel).map((r) => r.id.replace(/^row-/, ''));
    row(panel, first!)!.click();
    await waitUntil(() => shows(panel, first!));
    await thread(panel)!.toggleStatus();
    await waitUntil(() => shows(panel, second!), 'moved to the next open case');
    expect(navigations).to.deep.equal([first, second]);
    expect(list(panel).selected).to.equal(second);
    await waitUntil(
      () =>
        announced(panel).startsWith('Atención #') &&
        announced(panel).includes('completada. Atención #'),
      'completion and the next case announced together',
    );
  });

  it('stacks on a narrow panel: the list, then the case with "Volver"', async () => {
    const { panel, navigations } = await mount({ width: 600 });
    expect(inPanel(panel, '[part=list-pane]')!.hidden).to.equal(false);
    expect(inPanel(panel, '[part=case-pane]')!.hidden).to.equal(true);
    row(panel, JORGE.conversationId)!.click();
    await waitUntil(() => shows(panel, JORGE.conversationId));
    expect(inPanel(panel, '[part=list-pane]')!.hidden).to.equal(true);
    const back = inPanel(panel, '[part=back]')!;
    await waitUntil(() => panel.shadowRoot!.activeElement === back, 'focus on "Volver"');
    await expect(panel).to.be.accessible();
    back.click();
    await waitUntil(() => !inPanel(panel, '[part=list-pane]')!.hidden, 'list again');
    expect(thread(panel)).to.equal(null);
    expect(navigations).to.deep.equal([JORGE.conversationId, null]);
    // Widening the panel (not the window) brings the panes side by side.
    (panel.parentElement as HTMLElement).style.width = '1200px';
    await waitUntil(() => inPanel(panel, '[part=base]')!.classList.contains('wide'), 'wide again');
    expect(inPanel(panel, '[part=case-pane]')!.hidden).to.equal(false);
  });

  it('follows a deep link set by the host without firing panel-navigate', async () => {
    const { panel, navigations } = await mount();
    panel.setAttribute('conversation-id', JORGE.conversationId);
    await waitUntil(() => shows(panel, JORGE.conversationId), 'deep-linked case');
    await waitUntil(
      () => row(panel, JORGE.conversationId)?.getAttribute('aria-selected') === 'true',
    );
    panel.conversationId = null;
    await waitUntil(() => inPanel(panel, '[part=empty]'), 'empty state');
    expect(navigations).to.deep.equal([]);
  });

  it('shows a missing case as the thread’s not-found state', async () => {
    const { panel } = await mount({ conversationId: 'conv-does-not-exist' });
    await waitUntil(() => inThread(panel, '[part=state].error'), 'error state');
    expect(threadText(panel, '[part=state]')).to.contain('Este elemento ya no existe.');
    expect(rows(panel).length).to.be.greaterThan(0);
    await expect(panel).to.be.accessible();
  });

  it('shows who else is on the case, and tells them when this agent replies', async () => {
    const backend = createMemoryBackend({ undoSendSeconds: 0 });
    const marco = backend.agent('supervisor');
    const stop = marco.subscribe(() => undefined);
    const { panel } = await mount({ backend, conversationId: CARLA.conversationId });
    await waitUntil(() => shows(panel, CARLA.conversationId));
    await marco.announce(CARLA.conversationId, 'viewing');
    await waitUntil(
      () => threadText(panel, '[part=viewers]') === 'Marco Díaz también está viendo esta atención',
      'Marco shown',
    );
    const lucia = async () =>
      (await marco.announce(CARLA.conversationId, 'viewing')).find((v) => v.name === 'Lucía Ramos')
        ?.activity;
    expect(await lucia()).to.equal('viewing');
    await waitUntil(() => replyArea(panel)?.shadowRoot?.querySelector('atento-chat-composer'));
    focusList(panel);
    await sendKeys({ press: 'r' });
    await waitUntil(async () => (await lucia()) === 'replying', 'Lucía replying for Marco');
    document.querySelector<HTMLElement>('#outside')!.focus();
    await waitUntil(async () => (await lucia()) === 'viewing', 'Lucía viewing again');
    stop();
  });

  it('warns before a chat send when the visitor wrote meanwhile, then sends on "Enviar"', async () => {
    const { backend, visitor, panel, stop } = await replyingToCarla();
    await visitor.send({ clientId: 'carla-2', text: 'Perdón, mejor la dejo como estaba.' });
    const outbound = async () =>
      (await backend.agent('agent').listConversations({ search: '#6598' })).items[0]!.lastMessage!
        .direction;
    await sendKeys({ press: 'Enter' });
    const confirm = await waitUntil(
      () => inPanel(panel, 'atento-dialog[part=newer-confirm]'),
      'confirm shown',
    ).then(() => inPanel(panel, 'atento-dialog[part=newer-confirm]')!);
    expect(confirm.textContent).to.contain(
      'Llegó un mensaje nuevo mientras escribía. ¿Enviar de todas formas?',
    );
    expect(confirm.textContent).to.contain('Perdón, mejor la dejo como estaba.');
    expect(await outbound()).to.equal('inbound');
    await expect(panel).to.be.accessible();
    [...confirm.querySelectorAll('button')]
      .find((b) => b.textContent!.trim() === 'Enviar')!
      .click();
    await waitUntil(async () => (await outbound()) === 'outbound', 'sent anyway');
    stop();
  });

  it('"Ver mensaje" reveals the new message in the thread; sending again goes through', async () => {
    const { backend, visitor, panel, stop } = await replyingToCarla();
    const arrived = await visitor.send({ clientId: 'carla-3', text: '¿Me confirman por aquí?' });
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => inPanel(panel, 'atento-dialog[part=newer-confirm]'), 'confirm shown');
    [...inPanel(panel, 'atento-dialog[part=newer-confirm]')!.querySelectorAll('button')]
      .find((b) => b.textContent!.trim() === 'Ver mensaje')!
      .click();
    await waitUntil(() => !inPanel(panel, 'atento-dialog[part=newer-confirm]'), 'confirm closed');
    expect(thread(panel)!.messageId).to.equal(arrived.id);
    await waitUntil(
      () =>
        [...thread(panel)!.shadowRoot!.querySelectorAll('mail-message')].some(
          (m) => m.message?.id === arrived.id,
        ),
      'the new message is in the thread',
    );
    // Focus went back to the composer: Enter sends without asking again.
    await sendKeys({ press: 'Enter' });
    await waitUntil(
      async () =>
        (await backend.agent('agent').listConversations({ search: '#6598' })).items[0]!.lastMessage!
          .preview === 'Claro, la cambiamos hoy.',
      'sent on the second try',
    );
    expect(inPanel(panel, 'atento-dialog[part=newer-confirm]')).to.equal(null);
    stop();
  });

  it('mirrors the list’s new-chat indicator as has-new, and lets its event through', async () => {
    const backend = createMemoryBackend({ undoSendSeconds: 0 });
    const { panel } = await mount({ backend, conversationId: JORGE.conversationId });
    expect(panel.hasAttribute('has-new')).to.equal(false);
    const event = oneEvent(document, 'conversation-new-chat');
    await backend
      .visitor('device-panel-test')
      .send({ clientId: 'first', text: 'Hola, ¿tienen talla 44?' });
    expect((await event).detail.conversation.lastMessage!.preview).to.equal(
      'Hola, ¿tienen talla 44?',
    );
    await waitUntil(() => panel.hasAttribute('has-new'), 'has-new on the panel');
    panel.clearNewIndicator();
    await waitUntil(() => !panel.hasAttribute('has-new'), 'cleared');
  });

  it('shows a banner while the browser is offline', async () => {
    const { panel } = await mount();
    window.dispatchEvent(new Event('offline'));
    await waitUntil(() => inPanel(panel, '[part=connection]'), 'banner');
    expect(inPanel(panel, '[part=connection]')!.textContent!.trim()).to.equal(
      'Sin conexión en vivo. Reintentando…',
    );
    await expect(panel).to.be.accessible();
    window.dispatchEvent(new Event('online'));
    await waitUntil(() => !inPanel(panel, '[part=connection]'), 'banner gone');
    await waitUntil(() => announced(panel) === 'Conexión en vivo restablecida.');
  });

  it('shows a banner when the adapter’s live connection stays down, not for a blip', async () => {
    // A remote adapter reports its socket with `connection` events; the memory one never drops,
    // so this adapter forwards the backend's and lets the test play the socket.
    const backend = createMemoryBackend({ undoSendSeconds: 0 });
    const real = backend.agent('agent');
    const listeners = new Set<(e: AgentEvent) => void>();
    const remote: AgentAdapter = Object.create(real, {
      subscribe: {
        value: (fn: (e: AgentEvent) => void) => {
          listeners.add(fn);
          const stop = real.subscribe(fn);
          return () => {
            listeners.delete(fn);
            stop();
          };
        },
      },
    });
    const wrapper = await fixture<HTMLDivElement>(
      html`<div lang="es" style="height: 720px"></div>`,
    );
    const panel = document.createElement('agent-panel');
    panel.adapter = remote;
    wrapper.append(panel);
    await waitUntil(() => rows(panel).length > 0, 'the list shows its cases');
    const emit = (live: boolean) => listeners.forEach((fn) => fn({ type: 'connection', live }));

    emit(false);
    await new Promise((r) => setTimeout(r, 300));
    emit(true);
    await new Promise((r) => setTimeout(r, 1500));
    expect(inPanel(panel, '[part=connection]') === null).to.equal(
      true,
      'a quick reconnect shows nothing',
    );

    emit(false);
    await waitUntil(() => inPanel(panel, '[part=connection]'), 'banner after 1.5 s down', {
      timeout: 3000,
    });
    emit(true);
    await waitUntil(() => !inPanel(panel, '[part=connection]'), 'banner gone');
    await waitUntil(() => announced(panel) === 'Conexión en vivo restablecida.');
  });
});
