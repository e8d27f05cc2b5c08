import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { resetMouse, sendKeys, sendMouse } from '@web/test-runner-commands';
import '../../../src/components/mail-composer/attachment-list.js';
import type { AttachmentList } from '../../../src/components/mail-composer/attachment-list.js';
import type { AttachmentItem } from '../../../src/components/mail-composer/upload-queue.js';

const pdf = new File([new Uint8Array(10)], 'informe trimestral de ventas 2024.pdf');

/** One item in each state. */
const ITEMS: AttachmentItem[] = [
  {
    key: 'k1',
    name: 'contrato.pdf',
    size: 245_000,
    type: 'application/pdf',
    status: 'done',
    progress: 1,
    attachment: {
      id: 'att-1',
      name: 'contrato.pdf',
      size: 245_000,
      type: 'application/pdf',
      kind: 'document',
      url: '/files/att-1',
      inline: false,
    },
  },
  {
    key: 'k2',
    name: 'captura de pantalla.png',
    size: 1_300_000,
    type: 'image/png',
    status: 'uploading',
    progress: 0.42,
  },
  {
    key: 'k3',
    name: 'audio.mp3',
    size: 3_000_000,
    type: 'audio/mpeg',
    status: 'uploading',
    progress: null,
  },
  {
    key: 'k4',
    name: pdf.name,
    size: 5_400_000,
    type: 'application/pdf',
    status: 'failed',
    progress: null,
    error: 'No se pudo subir «informe trimestral de ventas 2024.pdf»: parece que no hay conexión.',
    retryable: true,
    file: pdf,
  },
  {
    key: 'k5',
    name: 'grande.zip',
    size: 12_000_000,
    type: 'application/zip',
    status: 'failed',
    progress: null,
    error: '«grande.zip» pesa 11,4 MB; el límite es 10 MB.',
    retryable: false,
    file: new File([], 'grande.zip'),
  },
];

async function mount(items: AttachmentItem[] = ITEMS, readonly = false) {
  const wrapper = await fixture<HTMLDivElement>(
    html`<div lang="es" style="padding: 16px; max-width: 44rem">
      <atento-attachment-list .items=${items} ?readonly=${readonly}></atento-attachment-list>
    </div>`,
  );
  const el = wrapper.querySelector('atento-attachment-list')!;
  await el.updateComplete;
  return el;
}

const $ = (el: AttachmentList, s: string) => el.shadowRoot!.querySelector<HTMLElement>(s);
const $$ = (el: AttachmentList, s: string) => [...el.shadowRoot!.querySelectorAll<HTMLElement>(s)];
const opacity = (e: Element) => getComputedStyle(e).opacity;

async function mouseTo(element: Element, type: 'move' | 'click' = 'move') {
  const r = element.getBoundingClientRect();
  await sendMouse({
    type,
    position: [Math.round(r.x + r.width / 2), Math.round(r.y + r.height / 2)],
  });
}

