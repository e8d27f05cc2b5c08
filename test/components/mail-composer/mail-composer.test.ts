import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../../src/components/mail-composer/mail-composer.js';
import type { MailComposer } from '../../../src/components/mail-composer/mail-composer.js';
import type { RichEditor } from '../../../src/components/mail-composer/editor/rich-editor.js';
import type { RecipientField } from '../../../src/components/mail-composer/recipient-field.js';
import {
  createMemoryBackend,
  SEED_IDS,
  type MemoryBackend,
  type MemoryBackendOptions,
} from '../../../src/adapters/memory/index.js';
import type { AgentAdapter } from '../../../src/adapters/adapter.js';
import { provideAtento } from '../../../src/context/index.js';
import type { ComposeMode, Message } from '../../../src/model/index.js';

const JORGE = SEED_IDS.jorge;

const interactionOf = (messageId: string) => messageId.replace(/^msg-(\d+-\d+)-\d+$/, 'int-$1');

async function seedMessage(agent: AgentAdapter, id: string): Promise<Message> {
  const page = await agent.listMessages(interactionOf(id), { limit: 200 });
  const found = page.items.find((m) => m.id === id);
  if (!found) throw new Error(`no seed message ${id}`);
  return found;
}

interface Mounted {
  el: MailComposer;
  backend: MemoryBackend;
  agent: AgentAdapter;
  message: Message | undefined;
}

async function mount(
  mode: ComposeMode = 'reply',
  messageId: string | null = JORGE.latestMessageId,
  options: MemoryBackendOptions & { backend?: MemoryBackend } = {},
): Promise<Mounted> {
  const backend = options.backend ?? createMemoryBackend({ undoSendSeconds: 2, ...options });
  const agent = backend.agent('agent');
  const message = messageId ? await seedMessage(agent, messageId) : undefined;
  const wrapper = await fixture<HTMLDivElement>(html`<div lang="es"></div>`);
  provideAtento(wrapper, { agent });
  const el = document.createElement('mail-composer');
  el.conversationId = JORGE.conversationId;
  el.mode = mode;
  if (message) el.message = message;
  wrapper.append(el);
  await waitUntil(() => editorOf(el)?.getValue().text, 'composer filled', { timeout: 4000 });
  return { el, backend, agent, message };
}

const $ = <T extends Element = HTMLElement>(el: MailComposer, selector: string) =>
  el.shadowRoot!.querySelector<T & Element>(selector) as T | null;
const editorOf = (el: MailComposer) => $<RichEditor>(el, 'atento-rich-editor');
const field = (el: MailComposer, which: 'to' | 'cc' | 'bcc') =>
  $<RecipientField>(el, `atento-recipient-field.${which}`);
const addresses = (el: MailComposer, which: 'to' | 'cc' | 'bcc') =>
  field(el, which)?.entries.map((e) => e.address) ?? [];
const saveState = (el: MailComposer) => $(el, '[part=save-state]')!.textContent!.trim();
const problems = (el: MailComposer) => $(el, '[part=problems]')!.textContent!.replace(/\s+/g, ' ');

async function pressCtrlEnter() {
  await sendKeys({ down: 'Control' });
  await sendKeys({ press: 'Enter' });
  await sendKeys({ up: 'Control' });
}

/** Types at the end of the body, as a user would after clicking into it. */
async function typeInBody(el: MailComposer, text: string) {
  editorOf(el)!.focus();
  await sendKeys({ type: text });
}

