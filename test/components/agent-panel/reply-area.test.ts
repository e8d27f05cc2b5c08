import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../../src/components/agent-panel/reply/reply-area.js';
import type { ReplyArea } from '../../../src/components/agent-panel/reply/reply-area.js';
import type { ChatComposer } from '../../../src/components/agent-panel/reply/chat-composer.js';
import type { ChannelMenu } from '../../../src/components/agent-panel/reply/channel-menu.js';
import type { MailComposer } from '../../../src/components/mail-composer/mail-composer.js';
import type { RecipientField } from '../../../src/components/mail-composer/recipient-field.js';
import {
  createMemoryBackend,
  SEED_IDS,
  type MemoryBackend,
} from '../../../src/adapters/memory/index.js';
import type { AgentAdapter, VisitorEvent } from '../../../src/adapters/adapter.js';
import { provideAtento } from '../../../src/context/index.js';
import type { Message } from '../../../src/model/index.js';

const CARLA = {
  conversationId: SEED_IDS.knownChat.conversationId,
  deviceId: SEED_IDS.visitors.known,
  address: SEED_IDS.knownChat.address,
};
const ANON = SEED_IDS.anonymousChat;
const VALERIA = {
  conversationId: SEED_IDS.mixedCase.conversationId,
  deviceId: SEED_IDS.visitors.mixed,
};

/** A visitor's widget: while subscribed the visitor is online; its events are recorded. */
interface Widget {
  events: VisitorEvent[];
  leave: () => void;
}

function connect(backend: MemoryBackend, deviceId: string): Widget {
  const events: VisitorEvent[] = [];
  const leave = backend.visitor(deviceId).subscribe((e) => events.push(e));
  return { events, leave };
}

interface Mounted {
  el: ReplyArea;
  backend: MemoryBackend;
  agent: AgentAdapter;
}

async function mount(
  conversationId: string,
  options: { backend?: MemoryBackend; online?: string } = {},
): Promise<Mounted & { widget?: Widget }> {
  const backend = options.backend ?? createMemoryBackend({ undoSendSeconds: 0 });
  const widget = options.online ? connect(backend, options.online) : undefined;
  const agent = backend.agent('agent');
  const wrapper = await fixture<HTMLDivElement>(html`<div lang="es" style="width: 760px"></div>`);
  provideAtento(wrapper, { agent });
  const el = document.createElement('atento-reply-area');
  el.conversationId = conversationId;
  wrapper.append(el);
  await waitUntil(() => menuOf(el), 'reply area loaded', { timeout: 4000 });
  return { el, backend, agent, widget };
}

const $ = <T extends Element = HTMLElement>(root: Element, selector: string) =>
  root.shadowRoot!.querySelector(selector) as T | null;
const menuOf = (el: ReplyArea) => $<ChannelMenu>(el, 'atento-channel-menu');
const chatOf = (el: ReplyArea) => $<ChatComposer>(el, 'atento-chat-composer')!;
const areaOf = (el: ReplyArea) => $<HTMLTextAreaElement>(chatOf(el), 'textarea')!;
const mailOf = (el: ReplyArea) => $<MailComposer>(el, 'mail-composer');
const noticeOf = (el: ReplyArea) => $(el, '[part=notice]');
const buttonText = (el: ReplyArea) =>
  $(menuOf(el)!, '[part=button]')!.getAttribute('aria-label') ?? '';

async function chatMessages(agent: AgentAdapter, conversationId: string): Promise<Message[]> {
  const detail = await agent.getConversation(conversationId);
  const chats = detail.interactions.filter((i) => i.channel === 'chat');
  const pages = await Promise.all(chats.map((i) => agent.listMessages(i.id, { limit: 200 })));
  return pages.flatMap((p) => p.items);
}

/** Types into the chat field as the agent would. */
async function typeInChat(el: ReplyArea, text: string) {
  areaOf(el).focus();
  await sendKeys({ type: text });
}

