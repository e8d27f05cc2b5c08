import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../../src/components/agent-panel/reply/chat-composer.js';
import type { ChatComposer } from '../../../src/components/agent-panel/reply/chat-composer.js';
import {
  createMemoryBackend,
  SEED_IDS,
  type MemoryBackend,
} from '../../../src/adapters/memory/index.js';
import type { AgentAdapter } from '../../../src/adapters/adapter.js';
import { provideAtento } from '../../../src/context/index.js';

const CARLA = SEED_IDS.knownChat;

interface Mounted {
  el: ChatComposer;
  backend: MemoryBackend;
  agent: AgentAdapter;
  typing: boolean[];
}

/** The agent adapter, recording every `setTyping` call. */
function recordingTyping(agent: AgentAdapter, calls: boolean[]): AgentAdapter {
  return new Proxy(agent, {
    get(target, prop, receiver) {
      if (prop !== 'setTyping') return Reflect.get(target, prop, receiver) as unknown;
      const setTyping: AgentAdapter['setTyping'] = (id, on, options) => {
        calls.push(on);
        return target.setTyping(id, on, options);
      };
      return setTyping;
    },
  });
}

async function mount(
  options: { backend?: MemoryBackend; property?: boolean } = {},
): Promise<Mounted> {
  const backend = options.backend ?? createMemoryBackend();
  const typing: boolean[] = [];
  const agent = recordingTyping(backend.agent('agent'), typing);
  const wrapper = await fixture<HTMLDivElement>(
    html`<div lang="es" style="width: 640px; padding-top: 420px"></div>`,
  );
  const el = document.createElement('atento-chat-composer');
  if (options.property) el.adapter = agent;
  else provideAtento(wrapper, { agent });
  el.conversationId = CARLA.conversationId;
  wrapper.append(el);
  await el.updateComplete;
  await waitUntil(() => areaOf(el) && !areaOf(el).disabled, 'composer ready');
  // The draft and campaign load: wait until the send button reflects a settled composer.
  await new Promise((r) => setTimeout(r, 20));
  return { el, backend, agent, typing };
}

const $ = <T extends Element = HTMLElement>(root: Element, selector: string) =>
  root.shadowRoot!.querySelector(selector) as T | null;
const areaOf = (el: ChatComposer) => $<HTMLTextAreaElement>(el, 'textarea')!;

async function chatTexts(agent: AgentAdapter): Promise<string[]> {
  const detail = await agent.getConversation(CARLA.conversationId);
  const chat = detail.interactions.find((i) => i.channel === 'chat')!;
  return (await agent.listMessages(chat.id, { limit: 200 })).items.map((m) => m.text);
}