describe('<atento-attachment-list>', () => {
  afterEach(() => resetMouse());

  it('renders each item with its name, size, state and an accessible progress bar', async () => {
    const el = await mount();
    const list = $(el, '[part=list]')!;
    expect(list.tagName).to.equal('UL');
    expect(list.getAttribute('aria-label')).to.equal('Adjuntos');
    const items = $$(el, '[part~=item]');
    expect(items.map((i) => i.tagName)).to.deep.equal(['LI', 'LI', 'LI', 'LI', 'LI']);
    const names = $$(el, '[part=name]');
    expect(names.map((n) => n.textContent)).to.deep.equal(ITEMS.map((i) => i.name));
    expect(names.map((n) => n.getAttribute('title'))).to.deep.equal(ITEMS.map((i) => i.name));
    expect(names[0]!.tagName, 'a done item links to its file').to.equal('A');
    expect(names[0]!.getAttribute('href')).to.equal('/files/att-1');
    expect(names[1]!.tagName).to.equal('SPAN');

    const sizes = $$(el, '[part=size]').map((s) => s.textContent!.replace(/\s+/g, ' ').trim());
    expect(sizes[0]).to.equal('239,3 kB');
    expect(sizes[1]).to.equal('1,2 MB · 42 %');
    expect(sizes[2]).to.equal('2,9 MB · En espera…');

    const bars = $$(el, '[role=progressbar]');
    expect(bars).to.have.length(2);
    expect(bars[0]!.getAttribute('aria-valuenow')).to.equal('42');
    expect(bars[0]!.getAttribute('aria-label')).to.equal('Subiendo captura de pantalla.png');
    expect(bars[1]!.hasAttribute('aria-valuenow'), 'waiting: indeterminate').to.equal(false);

    expect($$(el, '[part=error]').map((e) => e.textContent)).to.deep.equal([
      ITEMS[3]!.error,
      ITEMS[4]!.error,
    ]);
    const retries = $$(el, '[part=retry]');
    expect(retries, 'only a retryable failure offers Retry').to.have.length(1);
    expect(retries[0]!.textContent!.trim()).to.equal('Reintentar');
    expect(retries[0]!.getAttribute('aria-label')).to.equal(`Reintentar ${pdf.name}`);
    expect($$(el, '[part=remove]').map((b) => b.getAttribute('aria-label'))).to.deep.equal(
      ITEMS.map((i) => `Quitar ${i.name}`),
    );
    await expect(el).to.be.accessible();
  });

  it('ellipsizes a long name inside the item', async () => {
    const el = await mount();
    const name = $$(el, '[part=name]')[3]!;
    expect(getComputedStyle(name).textOverflow).to.equal('ellipsis');
    expect(name.scrollWidth).to.be.greaterThan(name.clientWidth);
  });

  it('reveals the remove button on hover and on keyboard focus, keeping it in the tab order', async () => {
    const el = await mount();
    const remove = $$(el, '[part=remove]')[1]!;
    expect(opacity(remove)).to.equal('0');
    expect(remove.tabIndex).to.equal(0);

    await mouseTo($$(el, '[part~=item]')[1]!);
    await waitUntil(() => opacity(remove) === '1', 'shown on hover');
    await resetMouse();
    await waitUntil(() => opacity(remove) === '0', 'hidden again');

    // Tab from the first item's link and remove button to the second item's remove button.
    $$(el, '[part=name]')[0]!.focus();
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.activeElement).to.equal(remove);
    await waitUntil(() => opacity(remove) === '1', 'shown on focus');
    expect(getComputedStyle(remove).visibility).to.equal('visible');
  });

  it('fires attachment-remove and attachment-retry by mouse and by keyboard', async () => {
    const el = await mount();
    const removes = $$(el, '[part=remove]');

    let event = oneEvent(el, 'attachment-remove');
    await mouseTo(removes[1]!, 'click');
    expect((await event).detail).to.deep.equal({ key: 'k2' });

    event = oneEvent(el, 'attachment-remove');
    removes[0]!.focus();
    await sendKeys({ press: 'Enter' });
    expect((await event).detail).to.deep.equal({ key: 'k1' });

    const retry = $(el, '[part=retry]')!;
    let retried = oneEvent(el, 'attachment-retry');
    await mouseTo(retry, 'click');
    expect((await retried).detail).to.deep.equal({ key: 'k4' });

    retried = oneEvent(el, 'attachment-retry');
    retry.focus();
    await sendKeys({ press: 'Space' });
    const detail = (await retried).detail;
    expect(detail).to.deep.equal({ key: 'k4' });
  });

  it('read-only shows no buttons; an empty list renders nothing', async () => {
    const el = await mount(ITEMS, true);
    expect($$(el, 'button')).to.have.length(0);
    expect($$(el, '[part~=item]')).to.have.length(5);
    await expect(el).to.be.accessible();

    el.items = [];
    await el.updateComplete;
    expect(el.shadowRoot!.children.length).to.equal(0);
    expect(el.getBoundingClientRect().height).to.equal(0);
  });

  it('does not link a done item to an unsafe URL', async () => {
    const [done] = ITEMS;
    const el = await mount([
      { ...done!, attachment: { ...done!.attachment!, url: 'javascript:alert(1)' } },
    ]);
    expect($(el, '[part=name]')!.tagName).to.equal('SPAN');
    expect($(el, 'a')).to.equal(null);
  });

  it('is accessible in the dark colour scheme', async () => {
    const wrapper = await fixture<HTMLDivElement>(
      html`<div lang="en" style="color-scheme: dark; background: #171a21; padding: 16px">
        <atento-attachment-list .items=${ITEMS}></atento-attachment-list>
      </div>`,
    );
    const el = wrapper.querySelector('atento-attachment-list')!;
    await el.updateComplete;
    expect($(el, '[part=list]')!.getAttribute('aria-label')).to.equal('Attachments');
    await expect(el).to.be.accessible();
  });
});