function noticeButton(el: ReplyArea, label: string): HTMLButtonElement {
  const buttons = [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part=notice-action]')];
  const found = buttons.find((b) => b.textContent!.trim() === label);
  if (!found) throw new Error(`no notice button ${label}`);
  return found;
}

describe('<atento-reply-area>', () => {
  afterEach(() => localStorage.clear());

  it('answers an online visitor by chat: Enter sends to the thread and the widget', async () => {
    const { el, agent, widget } = await mount(CARLA.conversationId, { online: CARLA.deviceId });
    expect(el.channel).to.equal('chat');
    expect(buttonText(el)).to.equal('Canal de respuesta: Chat web');
    await typeInChat(el, 'Hola Carla, sí se puede cambiar.');
    const sent = oneEvent(el, 'reply-sent');
    await sendKeys({ press: 'Enter' });
    const { detail } = await sent;
    expect(detail.message.channel).to.equal('chat');
    expect(detail.message.text).to.equal('Hola Carla, sí se puede cambiar.');
    const thread = await chatMessages(agent, CARLA.conversationId);
    expect(thread.filter((m) => m.text === 'Hola Carla, sí se puede cambiar.')).to.have.length(1);
    await waitUntil(
      () =>
        widget!.events.some(
          (e) =>
            e.type === 'message.created' && e.message.text === 'Hola Carla, sí se puede cambiar.',
        ),
      'the widget receives the reply',
    );
    expect(areaOf(el).value).to.equal('');
    await expect(el).to.be.accessible();
    widget!.leave();
  });

  it('sends the visitor the agent’s typing and shows the visitor’s', async () => {
    const { el, backend, widget } = await mount(CARLA.conversationId, { online: CARLA.deviceId });
    await typeInChat(el, 'Un momento');
    const agentTyping = (on: boolean) =>
      widget!.events.some((e) => e.type === 'typing' && e.who === 'agent' && e.typing === on);
    await waitUntil(() => agentTyping(true), 'the visitor sees the agent typing');
    areaOf(el).blur();
    await waitUntil(() => agentTyping(false), 'blur ends the typing indicator');

    await backend.visitor(CARLA.deviceId).typing(true);
    const typing = () => $(el, '[part=typing]')!.textContent!.trim();
    await waitUntil(() => typing() === 'Carla está escribiendo…', 'visitor typing shown');
    await expect(el).to.be.accessible();
    await backend.visitor(CARLA.deviceId).typing(false);
    await waitUntil(() => typing() === '', 'visitor typing cleared');
    widget!.leave();
  });

  it('follows the visitor’s presence while nothing is typed: email when they leave, chat when they return', async () => {
    const { el, backend, widget } = await mount(CARLA.conversationId, { online: CARLA.deviceId });
    const changes: string[] = [];
    el.addEventListener('reply-channel-change', (e) =>
      changes.push(`${e.detail.channel}${e.detail.automatic ? ' (auto)' : ''}`),
    );
    expect(el.channel).to.equal('chat');
    widget!.leave();
    await waitUntil(() => el.channel === 'email', 'switched to email when the visitor left');
    expect(noticeOf(el)).to.equal(null, 'no question when nothing was typed');
    expect($(el, '[part=email-open]')!.textContent!.trim()).to.equal('Escribir un correo…');
    expect($(el, '[part=transcript-note]')!.textContent!.trim()).to.equal(
      'Se incluirá la transcripción del chat debajo de su respuesta',
    );
    await expect(el).to.be.accessible();
    const again = connect(backend, CARLA.deviceId);
    await waitUntil(() => el.channel === 'chat', 'back to chat when the visitor returned');
    expect(changes).to.deep.equal(['email (auto)', 'chat (auto)']);
    again.leave();
  });

  it('starts on email for an offline visitor with a known address: a new email to them', async () => {
    const { el } = await mount(CARLA.conversationId);
    expect(el.channel).to.equal('email');
    expect(mailOf(el)).to.equal(null, 'collapsed until asked for');
    $<HTMLButtonElement>(el, '[part=email-open]')!.click();
    await waitUntil(() => mailOf(el), 'email composer opened');
    const mail = mailOf(el)!;
    await mail.ready;
    expect(mail.mode).to.equal('new');
    const to = $<RecipientField>(mail, 'atento-recipient-field.to')!.entries.map((e) => e.address);
    expect(to).to.deep.equal([CARLA.address]);
    await expect(el).to.be.accessible();
  });

  it('answers the newest inbound email of a case that has one', async () => {
    const { el, agent } = await mount(VALERIA.conversationId);
    expect(el.channel).to.equal('email');
    $<HTMLButtonElement>(el, '[part=email-open]')!.click();
    await waitUntil(() => mailOf(el), 'email composer opened');
    const mail = mailOf(el)!;
    await mail.ready;
    expect(mail.mode).to.equal('reply');
    const detail = await agent.getConversation(VALERIA.conversationId);
    const email = detail.interactions.find((i) => i.channel === 'email')!;
    const newestInbound = (await agent.listMessages(email.id)).items
      .filter((m) => m.direction === 'inbound')
      .pop()!;
    expect(mail.message?.id).to.equal(newestInbound.id);
    expect(mail.value.to.map((a) => a.address)).to.deep.equal(['valeria.torres.p@gmail.com']);
    expect($(el, '[part=transcript-note]')).not.to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('explains why email is unavailable when the visitor left no address', async () => {
    const { el } = await mount(ANON.conversationId);
    expect(el.channel).to.equal('chat', 'offline without address: chat, read when they return');
    const menu = menuOf(el)!;
    $<HTMLButtonElement>(menu, '[part=button]')!.focus();
    await sendKeys({ press: 'ArrowDown' });
    const email = $(menu, '[part~=item-email]')!;
    expect(email.getAttribute('aria-disabled')).to.equal('true');
    const reason = $(menu, `#${email.getAttribute('aria-describedby')}`)!;
    expect(reason.textContent!.trim()).to.equal('El visitante no ha dejado su correo');
    await expect(el).to.be.accessible();
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'Enter' });
    expect(el.channel).to.equal('chat', 'a disabled channel cannot be chosen');
  });

  it('never switches silently when the visitor leaves mid-reply; staying in chat still delivers', async () => {
    const { el, agent, backend, widget } = await mount(CARLA.conversationId, {
      online: CARLA.deviceId,
    });
    await typeInChat(el, 'Le confirmo en un minuto');
    widget!.leave();
    await waitUntil(() => noticeOf(el), 'the agent is asked');
    expect(noticeOf(el)!.textContent).to.include('El visitante se desconectó. ¿Cambiar a correo?');
    expect(el.channel).to.equal('chat');
    expect(areaOf(el).value).to.equal('Le confirmo en un minuto');
    await expect(el).to.be.accessible();
    noticeButton(el, 'Seguir en chat').click();
    await el.updateComplete;
    expect(noticeOf(el)).to.equal(null);
    expect(el.channel).to.equal('chat');
    areaOf(el).focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => areaOf(el).value === '', 'sent');
    const thread = await chatMessages(agent, CARLA.conversationId);
    expect(thread.some((m) => m.text === 'Le confirmo en un minuto')).to.equal(true);
    const { messages } = await backend.visitor(CARLA.deviceId).resume();
    expect(messages.map((m) => m.text)).to.include(
      'Le confirmo en un minuto',
      'in the widget’s history when the visitor comes back',
    );
  });

  it('“Cambiar a correo” carries the typed text into the email and empties the chat', async () => {
    const { el, agent, widget } = await mount(CARLA.conversationId, { online: CARLA.deviceId });
    await typeInChat(el, 'Su nueva dirección quedó registrada.');
    widget!.leave();
    await waitUntil(() => noticeOf(el), 'the agent is asked');
    noticeButton(el, 'Cambiar a correo').click();
    await waitUntil(() => mailOf(el), 'email composer opened');
    const mail = mailOf(el)!;
    await waitUntil(
      () => mail.value.text.includes('Su nueva dirección quedó registrada.'),
      'the text moved into the email',
    );
    expect(mail.value.text).to.match(/^Hola Carla,/, 'after the greeting');
    expect(mail.value.to.map((a) => a.address)).to.deep.equal([CARLA.address]);
    expect(el.channel).to.equal('email');
    expect(areaOf(el).value).to.equal('');
    expect(await agent.getDraft({ conversationId: CARLA.conversationId, mode: 'chat' })).to.equal(
      null,
      'no chat draft left behind',
    );
    await expect(el).to.be.accessible();
  });

  it('keeps the text when sending fails, shows why, and the retry sends it once', async () => {
    const { el, backend, agent, widget } = await mount(CARLA.conversationId, {
      online: CARLA.deviceId,
    });
    await typeInChat(el, 'Mensaje que no se pierde');
    backend.fault('offline');
    await sendKeys({ press: 'Enter' });
    const error = () => $(chatOf(el), '[part=send-error]');
    await waitUntil(error, 'the failure is shown');
    expect(error()!.textContent).to.include('No se envió');
    expect(areaOf(el).value).to.equal('Mensaje que no se pierde');
    await expect(el).to.be.accessible();
    backend.fault(null);
    $<HTMLButtonElement>(chatOf(el), '[part=retry]')!.click();
    await waitUntil(() => areaOf(el).value === '' && !error(), 'retried');
    const thread = await chatMessages(agent, CARLA.conversationId);
    expect(thread.filter((m) => m.text === 'Mensaje que no se pierde')).to.have.length(1);
    widget!.leave();
  });

  it('reply-send and reply-channel-change can be cancelled', async () => {
    const { el, agent, widget } = await mount(CARLA.conversationId, { online: CARLA.deviceId });
    el.addEventListener('reply-send', (e) => e.preventDefault(), { once: true });
    await typeInChat(el, 'Espere la confirmación');
    const asked = oneEvent(el, 'reply-send');
    await sendKeys({ press: 'Enter' });
    const { detail } = await asked;
    expect(detail).to.deep.equal({
      conversationId: CARLA.conversationId,
      channel: 'chat',
      text: 'Espere la confirmación',
    });
    expect(areaOf(el).value).to.equal('Espere la confirmación', 'kept after a cancelled send');
    expect((await chatMessages(agent, CARLA.conversationId)).map((m) => m.text)).not.to.include(
      'Espere la confirmación',
    );
    await el.send();
    await waitUntil(() => areaOf(el).value === '', 'send() sends it');

    el.addEventListener('reply-channel-change', (e) => e.preventDefault(), { once: true });
    widget!.leave();
    await waitUntil(
      async () => !(await agent.getConversation(CARLA.conversationId)).conversation.visitorOnline,
      'visitor offline',
    );
    await el.updateComplete;
    expect(el.channel).to.equal('chat', 'the cancelled automatic switch did not happen');
    await expect(el).to.be.accessible();
  });

  it('an email-only case offers no chat, and says why', async () => {
    const { el } = await mount(SEED_IDS.english.conversationId);
    expect(el.channel).to.equal('email');
    expect($(el, 'atento-chat-composer')).to.equal(null);
    const menu = menuOf(el)!;
    const chat = $(menu, '[part~=item-chat]')!;
    expect(chat.getAttribute('aria-disabled')).to.equal('true');
    expect($(menu, `#${chat.getAttribute('aria-describedby')}`)!.textContent!.trim()).to.equal(
      'Este caso llegó por correo: no hay un visitante con quien chatear',
    );
    expect($(el, '[part=transcript-note]')).to.equal(null, 'no chat, no transcript');
    await expect(el).to.be.accessible();
  });

  it('a campaign that does not answer chats by email says so', async () => {
    const { el } = await mount(SEED_IDS.englishChat.conversationId);
    const menu = menuOf(el)!;
    const email = $(menu, '[part~=item-email]')!;
    expect(email.getAttribute('aria-disabled')).to.equal('true');
    expect($(menu, `#${email.getAttribute('aria-describedby')}`)!.textContent!.trim()).to.equal(
      'Esta campaña no responde chats por correo',
    );
    expect(el.channel).to.equal('chat');
    await expect(el).to.be.accessible();
  });

  it('focus() moves into the active composer', async () => {
    const { el, widget } = await mount(CARLA.conversationId, { online: CARLA.deviceId });
    el.focus();
    await waitUntil(
      () => chatOf(el).shadowRoot!.activeElement === areaOf(el),
      'chat field focused',
    );
    widget!.leave();
    await waitUntil(() => el.channel === 'email', 'email');
    await el.updateComplete;
    el.focus();
    expect(el.shadowRoot!.activeElement === $(el, '[part=email-open]')).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('offers to go back to chat when the visitor returns while an email is being written', async () => {
    const { el, backend } = await mount(CARLA.conversationId);
    expect(el.channel).to.equal('email');
    $<HTMLButtonElement>(el, '[part=email-open]')!.click();
    await waitUntil(() => mailOf(el), 'email composer opened');
    await mailOf(el)!.ready;
    const widget = connect(backend, CARLA.deviceId);
    await waitUntil(() => noticeOf(el), 'the agent is asked');
    expect(noticeOf(el)!.textContent).to.include(
      'El visitante volvió a conectarse. ¿Cambiar a chat?',
    );
    expect(el.channel).to.equal('email', 'the email being written stays');
    await expect(el).to.be.accessible();
    noticeButton(el, 'Cambiar a chat').click();
    await waitUntil(() => el.channel === 'chat', 'back to chat');
    await waitUntil(() => chatOf(el).shadowRoot!.activeElement === areaOf(el), 'chat focused');
    widget.leave();
  });

  it('a newer inbound email becomes what the email composer answers', async () => {
    const { el, backend, agent } = await mount(VALERIA.conversationId);
    const detail = await agent.getConversation(VALERIA.conversationId);
    const email = detail.interactions.find((i) => i.channel === 'email')!;
    const last = (await agent.listMessages(email.id)).items.at(-1)!;
    const incoming = await backend.receiveEmail({
      from: { name: 'Valeria Torres', address: 'valeria.torres.p@gmail.com' },
      to: [{ address: 'soporte@tiendaandina.pe' }],
      subject: `Re: ${last.subject}`,
      text: 'Una consulta más: ¿cuánto demora la revisión?',
      inReplyTo: last.messageId,
      references: [last.messageId!],
    });
    expect(incoming).not.to.equal(null);
    await waitUntil(() => !$<HTMLButtonElement>(el, '[part=email-open]')!.disabled, 'ready');
    await new Promise((r) => setTimeout(r, 20));
    $<HTMLButtonElement>(el, '[part=email-open]')!.click();
    await waitUntil(() => mailOf(el), 'email composer opened');
    await mailOf(el)!.ready;
    expect(mailOf(el)!.message?.id).to.equal(incoming!.id);
    await expect(el).to.be.accessible();
  });

  it('uses the detail it is given instead of loading the case, and keeps it fresh', async () => {
    const backend = createMemoryBackend();
    const real = backend.agent('agent');
    let loads = 0;
    const agent = new Proxy(real, {
      get(target, prop, receiver) {
        if (prop === 'getConversation') {
          return (...args: Parameters<AgentAdapter['getConversation']>) => {
            loads++;
            return target.getConversation(...args);
          };
        }
        return Reflect.get(target, prop, receiver) as unknown;
      },
    });
    const detail = await real.getConversation(CARLA.conversationId);
    const wrapper = await fixture<HTMLDivElement>(html`<div lang="es"></div>`);
    const el = document.createElement('atento-reply-area');
    el.adapter = agent;
    el.conversationId = CARLA.conversationId;
    el.detail = detail;
    wrapper.append(el);
    await waitUntil(() => menuOf(el), 'shown');
    expect(loads).to.equal(0);
    expect(el.channel).to.equal('email', 'offline in the given detail');
    const widget = connect(backend, CARLA.deviceId);
    await waitUntil(() => el.channel === 'chat', 'live presence applied to the given detail');
    expect(loads).to.equal(0);
    await expect(el).to.be.accessible();
    widget.leave();
  });
});
