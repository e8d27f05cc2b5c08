import { aTimeout, expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys, sendMouse } from '@web/test-runner-commands';
import '../../../src/components/mail-composer/recipient-field.js';
import type {
  RecipientEntry,
  RecipientField,
  RecipientFieldSuggestion,
} from '../../../src/components/mail-composer/recipient-field.js';
import { deepActiveElement } from '../../../src/components/internal/atento-dialog.js';

const CONTACTS: RecipientFieldSuggestion[] = [
  { name: 'Ana Pérez', address: 'ana@tienda.pe', contactId: 'c1' },
  { name: 'Anabel Ríos', address: 'anabel@rios.pe', contactId: 'c2' },
  { address: 'soporte.ana@proveedor.com' },
];

/** A fake contact search: records every call; each resolves or rejects when the test says so. */
class FakeSearch {
  calls: Array<{
    query: string;
    signal: AbortSignal;
    resolve: (r: RecipientFieldSuggestion[]) => void;
    reject: (e: unknown) => void;
  }> = [];

  /** Resolve every call at once with the matching contacts. */
  auto = false;

  readonly fn = (query: string, signal: AbortSignal) =>
    new Promise<RecipientFieldSuggestion[]>((resolve, reject) => {
      this.calls.push({ query, signal, resolve, reject });
      signal.addEventListener('abort', () =>
        reject(new DOMException('The search was aborted.', 'AbortError')),
      );
      if (this.auto) resolve(FakeSearch.matching(query));
    });

  static matching(query: string) {
    const q = query.toLowerCase();
    return CONTACTS.filter((c) => `${c.name ?? ''} ${c.address}`.toLowerCase().includes(q));
  }

  get last() {
    return this.calls[this.calls.length - 1]!;
  }
}

async function mount(
  options: {
    entries?: RecipientEntry[];
    search?: FakeSearch;
    locale?: string;
    readonly?: boolean;
    disabled?: boolean;
  } = {},
) {
  const search = options.search ?? Object.assign(new FakeSearch(), { auto: true });
  const wrapper = await fixture<HTMLDivElement>(html`
    <div style="inline-size: 32rem; padding: 8px">
      <atento-recipient-field
        label=${options.locale === 'es' ? 'Para' : 'To'}
        locale=${options.locale ?? 'en'}
        .entries=${options.entries ?? []}
        .search=${search.fn}
        ?readonly=${options.readonly}
        ?disabled=${options.disabled}
      ></atento-recipient-field>
      <button id="after">Subject</button>
    </div>
  `);
  const el = wrapper.querySelector('atento-recipient-field')!;
  await el.updateComplete;
  const changes: RecipientEntry[][] = [];
  el.addEventListener('recipients-change', (e) => changes.push(e.detail.entries));
  return { el, search, wrapper, changes };
}

const $ = (el: RecipientField, selector: string) =>
  el.shadowRoot!.querySelector<HTMLElement>(selector);
const $$ = (el: RecipientField, selector: string) => [
  ...el.shadowRoot!.querySelectorAll<HTMLElement>(selector),
];
const input = (el: RecipientField) => $(el, '#input') as HTMLInputElement;
const chips = (el: RecipientField) =>
  $$(el, '[part~=chip-label]').map((c) => c.textContent!.trim());
const options = (el: RecipientField) => $$(el, '[role=option]');
const focusedId = () => deepActiveElement()?.id ?? '';
const text = (el: RecipientField, selector: string) => $(el, selector)?.textContent?.trim() ?? '';

async function type(el: RecipientField, keys: string) {
  input(el).focus();
  await sendKeys({ type: keys });
  await el.updateComplete;
}

async function press(el: RecipientField, key: string) {
  await sendKeys({ press: key });
  await el.updateComplete;
}

async function click(target: HTMLElement) {
  const r = target.getBoundingClientRect();
  await sendMouse({
    type: 'click',
    position: [Math.round(r.x + r.width / 2), Math.round(r.y + r.height / 2)],
  });
}

async function suggestionsShown(el: RecipientField) {
  await waitUntil(() => options(el).length > 0, 'suggestions shown');
  await el.updateComplete;
}

function paste(el: RecipientField, clip: string) {
  const data = new DataTransfer();
  data.setData('text/plain', clip);
  const event = new ClipboardEvent('paste', {
    clipboardData: data,
    bubbles: true,
    cancelable: true,
    composed: true,
  });
  input(el).dispatchEvent(event);
  return event;
}

