import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys, sendMouse } from '@web/test-runner-commands';
import '../../src/components/internal/menu-button.js';
import type { AtentoMenuButton, MenuItem } from '../../src/components/internal/menu-button.js';
import { deepActiveElement } from '../../src/components/internal/atento-dialog.js';

const ITEMS: MenuItem[] = [
  { id: 'reply', label: 'Responder' },
  { id: 'replyAll', label: 'Responder a todos' },
  { id: 'forward', label: 'Reenviar' },
  { id: 'detail', label: 'Detalle' },
  { id: 'contact', label: 'Agregar contacto' },
  { id: 'block', label: 'Agregar a lista negra', danger: true },
];

async function mount(wrapperStyle = '') {
  const wrapper = await fixture<HTMLDivElement>(
    html`<div lang="es" style=${wrapperStyle}>
      <button id="before">antes</button>
      <atento-menu-button label="Más opciones" .items=${ITEMS}></atento-menu-button>
      <button id="after">después</button>
    </div>`,
  );
  const el = wrapper.querySelector('atento-menu-button')!;
  await el.updateComplete;
  return { el, wrapper };
}

const button = (el: AtentoMenuButton) => el.shadowRoot!.querySelector<HTMLButtonElement>('button')!;
const menu = (el: AtentoMenuButton) => el.shadowRoot!.querySelector<HTMLElement>('[role=menu]')!;
const items = (el: AtentoMenuButton) => [
  ...el.shadowRoot!.querySelectorAll<HTMLElement>('[role=menuitem]'),
];
const focusedId = () => deepActiveElement()?.id ?? '';
const isShown = (el: AtentoMenuButton) => menu(el).checkVisibility();

async function press(el: AtentoMenuButton, key: string) {
  await sendKeys({ press: key });
  await el.updateComplete;
}

