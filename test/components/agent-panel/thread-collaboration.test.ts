/**
 * What `<mail-thread>` gained for the unified inbox: Complete / Reopen (F-4.3), the collision
 * hint (who else is on the case) and the newer-message warning before a send.
 */
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../../../src/components/mail-thread/mail-thread.js';
import '../../../src/components/mail-composer/mail-composer.js';
import type { MailThread } from '../../../src/components/mail-thread/mail-thread.js';
import type { MailComposer } from '../../../src/components/mail-composer/mail-composer.js';
import type { RichEditor } from '../../../src/components/mail-composer/editor/rich-editor.js';
import {
  createMemoryBackend,
  SEED_IDS,
  type MemoryBackend,
} from '../../../src/adapters/memory/index.js';
import type { AgentAdapter, AgentEvent } from '../../../src/adapters/adapter.js';
import { provideAtento } from '../../../src/context/index.js';
import { chatReply, type Message } from '../../../src/model/index.js';

const JORGE = SEED_IDS.jorge;
const ROSA = {
  conversationId: SEED_IDS.completedCase.conversationId,
  address: 'rosa.huaman@yahoo.com',
};

async function mount(
  options: { conversationId?: string; backend?: MemoryBackend; adapter?: AgentAdapter } = {},
) {
  const backend = options.backend ?? createMemoryBackend({ undoSendSeconds: 0 });
  const wrapper = await fixture<HTMLDivElement>(
    html`<div lang="es" style="height: 640px; width: 900px"></div>`,
  );
  provideAtento(wrapper, { agent: options.adapter ?? backend.agent('agent') });
  const el = document.createElement('mail-thread');
  el.conversationId = options.conversationId ?? JORGE.conversationId;
  el.style.height = '600px';
  wrapper.append(el);
  await waitUntil(() => el.shadowRoot!.querySelector('mail-message'), 'thread shows the case');
  await el.updateComplete;
  return { el, backend, wrapper };
}

const $ = (el: MailThread, selector: string) => el.shadowRoot!.querySelector<HTMLElement>(selector);
const text = (el: MailThread, selector: string) =>
  $(el, selector)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

/** A second agent's live events, collected. */
function watch(adapter: AgentAdapter) {
  const events: AgentEvent[] = [];
  const stop = adapter.subscribe((e) => events.push(e));
  return { events, stop };
}

/** Rosa answers on her completed case (threaded by subject and sender). */
const rosaWritesAgain = (backend: MemoryBackend) =>
  backend.receiveEmail({
    from: { name: 'Rosa Huamán Ccori', address: ROSA.address },
    to: [{ address: 'soporte@tiendaandina.pe' }],
    subject: 'Re: Cambio de dirección de entrega, pedido TA-47902',
    text: 'Disculpen, el pedido todavía no llega.',
  });