describe('<atento-recipient-field>', () => {
  it('is a labelled APG combobox with a listbox popup', async () => {
    const { el } = await mount({ entries: [{ name: 'Ana Pérez', address: 'ana@tienda.pe' }] });
    const box = input(el);
    expect(box.getAttribute('role')).to.equal('combobox');
    expect(box.getAttribute('aria-autocomplete')).to.equal('list');
    expect(box.getAttribute('aria-expanded')).to.equal('false');
    expect(el.shadowRoot!.getElementById(box.getAttribute('aria-controls')!)!.role).to.equal(
      'listbox',
    );
    expect(box.labels![0]!.textContent!.trim()).to.equal('To');
    const chip = $(el, '[part~=chip-label]')!;
    expect(chip.title).to.equal('Ana Pérez <ana@tienda.pe>');
    expect(chip.textContent!.replace(/\s+/g, ' ').trim()).to.equal('Ana Pérez <ana@tienda.pe>');
    expect($(el, '[part=chip-remove]')!.getAttribute('aria-label')).to.equal(
      'Remove Ana Pérez <ana@tienda.pe>',
    );
    await expect(el).to.be.accessible();
  });

  it('searches once, debounced, with the final query, aborting the previous search', async () => {
    const search = new FakeSearch();
    const { el } = await mount({ search });
    await type(el, 'an');
    await waitUntil(() => search.calls.length === 1, 'first search');
    expect(search.calls[0]!.query).to.equal('an');
    const first = search.calls[0]!;

    await type(el, 'a');
    expect(first.signal.aborted).to.equal(true);
    await waitUntil(() => search.calls.length === 2, 'second search');
    expect(search.calls[1]!.query).to.equal('ana');
    // A late answer to the aborted search is never shown.
    first.resolve([{ name: 'Stale', address: 'stale@x.pe' }]);
    await aTimeout(20);
    expect(options(el)).to.have.length(0);

    search.calls[1]!.resolve(FakeSearch.matching('ana'));
    await suggestionsShown(el);
    expect(options(el).map((o) => o.textContent!.replace(/\s+/g, ' ').trim())).to.deep.equal([
      'Ana Pérez ana@tienda.pe',
      'Anabel Ríos anabel@rios.pe',
      'soporte.ana@proveedor.com',
    ]);
    expect(input(el).getAttribute('aria-expanded')).to.equal('true');
    expect($$(el, '[part=match]').map((m) => m.textContent)).to.include('Ana');
    expect(text(el, '.visually-hidden[role=status]')).to.equal('3 suggestions available');
    // Typing fast: one search per pause, not one per key.
    expect(search.calls).to.have.length(2);
    await expect(el).to.be.accessible();
  });

  it('picks with ArrowDown/ArrowUp (wrapping) and Enter', async () => {
    const { el, changes } = await mount();
    await type(el, 'ana');
    await suggestionsShown(el);
    const active = () => input(el).getAttribute('aria-activedescendant');
    expect(active()).to.equal(null);
    await press(el, 'ArrowDown');
    expect(active()).to.equal('option-0');
    await press(el, 'ArrowUp');
    expect(active()).to.equal('option-2');
    await press(el, 'ArrowDown');
    expect(active()).to.equal('option-0');
    await press(el, 'ArrowDown');
    expect(active()).to.equal('option-1');
    expect(options(el)[1]!.getAttribute('aria-selected')).to.equal('true');
    await expect(el).to.be.accessible();

    await press(el, 'Enter');
    expect(el.entries).to.deep.equal([{ name: 'Anabel Ríos', address: 'anabel@rios.pe' }]);
    expect(changes).to.deep.equal([el.entries]);
    expect(el.pendingText).to.equal('');
    expect(input(el).getAttribute('aria-expanded')).to.equal('false');
    expect(focusedId()).to.equal('input');
  });

  it('picks a suggestion by click, keeping focus in the input, and hides chosen ones', async () => {
    const { el } = await mount({ entries: [{ address: 'anabel@rios.pe' }] });
    await type(el, 'ana');
    await suggestionsShown(el);
    expect(options(el)).to.have.length(2);
    const picked = oneEvent(el, 'recipients-change');
    await click(options(el)[0]!);
    const { detail } = await picked;
    expect(detail.entries).to.deep.equal([
      { address: 'anabel@rios.pe' },
      { name: 'Ana Pérez', address: 'ana@tienda.pe' },
    ]);
    expect(focusedId()).to.equal('input');
    expect(chips(el)).to.have.length(2);
  });

  it('keeps free entry working when the search fails, saying suggestions are unavailable', async () => {
    const search = new FakeSearch();
    const { el } = await mount({ search });
    await type(el, 'nuevo@cliente.pe');
    await waitUntil(() => search.calls.length === 1);
    search.last.reject(new Error('offline'));
    await waitUntil(() => text(el, '.popup-status') !== '', 'error shown');
    expect(text(el, '.popup-status')).to.equal('Suggestions unavailable');
    await expect(el).to.be.accessible();
    await press(el, 'Enter');
    expect(el.entries).to.deep.equal([{ address: 'nuevo@cliente.pe' }]);
  });

  it('commits typed text with comma, semicolon, Tab (moving on) and blur', async () => {
    const { el, wrapper } = await mount();
    await type(el, 'uno@a.pe,');
    await type(el, 'Dos Díaz <DOS@b.pe>;');
    expect(el.entries).to.deep.equal([
      { address: 'uno@a.pe' },
      { name: 'Dos Díaz', address: 'dos@b.pe' },
    ]);
    // A comma inside a quoted name is part of the name.
    await type(el, '"Taype, Jorge" <j@x.pe>');
    expect(el.pendingText).to.equal('"Taype, Jorge" <j@x.pe>');
    await press(el, 'Tab');
    expect(el.entries[2]).to.deep.equal({ name: 'Taype, Jorge', address: 'j@x.pe' });
    expect(focusedId()).to.equal('after');

    await type(el, 'cuatro@d.pe');
    await click(wrapper.querySelector('#after')!);
    expect(el.entries.map((e) => e.address)).to.deep.equal([
      'uno@a.pe',
      'dos@b.pe',
      'j@x.pe',
      'cuatro@d.pe',
    ]);
    expect(chips(el)).to.deep.equal([
      'uno@a.pe',
      'Dos Díaz <dos@b.pe>',
      'Taype, Jorge <j@x.pe>',
      'cuatro@d.pe',
    ]);
  });

  it('flags invalid entries with a message and aria-invalid, and edits them on click', async () => {
    const { el } = await mount();
    await type(el, 'foo@');
    await press(el, 'Enter');
    expect(el.entries).to.deep.equal([{ address: 'foo@', invalid: true }]);
    expect($(el, '[part~=chip-invalid]')).to.not.equal(null);
    expect(text(el, '[part=error]')).to.equal('“foo@” is not a valid email address.');
    expect(input(el).getAttribute('aria-invalid')).to.equal('true');
    expect(input(el).getAttribute('aria-describedby')).to.contain('error');
    expect($(el, '[part~=chip-label]')!.getAttribute('aria-describedby')).to.contain('error');

    await type(el, 'hola;');
    expect(text(el, '[part=error]')).to.equal('2 addresses are not valid: foo@, hola');
    await expect(el).to.be.accessible();

    await click($$(el, '[part~=chip-label]')[0]!);
    await el.updateComplete;
    expect(el.pendingText).to.equal('foo@');
    expect(el.entries).to.deep.equal([{ address: 'hola', invalid: true }]);
    expect(focusedId()).to.equal('input');
    await sendKeys({ type: 'x.pe' });
    await press(el, 'Enter');
    expect(el.entries).to.deep.equal([{ address: 'hola', invalid: true }, { address: 'foo@x.pe' }]);
    expect(text(el, '[part=error]')).to.equal('“hola” is not a valid email address.');
  });

  it('edits an invalid chip reached from the keyboard with Enter', async () => {
    const { el } = await mount({
      entries: [{ address: 'a@x.pe' }, { address: 'x@', invalid: true }],
    });
    input(el).focus();
    await press(el, 'ArrowLeft');
    expect(focusedId()).to.equal('chip-1');
    expect($(el, '#chip-1')!.getAttribute('aria-describedby')).to.equal('error chip-hint-invalid');
    await press(el, 'Enter');
    await el.updateComplete;
    expect(el.entries).to.deep.equal([{ address: 'a@x.pe' }]);
    expect(el.pendingText).to.equal('x@');
    expect(focusedId()).to.equal('input');
  });

  it('removes the last chip with Backspace, focusing it first', async () => {
    const { el, changes } = await mount({
      entries: [{ address: 'a@x.pe' }, { name: 'Be', address: 'b@x.pe' }],
    });
    input(el).focus();
    await press(el, 'Backspace');
    expect(focusedId()).to.equal('chip-1');
    expect(el.entries).to.have.length(2);
    await press(el, 'Backspace');
    expect(el.entries).to.deep.equal([{ address: 'a@x.pe' }]);
    expect(changes).to.have.length(1);
    expect(focusedId()).to.equal('input');
    expect(text(el, '.visually-hidden[role=status]')).to.equal('Be <b@x.pe> removed');
  });

  it('moves between chips with the arrow keys and removes the focused one with Delete', async () => {
    const { el } = await mount({
      entries: [{ address: 'a@x.pe' }, { address: 'b@x.pe' }, { address: 'c@x.pe' }],
    });
    await type(el, 'zz');
    await press(el, 'ArrowLeft'); // caret not at the start: stays in the text
    expect(focusedId()).to.equal('input');
    await press(el, 'Home');
    await press(el, 'ArrowLeft');
    expect(focusedId()).to.equal('chip-2');
    await press(el, 'ArrowLeft');
    expect(focusedId()).to.equal('chip-1');
    await press(el, 'Delete');
    expect(el.entries.map((e) => e.address)).to.deep.equal(['a@x.pe', 'c@x.pe']);
    expect(focusedId()).to.equal('chip-1');
    // Moving onto the chips did not commit the typed text.
    expect(el.pendingText).to.equal('zz');
    await expect(el).to.be.accessible();
    await press(el, 'ArrowRight');
    expect(focusedId()).to.equal('input');
    // Removing the last chip (its element goes away) keeps the typed text too.
    await press(el, 'ArrowLeft');
    expect(focusedId()).to.equal('chip-1');
    await press(el, 'Backspace');
    expect(el.entries).to.deep.equal([{ address: 'a@x.pe' }]);
    expect(focusedId()).to.equal('input');
    expect(el.pendingText).to.equal('zz');
  });

  it('removes a chip with its remove button', async () => {
    const { el } = await mount({
      entries: [{ name: 'Ana Pérez', address: 'ana@tienda.pe' }, { address: 'b@x.pe' }],
    });
    const changed = oneEvent(el, 'recipients-change');
    await click($$(el, '[part=chip-remove]')[0]!);
    expect((await changed).detail.entries).to.deep.equal([{ address: 'b@x.pe' }]);
    await el.updateComplete;
    expect(chips(el)).to.deep.equal(['b@x.pe']);
    expect(focusedId()).to.equal('input');
  });

  it('adds 60 pasted addresses with junk between them, and says what it ignored', async () => {
    const { el } = await mount({ entries: [{ address: 'cliente0@tienda.pe' }] });
    const addresses = Array.from({ length: 60 }, (_, i) => `cliente${i}@tienda.pe`);
    const junk = ['hola', 'y', '—', 'xx', 'gracias', 'saludos', 'ok'];
    const clip = addresses
      .map((a, i) => {
        const sep = [', ', '; ', '\n', ' '][i % 4]!;
        const item =
          i === 7 ? `"Ana Pérez" <${a}>` : i === 8 ? `Juan Soto <${a.toUpperCase()}>` : a;
        return item + sep + (i % 9 === 4 ? `${junk[(i / 9) | 0]} ` : '');
      })
      .join('');
    const withBroken = `${clip}, roto@, @nadie\n`;
    const changed = oneEvent(el, 'recipients-change');
    const event = paste(el, withBroken);
    expect(event.defaultPrevented).to.equal(true);
    await changed;
    await el.updateComplete;

    const valid = el.entries.filter((e) => !e.invalid);
    expect(valid.map((e) => e.address)).to.deep.equal(addresses);
    expect(valid[7]).to.deep.equal({ name: 'Ana Pérez', address: 'cliente7@tienda.pe' });
    expect(valid[8]).to.deep.equal({ name: 'Juan Soto', address: 'cliente8@tienda.pe' });
    expect(el.entries.filter((e) => e.invalid).map((e) => e.address)).to.deep.equal([
      'roto@',
      '@nadie',
    ]);
    expect(text(el, '[part=note]')).to.equal(
      'Added 59 addresses. 2 entries need correcting (marked in red). ' +
        'cliente0@tienda.pe is already in the list. ' +
        'Ignored 7 entries that are not addresses: hola, y, —, xx, gracias and 2 more',
    );
    expect(text(el, '[part=error]')).to.equal('2 addresses are not valid: roto@, @nadie');
    expect(el.pendingText).to.equal('');
    await expect(el).to.be.accessible();
  });

  it('turns one pasted address into a chip and leaves plain text to the input', async () => {
    const { el } = await mount();
    input(el).focus();
    expect(paste(el, 'Ana <ana@tienda.pe>').defaultPrevented).to.equal(true);
    await el.updateComplete;
    expect(el.entries).to.deep.equal([{ name: 'Ana', address: 'ana@tienda.pe' }]);
    expect(paste(el, 'Ana Pérez').defaultPrevented).to.equal(false);
    expect(paste(el, 'ana@').defaultPrevented).to.equal(false);
  });

  it('never adds a duplicate, and says so', async () => {
    const { el, changes } = await mount({ entries: [{ address: 'ana@tienda.pe' }] });
    await type(el, 'ANA@Tienda.pe');
    await press(el, 'Enter');
    expect(el.entries).to.have.length(1);
    expect(changes).to.have.length(0);
    expect(text(el, '[part=note]')).to.equal('ana@tienda.pe is already in the list.');
    paste(el, 'b@x.pe, B@X.pe ana@tienda.pe');
    await el.updateComplete;
    expect(el.entries.map((e) => e.address)).to.deep.equal(['ana@tienda.pe', 'b@x.pe']);
    expect(text(el, '[part=note]')).to.equal('Added 1 address. 2 were already in the list.');
  });

  it('closes the popup on Escape, then clears the input on a second Escape', async () => {
    const { el, wrapper } = await mount();
    let escapes = 0;
    wrapper.addEventListener('keydown', (e) => {
      if (e.key === 'Escape') escapes++;
    });
    await type(el, 'ana');
    await suggestionsShown(el);
    await press(el, 'ArrowDown');
    await press(el, 'Escape');
    expect(input(el).getAttribute('aria-expanded')).to.equal('false');
    expect(input(el).hasAttribute('aria-activedescendant')).to.equal(false);
    expect(el.pendingText).to.equal('ana');
    await press(el, 'Escape');
    expect(el.pendingText).to.equal('');
    expect(input(el).value).to.equal('');
    expect(escapes).to.equal(0);
    await press(el, 'Escape');
    expect(escapes).to.equal(1);
    expect(el.entries).to.deep.equal([]);
  });

  it('is read-only or disabled on request', async () => {
    const entries = [{ address: 'a@x.pe' }, { address: 'b@x.pe' }];
    const { el, search } = await mount({ entries, readonly: true });
    expect($$(el, '[part=chip-remove]')).to.have.length(0);
    expect(input(el).readOnly).to.equal(true);
    await type(el, 'ana');
    await press(el, 'Backspace');
    await aTimeout(200);
    expect(search.calls).to.have.length(0);
    expect(el.entries).to.equal(entries);
    await expect(el).to.be.accessible();

    el.readonly = false;
    el.disabled = true;
    await el.updateComplete;
    expect(input(el).disabled).to.equal(true);
    expect($$(el, '[part=chip-remove]')).to.have.length(0);
    expect($$(el, '[part~=chip-label]').every((b) => (b as HTMLButtonElement).disabled)).to.equal(
      true,
    );
    await expect(el).to.be.accessible();
  });

  it('commits on request and speaks Spanish', async () => {
    const { el } = await mount({ locale: 'es' });
    await type(el, 'ok@x.pe mal@');
    expect(el.pendingText).to.equal('ok@x.pe mal@');
    el.commitPending();
    await el.updateComplete;
    expect(el.entries).to.deep.equal([{ address: 'ok@x.pe' }, { address: 'mal@', invalid: true }]);
    expect(text(el, '[part=error]')).to.equal('«mal@» no es una dirección de correo válida.');
    expect($$(el, '[part=chip-remove]')[0]!.getAttribute('aria-label')).to.equal('Quitar ok@x.pe');
    await expect(el).to.be.accessible();
  });
});
