import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys, sendMouse } from '@web/test-runner-commands';
import '../../src/components/mail-thread/block-dialog.js';
import type { MailBlockDialog } from '../../src/components/mail-thread/block-dialog.js';
import { deepActiveElement } from '../../src/components/internal/atento-dialog.js';
import { createMemoryBackend, SEED_IDS } from '../../src/adapters/memory/index.js';
import { provideAtento, type AtentoProviders } from '../../src/context/index.js';
import type { AgentRole } from '../../src/model/index.js';

async function mount(address: string, role: AgentRole = 'agent', extra: AtentoProviders = {}) {
  const backend = createMemoryBackend();
  const wrapper = await fixture<HTMLDivElement>(
    html`<div lang="es">
      <button id="opener">Agregar a lista negra</button>
    </div>`,
  );
  provideAtento(wrapper, { agent: backend.agent(role), ...extra });
  const el = document.createElement('mail-block-dialog');
  el.address = address;
  wrapper.append(el);
  const opener = wrapper.querySelector<HTMLButtonElement>('#opener')!;
  opener.focus();
  return { el, opener, backend };
}

const $ = <T extends HTMLElement = HTMLElement>(el: MailBlockDialog, selector: string) =>
  el.shadowRoot!.querySelector<T>(selector);
const text = (el: MailBlockDialog) =>
  (el.shadowRoot!.querySelector('atento-dialog') as HTMLElement).innerText;

async function click(target: HTMLElement) {
  const r = target.getBoundingClientRect();
  await sendMouse({
    type: 'click',
    position: [Math.round(r.x + r.width / 2), Math.round(r.y + r.height / 2)],
  });
}

