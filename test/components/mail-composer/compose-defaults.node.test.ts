import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  baseSubject,
  composeSubject,
  forwardBlockHtml,
  initialRecipients,
  textToHtml,
} from '../../../src/components/mail-composer/compose-defaults.js';
import { campaignHtml } from '../../../src/components/mail-composer/composer-load.js';
import type { Message } from '../../../src/model/index.js';

const PREFIXES = { reply: 'RE:', forward: 'RV:' };

function message(overrides: Partial<Message> = {}): Message {
  return {
    id: 'm1',
    conversationId: 'c1',
    interactionId: 'i1',
    channel: 'email',
    direction: 'inbound',
    from: { kind: 'contact', name: 'Jorge Taype', address: 'jorge@example.pe' },
    to: [{ address: 'soporte@tiendaandina.pe' }, { name: 'Eva', address: 'Eva@Example.pe' }],
    cc: [{ address: 'eva@example.pe' }, { address: 'luis@example.pe' }],
    bcc: [],
    subject: 'Pedido <123>',
    originDate: '2026-11-20T10:00:00.000Z',
    registeredAt: '2026-11-20T10:00:05.000Z',
    text: 'Hola\n\nLínea & más',
    attachments: [],
    references: [],
    status: 'sent',
    ...overrides,
  };
}

describe('composeSubject', () => {
  it('adds one localized prefix, never piling them up', () => {
    assert.equal(composeSubject('reply', 'Re: RE: Fwd: Pedido', PREFIXES), 'RE: Pedido');
    assert.equal(composeSubject('replyAll', 'AW: SV: RV: Pedido', PREFIXES), 'RE: Pedido');
    assert.equal(composeSubject('forward', 'RE: Pedido', PREFIXES), 'RV: Pedido');
    assert.equal(
      composeSubject('reply', 'Re[2]: Pedido', { reply: 'Re:', forward: 'Fwd:' }),
      'Re: Pedido',
    );
    assert.equal(composeSubject('new', 'Re: keep', PREFIXES), 'Re: keep');
    assert.equal(composeSubject('reply', '', PREFIXES), 'RE:');
  });
  it('leaves words that merely start like a prefix', () => {
    assert.equal(baseSubject('Reembolso pendiente'), 'Reembolso pendiente');
    assert.equal(baseSubject('Fwd:Fwd:  Factura'), 'Factura');
  });
});

describe('initialRecipients', () => {
  const own = ['soporte@tiendaandina.pe', 'lucia@tiendaandina.pe'];
  it('reply answers the sender only', () => {
    assert.deepEqual(initialRecipients('reply', message(), own), {
      to: [{ name: 'Jorge Taype', address: 'jorge@example.pe' }],
      cc: [],
    });
  });
  it('reply all copies every other To and CC once, without the agent’s addresses', () => {
    const { to, cc } = initialRecipients('replyAll', message(), own);
    assert.deepEqual(to, [{ name: 'Jorge Taype', address: 'jorge@example.pe' }]);
    assert.deepEqual(cc, [
      { name: 'Eva', address: 'eva@example.pe' },
      { address: 'luis@example.pe' },
    ]);
  });
  it('reply all never copies the sender again', () => {
    const m = message({ cc: [{ address: 'JORGE@example.pe' }] });
    assert.deepEqual(initialRecipients('replyAll', m, own).cc, [
      { name: 'Eva', address: 'eva@example.pe' },
    ]);
  });
  it('answering the agent’s own outbound mail goes to its recipients', () => {
    const m = message({
      direction: 'outbound',
      from: { kind: 'agent', name: 'Lucía', address: 'soporte@tiendaandina.pe' },
      to: [{ address: 'jorge@example.pe' }],
      cc: [{ address: 'eva@example.pe' }],
    });
    assert.deepEqual(initialRecipients('reply', m, own), {
      to: [{ address: 'jorge@example.pe' }],
      cc: [],
    });
    assert.deepEqual(initialRecipients('replyAll', m, own).cc, [{ address: 'eva@example.pe' }]);
  });
  it('forward and new start empty', () => {
    assert.deepEqual(initialRecipients('forward', message(), own), { to: [], cc: [] });
    assert.deepEqual(initialRecipients('new', undefined, own), { to: [], cc: [] });
  });
});

describe('forward block and texts', () => {
  it('names subject, date, from and recipients, escaped, then the content', () => {
    const html = forwardBlockHtml(
      message(),
      {
        heading: 'Mensaje reenviado',
        from: 'De',
        date: 'Fecha',
        subject: 'Asunto',
        to: 'Para',
        cc: 'CC',
      },
      (iso) => `fecha(${iso})`,
    );
    assert.match(html, /Mensaje reenviado/);
    assert.match(html, /De: Jorge Taype &lt;jorge@example\.pe&gt;/);
    assert.match(html, /Fecha: fecha\(2026-11-20T10:00:00\.000Z\)/);
    assert.match(html, /Asunto: Pedido &lt;123&gt;/);
    assert.match(html, /Para: soporte@tiendaandina\.pe, Eva &lt;Eva@Example\.pe&gt;/);
    assert.match(html, /CC: eva@example\.pe, luis@example\.pe/);
    assert.match(html, /<p>Hola<\/p><p>Línea &amp; más<\/p>$/);
  });
  it('turns campaign text into paragraphs but keeps campaign HTML', () => {
    assert.equal(
      textToHtml('Saludos,\nLucía\n\nTienda <Andina>'),
      '<p>Saludos,<br>Lucía</p><p>Tienda &lt;Andina&gt;</p>',
    );
    const ctx = { contact: { name: 'Jorge <b>Taype</b>' }, agent: { name: 'Lucía' } };
    assert.equal(
      campaignHtml('<p>{{agent.name}} <img src="x.png" alt="logo"></p>{{contact.name}}', ctx),
      '<p>Lucía <img src="x.png" alt="logo"></p>Jorge &lt;b&gt;Taype&lt;/b&gt;',
    );
    assert.equal(campaignHtml('Hola {{contact.first_name}},', ctx), '<p>Hola Jorge,</p>');
  });
});
