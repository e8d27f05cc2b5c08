import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys, sendMouse } from '@web/test-runner-commands';
import '../../src/components/internal/atento-dialog.js';
import {
  deepActiveElement,
  type AtentoDialog,
} from '../../src/components/internal/atento-dialog.js';

async function mount(
  body = html`<p>Cuerpo</p>
    <input id="first" aria-label="Nombre" /><button id="second">b</button>`,
) {
  const wrapper = await fixture<HTMLDivElement>(
    html`<div lang="es">
      <button id="opener">Abrir</button>
      <atento-dialog label="Detalle">
        ${body}
        <button slot="footer" id="ok">Aceptar</button>
      </atento-dialog>
    </div>`,
  );
  const el = wrapper.querySelector('atento-dialog')!;
  await el.updateComplete;
  const opener = wrapper.querySelector<HTMLButtonElement>('#opener')!;
  opener.focus();
  return { el, wrapper, opener };
}

const native = (el: AtentoDialog) => el.shadowRoot!.querySelector('dialog')!;
const focusedId = () => deepActiveElement()?.id ?? '';

describe('<atento-dialog>', () => {
  it('opens modally, labelled by its title, focusing the first focusable of the body', async () => {
    const { el } = await mount();
    expect(el.open).to.equal(false);
    await el.show();
    expect(el.open).to.equal(true);
    expect(el.hasAttribute('open')).to.equal(true);
    expect(native(el).matches(':modal')).to.equal(true);
    const title = el.shadowRoot!.getElementById(native(el).getAttribute('aria-labelledby')!)!;
    expect(title.tagName).to.equal('H2');
    expect(title.textContent).to.equal('Detalle');
    expect(focusedId()).to.equal('first');
    const close = el.shadowRoot!.querySelector('[part=close-button]')!;
    expect(close.getAttribute('aria-label')).to.equal('Cerrar');
    await expect(el).to.be.accessible();
  });

  it('prefers an [autofocus] element', async () => {
    const { el } = await mount(
      // eslint-disable-next-line lit-a11y/no-autofocus -- the dialog must honour it
      html`<input id="a" aria-label="a" /><input id="b" aria-label="b" autofocus />`,
    );
    await el.show();
    expect(focusedId()).to.equal('b');
    el.close();
  });

  it('focuses the close button when the body has nothing focusable', async () => {
    const { el } = await mount(html`<p>Solo texto</p>`);
    await el.show();
    expect(deepActiveElement()?.getAttribute('part')).to.equal('close-button');
    el.close();
  });

  it('Escape closes, fires atento-dialog-close and returns focus', async () => {
    const { el, opener } = await mount();
    await el.show();
    const closed = oneEvent(el, 'atento-dialog-close');
    await sendKeys({ press: 'Escape' });
    const event = await closed;
    expect(event.bubbles && event.composed).to.equal(true);
    expect(el.open).to.equal(false);
    expect(el.hasAttribute('open')).to.equal(false);
    expect(document.activeElement === opener).to.equal(true);
  });

  it('the close button closes by keyboard (Shift+Tab from the body, Enter)', async () => {
    const { el, opener } = await mount();
    await el.show();
    await sendKeys({ down: 'Shift' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ up: 'Shift' });
    expect(deepActiveElement()?.getAttribute('part')).to.equal('close-button');
    const closed = oneEvent(el, 'atento-dialog-close');
    await sendKeys({ press: 'Enter' });
    await closed;
    expect(document.activeElement === opener).to.equal(true);
  });

  it('a click on the backdrop closes; a click inside does not', async () => {
    const { el, opener } = await mount();
    await el.show();
    const r = native(el).getBoundingClientRect();
    await sendMouse({
      type: 'click',
      position: [Math.round(r.x + 20), Math.round(r.y + r.height / 2)],
    });
    expect(el.open).to.equal(true);
    const closed = oneEvent(el, 'atento-dialog-close');
    await sendMouse({ type: 'click', position: [5, 5] });
    await closed;
    expect(el.open).to.equal(false);
    expect(document.activeElement === opener).to.equal(true);
  });

  it('returns focus into a shadow root it came from', async () => {
    const host = await fixture<HTMLDivElement>(html`<div></div>`);
    const root = host.attachShadow({ mode: 'open' });
    root.innerHTML = '<button id="inner">x</button>';
    const inner = root.getElementById('inner')!;
    const dialog = document.createElement('atento-dialog');
    dialog.label = 'Hola';
    dialog.innerHTML = '<button>ok</button>';
    host.after(dialog);
    inner.focus();
    await dialog.show();
    dialog.close();
    await oneEvent(dialog, 'atento-dialog-close');
    expect(root.activeElement === inner).to.equal(true);
    dialog.remove();
  });

  it('shows the footer only when it has content', async () => {
    const { el } = await mount();
    await el.show();
    expect(el.shadowRoot!.querySelector('[part=footer]')!.classList.contains('empty')).to.equal(
      false,
    );
    el.close();
    const bare = await fixture<AtentoDialog>(
      html`<atento-dialog label="x"><p>y</p></atento-dialog>`,
    );
    await bare.show();
    expect(bare.shadowRoot!.querySelector('[part=footer]')!.checkVisibility()).to.equal(false);
    await expect(bare).to.be.accessible();
    bare.close();
  });
});
