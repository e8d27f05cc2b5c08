import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/components/quick-replies/quick-replies.js';
import type { QuickReplies } from '../../src/components/quick-replies/quick-replies.js';
import {
  createMemoryBackend,
  createSeedData,
  SEED_IDS,
  type MemoryBackendOptions,
} from '../../src/adapters/memory/index.js';
import { provideAtento } from '../../src/context/index.js';
import type { QuickReply } from '../../src/model/index.js';

const JORGE = SEED_IDS.jorge.conversationId;

function backendWith(options: MemoryBackendOptions = {}) {
  return createMemoryBackend(options);
}

/** Renders the element inside a container that provides the adapter through context. */
async function mount(
  options: MemoryBackendOptions = {},
  attrs: { conversationId?: string; lang?: string; locale?: string } = {},
) {
  const backend = backendWith(options);
  const wrapper = await fixture<HTMLDivElement>(html`<div lang=${attrs.lang ?? 'es'}></div>`);
  provideAtento(wrapper, { agent: backend.agent('agent') });
  const el = document.createElement('quick-replies');
  if (attrs.conversationId) el.conversationId = attrs.conversationId;
  if (attrs.locale) el.locale = attrs.locale;
  wrapper.append(el);
  await waitUntil(
    () => options.latencyMs || options.seed || el.shadowRoot!.querySelector('[role=option]'),
    'replies rendered',
  );
  return { el, backend, wrapper };
}

const $ = (el: QuickReplies, selector: string) =>
  el.shadowRoot!.querySelector<HTMLElement>(selector);
const $$ = (el: QuickReplies, selector: string) => [
  ...el.shadowRoot!.querySelectorAll<HTMLElement>(selector),
];
const titles = (el: QuickReplies) =>
  $$(el, '[part~=option-title]').map((t) => t.textContent!.trim());
const activeOption = (el: QuickReplies) => {
  const id = $(el, '#search')!.getAttribute('aria-activedescendant');
  return id ? el.shadowRoot!.getElementById(id) : null;
};

async function type(el: QuickReplies, text: string) {
  el.focus();
  await sendKeys({ type: text });
  await el.updateComplete;
}

