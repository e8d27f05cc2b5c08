import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/components/mail-thread/contact-dialog.js';
import type { MailContactDialog } from '../../src/components/mail-thread/contact-dialog.js';
import { deepActiveElement } from '../../src/components/internal/atento-dialog.js';
import { createMemoryBackend, SEED_IDS } from '../../src/adapters/memory/index.js';
import { provideAtento } from '../../src/context/index.js';

const NEW_ADDRESS = 'nuevo.cliente@gmail.com';

async function mount(address: string, name?: string) {
  const backend = createMemoryBackend();
  const wrapper = await fixture<HTMLDivElement>(
    html`<div lang="es">
      <button id="opener">Agregar contacto</button>
    </div>`,
  );
  provideAtento(wrapper, { agent: backend.agent('agent') });
  const el = document.createElement('mail-contact-dialog');
  el.address = address;
  if (name) el.name = name;
  wrapper.append(el);
  const opener = wrapper.querySelector<HTMLButtonElement>('#opener')!;
  opener.focus();
  return { el, opener, backend };
}

const $ = <T extends HTMLElement = HTMLElement>(el: MailContactDialog, selector: string) =>
  el.shadowRoot!.querySelector<T>(selector);
const text = (el: MailContactDialog) =>
  (el.shadowRoot!.querySelector('atento-dialog') as HTMLElement).innerText;

