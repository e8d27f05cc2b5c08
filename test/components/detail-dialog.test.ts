import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys, sendMouse } from '@web/test-runner-commands';
import '../../src/components/mail-thread/detail-dialog.js';
import type { MailDetailDialog } from '../../src/components/mail-thread/detail-dialog.js';
import { deepActiveElement } from '../../src/components/internal/atento-dialog.js';
import { createMemoryBackend, SEED_IDS } from '../../src/adapters/memory/index.js';
import type { Message } from '../../src/model/index.js';

/** A seed message by id (its interaction is in its id: msg-6597-11-01 → int-6597-11). */
async function seedMessage(id: string): Promise<Message> {
  const agent = createMemoryBackend().agent('agent');
  const interactionId = id.replace(/^msg-(\d+-\d+)-\d+$/, 'int-$1');
  const page = await agent.listMessages(interactionId, { limit: 200 });
  return page.items.find((m) => m.id === id)!;
}

async function mount(message: Message, lang = 'es') {
  const wrapper = await fixture<HTMLDivElement>(
    html`<div lang=${lang}>
      <button id="opener">Detalle</button>
      <mail-detail-dialog .message=${message}></mail-detail-dialog>
    </div>`,
  );
  const el = wrapper.querySelector('mail-detail-dialog')!;
  const opener = wrapper.querySelector<HTMLButtonElement>('#opener')!;
  opener.focus();
  return { el, opener };
}

const rows = (el: MailDetailDialog) =>
  Object.fromEntries(
    [...el.shadowRoot!.querySelectorAll('dt')].map((dt) => [
      dt.textContent!.trim(),
      (dt.nextElementSibling as HTMLElement).innerText.trim(),
    ]),
  );

