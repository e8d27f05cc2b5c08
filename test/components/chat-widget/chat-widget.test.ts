import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys, sendMouse } from '@web/test-runner-commands';
import '../../../src/components/chat-widget/chat-widget.js';
import type { ChatWidget } from '../../../src/components/chat-widget/chat-widget.js';
import { historyKey } from '../../../src/components/chat-widget/loader/keys.js';
import { createMemoryBackend, type MemoryBackend } from '../../../src/adapters/memory/index.js';
import type { VisitorMessage } from '../../../src/model/index.js';
import { chatReply } from '../../../src/model/index.js';

let counter = 0;
const unique = (prefix: string) => `${prefix}-${Date.now().toString(36)}-${++counter}`;

/** Resource URLs the page fetched so far that match `pattern`. */
const fetched = (pattern: RegExp) =>
  performance
    .getEntriesByType('resource')
    .map((e) => e.name)
    .filter((name) => pattern.test(name));

const launcher = (el: ChatWidget) => el.shadowRoot!.querySelector<HTMLButtonElement>('.launcher')!;
const windowOf = (el: ChatWidget) => el.shadowRoot!.querySelector('atento-chat-window');
const container = (el: ChatWidget) => el.shadowRoot!.querySelector<HTMLElement>('#window')!;

async function mount(
  attrs: { lang?: string; position?: string; brandColor?: string; icon?: string } = {},
  backend: MemoryBackend = createMemoryBackend(),
  deviceId = unique('device'),
) {
  const campaign = unique('campaign');
  // An agent is online, so the window offers the message box (no email required first).
  agentOnline(backend);
  const wrapper = await fixture<HTMLDivElement>(html`<div lang=${attrs.lang ?? 'es'}></div>`);
  const el = document.createElement('chat-widget');
  el.campaign = campaign;
  el.adapter = backend.visitor(deviceId);
  if (attrs.position) el.setAttribute('position', attrs.position);
  if (attrs.brandColor) el.setAttribute('brand-color', attrs.brandColor);
  if (attrs.icon) el.setAttribute('launcher-icon', attrs.icon);
  wrapper.append(el);
  return { el, backend, deviceId, campaign, wrapper };
}

const online = new WeakSet<MemoryBackend>();
function agentOnline(backend: MemoryBackend) {
  if (online.has(backend)) return;
  online.add(backend);
  backend.agent('agent').subscribe(() => {});
}

/** Opens the widget and waits for the window to render its composer. */
async function openAndWait(el: ChatWidget) {
  el.open();
  await waitUntil(() => windowOf(el)?.shadowRoot?.querySelector('textarea'), 'window rendered', {
    timeout: 4000,
  });
}

/** The visitor writes through the window's session, then an agent answers by chat. */
async function agentAnswers(backend: MemoryBackend, deviceId: string, text: string) {
  agentOnline(backend);
  const visitor = backend.visitor(deviceId);
  let conversationId = (await visitor.resume()).conversation?.id;
  if (!conversationId) {
    await visitor.send({ clientId: unique('c'), text: 'Hola' });
    conversationId = (await visitor.resume()).conversation!.id;
  }
  await backend.agent('agent').send(chatReply(conversationId, text, { clientId: unique('a') }));
}

afterEach(() => {
  for (const key of Object.keys(localStorage))
    if (key.includes('campaign-')) localStorage.removeItem(key);
});

