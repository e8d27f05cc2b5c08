import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/components/mail-thread/message-card.js';
import type {
  MailMessage,
  MailMessageActionDetail,
  MailReplyDetail,
} from '../../src/components/mail-thread/message-card.js';
import { dateStyleFor } from '../../src/components/mail-thread/message-meta.js';
import { snippetOf } from '../../src/components/mail-thread/message-summary.js';
import { splitLinks } from '../../src/components/internal/linkify.js';
import { createSeedData, SEED_IDS } from '../../src/adapters/memory/index.js';
import type { EmailAddress, Message } from '../../src/model/index.js';

const seed = createSeedData();
const ID = SEED_IDS.jorge;
const seedMessage = (id: string): Message => {
  const message = seed.messages.find((m) => m.id === id);
  if (!message) throw new Error(`no seed message ${id}`);
  return message;
};
/** Lucía Ramos's addresses (her own and the shared support mailboxes). */
const LUCIA = seed.agents.find((a) => a.id === SEED_IDS.agents.agent)!;
const AGENT_ADDRESSES = (LUCIA as { addresses?: string[] }).addresses ?? [LUCIA.email];

const INBOUND = seedMessage(ID.plainTextMessageId); // msg-6597-01-01, Jorge → soporte
const OUTBOUND = seedMessage('msg-6597-01-02'); // Lucía → Jorge
const CHAT_IN = seedMessage('msg-6597-04-03');
const CHAT_OUT = seedMessage('msg-6597-04-02');

interface MountOptions {
  expanded?: boolean;
  lang?: string;
  width?: string;
  composing?: boolean;
  agentAddresses?: string[];
}

async function mount(message: Message, options: MountOptions = {}) {
  const root = await fixture<HTMLDivElement>(html`
    <div lang=${options.lang ?? 'es'} style="width: ${options.width ?? '760px'}">
      <mail-message
        .message=${message}
        .agentAddresses=${options.agentAddresses ?? AGENT_ADDRESSES}
        ?expanded=${options.expanded ?? false}
        ?composing=${options.composing ?? false}
      >
        <textarea slot="composer" aria-label="Editor"></textarea>
      </mail-message>
    </div>
  `);
  const el = root.querySelector('mail-message')!;
  await el.updateComplete;
  return el;
}

const $ = (el: MailMessage, selector: string) =>
  el.shadowRoot!.querySelector<HTMLElement>(selector);
const $$ = (el: MailMessage, selector: string) => [
  ...el.shadowRoot!.querySelectorAll<HTMLElement>(selector),
];
const text = (el: MailMessage, part: string) => $(el, `[part~=${part}]`)?.textContent?.trim();
const summary = (el: MailMessage) => $(el, '[part=summary]') as HTMLButtonElement;
const iframes = (el: MailMessage) =>
  el.shadowRoot!.querySelector('atento-mail-body')?.shadowRoot?.querySelectorAll('iframe').length ??
  0;

function email(overrides: Partial<Message>): Message {
  return { ...INBOUND, attachments: [], ...overrides };
}

function people(n: number): EmailAddress[] {
  return Array.from({ length: n }, (_, i) => ({
    name: `Persona ${i + 1}`,
    address: `persona.${i + 1}@empresa.example`,
  }));
}