describe('<mail-detail-dialog>', () => {
  it('shows the metadata of Jorge’s latest message as text, in Spanish', async () => {
    const { items } = await createMemoryBackend()
      .agent('agent')
      .listMessages(SEED_IDS.jorge.latestInteractionId);
    const message = items.find((m) => m.id === SEED_IDS.jorge.latestMessageId)!;
    const { el } = await mount(message);
    await el.show();
    expect(el.open).to.equal(true);
    const dialog = el.shadowRoot!.querySelector('atento-dialog')!;
    expect(dialog.shadowRoot!.querySelector('h2')!.textContent).to.equal('Detalle');
    const r = rows(el);
    expect(r['De']).to.contain(SEED_IDS.jorge.address);
    expect(r['Para']).to.contain('@');
    expect(r['Asunto']).to.equal(message.subject);
    expect(r['Message-ID']).to.contain(message.messageId!);
    expect(r['Canal']).to.equal('Correo');
    expect(r['Fecha de origen']).to.match(/\d{1,2}:\d{2}:\d{2}/);
    expect(r['Fecha de registro']).to.match(/\d{1,2}:\d{2}:\d{2}/);
    expect(Object.keys(r)).to.not.include('CCO');
    // The first focusable of the body is the copy button.
    expect(deepActiveElement()?.getAttribute('part')).to.equal('copy-button');
    await expect(el).to.be.accessible();
  });

  it('explains the sender’s clock when origin and registration differ by over 5 minutes', async () => {
    const message = await seedMessage(SEED_IDS.jorge.futureOriginMessageId);
    const { el } = await mount(message);
    await el.show();
    expect(el.shadowRoot!.querySelector('.note')!.textContent).to.contain('reloj del remitente');
    await expect(el).to.be.accessible();
    el.close();
  });

  it('shows CC and BCC only when present, "(sin asunto)" for an empty subject', async () => {
    const message = await seedMessage(SEED_IDS.jorge.ccMessageId);
    const { el } = await mount({
      ...message,
      subject: '  ',
      bcc: [{ address: 'oculto@tiendaandina.pe' }],
      from: { kind: 'contact', name: '<img src=x onerror=alert(1)>', address: 'x@y.pe' },
    });
    await el.show();
    const r = rows(el);
    expect(r['CC']).to.contain('@');
    expect(r['CCO']).to.equal('oculto@tiendaandina.pe');
    expect(r['Asunto']).to.equal('(sin asunto)');
    expect(r['De']).to.equal('<img src=x onerror=alert(1)> <x@y.pe>');
    expect(Boolean(el.shadowRoot!.querySelector('dd img'))).to.equal(false);
    expect(Boolean(el.shadowRoot!.querySelector('.note'))).to.equal(false);
    await expect(el).to.be.accessible();
    el.close();
  });

  it('copies the Message-ID and announces it in a live region (mouse)', async () => {
    const message = await seedMessage(SEED_IDS.jorge.latestMessageId);
    const { el } = await mount(message);
    let copied = '';
    const original = navigator.clipboard.writeText;
    navigator.clipboard.writeText = async (text: string) => {
      copied = text;
    };
    try {
      await el.show();
      const copy = el.shadowRoot!.querySelector<HTMLElement>('[part=copy-button]')!;
      const b = copy.getBoundingClientRect();
      await sendMouse({
        type: 'click',
        position: [Math.round(b.x + b.width / 2), Math.round(b.y + b.height / 2)],
      });
      await new Promise((r) => setTimeout(r));
      await el.updateComplete;
      expect(copied).to.equal(message.messageId);
      expect(el.shadowRoot!.querySelector('[role=status]')!.textContent).to.equal('Copiado');
      await expect(el).to.be.accessible();
    } finally {
      navigator.clipboard.writeText = original;
    }
  });

  it('says when copying fails', async () => {
    const message = await seedMessage(SEED_IDS.jorge.latestMessageId);
    const { el } = await mount(message, 'en');
    const original = navigator.clipboard.writeText;
    navigator.clipboard.writeText = () => Promise.reject(new Error('denied'));
    try {
      await el.show();
      el.shadowRoot!.querySelector<HTMLElement>('[part=copy-button]')!.click();
      await new Promise((r) => setTimeout(r));
      await el.updateComplete;
      expect(el.shadowRoot!.querySelector('[role=status]')!.textContent).to.contain(
        'Could not copy',
      );
    } finally {
      navigator.clipboard.writeText = original;
    }
  });

  it('closes by keyboard alone and returns focus to the opener', async () => {
    const message = await seedMessage(SEED_IDS.jorge.latestMessageId);
    const { el, opener } = await mount(message);
    await sendKeys({ press: 'Enter' }); // nothing bound: just proves focus is on the opener
    await el.show();
    await sendKeys({ press: 'Tab' });
    expect(deepActiveElement()?.textContent!.trim()).to.equal('Cerrar');
    const closed = oneEvent(el, 'atento-dialog-close');
    await sendKeys({ press: 'Enter' });
    await closed;
    expect(el.open).to.equal(false);
    expect(document.activeElement === opener).to.equal(true);

    await el.show();
    const escaped = oneEvent(el, 'atento-dialog-close');
    await sendKeys({ press: 'Escape' });
    await escaped;
    expect(el.open).to.equal(false);
    expect(document.activeElement === opener).to.equal(true);
  });

  it('opens on first render with the open attribute', async () => {
    const message = await seedMessage(SEED_IDS.jorge.latestMessageId);
    const el = await fixture<MailDetailDialog>(
      html`<mail-detail-dialog open locale="en" .message=${message}></mail-detail-dialog>`,
    );
    await el.updateComplete;
    const dialog = el.shadowRoot!.querySelector('atento-dialog')!;
    await dialog.updateComplete;
    expect(dialog.open).to.equal(true);
    expect(dialog.shadowRoot!.querySelector('h2')!.textContent).to.equal('Detail');
    expect(rows(el)['Registration date']).to.match(/\d{1,2}:\d{2}:\d{2}/);
    await expect(el).to.be.accessible();
    el.close();
    await el.updateComplete;
    expect(dialog.open).to.equal(false);
  });
});