describe('<mail-thread> Complete / Reopen', () => {
  it('completes the case for every agent after a cancelable mail-status-change', async () => {
    const { el, backend } = await mount();
    const other = backend.agent('supervisor');
    const seen = watch(other);
    expect(text(el, '[part=status-button]')).to.equal('Completar');
    await expect(el).to.be.accessible();

    const change = oneEvent(el, 'mail-status-change');
    const changed = oneEvent(el, 'mail-status-changed');
    $(el, '[part=status-button]')!.click();
    const event = await change;
    expect(event.detail).to.deep.equal({
      conversationId: JORGE.conversationId,
      status: 'completed',
    });
    expect(event.cancelable).to.equal(true);
    expect((await changed).detail.conversation.status).to.equal('completed');
    await el.updateComplete;
    expect(text(el, '[part=status]')).to.equal('Completada');
    expect(text(el, '[part=status-button]')).to.equal('Reabrir');
    expect((await other.getConversation(JORGE.conversationId)).conversation.status).to.equal(
      'completed',
    );
    await waitUntil(() =>
      seen.events.some(
        (e) => e.type === 'conversation.updated' && e.conversation.status === 'completed',
      ),
    );
    seen.stop();

    // Reopen with the same button.
    $(el, '[part=status-button]')!.click();
    await waitUntil(() => text(el, '[part=status]') === 'Abierta', 'reopened');
    expect((await other.getConversation(JORGE.conversationId)).conversation.status).to.equal(
      'open',
    );
    await expect(el).to.be.accessible();
  });

  it('does nothing when the host cancels mail-status-change', async () => {
    const { el, backend } = await mount();
    el.addEventListener('mail-status-change', (e) => e.preventDefault());
    expect(await el.toggleStatus()).to.equal(undefined);
    const detail = await backend.agent('agent').getConversation(JORGE.conversationId);
    expect(detail.conversation.status).to.equal('open');
    expect(text(el, '[part=status]')).to.equal('Abierta');
  });

  it('shows a failed change inline with a retry that completes it', async () => {
    const { el, backend } = await mount();
    backend.fault('unavailable');
    expect(await el.toggleStatus()).to.equal(undefined);
    await el.updateComplete;
    const alert = $(el, '[part=side-error][data-call=status]')!;
    expect(alert.getAttribute('role')).to.equal('alert');
    expect(alert.textContent).to.contain('No se pudo completar la atención.');
    await expect(el).to.be.accessible();
    backend.fault(null);
    (alert.querySelector('[part=side-retry]') as HTMLElement).click();
    await waitUntil(() => text(el, '[part=status]') === 'Completada', 'completed on retry');
    expect($(el, '[part=side-error][data-call=status]')).to.equal(null);
  });

  it('shows live that a new inbound message reopened a completed case', async () => {
    const { el, backend } = await mount({ conversationId: ROSA.conversationId });
    expect(text(el, '[part=status]')).to.equal('Completada');
    expect(text(el, '[part=status-button]')).to.equal('Reabrir');
    const message = await rosaWritesAgain(backend);
    expect(message?.conversationId).to.equal(ROSA.conversationId);
    await waitUntil(() => text(el, '[part=status]') === 'Abierta', 'reopened live');
    expect(text(el, '[part=status-button]')).to.equal('Completar');
  });
});

describe('<mail-thread> collision hint', () => {
  it('shows who else views or replies to the case, and tells them about this agent', async () => {
    const backend = createMemoryBackend();
    const marco = backend.agent('supervisor');
    const seen = watch(marco);
    const { el } = await mount({ backend });
    // Lucía (this thread's agent) is announced as viewing.
    await waitUntil(() =>
      seen.events.some(
        (e) =>
          e.type === 'viewers' &&
          e.viewers.some((v) => v.name === 'Lucía Ramos' && v.activity === 'viewing'),
      ),
    );
    const viewers = $(el, '[part=viewers]')!;
    expect(viewers.getAttribute('aria-live')).to.equal('polite');
    expect(viewers.textContent!.trim()).to.equal('');

    await marco.announce(JORGE.conversationId, 'viewing');
    await waitUntil(
      () => text(el, '[part=viewers]') === 'Marco Díaz también está viendo esta atención',
      'Marco viewing',
    );
    await expect(el).to.be.accessible();
    await marco.announce(JORGE.conversationId, 'replying');
    await waitUntil(
      () => text(el, '[part=viewers]') === 'Marco Díaz también está respondiendo a esta atención',
      'Marco replying',
    );

    // The thread's own composer makes Lucía "replying" for Marco.
    el.composing = { messageId: JORGE.latestMessageId, mode: 'reply' };
    const lucia = async () =>
      (await marco.announce(JORGE.conversationId, 'replying')).find(
        (v) => v.name === 'Lucía Ramos',
      );
    await waitUntil(async () => (await lucia())?.activity === 'replying', 'Lucía replying');
    el.composing = null;
    await waitUntil(async () => (await lucia())?.activity === 'viewing', 'Lucía viewing again');

    await marco.announce(JORGE.conversationId, null);
    await waitUntil(() => text(el, '[part=viewers]') === '', 'Marco left');

    // Removing the thread leaves the case.
    el.remove();
    await waitUntil(async () => (await lucia()) === undefined, 'Lucía left');
    seen.stop();
  });

  it('names several agents together, in English too', async () => {
    const backend = createMemoryBackend();
    const marco = backend.agent('supervisor');
    const ana = backend.agent('coordinator');
    const stops = [marco.subscribe(() => undefined), ana.subscribe(() => undefined)];
    const { el } = await mount({ backend });
    el.locale = 'en';
    await marco.announce(JORGE.conversationId, 'viewing');
    await ana.announce(JORGE.conversationId, 'viewing');
    await waitUntil(
      () => text(el, '[part=viewers]') === 'Ana Quispe and Marco Díaz are also viewing this case',
      'both named',
    );
    stops.forEach((stop) => stop());
    await waitUntil(() => text(el, '[part=viewers]') === '', 'both gone offline');
  });
});