describe('<mail-composer>', () => {
  afterEach(() => localStorage.clear());

  it('replies to the sender with a localized subject, the greeting and the signature', async () => {
    const { el, message } = await mount('reply');
    expect(addresses(el, 'to')).to.deep.equal([JORGE.address]);
    expect(field(el, 'cc')).to.equal(null, 'CC hidden until asked for');
    const subject = $<HTMLInputElement>(el, '[part=subject]')!.value;
    expect(subject).to.match(/^RE: /);
    expect(subject).not.to.match(/RE: (RE|Re):/i);
    expect(subject.replace(/^RE: /, '')).to.equal(
      message!.subject.replace(/^(re|rv|fwd?):\s*/gi, ''),
    );
    const text = editorOf(el)!.getValue().text;
    expect(text).to.match(/^Hola Jorge,/);
    expect(text).to.include('Saludos cordiales,');
    expect(text).to.include('Lucía');
    expect($(el, '[part=title]')!.textContent).to.include('Responder a');
    await expect(el).to.be.accessible();
  });

  it('reply all copies the other To and CC recipients, never the agent’s own addresses', async () => {
    const { el, message } = await mount('replyAll', JORGE.ccMessageId);
    expect(addresses(el, 'to')).to.deep.equal([message!.from.address]);
    const cc = addresses(el, 'cc');
    expect(cc.length).to.be.greaterThan(0);
    expect(cc).not.to.include('soporte@tiendaandina.pe');
    expect(cc).not.to.include(message!.from.address);
    expect(new Set(cc).size).to.equal(cc.length, 'no duplicates');
  });

  it('forward starts empty, carries the original block and its attachments, removable', async () => {
    const { el, message } = await mount('forward', JORGE.pdfMessageId);
    expect(addresses(el, 'to')).to.deep.equal([]);
    expect($<HTMLInputElement>(el, '[part=subject]')!.value).to.match(/^RV: /);
    const text = editorOf(el)!.getValue().text;
    expect(text).to.include('Mensaje reenviado');
    expect(text).to.include(`Asunto: ${message!.subject}`);
    const items = () => el.shadowRoot!.querySelector('atento-attachment-list')!.shadowRoot!;
    await waitUntil(() => items().querySelector('[part~=item]'), 'attachments listed');
    const names = [...items().querySelectorAll('[part~=item]')].map((i) => i.textContent);
    expect(names.join(' ')).to.include(message!.attachments[0]!.name);
    items().querySelector<HTMLButtonElement>('[part~=remove]')!.click();
    await waitUntil(() => !items().querySelector('[part~=item]'), 'attachment removed');
  });

  it('saves the draft a moment after typing stops and restores it when reopened', async () => {
    const { el, backend, agent } = await mount('reply');
    await typeInBody(el, 'Ya revisamos su pedido.');
    await waitUntil(() => /Guardado/.test(saveState(el)), 'saved state shown', { timeout: 4000 });
    const draft = await agent.getDraft({
      conversationId: JORGE.conversationId,
      mode: 'reply',
      inReplyToMessageId: JORGE.latestMessageId,
    });
    expect(draft?.text).to.include('Ya revisamos su pedido.');
    el.remove();
    const again = await mount('reply', JORGE.latestMessageId, { backend });
    expect(editorOf(again.el)!.getValue().text).to.include('Ya revisamos su pedido.');
  });

  it('a failed save is shown and retried, and the text survives a reload in storage', async () => {
    const { el, backend } = await mount('reply');
    backend.fault('offline');
    await typeInBody(el, 'Texto que no se pierde');
    await waitUntil(() => /No se guardó/.test(saveState(el)), 'failure shown', { timeout: 4000 });
    // A reload while the backend is still down: a new composer restores from local storage.
    el.remove();
    backend.fault(null);
    const again = await mount('reply', JORGE.latestMessageId, { backend });
    expect(editorOf(again.el)!.getValue().text).to.include('Texto que no se pierde');
    await waitUntil(() => /Guardado/.test(saveState(again.el)), 'saved again', { timeout: 4000 });
  });

  it('sends with Ctrl+Enter, shows the undo countdown, and Cancel restores the draft', async () => {
    const { el, agent } = await mount('reply', JORGE.latestMessageId, { undoSendSeconds: 30 });
    await typeInBody(el, 'Respuesta con arrepentimiento');
    await pressCtrlEnter();
    await waitUntil(() => $(el, '[part=countdown]'), 'countdown shown');
    expect($(el, '[part=countdown]')!.textContent).to.match(/Enviando en \d+ s/);
    const sent = await agent.listMessages(JORGE.latestInteractionId, { limit: 200 });
    expect(sent.items.at(-1)!.status).to.equal('scheduled');
    $<HTMLButtonElement>(el, '[part=undo]')!.click();
    await waitUntil(() => $(el, '[part=send]'), 'actions back');
    expect(editorOf(el)!.getValue().text).to.include('Respuesta con arrepentimiento');
    expect(addresses(el, 'to')).to.deep.equal([JORGE.address]);
    await expect(el).to.be.accessible();
  });

  it('commits when the window ends: mail-sent, then mail-close', async () => {
    const { el, agent } = await mount('reply', JORGE.latestMessageId, { undoSendSeconds: 0.5 });
    await typeInBody(el, 'Enviado de verdad');
    const sent = oneEvent(el, 'mail-sent');
    const closed = oneEvent(el, 'mail-close');
    $<HTMLButtonElement>(el, '[part=send]')!.click();
    const { detail } = await sent;
    expect(detail.message.text).to.include('Enviado de verdad');
    expect((await closed).detail.reason).to.equal('sent');
    await waitUntil(async () => {
      const page = await agent.listMessages(JORGE.latestInteractionId, { limit: 200 });
      return page.items.find((m) => m.id === detail.message.id)?.status === 'sent';
    }, 'committed by the adapter');
  });

  it('refuses to send without a recipient or with an invalid address, saying why', async () => {
    const { el } = await mount('forward', JORGE.pdfMessageId);
    $<HTMLButtonElement>(el, '[part=send]')!.click();
    await waitUntil(() => /Agregue al menos un destinatario/.test(problems(el)), 'no recipient');
    field(el, 'to')!.focus();
    await sendKeys({ type: 'no-es-un-correo@' });
    await sendKeys({ press: 'Enter' });
    $<HTMLButtonElement>(el, '[part=send]')!.click();
    await waitUntil(() => /Corrija las direcciones/.test(problems(el)), 'invalid address');
    expect($(el, '[part=countdown]')).to.equal(null);
  });

  it('keeps everything when the adapter is offline during send', async () => {
    const { el, backend } = await mount('reply');
    await typeInBody(el, 'Sin conexión');
    backend.fault('offline');
    $<HTMLButtonElement>(el, '[part=send]')!.click();
    await waitUntil(() => /No se envió/.test(problems(el)), 'send error shown');
    expect(editorOf(el)!.getValue().text).to.include('Sin conexión');
    expect($(el, '[part=send]')).not.to.equal(null);
    backend.fault(null);
  });

  it('inserts a quick reply from the toolbar and from /shortcut', async () => {
    const { el, agent } = await mount('reply');
    const replies = await agent.listQuickReplies();
    const withShortcut = replies.find((r) => r.shortcut)!;
    const button = $<HTMLButtonElement>(el, 'button[aria-controls=quick-replies]')!;
    button.click();
    const picker = await waitUntil(() => $(el, 'quick-replies'), 'picker open').then(() =>
      $(el, 'quick-replies'),
    );
    await waitUntil(() => picker!.shadowRoot?.querySelector('[role=option]'), 'replies listed');
    const select = oneEvent(el, 'quick-reply-select');
    (picker!.shadowRoot!.querySelector('[role=option]') as HTMLElement).click();
    await select;
    await waitUntil(() => !$(el, 'quick-replies'), 'picker closed');

    editorOf(el)!.focus();
    await sendKeys({ type: ` /${withShortcut.shortcut!.slice(0, 3)}` });
    await waitUntil(() => $(el, 'quick-replies'), 'slash opens the picker');
    await waitUntil(
      () => $(el, 'quick-replies')!.shadowRoot?.querySelector('[role=option]'),
      'filtered replies',
    );
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => !$(el, 'quick-replies'), 'inserted and closed');
    expect(editorOf(el)!.getValue().text).not.to.include(`/${withShortcut.shortcut!.slice(0, 3)}`);
  });

  it('refuses a forbidden file with the reason, and attaches an allowed one', async () => {
    const { el } = await mount('reply');
    const input = $<HTMLInputElement>(el, '#file-input')!;
    const transfer = new DataTransfer();
    transfer.items.add(new File(['MZ'], 'setup.exe', { type: 'application/octet-stream' }));
    transfer.items.add(new File(['hola'], 'notas.txt', { type: 'text/plain' }));
    input.files = transfer.files;
    input.dispatchEvent(new Event('change'));
    await waitUntil(() => /setup\.exe/.test(problems(el)), 'refusal shown');
    expect(problems(el)).to.match(/\.exe/);
    const list = el.shadowRoot!.querySelector('atento-attachment-list')!.shadowRoot!;
    await waitUntil(() => /notas\.txt/.test(list.textContent ?? ''), 'allowed file listed');
  });

  it('uploads an inline image into the body with its width kept in the HTML', async () => {
    const { el } = await mount('reply');
    const png = Uint8Array.from(
      atob(
        'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
      ),
      (c) => c.charCodeAt(0),
    );
    const input = $<HTMLInputElement>(el, '#image-input')!;
    const transfer = new DataTransfer();
    transfer.items.add(new File([png], 'logo.png', { type: 'image/png' }));
    input.files = transfer.files;
    input.dispatchEvent(new Event('change'));
    await waitUntil(() => editorOf(el)!.imageAttachmentIds().length === 1, 'image uploaded');
    expect(editorOf(el)!.getValue().html).to.match(/<img [^>]*src="[^"]+"/);
    expect(el.value.attachments.some((a) => a.inline)).to.equal(true);
  });

  it('“Delete message” asks first, then discards the draft and closes', async () => {
    const { el, agent } = await mount('reply');
    await typeInBody(el, 'Borrador para borrar');
    await waitUntil(() => /Guardado/.test(saveState(el)), 'saved', { timeout: 4000 });
    $<HTMLButtonElement>(el, '[part=discard]')!.click();
    const dialog = await waitUntil(() => $(el, 'atento-dialog[open]'), 'asks first').then(() =>
      $(el, 'atento-dialog[open]'),
    );
    const closed = oneEvent(el, 'mail-close');
    dialog!.querySelector<HTMLButtonElement>('.danger')!.click();
    expect((await closed).detail.reason).to.equal('discarded');
    const key = {
      conversationId: JORGE.conversationId,
      mode: 'reply' as const,
      inReplyToMessageId: JORGE.latestMessageId,
    };
    expect(await agent.getDraft(key)).to.equal(null);
  });

  it('can be driven by keyboard alone from the To field to Send', async () => {
    const { el } = await mount('forward', JORGE.pdfMessageId, { undoSendSeconds: 30 });
    field(el, 'to')!.focus();
    await sendKeys({ type: 'carmen@example.pe' });
    await sendKeys({ press: 'Tab' });
    expect(addresses(el, 'to')).to.deep.equal(['carmen@example.pe']);
    await pressCtrlEnter();
    await waitUntil(() => $(el, '[part=countdown]'), 'countdown');
    expect($(el, '[part=undo]')).not.to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('the value property holds the message, and readonly hides the actions', async () => {
    const { el } = await mount('reply');
    expect(el.value.to).to.deep.equal([{ name: 'Jorge Taype', address: JORGE.address }]);
    el.readonly = true;
    await el.updateComplete;
    expect($(el, '[part=actions]')).to.equal(null);
    await expect(el).to.be.accessible();
  });
});
