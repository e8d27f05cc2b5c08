/**
 * Threading (F-4.6), reopening (F-4.3) and the block list (F-1.9) for mail that arrives over the
 * SMTP listener, parsed from real MIME: In-Reply-To, References (also when most of them point to
 * nothing), subject + contact with reply prefixes and ticket tags stripped, an unknown sender, a
 * reply reopening a completed case, automatic replies and bounces that never reopen, and blocked
 * senders kept aside without any live event, never resurrected by an unblock.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { AgentAdapter, AgentEvent } from '../../../../src/adapters/adapter.js';
import { storeOf } from '../../../../src/adapters/memory/backend.js';
import { SEED_IDS } from '../../../../src/adapters/memory/index.js';
import type { Message } from '../../../../src/model/index.js';
import { mailServer, rawMail, smtpSend, type MailTestServer } from './inbound-helpers.js';

describe('mail in: threading and block list', { timeout: 60_000 }, () => {
  let server: MailTestServer;
  let agent: AgentAdapter;
  let supervisor: AgentAdapter;
  let n = 0;
  before(async () => {
    server = await mailServer();
    agent = server.backend.agent('agent');
    supervisor = server.backend.agent('supervisor');
  });
  after(() => server?.stop());

  /** Sends a mail over SMTP and returns the message it became (or `undefined`). */
  const send = async (h: Parameters<typeof rawMail>[0], to = ['soporte@tiendaandina.pe']) => {
    const id = h.id ?? `t${++n}.${Date.now()}@example.com`;
    const reply = await smtpSend(server.mail.listenerPort!, rawMail({ ...h, id }), {
      from: 'envelope@example.com',
      to,
    });
    assert.match(reply, /^250 /);
    return { id, message: storeOf(server.backend).messageByRfcId(id) };
  };
  const stored = async (h: Parameters<typeof rawMail>[0], to?: string[]): Promise<Message> => {
    const { message } = await send(h, to);
    assert.ok(message, 'stored');
    return message;
  };

  it('threads by In-Reply-To, and by References when most of them point to nothing', async () => {
    const first = await stored({
      from: 'Ana Pérez <ana.perez@example.com>',
      subject: 'Talla equivocada',
    });
    const byReplyTo = await stored({
      from: 'ana.perez@example.com',
      subject: 'Asunto totalmente distinto',
      inReplyTo: first.messageId!,
    });
    assert.equal(byReplyTo.conversationId, first.conversationId);
    assert.equal(byReplyTo.interactionId, first.interactionId);
    const byReferences = await stored({
      from: 'colega.de.ana@example.org',
      subject: 'Otro asunto',
      references: ['nunca-existio@example.com', first.messageId!, 'tampoco@example.com'],
    });
    assert.equal(byReferences.conversationId, first.conversationId);
    assert.deepEqual(byReferences.references, [
      'nunca-existio@example.com',
      first.messageId!,
      'tampoco@example.com',
    ]);
  });

  it('falls back to subject + contact, stripping prefixes and ticket tags', async () => {
    const first = await stored({ from: 'luis.rojas@example.com', subject: 'Cambio de dirección' });
    for (const subject of [
      'Re: Cambio de dirección',
      'RE: [#6620] AW: cambio de direccion',
      'Antw: SV: WG: Fwd: Cambio de dirección',
      '[Tienda Andina #6620] RV: Re[2]: Cambio de dirección (fwd)',
    ]) {
      const m = await stored({
        from: 'Luis.Rojas@example.com',
        subject,
        references: ['perdido@nowhere.example'],
      });
      assert.equal(m.conversationId, first.conversationId, subject);
    }
    const stranger = await stored({ from: 'otro@example.com', subject: 'Re: Cambio de dirección' });
    assert.notEqual(stranger.conversationId, first.conversationId, 'another contact: a new case');
  });

  it('an unknown sender becomes an auto contact with a new case', async () => {
    const m = await stored({
      from: '"Quispe, Pedro" <pedro.quispe@example.net>',
      subject: 'Primera vez',
    });
    const detail = await agent.getConversation(m.conversationId);
    assert.equal(detail.contact.name, 'Quispe, Pedro');
    assert.equal(detail.contact.source, 'auto');
    assert.deepEqual(detail.contact.emails, ['pedro.quispe@example.net']);
    assert.equal(detail.conversation.status, 'open');
    assert.equal(detail.conversation.read, false);
  });

  it('files mail for the English address in the English campaign', async () => {
    const m = await stored({ from: 'new.buyer@example.com', to: 'support@northwind.example' }, [
      'support@northwind.example',
    ]);
    assert.equal((await agent.campaign(m.conversationId)).id, SEED_IDS.campaigns.en);
  });

  it('a reply reopens a completed case; an auto-reply or a bounce never does', async () => {
    const first = await stored({ from: 'marta.leon@example.com', subject: 'Factura' });
    await agent.setStatus(first.conversationId, 'completed');
    const events: AgentEvent[] = [];
    const unsubscribe = agent.subscribe((e) => events.push(e));
    try {
      const auto = await stored({
        from: 'marta.leon@example.com',
        subject: 'Respuesta automática: Factura',
        inReplyTo: first.messageId!,
        extra: ['Auto-Submitted: auto-replied'],
      });
      assert.equal(auto.autoReply, true);
      assert.equal(auto.conversationId, first.conversationId);
      assert.equal(
        (await agent.getConversation(first.conversationId)).conversation.status,
        'completed',
      );

      const bounceId = `bounce.${Date.now()}@mx.example.com`;
      const report = [
        'From: Mail Delivery System <MAILER-DAEMON@mx.example.com>',
        'To: soporte@tiendaandina.pe',
        'Subject: Undelivered Mail Returned to Sender',
        `Message-ID: <${bounceId}>`,
        'MIME-Version: 1.0',
        'Content-Type: multipart/report; report-type=delivery-status; boundary="r"',
        '',
        '--r',
        'Content-Type: text/plain',
        '',
        'No se pudo entregar.',
        '--r',
        'Content-Type: message/delivery-status',
        '',
        'Final-Recipient: rfc822; marta.leon@example.com',
        'Action: failed',
        '--r',
        'Content-Type: text/rfc822-headers',
        '',
        `Message-ID: <${first.messageId}>`,
        'Subject: Factura',
        '--r--',
        '',
      ].join('\r\n');
      await smtpSend(server.mail.listenerPort!, report, {
        from: '',
        to: ['soporte@tiendaandina.pe'],
      });
      const bounce = storeOf(server.backend).messageByRfcId(bounceId)!;
      assert.equal(bounce.autoReply, true);
      assert.equal(bounce.conversationId, first.conversationId, 'the bounce joins its case');
      assert.equal(
        (await agent.getConversation(first.conversationId)).conversation.status,
        'completed',
      );

      const reply = await stored({
        from: 'marta.leon@example.com',
        subject: 'Re: Factura',
        inReplyTo: auto.messageId!,
      });
      assert.equal(reply.conversationId, first.conversationId);
      const after = await agent.getConversation(first.conversationId);
      assert.equal(after.conversation.status, 'open', 'reopened (F-4.3)');
      assert.ok(
        events.some(
          (e) =>
            e.type === 'conversation.updated' &&
            e.conversation.id === first.conversationId &&
            e.conversation.status === 'open',
        ),
        'agents are told',
      );
    } finally {
      unsubscribe();
    }
  });

  it('blocked address or @domain: kept aside, no live event, never resurrected by an unblock', async () => {
    await supervisor.blockSender('spam@ofertas.example', 'Publicidad');
    await supervisor.blockSender('@estafa.example', 'Phishing');
    const inbox = async () => (await agent.listConversations({ limit: 200 })).total;
    const before = await inbox();
    const events: AgentEvent[] = [];
    const unsubscribe = agent.subscribe((e) => events.push(e));
    let blockedId: string;
    try {
      const a = await send({ from: 'Spam <SPAM@ofertas.example>', subject: 'Gane' });
      const b = await send({ from: 'Banco <Alertas@Estafa.example>', subject: 'Su cuenta' });
      assert.equal(a.message, undefined);
      assert.equal(b.message, undefined);
      assert.equal(server.backend.mailIn.known(a.id), 'blocked');
      assert.equal(server.backend.mailIn.known(b.id), 'blocked');
      blockedId = a.id;
      await new Promise((r) => setTimeout(r, 50));
      assert.deepEqual(events, [], 'no live event');
      assert.equal(await inbox(), before, 'nothing in the inbox');
      const aside = [...storeOf(server.backend).blockedMail.values()].map((m) => m.messageId);
      assert.ok(aside.includes(a.id) && aside.includes(b.id), 'kept aside');
    } finally {
      unsubscribe();
    }
    await supervisor.unblockSender('spam@ofertas.example');
    const again = await send({ id: blockedId, from: 'spam@ofertas.example', subject: 'Gane' });
    assert.equal(again.message, undefined, 'the same mail again is not resurrected');
    assert.equal(await inbox(), before);
    const fresh = await send({ from: 'spam@ofertas.example', subject: 'Ahora sí' });
    assert.ok(fresh.message, 'new mail after the unblock is delivered');
  });
});