describe('<quick-replies>', () => {
  it('lists the replies from the context-provided adapter, grouped by category', async () => {
    const { el, backend } = await mount();
    const replies = await backend.agent('agent').listQuickReplies();
    expect($$(el, '[role=option]')).to.have.length(replies.length);
    const labels = $$(el, '[part=group-label]').map((g) => g.textContent!.trim());
    expect(labels).to.deep.equal([...new Set(replies.map((r) => r.category))]);
    expect($(el, '[part=header] [role=status]')!.textContent).to.equal(
      `${replies.length} respuestas`,
    );
    await expect(el).to.be.accessible();
  });

  it('filters by category from the dropdown', async () => {
    const { el, backend } = await mount();
    const replies = await backend.agent('agent').listQuickReplies();
    const category = replies[replies.length - 1]!.category;
    const select = $(el, 'select') as HTMLSelectElement;
    select.value = category;
    select.dispatchEvent(new Event('change'));
    await el.updateComplete;
    expect(titles(el)).to.deep.equal(
      replies.filter((r) => r.category === category).map((r) => r.title),
    );
    await expect(el).to.be.accessible();
  });

  it('searches accent-insensitively and by /shortcut, and says when nothing matches', async () => {
    const { el, backend } = await mount();
    const replies = await backend.agent('agent').listQuickReplies();
    const withShortcut = replies.find((r) => r.shortcut)!;
    await type(el, `/${withShortcut.shortcut!.slice(0, 3)}`);
    expect(titles(el)).to.include(withShortcut.title);
    expect(titles(el).length).to.equal(
      replies.filter((r) => r.shortcut?.startsWith(withShortcut.shortcut!.slice(0, 3))).length,
    );

    el.query = '';
    await el.updateComplete;
    const accented = replies.find((r) => /[áéíóúñ]/i.test(r.title))!;
    const plain = accented.title.normalize('NFD').replace(/\p{M}/gu, '').toUpperCase();
    await type(el, plain);
    expect(titles(el)).to.include(accented.title);

    el.query = 'zzzz nada';
    await el.updateComplete;
    expect($$(el, '[role=option]')).to.have.length(0);
    expect($(el, '[part=status]')!.textContent).to.contain(
      'Ninguna respuesta coincide con «zzzz nada»',
    );
    await expect(el).to.be.accessible();
  });

  it('is keyboard operable: arrows move the active option, Enter inserts the resolved text', async () => {
    const { el } = await mount({}, { conversationId: JORGE });
    const first = activeOption(el)!;
    expect(first.getAttribute('aria-selected')).to.equal('true');
    el.focus();
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    const second = activeOption(el)!;
    expect(second).to.not.equal(first);
    expect(second.getAttribute('aria-selected')).to.equal('true');
    expect(first.getAttribute('aria-selected')).to.equal('false');
    await sendKeys({ press: 'ArrowUp' });
    await el.updateComplete;
    expect(activeOption(el)).to.equal(first);

    await type(el, 'hola');
    await waitUntil(() => $(el, '[part~=preview-body]')?.textContent?.includes('Jorge'));
    const event = oneEvent(el, 'quick-reply-select');
    await sendKeys({ press: 'Enter' });
    const { detail } = await event;
    expect(detail.text).to.contain('Jorge');
    expect(detail.text).not.to.contain('{{');
    expect(detail.unknownTags).to.deep.equal([]);
  });

  it('takes Tab to the listbox, where Home/End jump and Enter chooses; the select keeps its keys', async () => {
    const { el } = await mount({}, { conversationId: JORGE });
    const options = $$(el, '[role=option]');
    el.focus();
    await sendKeys({ press: 'Tab' });
    const list = $(el, '[role=listbox]')!;
    expect(el.shadowRoot!.activeElement).to.equal(list);
    await sendKeys({ press: 'End' });
    await el.updateComplete;
    expect(list.getAttribute('aria-activedescendant')).to.equal(options[options.length - 1]!.id);
    await sendKeys({ press: 'Home' });
    await el.updateComplete;
    expect(list.getAttribute('aria-activedescendant')).to.equal(options[0]!.id);
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    expect(list.getAttribute('aria-activedescendant')).to.equal(options[1]!.id);

    list.focus();
    const chosen = oneEvent(el, 'quick-reply-select');
    await sendKeys({ press: 'Enter' });
    expect((await chosen).detail.reply.title).to.equal(
      options[1]!.querySelector('[part~=option-title]')!.textContent!.trim(),
    );

    // On the category select, arrows keep their native meaning: they pick the next category.
    const select = $(el, 'select') as HTMLSelectElement;
    select.focus();
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    expect(select.value).to.equal(select.options[1]!.value);
    expect(el.category).to.equal(select.value);
    const groups = $$(el, '[part=group-label]').map((g) => g.textContent!.trim());
    expect(groups).to.deep.equal([select.value]);
    await expect(el).to.be.accessible();
  });

  it('lists only the case campaign’s replies and resolves tags for that case', async () => {
    const { el, backend } = await mount(
      {},
      { conversationId: SEED_IDS.english.conversationId, lang: 'en' },
    );
    const agent = backend.agent('agent');
    const { id: campaignId } = await agent.campaign(SEED_IDS.english.conversationId);
    const expected = await agent.listQuickReplies({ campaignId });
    await waitUntil(() => $$(el, '[role=option]').length === expected.length, 'campaign replies');
    expect(titles(el)).to.have.members(expected.map((r) => r.title));
    expect(expected.length).to.be.lessThan((await agent.listQuickReplies()).length);
    await waitUntil(() => $(el, '[part~=tag-resolved]'));
    expect($(el, '[part~=preview-body]')!.textContent).not.to.contain('{{');

    el.personalization = { contact: { name: 'Ada Lovelace' } };
    await el.updateComplete;
    const withFirstName = expected.find((r) => r.body.includes('{{contact.first_name'))!;
    el.query = withFirstName.title;
    await el.updateComplete;
    expect($(el, '[part~=preview-body]')!.textContent).to.contain('Ada');
    await expect(el).to.be.accessible();
  });

  it('inserts at the caret of the `for` target unless the event is cancelled', async () => {
    const backend = backendWith();
    const wrapper = await fixture<HTMLDivElement>(
      html`<div lang="es">
        <textarea id="reply">Buenas tardes. </textarea>
        <quick-replies for="reply" conversation-id=${JORGE}></quick-replies>
      </div>`,
    );
    const el = wrapper.querySelector('quick-replies')!;
    el.adapter = backend.agent('agent');
    await waitUntil(() => $(el, '[role=option]'));
    const textarea = wrapper.querySelector('textarea')!;
    textarea.setSelectionRange(textarea.value.length, textarea.value.length);

    const cancel = (e: Event) => e.preventDefault();
    el.addEventListener('quick-reply-select', cancel, { once: true });
    $(el, '[part~=insert-button]')!.click();
    expect(textarea.value).to.equal('Buenas tardes. ');

    await waitUntil(() => $(el, '[part~=preview-body]')?.textContent?.includes('Jorge'));
    const input = oneEvent(textarea, 'input');
    ($$(el, '[role=option]')[0] as HTMLElement).click();
    await input;
    expect(textarea.value.startsWith('Buenas tardes. ')).to.equal(true);
    expect(textarea.value.length).to.be.greaterThan('Buenas tardes. '.length);
    expect(textarea.value).not.to.contain('{{');
  });

  it('flags unknown and valueless tags in the preview and keeps unknown ones as written', async () => {
    const replies: QuickReply[] = [
      {
        id: 'qr-x',
        title: 'Seguimiento',
        category: 'Envíos',
        body: 'Hola {{contact.first_name}}, su guía es {{order.tracking_code}}. {{agent.name}}',
      },
      {
        id: 'qr-y',
        title: 'Saludo',
        category: 'Saludos',
        body: 'Hola {{contact.first_name|cliente}}.',
      },
    ];
    const { el } = await mount(
      { seed: { ...createSeedData(), quickReplies: replies } },
      { conversationId: SEED_IDS.anonymousChat.conversationId },
    );
    await waitUntil(() => $(el, '[part~=tag-unknown]'), 'unknown tag marked');
    expect($(el, '[part~=tag-unknown]')!.textContent).to.equal('{{order.tracking_code}}');
    expect($(el, '[part~=tag-missing]')!.textContent).to.equal('{{contact.first_name}}');
    const warnings = $(el, '[part=warnings]')!.textContent!;
    expect(warnings).to.contain('Etiqueta desconocida {{order.tracking_code}}');
    expect(warnings).to.contain('quedará vacío');
    await expect(el).to.be.accessible();

    const event = oneEvent(el, 'quick-reply-select');
    $(el, '[part~=insert-button]')!.click();
    const { detail } = await event;
    expect(detail.text).to.contain('{{order.tracking_code}}');
    expect(detail.unknownTags).to.deep.equal(['order.tracking_code']);
    expect(detail.missingTags).to.deep.equal(['contact.first_name']);

    el.query = 'Saludo';
    await el.updateComplete;
    expect($(el, '[part~=tag-fallback]')!.textContent).to.equal('cliente');
  });

  it('shows loading, then the adapter error with a retry that works', async () => {
    const backend = backendWith({ latencyMs: 150 });
    backend.fault('unavailable');
    const el = await fixture<QuickReplies>(html`<quick-replies lang="es"></quick-replies>`);
    el.adapter = backend.agent('agent');
    await el.updateComplete;
    expect($(el, '.loading[role=status]')?.textContent).to.contain('Cargando respuestas');
    await expect(el).to.be.accessible();

    await waitUntil(() => $(el, '[role=alert]'), 'error shown');
    expect($(el, '[role=alert]')!.textContent).to.contain('No se pudieron cargar');
    expect($(el, '[role=alert]')!.textContent).to.contain('no está disponible');
    await expect(el).to.be.accessible();

    backend.fault(null);
    $(el, '[part=retry-button]')!.click();
    await waitUntil(() => $(el, '[role=option]'), 'replies after retry');
    await waitUntil(() => !$(el, '[role=alert]'), 'no error left after retry');
    await expect(el).to.be.accessible();
  });

  it('says when there are no saved replies at all', async () => {
    const { el } = await mount({ seed: { ...createSeedData(), quickReplies: [] } });
    await waitUntil(() => $(el, '[part=status]:not(.loading)'));
    expect($(el, '[part=status]')!.textContent).to.contain('Aún no hay respuestas guardadas');
    await expect(el).to.be.accessible();
  });

  it('says when no adapter is connected', async () => {
    const el = await fixture<QuickReplies>(html`<quick-replies locale="en"></quick-replies>`);
    await waitUntil(() => $(el, '[role=alert]'));
    expect($(el, '[role=alert]')!.textContent).to.contain('No backend is connected');
  });

  it('follows the closest lang, and its own locale over it', async () => {
    const { el } = await mount({}, { lang: 'en-GB' });
    expect($(el, 'h2')!.textContent).to.equal('Quick replies');
    expect(($(el, '#search') as HTMLInputElement).placeholder).to.equal('Search replies');
    el.locale = 'es';
    await el.updateComplete;
    expect($(el, 'h2')!.textContent).to.equal('Respuestas rápidas');
    await expect(el).to.be.accessible();
  });

  it('Escape clears the search, then asks the host to dismiss', async () => {
    const { el } = await mount();
    await type(el, 'envio');
    expect(el.query).to.equal('envio');
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(el.query).to.equal('');
    const dismissed = oneEvent(el, 'quick-reply-dismiss');
    await sendKeys({ press: 'Escape' });
    await dismissed;
  });
});