describe('<mail-message> email summary', () => {
  it('shows "(Agente)" and the customer local part for an agent email', async () => {
    const el = await mount(OUTBOUND);
    expect(text(el, 'sender')).to.equal('(Agente)');
    expect(text(el, 'recipient')).to.equal('jorge.taype96');
    expect(summary(el).getAttribute('aria-expanded')).to.equal('false');
    expect(text(el, 'channel-tag')).to.equal('Correo');
    expect($(el, '[part=status]')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('shows the customer name and "Para mí" for inbound mail to the agent, with a snippet and date', async () => {
    const el = await mount(INBOUND);
    expect(text(el, 'sender')).to.equal('Jorge Taype');
    expect(text(el, 'recipient')).to.equal('Para mí');
    expect(text(el, 'snippet')).to.match(/^Buenas tardes: Quisiera saber si tienen/);
    const time = $(el, 'time[part=date]')!;
    expect(time.getAttribute('datetime')).to.equal(INBOUND.registeredAt);
    expect(time.textContent!.trim()).to.not.equal('');
    await expect(el).to.be.accessible();
  });

  it('says "to me" when a CC is the agent, and local part "+N" otherwise', async () => {
    const cc = await mount(seedMessage(ID.ccMessageId));
    expect(text(cc, 'recipient')).to.equal('Para mí');
    const outbound = await mount(seedMessage('msg-6597-13-04'));
    expect(outbound.shadowRoot!.querySelector('.recipient-name')!.textContent).to.equal(
      'contabilidad',
    );
    expect(text(outbound, 'recipient')).to.contain('+1');
    const stranger = await mount(email({ to: [{ address: 'ventas@otra.example' }], cc: [] }));
    expect(text(stranger, 'recipient')).to.equal('ventas');
  });

  it('marks attachments with a count and an accessible label', async () => {
    const el = await mount(seedMessage(ID.latestMessageId));
    const mark = $(el, '[part=attachment-mark]')!;
    expect(mark.querySelector('.visually-hidden')!.textContent).to.equal('1 adjunto');
    expect(mark.querySelector('svg')!.getAttribute('aria-hidden')).to.equal('true');
  });

  it('badges scheduled and failed outbound mail', async () => {
    const scheduled = await mount({ ...OUTBOUND, status: 'scheduled' });
    expect(text(scheduled, 'status')).to.equal('Programado');
    const failed = await mount(
      { ...OUTBOUND, status: 'failed', error: 'Buzón lleno' },
      { expanded: true },
    );
    expect(text(failed, 'status')).to.equal('No enviado');
    expect(text(failed, 'error')).to.equal('No enviado: Buzón lleno');
    await expect(failed).to.be.accessible();
  });

  it('speaks English when the page does', async () => {
    const agent = await mount(OUTBOUND, { lang: 'en' });
    expect(text(agent, 'sender')).to.equal('(Agent)');
    expect(text(agent, 'channel-tag')).to.equal('Email');
    const inbound = await mount(INBOUND, { lang: 'en' });
    expect(text(inbound, 'recipient')).to.equal('to me');
  });

  it('is an article labelled by sender and date, with feed position reflected', async () => {
    const el = await mount(INBOUND);
    expect(el.getAttribute('role')).to.equal('article');
    expect(el.getAttribute('tabindex')).to.equal('-1');
    expect(el.getAttribute('aria-label')).to.match(/^Jorge Taype, .*2026/);
    el.posinset = 3;
    el.setsize = 14;
    await el.updateComplete;
    expect(el.getAttribute('aria-posinset')).to.equal('3');
    expect(el.getAttribute('aria-setsize')).to.equal('14');
    const agent = await mount(OUTBOUND);
    expect(agent.getAttribute('aria-label')).to.match(/^Lucía Ramos \(Agente\), /);
  });
});

describe('<mail-message> disclosure', () => {
  it('toggles by click, fires mail-message-toggle, and has a frame only while expanded', async () => {
    const el = await mount(INBOUND);
    expect(el.shadowRoot!.querySelector('atento-mail-body')).to.equal(null);
    expect($(el, '#body')!.hidden).to.equal(true);

    setTimeout(() => summary(el).click());
    const opened = await oneEvent(el, 'mail-message-toggle');
    expect(opened.detail).to.deep.equal({ messageId: INBOUND.id, expanded: true });
    expect(opened.bubbles && opened.composed).to.equal(true);
    await el.updateComplete;
    expect(el.expanded).to.equal(true);
    expect(el.hasAttribute('expanded')).to.equal(true);
    expect(summary(el).getAttribute('aria-expanded')).to.equal('true');
    expect(summary(el).getAttribute('aria-controls')).to.equal('body');
    const body = el.shadowRoot!.querySelector('atento-mail-body')!;
    await body.updateComplete;
    expect(iframes(el)).to.equal(1);
    await expect(el).to.be.accessible();

    setTimeout(() => summary(el).click());
    const closed = await oneEvent(el, 'mail-message-toggle');
    expect(closed.detail.expanded).to.equal(false);
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('atento-mail-body')).to.equal(null);
    expect(el.shadowRoot!.querySelectorAll('iframe').length).to.equal(0);
  });

  it('toggles with Enter and Space from the keyboard, keeping focus on the summary', async () => {
    const el = await mount(INBOUND);
    const events: boolean[] = [];
    el.addEventListener('mail-message-toggle', (e) => events.push(e.detail.expanded));
    summary(el).focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(el.expanded).to.equal(true);
    expect(el.shadowRoot!.activeElement === summary(el)).to.equal(true);
    await sendKeys({ press: 'Space' });
    await el.updateComplete;
    expect(el.expanded).to.equal(false);
    await sendKeys({ press: 'Space' });
    await el.updateComplete;
    expect(el.expanded).to.equal(true);
    expect(events).to.deep.equal([true, false, true]);
  });

  it('follows `expanded` set by the thread, without firing', async () => {
    const el = await mount(INBOUND);
    let fired = 0;
    el.addEventListener('mail-message-toggle', () => fired++);
    el.expanded = true;
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('atento-mail-body')).to.not.equal(null);
    expect(fired).to.equal(0);
  });

  it('expanded: sender name and address, To/CC lines, date, Reply and More options', async () => {
    const el = await mount(seedMessage(ID.ccMessageId), { expanded: true });
    expect(text(el, 'sender')).to.equal('Jorge Taype');
    expect(text(el, 'sender-address')).to.equal('<jorge.taype96@gmail.com>');
    const lines = $$(el, '.recipient-line').map((l) => l.textContent!.replace(/\s+/g, ' ').trim());
    expect(lines[0]).to.equal('Para: Soporte Tienda Andina <soporte@tiendaandina.pe>');
    expect(lines[1]).to.contain('CC:');
    expect(lines[1]).to.contain('lucia.ramos@tiendaandina.pe');
    expect($(el, '[part=actions] time[part=date]')).to.not.equal(null);
    expect(text(el, 'reply-button')).to.equal('Responder');
    const more = $(el, 'atento-menu-button')!;
    expect(more.getAttribute('label')).to.equal('Más opciones');
    await expect(el).to.be.accessible();
  });

  it('renders the composer slot only while composing', async () => {
    const el = await mount(INBOUND, { expanded: true });
    expect(el.shadowRoot!.querySelector('slot[name=composer]')).to.equal(null);
    el.composing = true;
    await el.updateComplete;
    const slot = el.shadowRoot!.querySelector<HTMLSlotElement>('slot[name=composer]')!;
    expect(slot.assignedElements().length).to.equal(1);
    await expect(el).to.be.accessible();
  });
});

describe('<mail-message> actions', () => {
  it('Reply fires a cancelable mail-reply (mode reply) and reports cancellation', async () => {
    const el = await mount(INBOUND, { expanded: true });
    setTimeout(() => $(el, '[part=reply-button]')!.click());
    const event = await oneEvent(el, 'mail-reply');
    expect(event.detail.mode).to.equal('reply');
    expect(event.detail.message.id).to.equal(INBOUND.id);
    expect(event.cancelable && event.bubbles && event.composed).to.equal(true);

    el.addEventListener('mail-reply', (e) => e.preventDefault(), { once: true });
    expect(el.reply('reply')).to.equal(false);
    expect(el.reply('forward')).to.equal(true);
  });

  it('offers 4 options on agent mail and 6 on customer mail', async () => {
    const agent = await mount(OUTBOUND, { expanded: true });
    expect(agent.menuItems.map((i) => i.id)).to.deep.equal([
      'reply',
      'replyAll',
      'forward',
      'detail',
    ]);
    const customer = await mount(INBOUND, { expanded: true });
    const items = customer.menuItems;
    expect(items.map((i) => i.label)).to.deep.equal([
      'Responder',
      'Responder a todos',
      'Reenviar',
      'Detalle',
      'Agregar contacto',
      'Agregar a lista negra',
    ]);
    expect(items.find((i) => i.id === 'block')!.danger).to.equal(true);
    const menu = $(customer, 'atento-menu-button') as HTMLElement & { items: unknown[] };
    expect(menu.items.length).to.equal(6);
    expect(
      ($(agent, 'atento-menu-button') as HTMLElement & { items: unknown[] }).items.length,
    ).to.equal(4);
  });

  it('maps each menu choice to mail-reply or mail-message-action', async () => {
    const el = await mount(INBOUND, { expanded: true });
    const replies: MailReplyDetail[] = [];
    const actions: MailMessageActionDetail[] = [];
    el.addEventListener('mail-reply', (e) => replies.push(e.detail));
    el.addEventListener('mail-message-action', (e) => actions.push(e.detail));
    const menu = $(el, 'atento-menu-button')!;
    for (const id of ['reply', 'replyAll', 'forward', 'detail', 'addContact', 'block']) {
      menu.dispatchEvent(
        new CustomEvent('atento-menu-select', { detail: { id }, bubbles: true, composed: true }),
      );
    }
    expect(replies.map((r) => r.mode)).to.deep.equal(['reply', 'replyAll', 'forward']);
    expect(actions.map((a) => a.action)).to.deep.equal(['detail', 'addContact', 'block']);
    expect(actions.every((a) => a.message.id === INBOUND.id)).to.equal(true);
  });

  it('opens the real menu and chooses "Agregar a lista negra" by keyboard', async () => {
    const el = await mount(INBOUND, { expanded: true });
    const menu = $(el, 'atento-menu-button')! as HTMLElement & { updateComplete: Promise<unknown> };
    await menu.updateComplete;
    const button = menu.shadowRoot!.querySelector<HTMLButtonElement>('[part=button]')!;
    expect(button.getAttribute('aria-label') ?? button.textContent).to.contain('Más opciones');
    let selected = 0;
    el.addEventListener('atento-menu-select', () => selected++);
    const action = new Promise<CustomEvent<MailMessageActionDetail>>((resolve) =>
      el.addEventListener('mail-message-action', resolve, { once: true }),
    );
    button.focus();
    await sendKeys({ press: 'ArrowUp' });
    await waitUntil(() => menu.shadowRoot!.querySelectorAll('[role=menuitem]').length === 6);
    await sendKeys({ press: 'Enter' });
    const event = await action;
    expect(event.detail.action).to.equal('block');
    expect(selected).to.equal(0); // the card consumes the menu's own event
  });

  it('chooses "Reenviar" with the mouse from an agent message', async () => {
    const el = await mount(OUTBOUND, { expanded: true });
    const menu = $(el, 'atento-menu-button')! as HTMLElement & { updateComplete: Promise<unknown> };
    await menu.updateComplete;
    menu.shadowRoot!.querySelector<HTMLButtonElement>('[part=button]')!.click();
    await menu.updateComplete;
    const items = [...menu.shadowRoot!.querySelectorAll<HTMLElement>('[role=menuitem]')];
    expect(items.map((i) => i.textContent!.trim())).to.deep.equal([
      'Responder',
      'Responder a todos',
      'Reenviar',
      'Detalle',
    ]);
    setTimeout(() => items[2]!.click());
    const event = await oneEvent(el, 'mail-reply');
    expect(event.detail.mode).to.equal('forward');
  });
});

describe('<mail-message> chat', () => {
  it('renders an inbound chat message as a bubble with a channel tag and no frame', async () => {
    const el = await mount(CHAT_IN, { expanded: true });
    expect($(el, '[part=bubble]')).to.not.equal(null);
    expect($(el, '[part=summary]')).to.equal(null);
    expect(el.shadowRoot!.querySelector('atento-mail-body, iframe')).to.equal(null);
    expect(text(el, 'channel-tag')).to.equal('Chat web');
    expect(text(el, 'text')).to.equal(CHAT_IN.text);
    expect($(el, '.chat')!.classList.contains('inbound')).to.equal(true);
    expect($(el, '[part=status]')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('shows the agent name and delivery status on outbound bubbles', async () => {
    const el = await mount(CHAT_OUT);
    expect($(el, '.chat')!.classList.contains('outbound')).to.equal(true);
    expect(text(el, 'author')).to.equal('Lucía Ramos');
    expect(text(el, 'status')).to.equal('Enviado');
    expect(el.getAttribute('aria-label')).to.match(/^Lucía Ramos \(Agente\), /);
    await expect(el).to.be.accessible();
  });

  it('linkifies only http(s) URLs, as text, never as HTML', async () => {
    const el = await mount({
      ...CHAT_IN,
      text: 'Mira https://olvacourier.example/seguimiento?c=OL-1. y <b>no</b> javascript:alert(1) ni ftp://x.pe',
    });
    const links = $$(el, '[part=text] a') as HTMLAnchorElement[];
    expect(links.map((a) => a.getAttribute('href'))).to.deep.equal([
      'https://olvacourier.example/seguimiento?c=OL-1',
    ]);
    expect(links[0]!.target).to.equal('_blank');
    expect(links[0]!.rel).to.contain('noopener');
    expect($(el, '[part=text] b')).to.equal(null);
    expect(text(el, 'text')).to.contain('<b>no</b>');
    await expect(el).to.be.accessible();
  });

  it('lists chat attachments as links with name and size', async () => {
    const file = seedMessage(ID.latestMessageId).attachments[0]!;
    const el = await mount({ ...CHAT_IN, attachments: [file] });
    const link = $(el, 'a[part=attachment]') as HTMLAnchorElement;
    expect(link.getAttribute('href')).to.equal(file.url);
    expect(link.textContent).to.contain(file.name);
    expect(link.textContent).to.match(/\d/);
  });
});

describe('<mail-message> bad input', () => {
  it('falls back to the address, then "(sin remitente)"', async () => {
    const noName = await mount(email({ from: { kind: 'contact', name: '', address: 'x@y.pe' } }));
    expect(text(noName, 'sender')).to.equal('x@y.pe');
    const nobody = await mount(email({ from: { kind: 'contact', name: '  ' } }), {
      expanded: true,
    });
    expect(text(nobody, 'sender')).to.equal('(sin remitente)');
    expect(nobody.getAttribute('aria-label')).to.match(/^\(sin remitente\), /);
    await expect(nobody).to.be.accessible();
  });

  it('renders a message with no subject, no text and no recipients', async () => {
    const el = await mount(email({ subject: '', text: '', to: [], cc: [] }), { lang: 'es' });
    expect(text(el, 'snippet')).to.equal('');
    el.agentAddresses = ['nadie@otro.example'];
    await el.updateComplete;
    expect(text(el, 'recipient')).to.equal('(sin destinatario)');
    el.expanded = true;
    await el.updateComplete;
    await expect(el).to.be.accessible();
  });

  it('truncates 200 recipients to 3 plus "y N más", expandable', async () => {
    const many = { ...OUTBOUND, to: people(150), cc: people(50) };
    const el = await mount(many);
    expect(text(el, 'recipient')).to.contain('+199');
    el.expanded = true;
    await el.updateComplete;
    const toggle = $(el, '[part=recipients-toggle]')!;
    expect(toggle.textContent!.trim()).to.equal('y 194 más');
    expect($(el, '.recipient-list')!.textContent).to.contain(
      'Persona 3 <persona.3@empresa.example>',
    );
    expect($(el, '.recipient-list')!.textContent).to.not.contain('Persona 4 ');
    toggle.click();
    await el.updateComplete;
    expect($(el, '.recipient-list')!.textContent).to.contain('persona.150@empresa.example');
    expect(toggle.getAttribute('aria-expanded')).to.equal('true');
    const card = $(el, '[part=card]')!;
    expect(card.scrollWidth).to.be.at.most(card.clientWidth + 2);
    await expect(el).to.be.accessible();
  });

  it('keeps RTL text isolated and very long words inside the card', async () => {
    const rtl = email({
      from: { kind: 'contact', name: 'خورخي تايبي', address: 'jorge@example.com' },
      text: `مرحبا، وصلني الحذاء ${'a'.repeat(400)}`,
    });
    const el = await mount(rtl, { width: '420px' });
    expect($(el, '[part=sender]')!.getAttribute('dir')).to.equal('auto');
    expect($(el, '[part=snippet]')!.getAttribute('dir')).to.equal('auto');
    expect(el.getBoundingClientRect().width).to.be.at.most(421);
    const card = $(el, '[part=card]')!;
    expect(card.scrollWidth).to.be.at.most(card.clientWidth + 2);

    const chat = await mount(
      { ...CHAT_IN, text: `שלום ${'x'.repeat(500)} https://example.com/${'y'.repeat(300)}` },
      { width: '420px' },
    );
    const bubble = $(chat, '[part=bubble]')!;
    expect(bubble.getBoundingClientRect().right).to.be.at.most(
      chat.getBoundingClientRect().right + 1,
    );
    expect($(chat, '[part=text]')!.getAttribute('dir')).to.equal('auto');
  });
});

describe('message-card helpers', () => {
  it('snippetOf skips blank, quoted and attribution lines', () => {
    expect(snippetOf('\n\nHola:\n\nGracias.\n\nEl lun, 1 nov, X escribió:\n> viejo')).to.equal(
      'Hola: Gracias.',
    );
    expect(snippetOf('---\n***\nTexto')).to.equal('Texto');
    expect(snippetOf('a'.repeat(500)).length).to.equal(200);
  });

  it('dateStyleFor: time today, day and month this year, full date before', () => {
    const now = new Date(2026, 10, 21, 12, 0);
    expect(dateStyleFor(new Date(2026, 10, 21, 8, 30), now)).to.have.keys('hour', 'minute');
    expect(dateStyleFor(new Date(2026, 2, 1), now)).to.include({ month: 'short' });
    expect(dateStyleFor(new Date(2025, 2, 1), now)).to.include({ dateStyle: 'medium' });
  });

  it('splitLinks trims trailing punctuation and ignores other schemes', () => {
    expect(splitLinks('ver (https://a.pe/x_(1)), luego.')).to.deep.equal([
      { text: 'ver (' },
      { text: 'https://a.pe/x_(1)', href: 'https://a.pe/x_(1)' },
      { text: '), luego.' },
    ]);
    expect(splitLinks('mailto:a@b.pe javascript:x http://')).to.deep.equal([
      { text: 'mailto:a@b.pe javascript:x http://' },
    ]);
  });
});
