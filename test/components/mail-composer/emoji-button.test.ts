import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { resetMouse, sendKeys, sendMouse } from '@web/test-runner-commands';
import '../../../src/components/mail-composer/emoji-button.js';
import type { EmojiButton } from '../../../src/components/mail-composer/emoji-button.js';

async function clickAt(element: Element, dx?: number, dy?: number) {
  const r = element.getBoundingClientRect();
  await sendMouse({
    type: 'click',
    position: [Math.round(r.x + (dx ?? r.width / 2)), Math.round(r.y + (dy ?? r.height / 2))],
  });
}

async function mount(lang = 'es') {
  const wrapper = await fixture<HTMLDivElement>(
    html`<div lang=${lang} style="padding: 16px">
      <input aria-label="antes" />
      <atento-emoji-button></atento-emoji-button>
      <p>Texto fuera del selector</p>
    </div>`,
  );
  const el = wrapper.querySelector('atento-emoji-button')!;
  await el.updateComplete;
  return { el, wrapper };
}

const $ = (el: EmojiButton, s: string) => el.shadowRoot!.querySelector<HTMLElement>(s);
const button = (el: EmojiButton) => $(el, '[part=button]') as HTMLButtonElement;
const popover = (el: EmojiButton) => $(el, '[part=popover]')!;
const picker = (el: EmojiButton) => el.shadowRoot!.querySelector('emoji-picker');
const inPicker = (el: EmojiButton, s: string) =>
  picker(el)?.shadowRoot?.querySelector<HTMLElement>(s) ?? null;
/** The deepest focused element, through shadow roots. */
function deepActive(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}
const emojiLoaded = (el: EmojiButton) =>
  waitUntil(() => inPicker(el, '.tabpanel button.emoji'), 'emoji rendered', { timeout: 8000 });
/** Paths (no query) of the picker's files this page has fetched. */
const pickerResources = () =>
  performance
    .getEntriesByType('resource')
    .map((e) => new URL(e.name).pathname)
    .filter((n) => n.includes('emoji-picker-element'));

/** Opens with the keyboard: Tab from the input before it, then Enter. */
async function openByKeyboard(el: EmojiButton, wrapper: HTMLElement) {
  wrapper.querySelector('input')!.focus();
  await sendKeys({ press: 'Tab' });
  expect(el.shadowRoot!.activeElement).to.equal(button(el));
  await sendKeys({ press: 'Enter' });
  await waitUntil(() => inPicker(el, '#search') === deepActive(), 'focus in the search box', {
    timeout: 5000,
  });
}