describe('<mail-contact-dialog>', () => {
  it('says when the address already belongs to a contact', async () => {
    const { el, backend } = await mount(SEED_IDS.jorge.address, 'Jorge');
    await el.show();
    const [owner] = await backend.agent('agent').findContacts(SEED_IDS.jorge.address);
    expect($(el, '.owned')!.textContent!.trim()).to.equal(
      `Este correo ya pertenece a ${owner!.name}.`,
    );
    expect(Boolean($(el, '#create-form'))).to.equal(false);
    expect(text(el)).to.contain(SEED_IDS.jorge.address);
    await expect(el).to.be.accessible();
  });

  it('creates a contact by keyboard alone, prefilled with the sender’s name', async () => {
    const { el, opener, backend } = await mount(NEW_ADDRESS, 'Nuevo Cliente');
    await el.show();
    expect(text(el)).to.contain('Ningún contacto tiene este correo');
    // Focus moved into the loaded body: the search box comes first.
    expect(deepActiveElement()?.id).to.equal('search');
    expect($<HTMLInputElement>(el, '#contact-name')!.value).to.equal('Nuevo Cliente');
    expect($<HTMLInputElement>(el, '#contact-email')!.value).to.equal(NEW_ADDRESS);
    expect($<HTMLInputElement>(el, '#contact-email')!.readOnly).to.equal(true);
    await expect(el).to.be.accessible();

    await sendKeys({ press: 'Tab' }); // name
    expect(deepActiveElement()?.id).to.equal('contact-name');
    await sendKeys({ press: 'Tab' }); // email (read-only)
    await sendKeys({ press: 'Tab' }); // phone
    expect(deepActiveElement()?.id).to.equal('contact-phone');
    await sendKeys({ type: '+51 999 888 777' });
    const saved = oneEvent(el, 'mail-contact-saved');
    await sendKeys({ press: 'Enter' });
    const { detail } = await saved;
    expect(detail.linked).to.equal(false);
    expect(detail.contact.name).to.equal('Nuevo Cliente');
    expect(detail.contact.emails).to.deep.equal([NEW_ADDRESS]);
    expect(detail.contact.phone).to.equal('+51 999 888 777');
    await waitUntil(() => !el.open, 'closed');
    await waitUntil(() => document.activeElement === opener, 'focus returned');
    const [owner] = await backend.agent('agent').findContacts(NEW_ADDRESS);
    expect(owner!.id).to.equal(detail.contact.id);
  });

  it('prefills the local part without a name; an empty name is flagged inline', async () => {
    const { el } = await mount(NEW_ADDRESS);
    await el.show();
    const name = $<HTMLInputElement>(el, '#contact-name')!;
    expect(name.value).to.equal('nuevo.cliente');
    name.value = '  ';
    name.dispatchEvent(new InputEvent('input'));
    $<HTMLButtonElement>(el, '#create-form [type=submit]')!.click();
    await el.updateComplete;
    expect(name.getAttribute('aria-invalid')).to.equal('true');
    const error = el.shadowRoot!.getElementById(name.getAttribute('aria-describedby')!)!;
    expect(error.textContent).to.equal('Ingrese el nombre del contacto.');
    expect(deepActiveElement() === name).to.equal(true);
    await expect(el).to.be.accessible();
    el.close();
  });

  it('links the address to a contact found by searching (keyboard), deduped by contact', async () => {
    const { el, backend } = await mount(NEW_ADDRESS);
    await el.show();
    await sendKeys({ type: 'jorge' });
    await waitUntil(() => $(el, '[part=link-button]'), 'results');
    const buttons = [...el.shadowRoot!.querySelectorAll('[part=link-button]')];
    const labels = buttons.map((b) => b.getAttribute('aria-label'));
    expect(new Set(labels).size).to.equal(labels.length);
    expect(labels[0]).to.match(/^Vincular a Jorge/);
    await expect(el).to.be.accessible();

    await sendKeys({ press: 'Tab' });
    expect(deepActiveElement()?.getAttribute('part')).to.equal('link-button');
    const saved = oneEvent(el, 'mail-contact-saved');
    await sendKeys({ press: 'Enter' });
    const { detail } = await saved;
    expect(detail.linked).to.equal(true);
    expect(detail.contact.id).to.equal(SEED_IDS.jorge.contactId);
    expect(detail.contact.emails).to.include(NEW_ADDRESS);
    const [owner] = await backend.agent('agent').findContacts(NEW_ADDRESS);
    expect(owner!.id).to.equal(SEED_IDS.jorge.contactId);
  });

  it('says when no contact matches the search', async () => {
    const { el } = await mount(NEW_ADDRESS);
    await el.show();
    await sendKeys({ type: 'zzzqqq' });
    await waitUntil(() => text(el).includes('Ningún contacto coincide con «zzzqqq»'), 'no match');
    await expect(el).to.be.accessible();
    el.close();
  });

  it('shows a load error with a working retry', async () => {
    const { el, backend } = await mount(NEW_ADDRESS);
    backend.fault('offline');
    await el.show();
    expect($(el, '[role=alert]')!.textContent).to.contain('No se pudieron cargar los contactos');
    expect($(el, '[role=alert]')!.textContent).to.contain('Parece que no hay conexión');
    await expect(el).to.be.accessible();
    backend.fault(null);
    $<HTMLButtonElement>(el, '[role=alert] button')!.click();
    await waitUntil(() => $(el, '#create-form'), 'loaded after retry');
  });

  it('shows a conflict from the adapter in the dialog and stays open', async () => {
    const { el, backend } = await mount(NEW_ADDRESS, 'Otra Persona');
    await el.show();
    await backend.agent('supervisor').createContact({ name: 'Alguien', emails: [NEW_ADDRESS] });
    $<HTMLButtonElement>(el, '#create-form [type=submit]')!.click();
    await waitUntil(() => $(el, '#create-form [role=alert]'), 'error shown');
    expect($(el, '#create-form [role=alert]')!.textContent).to.contain(
      'Este correo ya pertenece a otro contacto.',
    );
    expect(el.open).to.equal(true);
    await expect(el).to.be.accessible();
    el.close();
  });

  it('accepts an adapter property instead of context, and English', async () => {
    const backend = createMemoryBackend();
    const el = await fixture<MailContactDialog>(
      html`<mail-contact-dialog
        locale="en"
        address=${SEED_IDS.jorge.address}
        .adapter=${backend.agent('supervisor')}
      ></mail-contact-dialog>`,
    );
    await el.show();
    expect($(el, '.owned')!.textContent).to.contain('This address already belongs to');
    const closed = oneEvent(el, 'atento-dialog-close');
    await sendKeys({ press: 'Escape' });
    await closed;
    expect(el.open).to.equal(false);
  });
});
