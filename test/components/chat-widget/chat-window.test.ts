import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import '../../../src/components/chat-widget/window/chat-window.js';
import type { ChatWindow } from '../../../src/components/chat-widget/window/chat-window.js';
import {
  ScriptedSession,
  scriptedHistory,
  type ScriptedSessionOptions,
} from '../../../src/components/chat-widget/window/scripted-session.js';
import type { ChatSession } from '../../../src/components/chat-widget/session/chat-session.js';
import type {
  ChatMessage,
  ChatSessionLike,
  ChatStateLike,
} from '../../../src/components/chat-widget/window/session-like.js';

/** The real session fits the window's structural interface (a type error otherwise). */
export const sessionFits: (session: ChatSession) => ChatSessionLike = (session) => session;

async function mount(
  state: Partial<ChatStateLike> = {},
  options: ScriptedSessionOptions = {},
  scheme = 'light',
) {
  const session = new ScriptedSession(state, options);
  const wrapper = await fixture<HTMLDivElement>(
    html`<div
      lang="es"
      style="width: 380px; height: 600px; color-scheme: ${scheme}; background: Canvas"
    >
      <atento-chat-window .session=${session}></atento-chat-window>
    </div>`,
  );
  const el = wrapper.querySelector('atento-chat-window')!;
  await el.updateComplete;
  return { el, session, wrapper };
}

const $ = <T extends HTMLElement = HTMLElement>(el: ChatWindow, selector: string) =>
  el.shadowRoot!.querySelector<T>(selector);
const $$ = (el: ChatWindow, selector: string) => [
  ...el.shadowRoot!.querySelectorAll<HTMLElement>(selector),
];
const textOf = (node: Element | null) => node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

function message(change: Partial<ChatMessage>): ChatMessage {
  return {
    id: `m-${Math.random()}`,
    channel: 'chat',
    direction: 'inbound',
    authorName: '',
    text: 'Hola',
    attachments: [],
    status: 'sent',
    registeredAt: new Date().toISOString(),
    delivery: 'sent',
    ...change,
  };
}

const daysAgo = (days: number, hour = 10) => {
  const now = new Date();
  return new Date(now.getFullYear(), now.getMonth(), now.getDate() - days, hour, 5).toISOString();
};

function buttonNamed(el: ChatWindow, name: string) {
  return $$(el, 'button').find(
    (b) => b.getAttribute('aria-label') === name || textOf(b) === name,
  ) as HTMLButtonElement | undefined;
}