describe('<mail-block-dialog>', () => {
  it('requires a reason (mouse): inline error, aria-invalid, focus on the field', async () => {
    const { el } = await mount(SEED_IDS.jorge.address);
    await el.show();
    const dialog = el.shadowRoot!.querySelector('atento-dialog')!;
    expect(dialog.shadowRoot!.querySelector('h2')!.textContent).to.equal('Agregar a lista negra');
    expect(text(el)).to.contain(SEED_IDS.jorge.address);
    expect(text(el)).to.contain('Bloquear todo el dominio @gmail.com');
    expect(deepActiveElement()?.id).to.equal('reason');
    await expect(el).to.be.accessible();

    await click($(el, '[part=block-button]')!);
    await el.updateComplete;
    const reason = $<HTMLTextAreaElement>(el, '#reason')!;
    expect(reason.getAttribute('aria-invalid')).to.equal('true');
    const ids = reason.getAttribute('aria-describedby')!.split(' ');
    expect(el.shadowRoot!.getElementById(ids[0]!)!.textContent).to.equal(
      'Ingrese la razón por la que bloquea a este remitente.',
    );
    expect(deepActiveElement() === reason).to.equal(true);
    expect(el.open).to.equal(true);
    await expect(el).to.be.accessible();
    el.close();
  });

  it('blocks the sender by keyboard alone and returns focus', async () => {
    const { el, opener, backend } = await mount(SEED_IDS.jorge.address);
    await el.show();
    await sendKeys({ type: 'Envía correos masivos' });
    await sendKeys({ press: 'Tab' }); // domain checkbox
    await sendKeys({ press: 'Tab' }); // Cancelar
    expect(deepActiveElement()?.textContent!.trim()).to.equal('Cancelar');
    await sendKeys({ press: 'Tab' }); // Bloquear
    expect(deepActiveElement()?.getAttribute('part')).to.equal('block-button');
    const blocked = oneEvent(el, 'mail-sender-blocked');
    await sendKeys({ press: 'Enter' });
    const { detail } = await blocked;
    expect(detail.entry.address).to.equal(SEED_IDS.jorge.address);
    expect(detail.entry.reason).to.equal('Envía correos masivos');
    await waitUntil(() => !el.open && document.activeElement === opener, 'closed, focus back');
    const list = await backend.agent('agent').listBlocked();
    expect(list.some((e) => e.address === SEED_IDS.jorge.address)).to.equal(true);
  });

  it('blocks the whole domain when the checkbox is checked', async () => {
    const { el } = await mount('ventas@spam-nuevo.example');
    await el.show();
    await sendKeys({ type: 'Dominio de spam' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Space' });
    await el.updateComplete;
    const blocked = oneEvent(el, 'mail-sender-blocked');
    $<HTMLButtonElement>(el, '[part=block-button]')!.click();
    expect((await blocked).detail.entry.address).to.equal('@spam-nuevo.example');
  });

  it('an agent sees who blocked the sender, when and why, and cannot unblock', async () => {
    const { el, backend } = await mount(SEED_IDS.blocked.address, 'agent');
    await el.show();
    const entry = (await backend.agent('agent').listBlocked()).find(
      (e) => e.address === SEED_IDS.blocked.address,
    )!;
    const shown = text(el);
    expect(shown).to.contain(`${SEED_IDS.blocked.address} está en la lista negra.`);
    expect(shown).to.contain(entry.blockedBy.name);
    expect(shown).to.contain(entry.reason);
    expect(shown).to.contain(String(new Date(entry.blockedAt).getFullYear()));
    expect(shown).to.contain('Para quitarlo, pídalo a un coordinador o supervisor.');
    expect(Boolean($(el, '[part=unblock-button]'))).to.equal(false);
    expect(Boolean($(el, '#reason'))).to.equal(false);
    await expect(el).to.be.accessible();
    el.close();
  });

  it('matches a blocked @domain', async () => {
    const { el } = await mount(`alguien${SEED_IDS.blocked.domain}`);
    await el.show();
    expect(text(el)).to.contain(`${SEED_IDS.blocked.domain} está en la lista negra.`);
    el.close();
  });

  it('a supervisor unblocks (keyboard) and the entry is gone', async () => {
    const { el, opener, backend } = await mount(SEED_IDS.blocked.address, 'supervisor');
    await el.show();
    expect(text(el)).to.not.contain('pídalo a un coordinador');
    const unblock = $<HTMLButtonElement>(el, '[part=unblock-button]')!;
    expect(unblock.textContent!.trim()).to.equal('Quitar de la lista negra');
    await expect(el).to.be.accessible();
    unblock.focus();
    const unblocked = oneEvent(el, 'mail-sender-unblocked');
    await sendKeys({ press: 'Enter' });
    expect((await unblocked).detail).to.deep.equal({ address: SEED_IDS.blocked.address });
    await waitUntil(() => !el.open && document.activeElement === opener, 'closed, focus back');
    const list = await backend.agent('agent').listBlocked();
    expect(list.some((e) => e.address === SEED_IDS.blocked.address)).to.equal(false);
  });

  it('shows the adapter’s refusal when the provided agent and the adapter disagree', async () => {
    const supervisor = await createMemoryBackend().agent('supervisor').me();
    const { el } = await mount(SEED_IDS.blocked.address, 'agent', { currentAgent: supervisor });
    await el.show();
    $<HTMLButtonElement>(el, '[part=unblock-button]')!.click();
    await waitUntil(() => $(el, '[role=alert]'), 'error shown');
    expect($(el, '[role=alert]')!.textContent).to.contain('No tiene permiso');
    expect(el.open).to.equal(true);
    await expect(el).to.be.accessible();
    el.close();
  });

  it('shows a conflict when the sender was blocked meanwhile', async () => {
    const { el, backend } = await mount(SEED_IDS.jorge.address);
    await el.show();
    await backend.agent('supervisor').blockSender(SEED_IDS.jorge.address, 'otra persona');
    await sendKeys({ type: 'Spam' });
    $<HTMLButtonElement>(el, '[part=block-button]')!.click();
    await waitUntil(() => $(el, '[role=alert]'), 'error shown');
    expect($(el, '[role=alert]')!.textContent).to.contain('Este remitente ya está bloqueado.');
    await expect(el).to.be.accessible();
    el.close();
  });

  it('shows a load error with a working retry, and Escape closes', async () => {
    const { el, backend, opener } = await mount(SEED_IDS.jorge.address);
    backend.fault('unavailable');
    await el.show();
    expect($(el, '[role=alert]')!.textContent).to.contain('No se pudo cargar la lista negra');
    await expect(el).to.be.accessible();
    backend.fault(null);
    $<HTMLButtonElement>(el, '[role=alert] button')!.click();
    await waitUntil(() => $(el, '#reason'), 'loaded after retry');
    const closed = oneEvent(el, 'atento-dialog-close');
    await sendKeys({ press: 'Escape' });
    await closed;
    expect(document.activeElement === opener).to.equal(true);
  });
});