describe('<mail-thread> newer-message warning', () => {
  async function composing() {
    const mounted = await mount();
    const { el } = mounted;
    const newest = [
      ...el.shadowRoot!.querySelectorAll<HTMLElement & { message: Message }>('mail-message'),
    ].at(-1)!;
    el.composing = { messageId: newest.message.id, mode: 'reply' };
    await waitUntil(() => $(el, 'mail-composer'), 'composer shown');
    const composer = $(el, 'mail-composer') as MailComposer;
    await waitUntil(
      () => composer.shadowRoot!.querySelector<RichEditor>('atento-rich-editor')?.getValue().text,
      'composer filled',
      { timeout: 4000 },
    );
    return { ...mounted, composer, newest: newest.message };
  }

  const outbound = async (backend: MemoryBackend) =>
    (
      await backend.agent('agent').listMessages(JORGE.latestInteractionId, { limit: 200 })
    ).items.filter((m) => m.direction === 'outbound' && m.status !== 'cancelled').length;

  it('holds the first send once when the customer wrote meanwhile; "Enviar" sends', async () => {
    const { el, backend, composer, newest } = await composing();
    const before = await outbound(backend);
    await backend.receiveEmail({
      from: { name: 'Jorge Taype', address: JORGE.address },
      to: [{ address: 'soporte@tiendaandina.pe' }],
      subject: 'Re: Pedido TA-48213',
      text: 'Olvidé decirles: la talla correcta es 42.',
      inReplyTo: newest.messageId,
      references: newest.messageId ? [newest.messageId] : [],
    });
    const sent = new Promise<void>((resolve) =>
      el.addEventListener('mail-send', (e) => !e.defaultPrevented && resolve(), { once: false }),
    );
    await composer.send();
    await el.updateComplete;
    const dialog = $(el, 'atento-dialog[part=newer-confirm]')!;
    expect(dialog).to.not.equal(null);
    expect(dialog.textContent).to.contain(
      'Llegó un mensaje nuevo mientras escribía. ¿Enviar de todas formas?',
    );
    expect(dialog.textContent).to.contain('la talla correcta es 42');
    expect(await outbound(backend)).to.equal(before);
    await expect(el).to.be.accessible();

    const send = [...dialog.querySelectorAll('button')].find(
      (b) => b.textContent!.trim() === 'Enviar',
    )!;
    send.click();
    await sent;
    await waitUntil(async () => (await outbound(backend)) === before + 1, 'sent anyway');
    await waitUntil(() => !$(el, 'atento-dialog[part=newer-confirm]'), 'confirm closed');
  });

  it('"Ver mensaje" shows the new message; the next send goes through', async () => {
    const { el, backend, composer } = await composing();
    const before = await outbound(backend);
    // Another agent answered meanwhile, by chat on the same case.
    const chat = await backend
      .agent('supervisor')
      .send(chatReply(JORGE.conversationId, 'Hola Jorge, ya lo estoy revisando.'));
    expect(chat.message.from.name).to.equal('Marco Díaz');
    await composer.send();
    await el.updateComplete;
    const dialog = $(el, 'atento-dialog[part=newer-confirm]')!;
    const view = [...dialog.querySelectorAll('button')].find(
      (b) => b.textContent!.trim() === 'Ver mensaje',
    )!;
    view.click();
    await waitUntil(() => !$(el, 'atento-dialog[part=newer-confirm]'), 'confirm closed');
    expect(await outbound(backend)).to.equal(before);
    await composer.send();
    await waitUntil(
      async () => (await outbound(backend)) === before + 1,
      'second send went through',
    );
  });

  it('does not warn for the agent’s own messages or when nothing arrived', async () => {
    const { el, backend, composer } = await composing();
    const before = await outbound(backend);
    await composer.send();
    await el.updateComplete;
    expect($(el, 'atento-dialog[part=newer-confirm]')).to.equal(null);
    await waitUntil(async () => (await outbound(backend)) === before + 1, 'sent at once');
  });
});