describe('atento-chat-window', () => {
  afterEach(async () => {
    await setViewport({ width: 800, height: 600 });
  });

  it('is a labelled non-modal dialog with brand, presence and reply time', async () => {
    const { el } = await mount();
    const dialog = $(el, '[role=dialog]')!;
    expect(dialog.getAttribute('aria-modal')).to.equal(null);
    expect(textOf(el.shadowRoot!.getElementById(dialog.getAttribute('aria-labelledby')!))).to.equal(
      'Tienda Atento',
    );
    expect(textOf($(el, '.presence'))).to.equal('En línea · Respondemos en unos minutos');
    expect(textOf($(el, '.greeting .text'))).to.equal('¡Hola! ¿En qué podemos ayudarle?');
    el.brandName = 'Soporte Atento';
    await el.updateComplete;
    expect(textOf($(el, 'h2'))).to.equal('Soporte Atento');
    await expect(el).to.be.accessible();
  });

  it('renders messages with day separators, agent names and delivery states', async () => {
    const { el } = await mount({
      messages: [
        message({ registeredAt: daysAgo(40), text: 'Hace tiempo', delivery: 'read' }),
        message({
          direction: 'outbound',
          authorName: 'Lucía Ramos',
          registeredAt: daysAgo(1),
          text: 'Vea https://ayuda.example.com/x.',
        }),
        message({ clientId: 'c-1', registeredAt: daysAgo(0, 0), delivery: 'sent' }),
        message({ clientId: 'c-2', registeredAt: daysAgo(0, 0), delivery: 'sending' }),
        message({
          clientId: 'c-3',
          registeredAt: daysAgo(0, 0),
          delivery: 'failed',
          error: { code: 'too-large', message: 'Demasiado largo' },
        }),
      ],
    });
    const days = $$(el, '.day').map(textOf);
    expect(days).to.have.length(3);
    expect(days.slice(1)).to.deep.equal(['Ayer', 'Hoy']);
    expect(days[0]).to.match(/\d/);
    expect($(el, '[role=log]')!.getAttribute('aria-live')).to.equal('polite');
    expect($(el, '.greeting')).to.equal(null);
    const states = $$(el, '.delivery').map((d) => d.getAttribute('aria-label'));
    expect(states).to.deep.equal(['Leído', 'Enviado', 'Enviando', 'No se envió']);
    expect(textOf($(el, '.author'))).to.equal('Lucía Ramos');
    expect(textOf($(el, '.agent .avatar'))).to.equal('LR');
    const link = $<HTMLAnchorElement>(el, '.agent .text a')!;
    expect(link.href).to.equal('https://ayuda.example.com/x');
    expect(link.rel).to.equal('noopener noreferrer');
    expect(textOf($(el, '.failed-text'))).to.equal('No se envió: Demasiado largo');
    await expect(el).to.be.accessible();
  });

  it('renders chat text as text, never HTML', async () => {
    const { el } = await mount({
      messages: [message({ text: '<img src=x onerror=alert(1)><b>hola</b>' })],
    });
    expect($(el, '.text img')).to.equal(null);
    expect(textOf($(el, '.text'))).to.equal('<img src=x onerror=alert(1)><b>hola</b>');
  });

  it('sends with Enter, adds a newline with Shift+Enter and notifies typing', async () => {
    const { el, session } = await mount();
    const area = $<HTMLTextAreaElement>(el, 'textarea')!;
    expect(parseFloat(getComputedStyle(area).fontSize)).to.be.at.least(16);
    area.focus();
    await sendKeys({ type: 'Hola' });
    await sendKeys({ down: 'Shift' });
    await sendKeys({ press: 'Enter' });
    await sendKeys({ up: 'Shift' });
    await sendKeys({ type: 'mundo' });
    expect(area.value).to.equal('Hola\nmundo');
    expect(area.getBoundingClientRect().height).to.be.greaterThan(40);
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(session.calls).to.deep.include(['send', 'Hola\nmundo', []]);
    expect(session.calls.filter((c) => c[0] === 'typing')).to.deep.equal([
      ['typing', true],
      ['typing', false],
    ]);
    expect(area.value).to.equal('');
    expect(el.shadowRoot!.activeElement).to.equal(area);
    const mine = $$(el, '.row.mine');
    expect(textOf(mine[mine.length - 1]!.querySelector('.text'))).to.equal(
      'Hola\nmundo'.replace(/\s+/g, ' '),
    );
    // Enter on an empty box sends nothing.
    await sendKeys({ press: 'Enter' });
    expect(session.calls.filter((c) => c[0] === 'send')).to.have.length(1);
  });

  it('retries and discards a failed message', async () => {
    const { el, session } = await mount({
      messages: [
        message({ clientId: 'c-9', delivery: 'failed', text: 'Uno' }),
        message({ clientId: 'c-10', delivery: 'failed', text: 'Dos' }),
      ],
    });
    buttonNamed(el, 'Reintentar')!.click();
    await el.updateComplete;
    expect(session.calls).to.deep.include(['retry', 'c-9']);
    expect($$(el, '.delivery').map((d) => d.getAttribute('aria-label'))).to.deep.equal([
      'Enviando',
      'No se envió',
    ]);
    buttonNamed(el, 'Descartar')!.click();
    await el.updateComplete;
    expect(session.calls).to.deep.include(['discard', 'c-10']);
    expect($$(el, '.row.mine')).to.have.length(1);
    await expect(el).to.be.accessible();
  });

  it('requires the capture form when no agent is online, with a message per field', async () => {
    const { el, session } = await mount({ agentsOnline: false, needsEmail: true });
    expect(textOf($(el, '.presence'))).to.contain('Le responderemos por correo');
    expect($(el, 'textarea')).to.equal(null);
    await expect(el).to.be.accessible();
    el.focus();
    const name = $<HTMLInputElement>(el, '#capture-name')!;
    const email = $<HTMLInputElement>(el, '#capture-email')!;
    expect(el.shadowRoot!.activeElement).to.equal(name);
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(textOf($(el, '#capture-name-error'))).to.equal('Escriba su nombre.');
    expect(textOf($(el, '#capture-email-error'))).to.equal('Escriba su correo electrónico.');
    expect(name.getAttribute('aria-invalid')).to.equal('true');
    expect(name.getAttribute('aria-describedby')).to.equal('capture-name-error');
    expect(el.shadowRoot!.activeElement).to.equal(name);
    await sendKeys({ type: 'Ana Torres' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: 'ana@correo' });
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect($(el, '#capture-name-error')).to.equal(null);
    expect(textOf($(el, '#capture-email-error'))).to.equal(
      'Escriba un correo válido, por ejemplo nombre@dominio.com.',
    );
    expect(el.shadowRoot!.activeElement).to.equal(email);
    await expect(el).to.be.accessible();
    await sendKeys({ type: '.pe' });
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => $(el, 'textarea'), 'composer shown');
    expect(session.calls).to.deep.include([
      'identify',
      { name: 'Ana Torres', email: 'ana@correo.pe' },
    ]);
    expect(textOf($(el, '.saved'))).to.contain('ana@correo.pe');
    expect(el.shadowRoot!.activeElement).to.equal($(el, 'textarea'));
  });

  it('shows why identify failed', async () => {
    const { el } = await mount(
      { agentsOnline: false, needsEmail: true },
      { identify: () => Promise.reject(new Error('Servidor no disponible')) },
    );
    $<HTMLInputElement>(el, '#capture-name')!.value = 'Ana';
    $<HTMLInputElement>(el, '#capture-email')!.value = 'ana@correo.pe';
    $<HTMLFormElement>(el, 'form')!.requestSubmit();
    await waitUntil(() => $(el, 'form [role=alert]'), 'error shown');
    expect(textOf($(el, 'form [role=alert]'))).to.contain('Servidor no disponible');
    expect($(el, 'textarea')).to.equal(null);
  });

  it('offers a dismissible capture card when agents are online', async () => {
    const { el, session } = await mount();
    expect(textOf($(el, '#capture-title'))).to.equal('Déjenos su correo por si nos desconectamos');
    expect($(el, 'textarea')).to.not.equal(null);
    expect($(el, '#capture-email')).to.equal(null);
    buttonNamed(el, 'Dejar mi correo')!.click();
    await waitUntil(() => el.shadowRoot!.activeElement === $(el, '#capture-name'), 'name focused');
    await sendKeys({ type: 'Ana' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: 'no-es-correo' });
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(textOf($(el, '#capture-email-error'))).to.contain('Escriba un correo válido');
    await expect(el).to.be.accessible();
    buttonNamed(el, 'Ahora no')!.click();
    await el.updateComplete;
    expect($(el, 'form')).to.equal(null);
    session.set({ visitor: { ...session.state.visitor!, email: 'a@b.pe' } });
    await el.updateComplete;
    expect($(el, 'form')).to.equal(null);
  });

  it('shows the offline banner and queues messages', async () => {
    const { el, session } = await mount({ status: 'offline', agentsOnline: false });
    expect(textOf($(el, '.offline[role=status]'))).to.equal(
      'Sin conexión. Enviaremos sus mensajes al volver.',
    );
    const area = $<HTMLTextAreaElement>(el, 'textarea')!;
    area.focus();
    await sendKeys({ type: 'Sigo aquí' });
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect($$(el, '.delivery').map((d) => d.getAttribute('aria-label'))).to.deep.equal([
      'Enviando',
    ]);
    session.set({ status: 'ready' });
    await el.updateComplete;
    expect($(el, '.offline')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('shows loading, error with retry and the storage note', async () => {
    const { el, session } = await mount({ status: 'loading' });
    expect($(el, '.skeleton[aria-busy=true]')).to.not.equal(null);
    expect($(el, '[role=log]')).to.equal(null);
    await expect(el).to.be.accessible();
    session.set({ status: 'error', error: 'Campaña desactivada' });
    await el.updateComplete;
    expect(textOf($(el, '.error[role=alert]'))).to.contain('Campaña desactivada');
    buttonNamed(el, 'Reintentar')!.click();
    expect(session.calls).to.deep.include(['start']);
    session.set({ status: 'ready', persistent: false });
    await el.updateComplete;
    expect(textOf($(el, '.note'))).to.equal('El historial no se guardará en este dispositivo');
  });

  it('shows the agent typing indicator politely', async () => {
    const { el, session } = await mount();
    expect($(el, '.typing')).to.equal(null);
    session.set({ agentTyping: { name: 'Lucía' } });
    await el.updateComplete;
    const typing = $(el, '.typing')!;
    expect(typing.getAttribute('role')).to.equal('status');
    expect(textOf(typing)).to.equal('Lucía está escribiendo…');
    await expect(el).to.be.accessible();
  });

  it('loads older messages at the top and keeps the reading position', async () => {
    const { el, session } = await mount({ messages: scriptedHistory(40, 0, 40), hasMore: true });
    session.older = [scriptedHistory(40, 800, 0)];
    const log = $(el, '[role=log]')!;
    expect(log.scrollTop).to.be.greaterThan(0);
    expect(log.scrollHeight - log.scrollTop - log.clientHeight).to.be.lessThan(2);
    const anchor = $(el, '[data-id=c-m-40]')!;
    log.scrollTop = 0;
    await waitUntil(() => session.calls.some((c) => c[0] === 'loadOlder'), 'loadOlder called');
    await waitUntil(() => $$(el, '.row').length === 80, 'older rendered');
    await el.updateComplete;
    expect(log.scrollTop).to.be.greaterThan(100);
    const top = anchor.getBoundingClientRect().top - log.getBoundingClientRect().top;
    expect(top).to.be.within(-200, 200);
    expect(buttonNamed(el, 'Cargar mensajes anteriores')).to.equal(undefined);
  });

  it('refuses files outside the campaign limits and sends uploaded ones', async () => {
    const { el, session } = await mount();
    const input = $<HTMLInputElement>(el, 'input[type=file]')!;
    expect(input.accept).to.contain('.pdf');
    const pick = (...files: File[]) => {
      const transfer = new DataTransfer();
      for (const file of files) transfer.items.add(file);
      input.files = transfer.files;
      input.dispatchEvent(new Event('change'));
    };
    pick(new File(['x'], 'virus.exe'));
    await el.updateComplete;
    expect(textOf($(el, '.notice[role=alert]'))).to.match(/^No se admiten archivos \.exe/);
    const big = new File([new Uint8Array(11 * 1024 * 1024)], 'grande.pdf');
    pick(big);
    await el.updateComplete;
    expect(textOf($(el, '.notice'))).to.match(/«grande\.pdf» pesa 11 MB; el máximo es 10 MB\./);
    pick(new File(['%PDF-1.4'], 'factura.pdf', { type: 'application/pdf' }));
    await waitUntil(() => $(el, '.pending li') && !$(el, '.pending progress'), 'uploaded');
    expect(textOf($(el, '.pending .name'))).to.equal('factura.pdf');
    buttonNamed(el, 'Enviar')!.click();
    await el.updateComplete;
    expect(session.calls).to.deep.include(['send', '', ['att-1']]);
    expect($(el, '.pending')).to.equal(null);
  });

  it('loads the emoji picker on first click and inserts the emoji', async () => {
    const { el } = await mount();
    expect($(el, 'atento-emoji-button')).to.equal(null);
    const area = $<HTMLTextAreaElement>(el, 'textarea')!;
    area.value = 'Gracias ';
    area.setSelectionRange(8, 8);
    buttonNamed(el, 'Emoji')!.click();
    await waitUntil(() => $(el, 'atento-emoji-button'), 'emoji button loaded');
    const picker = el.shadowRoot!.querySelector('atento-emoji-button')!;
    await waitUntil(() => picker.open, 'picker opened', { timeout: 4000 });
    picker.dispatchEvent(
      new CustomEvent('emoji-pick', {
        detail: { unicode: '😀' },
        bubbles: true,
        composed: true,
        cancelable: true,
      }),
    );
    expect(area.value).to.equal('Gracias 😀');
    expect(el.shadowRoot!.activeElement).to.equal(area);
  });

  it('works by keyboard only and closes with Escape', async () => {
    const { el, session } = await mount({ messages: scriptedHistory(3) });
    buttonNamed(el, 'Cerrar el chat')!.focus();
    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.activeElement).to.equal($(el, '[role=log]'));
    // The links in the messages, then the offered capture card: "Dejar mi correo", "Ahora no".
    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.activeElement?.tagName).to.equal('A');
    await sendKeys({ press: 'Tab' });
    expect(textOf(el.shadowRoot!.activeElement)).to.equal('Dejar mi correo');
    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.activeElement?.getAttribute('aria-label')).to.equal('Ahora no');
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(el.shadowRoot!.activeElement).to.equal($(el, 'textarea'));
    await sendKeys({ type: 'Por teclado' });
    await sendKeys({ press: 'Enter' });
    expect(session.calls).to.deep.include(['send', 'Por teclado', []]);
    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.activeElement?.getAttribute('aria-label')).to.equal('Adjuntar archivo');
    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.activeElement?.getAttribute('aria-label')).to.equal('Emoji');
    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.activeElement?.getAttribute('aria-label')).to.equal('Enviar');
    const closed = oneEvent(el, 'chat-window-close');
    await sendKeys({ press: 'Escape' });
    await closed;
  });

  it('is accessible in dark mode', async () => {
    const { el } = await mount(
      { messages: scriptedHistory(6), agentTyping: { name: 'Lucía' }, status: 'offline' },
      {},
      'dark',
    );
    await expect(el).to.be.accessible();
  });

  it('fills a 360 px screen with the composer in view', async () => {
    await setViewport({ width: 360, height: 640 });
    const { el } = await mount({ messages: scriptedHistory(30) });
    // As the loader places it on phones: fixed, covering the dynamic viewport.
    el.parentElement!.style.cssText = 'position: fixed; inset: 0; width: 100%; height: 100dvh';
    await el.updateComplete;
    const box = el.getBoundingClientRect();
    expect(box.height).to.equal(640);
    expect(box.width).to.be.at.most(360);
    const dialog = $(el, '[role=dialog]')!;
    expect(getComputedStyle(dialog).borderRadius).to.equal('0px');
    const composer = $(el, '[part=composer]')!.getBoundingClientRect();
    expect(composer.bottom).to.be.at.most(box.bottom + 0.5);
    expect(composer.right).to.be.at.most(360);
    const area = $<HTMLTextAreaElement>(el, 'textarea')!;
    expect(parseFloat(getComputedStyle(area).fontSize)).to.be.at.least(16);
    // Never taller than the dynamic viewport, whatever the container says.
    el.parentElement!.style.height = '900px';
    expect(el.getBoundingClientRect().height).to.equal(640);
    await expect(el).to.be.accessible();
  });

  it('speaks English', async () => {
    const { el } = await mount({ status: 'offline', agentsOnline: false });
    el.locale = 'en';
    await el.updateComplete;
    expect(textOf($(el, '.presence'))).to.contain("We'll reply by email");
    expect(textOf($(el, '.offline'))).to.contain("You're offline");
  });
});
