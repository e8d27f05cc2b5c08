/**
 * Mail out through a real SMTP peer (smtp-server): what the customer's server receives for an
 * agent's reply, and how the delivery behaves when the relay refuses, is down, or the agent
 * cancels inside the undo window.
 */
import assert from 'node:assert/strict';
import { after, afterEach, before, beforeEach, describe, it } from 'node:test';
import PostalMime from 'postal-mime';
import { storeOf } from '../../../../src/adapters/memory/backend.js';
import type { MailboxConfig } from '../../../../src/adapters/node/mail/mailbox-config.js';
import { startSmtpPeer, type SmtpPeer } from '../../../support/smtp-peer.js';
import {
  andinaMailbox,
  ES_ADDRESS,
  jorge,
  messageOf,
  openOutboundBackend,
  replyToJorge,
  sleep,
  storeFile,
  waitForStatus,
  type OutboundBackend,
} from './outbound-helpers.js';

const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);
const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n',
);

describe('mail out through an SMTP relay', () => {
  let peer: SmtpPeer;
  let env: OutboundBackend;
  const mailbox = (): MailboxConfig =>
    andinaMailbox({ smtp: peer.settings({ auth: { user: 'soporte', pass: 'clave-smtp' } }) });

  before(async () => {
    peer = await startSmtpPeer({ auth: { user: 'soporte', pass: 'clave-smtp' } });
  });
  after(async () => {
    await peer.close();
  });
  beforeEach(async () => {
    peer.received.length = 0;
    peer.refuse(null);
    if (!peer.running) await peer.start();
    env = await openOutboundBackend({
      mailboxes: [mailbox()],
      retry: { attempts: 3, delayMs: (n) => 60 * n },
    });
  });
  afterEach(() => env.remove());

  it('delivers a reply with its threading headers, envelope, HTML, inline image and attachment', async () => {
    const agent = env.backend.agent('agent');
    const inline = await storeFile(env, {
      name: 'foto.png',
      bytes: PNG,
      type: 'image/png',
      purpose: 'inline',
    });
    const pdf = await storeFile(env, {
      name: 'Factura F001.pdf',
      bytes: PDF,
      type: 'application/pdf',
      purpose: 'attachment',
    });
    const answered = (
      await agent.listMessages(jorge.latestInteractionId, { limit: 100 })
    ).items.find((m) => m.id === jorge.latestMessageId)!;
    const { message } = await agent.send(
      replyToJorge({
        cc: [{ name: 'Almacén', address: 'almacen@tiendaandina.pe' }],
        bcc: [{ address: 'auditoria@tiendaandina.pe' }],
        html:
          `<p>Su pedido sale hoy. Así quedó el paquete:</p>` +
          `<p><img src="${inline.url.replace(/&/g, '&amp;')}" alt="paquete" width="320" data-attachment-id="${inline.id}"></p>`,
        text: 'Su pedido sale hoy. Así quedó el paquete:',
        attachmentIds: [pdf.id, inline.id],
      }),
    );
    assert.equal(message.status, 'scheduled');
    assert.equal(peer.received.length, 0, 'nothing leaves inside the undo window');

    const [mail] = await peer.waitFor(1);
    const sent = await waitForStatus(env.backend, message, 'sent');
    assert.equal(mail!.auth?.user, 'soporte', 'signed in with the mailbox credentials');
    assert.equal(mail!.envelope.from, ES_ADDRESS);
    assert.deepEqual(
      [...mail!.envelope.to].sort(),
      [jorge.address, 'almacen@tiendaandina.pe', 'auditoria@tiendaandina.pe'].sort(),
    );

    const raw = mail!.raw.toString('utf8');
    assert.match(raw, /^Content-Type: multipart\/alternative;/m);
    assert.match(raw, /^Content-Type: multipart\/related;/m);
    assert.doesNotMatch(raw, /^Bcc:/im, 'BCC stays out of the headers');

    const parsed = await PostalMime.parse(mail!.raw);
    assert.deepEqual(parsed.from, { name: 'Lucía Ramos', address: ES_ADDRESS });
    assert.deepEqual(parsed.to, [{ name: 'Jorge Taype', address: jorge.address }]);
    assert.deepEqual(parsed.cc, [{ name: 'Almacén', address: 'almacen@tiendaandina.pe' }]);
    assert.equal(parsed.subject, sent.subject);
    assert.match(sent.subject, /^Re: /);
    assert.ok(sent.messageId, 'the stored message has a Message-ID');
    assert.equal(parsed.messageId, `<${sent.messageId}>`);
    assert.equal(parsed.inReplyTo, `<${answered.messageId}>`);
    const references = (parsed.references ?? '').split(/\s+/).filter(Boolean);
    assert.deepEqual(
      references,
      [...answered.references, answered.messageId!].map((id) => `<${id}>`),
      'References: the answered message’s references, then its own id',
    );

    assert.ok(parsed.html?.includes('Su pedido sale hoy'));
    assert.ok(parsed.text?.includes('Su pedido sale hoy'));
    const image = parsed.attachments.find((a) => a.mimeType === 'image/png');
    assert.ok(image, 'the inline image is a part of the mail');
    assert.equal(image.disposition, 'inline');
    const cid = image.contentId!.replace(/^<|>$/g, '');
    assert.ok(parsed.html!.includes(`src="cid:${cid}"`), 'the HTML points at the cid part');
    assert.ok(!parsed.html!.includes('/api/v1/files/'), 'no server URL left in the HTML');
    assert.ok(!parsed.html!.includes('data-attachment-id'));
    assert.deepEqual(Buffer.from(image.content as ArrayBuffer), PNG);
    const file = parsed.attachments.find((a) => a.filename === 'Factura F001.pdf');
    assert.ok(file, 'the PDF is attached with its name');
    assert.equal(file.mimeType, 'application/pdf');
    assert.equal(file.disposition, 'attachment');
    assert.deepEqual(Buffer.from(file.content as ArrayBuffer), PDF);

    const entry = storeOf(env.backend).outbox.get(message.id)!;
    assert.equal(entry.attempts, 1);
    assert.match(entry.delivered?.response ?? '', /queued as peer-1/);
    assert.equal(sent.error, undefined);
  });

  it('retries a refusal with backoff, then fails with the server’s reason', async () => {
    peer.refuse({ code: 550, message: '5.7.1 Relaying denied for this sender' });
    const { message } = await env.backend.agent('agent').send(replyToJorge());
    const failed = await waitForStatus(env.backend, message, 'failed', 8000);
    assert.equal(peer.refused, 3, 'three attempts reached the server');
    assert.equal(peer.received.length, 0);
    assert.match(failed.error ?? '', /550 5\.7\.1 Relaying denied for this sender/);
    const entry = storeOf(env.backend).outbox.get(message.id)!;
    assert.equal(entry.attempts, 3);
    assert.equal(entry.retryAt, undefined);
  });

  it('a relay that is down, then up again, gets the message once', async () => {
    await peer.stop();
    const { message } = await env.backend.agent('agent').send(replyToJorge());
    const entry = storeOf(env.backend).outbox.get(message.id)!;
    const deadline = Date.now() + 5000;
    while ((entry.attempts ?? 0) < 2 && Date.now() < deadline) await sleep(10);
    assert.ok((entry.attempts ?? 0) >= 2, 'attempts while the relay is down');
    assert.match(entry.lastError ?? '', /ECONNREFUSED|connect/i);
    assert.equal((await messageOf(env.backend, message))?.status, 'sending');
    await peer.start();
    await waitForStatus(env.backend, message, 'sent', 5000);
    await sleep(300);
    assert.equal(peer.received.length, 1, 'delivered exactly once');
  });

  it('a send cancelled inside the undo window never reaches the relay', async () => {
    const agent = env.backend.agent('agent');
    const { message, cancellableUntil } = await agent.send(
      replyToJorge({ html: '<p>Mejor no.</p>', text: 'Mejor no.' }),
    );
    assert.ok(cancellableUntil);
    const draft = await agent.cancelSend(message.id);
    assert.equal(draft.html, '<p>Mejor no.</p>', 'the draft comes back as written');
    await sleep(700);
    assert.equal(peer.received.length, 0);
    assert.equal(storeOf(env.backend).outbox.get(message.id)?.attempts, undefined);
  });

  it('signs in with an OAuth2 bearer token (XOAUTH2) when the mailbox has one', async () => {
    const oauthPeer = await startSmtpPeer({
      auth: { user: 'soporte@tiendaandina.pe', accessToken: 'ya29.token' },
    });
    const oauth = await openOutboundBackend({
      mailboxes: [
        {
          ...mailbox(),
          smtp: oauthPeer.settings({
            auth: { user: 'soporte@tiendaandina.pe', accessToken: 'ya29.token' },
          }),
        },
      ],
    });
    try {
      const { message } = await oauth.backend.agent('agent').send(replyToJorge());
      const [mail] = await oauthPeer.waitFor(1);
      await waitForStatus(oauth.backend, message, 'sent');
      assert.deepEqual(mail!.auth, {
        user: 'soporte@tiendaandina.pe',
        method: 'XOAUTH2',
        accessToken: 'ya29.token',
      });
    } finally {
      await oauth.remove();
      await oauthPeer.close();
    }
  });
});