describe('<atento-menu-button>', () => {
  it('renders an APG menu button with a visually hidden label', async () => {
    const { el } = await mount();
    const b = button(el);
    expect(b.getAttribute('aria-haspopup')).to.equal('menu');
    expect(b.getAttribute('aria-expanded')).to.equal('false');
    expect(b.getAttribute('aria-controls')).to.equal('menu');
    expect(b.textContent!.trim()).to.equal('Más opciones');
    expect(b.querySelector('svg')!.getAttribute('aria-hidden')).to.equal('true');
    expect(isShown(el)).to.equal(false);
    expect(items(el).map((i) => i.textContent!.trim())).to.deep.equal(ITEMS.map((i) => i.label));
    await expect(el).to.be.accessible();
  });

  it('opens by click, positions the menu under the button right-aligned, chooses by click', async () => {
    const { el } = await mount('padding: 200px 0 0 300px');
    button(el).click();
    await el.updateComplete;
    expect(button(el).getAttribute('aria-expanded')).to.equal('true');
    expect(isShown(el)).to.equal(true);
    expect(focusedId()).to.equal('item-0');
    const b = button(el).getBoundingClientRect();
    const m = menu(el).getBoundingClientRect();
    expect(Math.abs(m.right - b.right)).to.be.lessThan(2);
    expect(m.top).to.be.greaterThanOrEqual(b.bottom);
    await expect(el).to.be.accessible();

    const r = items(el)[3]!.getBoundingClientRect();
    const selected = oneEvent(el, 'atento-menu-select');
    await sendMouse({
      type: 'click',
      position: [Math.round(r.x + r.width / 2), Math.round(r.y + r.height / 2)],
    });
    const event = await selected;
    expect(event.detail).to.deep.equal({ id: 'detail' });
    expect(event.bubbles && event.composed).to.equal(true);
    await el.updateComplete;
    expect(isShown(el)).to.equal(false);
    expect(focusedId()).to.equal('button');
  });

  it('is operable by keyboard alone: arrows wrap, Home/End, typeahead, Enter chooses', async () => {
    const { el, wrapper } = await mount();
    wrapper.querySelector<HTMLButtonElement>('#before')!.focus();
    await press(el, 'Tab');
    expect(focusedId()).to.equal('button');
    await press(el, 'ArrowDown');
    expect(isShown(el)).to.equal(true);
    expect(focusedId()).to.equal('item-0');
    await press(el, 'ArrowUp');
    expect(focusedId()).to.equal('item-5');
    await press(el, 'ArrowDown');
    expect(focusedId()).to.equal('item-0');
    await press(el, 'End');
    expect(focusedId()).to.equal('item-5');
    await press(el, 'Home');
    expect(focusedId()).to.equal('item-0');
    // Roving tabindex: only the focused item is tabbable.
    expect(items(el).map((i) => i.tabIndex)).to.deep.equal([0, -1, -1, -1, -1, -1]);
    await press(el, 'd');
    expect(focusedId()).to.equal('item-3');
    await press(el, 'r');
    expect(focusedId()).to.equal('item-0');
    await press(el, 'r');
    expect(focusedId()).to.equal('item-1');
    await expect(el).to.be.accessible();

    const selected = oneEvent(el, 'atento-menu-select');
    await press(el, 'Enter');
    expect((await selected).detail.id).to.equal('replyAll');
    expect(isShown(el)).to.equal(false);
    expect(focusedId()).to.equal('button');
  });

  it('opens on the last item with ArrowUp; Space opens and chooses', async () => {
    const { el } = await mount();
    button(el).focus();
    await press(el, 'ArrowUp');
    expect(focusedId()).to.equal('item-5');
    await press(el, 'Escape');
    await press(el, ' ');
    expect(focusedId()).to.equal('item-0');
    const selected = oneEvent(el, 'atento-menu-select');
    await press(el, ' ');
    expect((await selected).detail.id).to.equal('reply');
  });

  it('Enter on the button opens on the first item', async () => {
    const { el } = await mount();
    button(el).focus();
    await press(el, 'Enter');
    expect(isShown(el)).to.equal(true);
    expect(focusedId()).to.equal('item-0');
  });

  it('Escape closes and returns focus to the button; Tab closes and moves on', async () => {
    const { el } = await mount();
    button(el).focus();
    await press(el, 'ArrowDown');
    await press(el, 'Escape');
    expect(isShown(el)).to.equal(false);
    expect(button(el).getAttribute('aria-expanded')).to.equal('false');
    expect(focusedId()).to.equal('button');

    await press(el, 'ArrowDown');
    expect(isShown(el)).to.equal(true);
    await press(el, 'Tab');
    expect(isShown(el)).to.equal(false);
    expect(focusedId()).to.equal('after');
  });

  it('closes on a click outside, and toggles on a second click of the button', async () => {
    const { el, wrapper } = await mount();
    button(el).click();
    await el.updateComplete;
    expect(isShown(el)).to.equal(true);
    const r = wrapper.querySelector('#before')!.getBoundingClientRect();
    await sendMouse({ type: 'click', position: [Math.round(r.x + 5), Math.round(r.y + 5)] });
    await el.updateComplete;
    expect(isShown(el)).to.equal(false);

    button(el).click();
    await el.updateComplete;
    expect(isShown(el)).to.equal(true);
    button(el).click();
    await el.updateComplete;
    expect(isShown(el)).to.equal(false);
  });

  it('is not clipped by a scrolling container (top layer) and renders above it', async () => {
    const wrapper = await fixture<HTMLDivElement>(
      html`<div
        style="overflow: hidden; height: 60px; width: 200px; position: relative; z-index: 1"
      >
        <atento-menu-button .items=${ITEMS}></atento-menu-button>
      </div>`,
    );
    const el = wrapper.querySelector('atento-menu-button')!;
    await el.updateComplete;
    button(el).click();
    await el.updateComplete;
    const last = items(el)[5]!.getBoundingClientRect();
    expect(last.bottom).to.be.greaterThan(wrapper.getBoundingClientRect().bottom);
    const hit = el.shadowRoot!.elementFromPoint(last.x + last.width / 2, last.y + last.height / 2);
    expect(hit?.id).to.equal('item-5');
    // The default label is localized.
    expect(button(el).textContent!.trim()).to.equal('More options');
    el.hide();
  });
});