describe('<atento-chat-composer>', () => {
  afterEach(() => localStorage.clear());

  it('Shift+Enter starts a new line, Enter sends; the field grows up to six lines', async () => {
    const { el, agent } = await mount();
    const area = areaOf(el);
    area.focus();
    const oneLine = area.offsetHeight;
    await sendKeys({ type: 'Hola' });
    await sendKeys({ down: 'Shift' });
    await sendKeys({ press: 'Enter' });
    await sendKeys({ up: 'Shift' });
    await sendKeys({ type: 'segunda línea' });
    expect(area.value).to.equal('Hola\nsegunda línea');
    expect(await chatTexts(agent)).not.to.include('Hola\nsegunda línea');
    await el.updateComplete;
    expect(area.offsetHeight).to.be.greaterThan(oneLine);
    for (let i = 0; i < 8; i++) {
      await sendKeys({ down: 'Shift' });
      await sendKeys({ press: 'Enter' });
      await sendKeys({ up: 'Shift' });
      await sendKeys({ type: `línea ${i}` });
    }
    await el.updateComplete;
    const lineHeight = parseFloat(getComputedStyle(area).lineHeight);
    expect(area.offsetHeight).to.be.at.most(Math.ceil(lineHeight * 6 + 20), 'six lines at most');
    expect(area.scrollHeight).to.be.greaterThan(area.clientHeight, 'then it scrolls');
    const sent = oneEvent(el, 'reply-sent');
    await sendKeys({ press: 'Enter' });
    const { detail } = await sent;
    expect(detail.message.text.split('\n')).to.have.length(10);
    expect(area.value).to.equal('');
    await el.updateComplete;
    expect(area.offsetHeight).to.equal(oneLine, 'back to one line');
    await expect(el).to.be.accessible();
  });

  it('`/` opens the saved replies; the keyboard picks one and it replaces the /word', async () => {
    // The adapter given as a property reaches the picker too (no context provided here).
    const { el } = await mount({ property: true });
    const area = areaOf(el);
    area.focus();
    await sendKeys({ type: 'Buenos días. /envi' });
    const picker = () => $(el, 'quick-replies');
    await waitUntil(
      () => picker()?.shadowRoot?.querySelector('[role=option]'),
      'filtered replies shown',
      { timeout: 4000 },
    );
    expect(picker()!.shadowRoot!.querySelector('[role=option]')!.textContent).to.include(
      'Plazos de envío',
    );
    expect(document.activeElement === el && el.shadowRoot!.activeElement === area).to.equal(
      true,
      'focus stays in the field',
    );
    await expect(el).to.be.accessible();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => !picker(), 'picker closed');
    expect(area.value).to.match(/^Buenos días\. Los envíos a Lima demoran/);
    expect(area.value).to.include(`a ${CARLA.address}.`, 'personalization resolved');
    expect(area.value).not.to.include('/envi');
  });

  it('Escape closes the `/` picker and keeps the text; a slash inside a word is text', async () => {
    const { el } = await mount();
    const area = areaOf(el);
    area.focus();
    await sendKeys({ type: '/ho' });
    await waitUntil(() => $(el, 'quick-replies'), 'picker opened');
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !$(el, 'quick-replies'), 'picker closed');
    expect(area.value).to.equal('/ho');
    await sendKeys({ press: 'Backspace' });
    await sendKeys({ press: 'Backspace' });
    await sendKeys({ press: 'Backspace' });
    await sendKeys({ type: 'talla 1/2' });
    await el.updateComplete;
    expect($(el, 'quick-replies')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('the ⚡ button opens the saved replies and inserts at the caret', async () => {
    const { el } = await mount();
    const area = areaOf(el);
    area.focus();
    await sendKeys({ type: 'Hola. ' });
    $<HTMLButtonElement>(el, '[part=quick-replies-button]')!.click();
    const picker = () => $(el, 'quick-replies');
    await waitUntil(() => picker()?.shadowRoot?.querySelector('[role=option]'), 'replies shown', {
      timeout: 4000,
    });
    await waitUntil(() => picker()!.shadowRoot!.activeElement, 'search focused');
    await sendKeys({ type: 'reembolso' });
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => !picker(), 'picker closed');
    expect(area.value.startsWith('Hola. ')).to.equal(true);
    expect(area.value.length).to.be.greaterThan('Hola. '.length + 20);
    await expect(el).to.be.accessible();
  });

  it('an emoji goes in at the caret and focus stays in the field', async () => {
    const { el } = await mount();
    const area = areaOf(el);
    area.focus();
    await sendKeys({ type: 'Gracias' });
    area.setSelectionRange(0, 0);
    const button = $(el, 'atento-emoji-button')!;
    await customElements.whenDefined('atento-emoji-button');
    button.dispatchEvent(
      new CustomEvent('emoji-pick', {
        detail: { unicode: '🙂' },
        bubbles: true,
        composed: true,
        cancelable: true,
      }),
    );
    expect(area.value).to.equal('🙂Gracias');
    expect(el.shadowRoot!.activeElement === area).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('tells the visitor the agent is typing, at most every 3 s, and stops on send', async () => {
    const { el, typing } = await mount();
    areaOf(el).focus();
    await sendKeys({ type: 'Estoy revisando su pedido' });
    expect(typing).to.deep.equal([true], 'one signal for a burst of keystrokes');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => areaOf(el).value === '', 'sent');
    expect(typing).to.deep.equal([true, false]);
    await expect(el).to.be.accessible();
  });

  it('keeps the chat as a draft while typing, so a reload keeps it', async () => {
    const { el, backend, agent } = await mount();
    areaOf(el).focus();
    await sendKeys({ type: 'Borrador del chat' });
    await waitUntil(
      async () =>
        (await agent.getDraft({ conversationId: CARLA.conversationId, mode: 'chat' }))?.text ===
        'Borrador del chat',
      'draft saved',
      { timeout: 4000 },
    );
    el.remove();
    const again = await mount({ backend });
    await waitUntil(() => areaOf(again.el).value === 'Borrador del chat', 'draft restored');
    await expect(again.el).to.be.accessible();
  });

  it('shows the drop overlay while files are dragged over it and attaches the dropped ones', async () => {
    const { el } = await mount();
    const base = $(el, '[part=base]')!;
    const drag = (type: string, init: DragEventInit = {}) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File(['pedido TA-48790'], 'pedido.txt', { type: 'text/plain' }));
      const event = new DragEvent(type, {
        bubbles: true,
        cancelable: true,
        dataTransfer: transfer,
        ...init,
      });
      base.dispatchEvent(event);
      return event;
    };
    expect(drag('dragover').defaultPrevented).to.equal(true, 'accepts files');
    await el.updateComplete;
    expect($(el, '.drop-overlay')!.textContent!.trim()).to.equal(
      'Suelte los archivos para adjuntarlos',
    );
    drag('dragleave', { relatedTarget: areaOf(el) });
    await el.updateComplete;
    expect($(el, '.drop-overlay')).to.not.equal(null, 'still over the composer');
    drag('dragleave', { relatedTarget: document.body });
    await el.updateComplete;
    expect($(el, '.drop-overlay')).to.equal(null, 'left');
    drag('dragover');
    expect(drag('drop').defaultPrevented).to.equal(true);
    await el.updateComplete;
    expect($(el, '.drop-overlay')).to.equal(null, 'gone on drop');
    const list = () => $(el, 'atento-attachment-list')!.shadowRoot!;
    await waitUntil(() => /pedido\.txt/.test(list().textContent ?? ''), 'dropped file listed');
    el.disabled = true;
    await el.updateComplete;
    expect(drag('dragover').defaultPrevented).to.equal(false, 'not while disabled');
    await el.updateComplete;
    expect($(el, '.drop-overlay')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('sends files within the campaign limits and refuses the others with a reason', async () => {
    const { el, agent } = await mount();
    const input = $<HTMLInputElement>(el, '#file-input')!;
    expect(input.accept).to.include('.pdf');
    const transfer = new DataTransfer();
    transfer.items.add(new File(['MZ'], 'setup.exe', { type: 'application/octet-stream' }));
    transfer.items.add(new File(['pedido TA-48790'], 'pedido.txt', { type: 'text/plain' }));
    input.files = transfer.files;
    input.dispatchEvent(new Event('change'));
    await waitUntil(() => $(el, '[part=problems]')!.textContent!.includes('setup.exe'), 'refused');
    expect($(el, '[part=problems]')!.textContent).to.include('.exe');
    const list = () => $(el, 'atento-attachment-list')!.shadowRoot!;
    await waitUntil(() => list().querySelector('[part~=item-done]'), 'uploaded');
    const sent = oneEvent(el, 'reply-sent');
    $<HTMLButtonElement>(el, '[part=send]')!.click();
    const { detail } = await sent;
    expect(detail.message.attachments.map((a: { name: string }) => a.name)).to.deep.equal([
      'pedido.txt',
    ]);
    const detailNow = await agent.getConversation(CARLA.conversationId);
    const chat = detailNow.interactions.find((i) => i.channel === 'chat')!;
    const stored = (await agent.listMessages(chat.id, { limit: 200 })).items.find(
      (m) => m.id === detail.message.id,
    );
    expect(stored?.attachments.map((a) => a.name)).to.deep.equal(['pedido.txt'], 'in the thread');
    await el.updateComplete;
    expect(list().querySelector('[part~=item]')).to.equal(null, 'list emptied after send');
    await expect(el).to.be.accessible();
  });
});