describe('<atento-emoji-button>', () => {
  afterEach(() => resetMouse());

  // First: nothing of the picker may be loaded before the button is used.
  it('loads the picker only when first used, and only from this origin', async () => {
    const { el, wrapper } = await mount();
    await new Promise((r) => setTimeout(r, 50));
    expect(customElements.get('emoji-picker'), 'picker module not loaded').to.equal(undefined);
    expect(pickerResources()).to.deep.equal([]);
    expect(popover(el).matches(':popover-open')).to.equal(false);

    // Focusing the button loads the code early, not the data.
    wrapper.querySelector('input')!.focus();
    await sendKeys({ press: 'Tab' });
    await waitUntil(() => customElements.get('emoji-picker'), 'picker code preloaded on focus');
    expect(pickerResources().some((n) => n.endsWith('.json'))).to.equal(false);
    expect(el.open).to.equal(false);

    await openByKeyboard(el, wrapper);
    expect(popover(el).matches(':popover-open')).to.equal(true);
    expect(button(el).getAttribute('aria-expanded')).to.equal('true');
    await emojiLoaded(el);

    const loaded = pickerResources();
    expect(loaded.some((n) => n.endsWith('/emoji-picker-element/picker.js'))).to.equal(true);
    expect(loaded.some((n) => n.endsWith('/emoji-picker-element/i18n/es.js'))).to.equal(true);
    expect(loaded.some((n) => n.endsWith('/emoji-picker-element-data/es/cldr/data.json'))).to.equal(
      true,
    );
    const foreign = performance
      .getEntriesByType('resource')
      .map((e) => new URL(e.name))
      .filter((u) => u.origin !== location.origin);
    expect(
      foreign.map((u) => u.href),
      'no request to another origin',
    ).to.deep.equal([]);
    await expect(el).to.be.accessible();
  });

  it('is a labelled toolbar button opening a labelled non-modal dialog, in Spanish', async () => {
    const { el, wrapper } = await mount();
    const b = button(el);
    expect(b.getAttribute('aria-label')).to.equal('Insertar emoji');
    expect(b.getAttribute('aria-haspopup')).to.equal('dialog');
    expect(b.getAttribute('aria-expanded')).to.equal('false');
    await expect(el).to.be.accessible();

    await openByKeyboard(el, wrapper);
    const dialog = popover(el);
    expect(dialog.getAttribute('role')).to.equal('dialog');
    expect(dialog.getAttribute('aria-label')).to.equal('Elegir un emoji');
    expect(dialog.hasAttribute('aria-modal')).to.equal(false);
    const p = picker(el)!;
    expect(p.locale).to.equal('es');
    expect(new URL(p.dataSource).pathname).to.equal(
      '/node_modules/emoji-picker-element-data/es/cldr/data.json',
    );
    expect(inPicker(el, '#search')!.getAttribute('placeholder')).to.equal('Buscar');
    await emojiLoaded(el);
    expect(inPicker(el, '.tabpanel')!.getAttribute('aria-label')).to.equal('Emojis y emoticones');
    expect(inPicker(el, '#search-description')!.textContent).to.contain('presione');
    await expect(el).to.be.accessible();
  });

  it('searching and pressing Enter picks an emoji: emoji-pick, closed, focus back on the button', async () => {
    const { el, wrapper } = await mount();
    await openByKeyboard(el, wrapper);
    await emojiLoaded(el);
    await sendKeys({ type: 'gato' });
    await waitUntil(() => inPicker(el, '#search-results [role=option]'), 'results', {
      timeout: 5000,
    });
    const picked = oneEvent(el, 'emoji-pick');
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'Enter' });
    const { detail } = await picked;
    expect(detail.unicode).to.match(/\p{Extended_Pictographic}/u);
    await waitUntil(() => !popover(el).matches(':popover-open'), 'closed');
    expect(el.open).to.equal(false);
    expect(button(el).getAttribute('aria-expanded')).to.equal('false');
    expect(el.shadowRoot!.activeElement).to.equal(button(el));
  });

  it('clicking an emoji picks it', async () => {
    const { el } = await mount();
    await clickAt(button(el));
    await emojiLoaded(el);
    const emoji = inPicker(el, '.tabpanel button.emoji')!;
    const picked = oneEvent(el, 'emoji-pick');
    await clickAt(emoji);
    expect((await picked).detail.unicode).to.equal(emoji.textContent!.trim());
    expect(el.open).to.equal(false);
  });

  it('Escape closes and returns focus to the button; a first Escape clears a search', async () => {
    const { el, wrapper } = await mount();
    await openByKeyboard(el, wrapper);
    await sendKeys({ type: 'sol' });
    await sendKeys({ press: 'Escape' });
    expect(el.open, 'the first Escape clears the search').to.equal(true);
    expect((inPicker(el, '#search') as HTMLInputElement).value).to.equal('');
    await sendKeys({ press: 'Escape' });
    expect(el.open).to.equal(false);
    await el.updateComplete;
    expect(popover(el).matches(':popover-open')).to.equal(false);
    expect(el.shadowRoot!.activeElement).to.equal(button(el));

    // Reopening shows the same picker again.
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => inPicker(el, '#search') === deepActive(), 'focus in the search box');
  });

  it('a click outside closes it', async () => {
    const { el, wrapper } = await mount();
    await openByKeyboard(el, wrapper);
    await clickAt(wrapper.querySelector('p')!, 4, 4);
    expect(el.open).to.equal(false);
  });

  it('follows the locale: English labels, picker translation and data', async () => {
    const { el, wrapper } = await mount('en');
    expect(button(el).getAttribute('aria-label')).to.equal('Insert emoji');
    await openByKeyboard(el, wrapper);
    expect(popover(el).getAttribute('aria-label')).to.equal('Choose an emoji');
    expect(picker(el)!.locale).to.equal('en');
    expect(new URL(picker(el)!.dataSource).pathname).to.equal(
      '/node_modules/emoji-picker-element-data/en/cldr/data.json',
    );
    expect(inPicker(el, '#search')!.getAttribute('placeholder')).to.equal('Search');
    await emojiLoaded(el);
    await expect(el).to.be.accessible();
  });

  it('a dataSource property overrides the data URL', async () => {
    const { el, wrapper } = await mount('en');
    const url = new URL(
      '/node_modules/emoji-picker-element-data/en-gb/cldr/data.json',
      location.href,
    ).href;
    el.dataSource = url;
    await openByKeyboard(el, wrapper);
    expect(picker(el)!.dataSource).to.equal(url);
  });

  it('disabled: the button cannot open the picker', async () => {
    const { el } = await mount();
    el.disabled = true;
    await el.updateComplete;
    expect(button(el).disabled).to.equal(true);
    button(el).click();
    await el.updateComplete;
    expect(el.open).to.equal(false);
    await expect(el).to.be.accessible();
  });
});