describe('<chat-widget>', () => {
  // First on purpose: nothing else in this page has loaded the window or the session yet.
  it('loads neither the window nor the session before a hover or the first open', async function () {
    // The first request of the window module is compiled by the test server: slow on a busy machine.
    this.timeout(15_000);
    const { el } = await mount();
    expect(launcher(el)).to.be.instanceOf(HTMLButtonElement);
    expect(fetched(/chat-widget\/window\/chat-window/)).to.have.length(0);
    expect(fetched(/chat-widget\/session\/chat-session/)).to.have.length(0);
    expect(customElements.get('atento-chat-window')).to.equal(undefined);
    expect(container(el).hidden).to.equal(true);

    // Pointing at the launcher fetches the modules ahead of the click, without opening anything.
    const rect = launcher(el).getBoundingClientRect();
    await sendMouse({
      type: 'move',
      position: [Math.round(rect.x + rect.width / 2), Math.round(rect.y + rect.height / 2)],
    });
    await waitUntil(() => customElements.get('atento-chat-window'), 'window module preloaded', {
      timeout: 12_000,
    });
    expect(fetched(/chat-widget\/window\/chat-window/)).to.have.length.greaterThan(0);
    expect(fetched(/chat-widget\/session\/chat-session/)).to.have.length.greaterThan(0);
    expect(el.opened).to.equal(false);
    expect(windowOf(el)).to.equal(null);
    await sendMouse({ type: 'move', position: [0, 0] });

    const opened = oneEvent(el, 'chat-open');
    el.open();
    await opened;
    await waitUntil(() => windowOf(el), 'window mounted', { timeout: 4000 });
    expect(container(el).hidden).to.equal(false);
    await expect(el).to.be.accessible();
  });

  it('renders a launcher button with its name, aria-expanded and aria-controls', async () => {
    const { el } = await mount();
    const button = launcher(el);
    expect(button.getAttribute('aria-label')).to.equal('Abrir chat');
    expect(button.getAttribute('aria-expanded')).to.equal('false');
    const controlled = el.shadowRoot!.getElementById(button.getAttribute('aria-controls')!);
    expect(controlled).to.be.instanceOf(HTMLDivElement);
    expect(controlled!.getAttribute('part')).to.equal('window');
    expect(el.shadowRoot!.querySelector('[part=badge]')!.hasAttribute('hidden')).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('opens, closes and toggles with events, and honours a cancelled chat-open', async () => {
    const { el } = await mount();
    const events: string[] = [];
    el.addEventListener('chat-open', (e) => events.push(`${e.type}:${e.bubbles}:${e.composed}`));
    el.addEventListener('chat-close', (e) => events.push(e.type));

    el.toggle();
    expect(el.opened).to.equal(true);
    expect(launcher(el).getAttribute('aria-expanded')).to.equal('true');
    expect(launcher(el).getAttribute('aria-label')).to.equal('Cerrar chat');
    el.toggle();
    expect(el.opened).to.equal(false);
    el.close(); // already closed: no event
    expect(events).to.deep.equal(['chat-open:true:true', 'chat-close']);

    const veto = (e: Event) => e.preventDefault();
    el.addEventListener('chat-open', veto);
    el.open();
    expect(el.opened).to.equal(false);
    expect(container(el).hidden).to.equal(true);
    el.removeEventListener('chat-open', veto);

    await openAndWait(el);
    expect(windowOf(el)!.getAttribute('locale')).to.equal('es');
    await expect(el).to.be.accessible();
  });

  it('counts agent messages that arrive while closed, in the badge and the launcher name', async () => {
    const { el, backend, deviceId } = await mount();
    await openAndWait(el);
    el.close();
    const unread = oneEvent(el, 'chat-unread');
    const message = oneEvent(el, 'chat-message');
    await agentAnswers(backend, deviceId, 'Hola, soy Lucía. ¿En qué le ayudo?');
    expect(((await message) as CustomEvent<VisitorMessage>).detail.text).to.equal(
      'Hola, soy Lucía. ¿En qué le ayudo?',
    );
    expect(((await unread) as CustomEvent<{ count: number }>).detail).to.deep.equal({ count: 1 });
    const badge = el.shadowRoot!.querySelector<HTMLElement>('[part=badge]')!;
    expect(badge.hidden).to.equal(false);
    expect(badge.textContent).to.equal('1');
    expect(launcher(el).getAttribute('aria-label')).to.equal('Abrir chat, 1 mensaje sin leer');

    await agentAnswers(backend, deviceId, '¿Sigue ahí?');
    await waitUntil(() => el.unread === 2, 'second unread');
    expect(launcher(el).getAttribute('aria-label')).to.equal('Abrir chat, 2 mensajes sin leer');
    await expect(el).to.be.accessible();

    el.setLocale('en');
    expect(launcher(el).getAttribute('aria-label')).to.equal('Open chat, 2 unread messages');

    const cleared = oneEvent(el, 'chat-unread');
    el.open();
    expect(((await cleared) as CustomEvent<{ count: number }>).detail).to.deep.equal({ count: 0 });
    expect(badge.hidden).to.equal(true);
    expect(windowOf(el)!.getAttribute('locale')).to.equal('en');
  });

  it('starts the session at load when the device has history, without loading the window', async () => {
    const backend = createMemoryBackend();
    const deviceId = unique('device');
    await agentAnswers(backend, deviceId, 'Le escribimos por su pedido');
    const campaign = unique('campaign');
    localStorage.setItem(historyKey(location.origin, campaign), '1');
    const wrapper = await fixture<HTMLDivElement>(html`<div lang="en"></div>`);
    const el = document.createElement('chat-widget');
    el.adapter = backend.visitor(deviceId);
    el.campaign = campaign;
    wrapper.append(el);
    await waitUntil(() => el.unread === 1, 'history read at load');
    expect(launcher(el).getAttribute('aria-label')).to.equal('Open chat, 1 unread message');
    expect(windowOf(el)).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('queues identify() until the session exists', async () => {
    const { el, backend, deviceId } = await mount();
    let done = false;
    const identified = el
      .identify({ name: 'Ana Quispe', email: 'ana.quispe@example.pe' })
      .then(() => (done = true));
    await new Promise((r) => setTimeout(r, 50));
    expect(done).to.equal(false);
    el.open();
    await identified;
    const session = await backend.visitor(deviceId).resume();
    expect(session.visitor.email).to.equal('ana.quispe@example.pe');
    expect(session.visitor.name).to.equal('Ana Quispe');
  });

  it('keeps its session when moved in the page and stops it when removed', async () => {
    const { el, backend, deviceId, wrapper } = await mount();
    await openAndWait(el);
    const other = document.createElement('section');
    wrapper.append(other);
    other.append(el);
    await new Promise((r) => setTimeout(r));
    expect(windowOf(el)).to.be.instanceOf(HTMLElement);
    el.close();

    el.remove();
    await new Promise((r) => setTimeout(r));
    let events = 0;
    el.addEventListener('chat-message', () => events++);
    await agentAnswers(backend, deviceId, 'Nadie escucha ya');
    await new Promise((r) => setTimeout(r, 50));
    expect(events).to.equal(0);
    expect(windowOf(el)).to.equal(null);
  });

  it('uses the HTTP adapter for server-url and keeps working while the server is unreachable', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div lang="en"></div>`);
    const el = document.createElement('chat-widget');
    el.serverUrl = 'http://127.0.0.1:9';
    el.campaign = unique('campaign');
    wrapper.append(el);
    el.open();
    await waitUntil(() => windowOf(el)?.shadowRoot?.querySelector('[role=dialog]'), 'window', {
      timeout: 4000,
    });
    expect(fetched(/adapters\/http\/visitor/)).to.have.length.greaterThan(0);
    el.close();
    expect(launcher(el).getAttribute('aria-label')).to.equal('Open chat');
    el.remove();
  });

  it('opens with Enter and Space on the launcher; Escape returns focus to it', async () => {
    const { el } = await mount();
    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.activeElement).to.equal(launcher(el));
    await sendKeys({ press: 'Enter' });
    expect(el.opened).to.equal(true);
    await waitUntil(
      () => windowOf(el)?.shadowRoot?.activeElement?.tagName === 'TEXTAREA',
      'focus moves into the window',
      { timeout: 4000 },
    );
    const closed = oneEvent(el, 'chat-close');
    await sendKeys({ press: 'Escape' });
    await closed;
    expect(el.opened).to.equal(false);
    expect(el.shadowRoot!.activeElement).to.equal(launcher(el));

    await sendKeys({ press: 'Space' });
    expect(el.opened).to.equal(true);
    await waitUntil(
      () => windowOf(el)?.shadowRoot?.activeElement?.tagName === 'TEXTAREA',
      'focus moves into the window again',
    );
    await expect(el).to.be.accessible();
    await sendKeys({ press: 'Escape' });
    expect(el.shadowRoot!.activeElement).to.equal(launcher(el));
  });

  it('clicking the launcher toggles the window', async () => {
    const { el } = await mount();
    const rect = launcher(el).getBoundingClientRect();
    const at = {
      position: [Math.round(rect.x + rect.width / 2), Math.round(rect.y + rect.height / 2)] as [
        number,
        number,
      ],
    };
    await sendMouse({ type: 'click', ...at });
    expect(el.opened).to.equal(true);
    await sendMouse({ type: 'click', ...at });
    expect(el.opened).to.equal(false);
    await sendMouse({ type: 'move', position: [0, 0] });
  });

  it('sits at the chosen corner and takes the brand colour', async () => {
    const { el } = await mount({ position: 'bottom-left', brandColor: '#ffd400' });
    const rect = launcher(el).getBoundingClientRect();
    expect(rect.left).to.be.lessThan(40);
    expect(rect.width).to.equal(56);
    expect(window.innerHeight - rect.bottom).to.be.lessThan(40);
    const style = getComputedStyle(launcher(el));
    expect(style.backgroundColor).to.equal('rgb(255, 212, 0)');
    expect(style.color).to.equal('rgb(0, 0, 0)', 'dark icon on a light brand colour');

    el.position = 'bottom-right';
    el.brandColor = '#123456';
    const right = launcher(el).getBoundingClientRect();
    expect(window.innerWidth - right.right).to.be.lessThan(40);
    expect(getComputedStyle(launcher(el)).backgroundColor).to.equal('rgb(18, 52, 86)');
    expect(getComputedStyle(launcher(el)).color).to.equal('rgb(255, 255, 255)');

    el.brandColor = 'not a colour; background: red';
    expect(getComputedStyle(launcher(el)).backgroundColor).to.not.equal('rgb(18, 52, 86)');
    await expect(el).to.be.accessible();
  });

  it('shows the help icon or an image as the launcher icon', async () => {
    const { el } = await mount({ icon: 'help' });
    expect(launcher(el).querySelector('svg circle')).to.be.instanceOf(SVGCircleElement);
    el.launcherIcon = 'data:image/svg+xml,%3Csvg xmlns="http://www.w3.org/2000/svg"/%3E';
    const img = launcher(el).querySelector('img')!;
    expect(img.getAttribute('alt')).to.equal('');
    expect(img.src).to.match(/^data:image\/svg/);
    el.launcherIcon = 'javascript:alert(1)';
    expect(launcher(el).querySelector('img')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('is not broken by the page CSS, and writes nothing outside its shadow root', async () => {
    const style = document.createElement('style');
    style.textContent =
      '* { all: unset } button { display: none !important } chat-widget { display: none }';
    const headBefore = document.head.innerHTML;
    document.head.append(style);
    try {
      const { el } = await mount();
      expect(getComputedStyle(el).display).to.equal('none', 'the page hid the host on purpose');
      el.style.setProperty('display', 'inline', 'important');
      const button = launcher(el);
      const rect = button.getBoundingClientRect();
      expect(rect.width).to.equal(56);
      expect(rect.height).to.equal(56);
      expect(getComputedStyle(button).position).to.equal('fixed');
      expect(getComputedStyle(button).borderRadius).to.equal('50%');
      await openAndWait(el);
      expect(container(el).getBoundingClientRect().height).to.be.greaterThan(200);
      await expect(el).to.be.accessible();
    } finally {
      style.remove();
    }
    expect(document.head.innerHTML).to.equal(headBefore);
  });

  it('takes the whole screen under 480 px', async () => {
    const { el } = await mount();
    await openAndWait(el);
    const host = container(el);
    const wide = host.getBoundingClientRect();
    expect(wide.width).to.be.lessThan(400);
    const { setViewport } = await import('@web/test-runner-commands');
    await setViewport({ width: 375, height: 667 });
    try {
      const rect = host.getBoundingClientRect();
      expect(rect.width).to.equal(375);
      expect(rect.height).to.equal(667);
      expect(getComputedStyle(launcher(el)).display).to.equal('none');
      await expect(el).to.be.accessible();
    } finally {
      await setViewport({ width: 800, height: 600 });
    }
  });
});
