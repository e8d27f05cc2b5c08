import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import type { AgentEvent, VisitorEvent } from '../../../src/adapters/adapter.js';
import {
  createMemoryBackend,
  SEED_IDS,
  type MemoryBackend,
} from '../../../src/adapters/memory/index.js';

const INBOX = { name: 'Soporte Tienda Andina', address: 'soporte@tiendaandina.pe' };
const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('receiveEmail threading', () => {
  let backend: MemoryBackend;
  let clock: Date;
  beforeEach(() => {
    clock = new Date('2026-11-20T15:00:00.000Z');
    backend = createMemoryBackend({ now: () => clock });
  });
  afterEach(() => backend.dispose());

  it('threads by subject and contact, ignoring reply prefixes, case and accents', async () => {
    const first = await backend.receiveEmail({
      from: { name: 'Ana Pérez', address: 'ana.perez@example.com' },
      to: [INBOX],
      subject: 'Devolución de casaca',
      text: 'Hola',
    });
    assert.ok(first);
    for (const subject of [
      'Re: Devolución de casaca',
      'RE: RV: devolucion de CASACA',
      'Fwd:  Re:Devolución   de casaca',
      'AW: SV: Devolución de casaca',
    ]) {
      const next = await backend.receiveEmail({
        from: { address: 'ANA.PEREZ@example.com' },
        to: [INBOX],
        subject,
        text: 'Otra vez',
      });
      assert.equal(next?.conversationId, first.conversationId, subject);
      assert.equal(next?.interactionId, first.interactionId, subject);
    }
    const other = await backend.receiveEmail({
      from: { address: 'ana.perez@example.com' },
      to: [INBOX],
      subject: 'Otra consulta',
      text: 'Hola',
    });
    assert.notEqual(other?.conversationId, first.conversationId);
  });

  it('does not thread by subject for another contact or after 30 days', async () => {
    const first = await backend.receiveEmail({
      from: { address: 'a1@example.com' },
      to: [INBOX],
      subject: 'Pedido demorado',
      text: 'x',
    });
    const stranger = await backend.receiveEmail({
      from: { address: 'a2@example.com' },
      to: [INBOX],
      subject: 'Re: Pedido demorado',
      text: 'x',
    });
    assert.notEqual(stranger?.conversationId, first?.conversationId);
    clock = new Date(clock.getTime() + 31 * 86_400_000);
    const late = await backend.receiveEmail({
      from: { address: 'a1@example.com' },
      to: [INBOX],
      subject: 'Re: Pedido demorado',
      text: 'x',
    });
    assert.notEqual(late?.conversationId, first?.conversationId);
  });

  it("threads into Jorge's interaction by subject, and by References before subject", async () => {
    const bySubject = await backend.receiveEmail({
      from: { address: SEED_IDS.jorge.address },
      to: [INBOX],
      subject: 'RE: Consulta: garantía de las zapatillas Trail Andes',
      text: 'Una foto más',
    });
    assert.equal(bySubject?.interactionId, SEED_IDS.jorge.latestInteractionId);
    const agent = backend.agent('agent');
    const page = await agent.listMessages('int-6597-03');
    const parent = page.items[1]!;
    const byReferences = await backend.receiveEmail({
      from: { address: 'someone.else@example.com' },
      to: [INBOX],
      subject: 'Asunto cambiado',
      text: 'x',
      references: ['unknown@nowhere.example', parent.messageId!],
    });
    assert.equal(byReferences?.interactionId, 'int-6597-03');
  });

  it('creates an auto contact and a new case with the next number for an unknown sender', async () => {
    const named = await backend.receiveEmail({
      from: { name: 'Rosa Ccori', address: 'rosa.ccori@example.com' },
      to: [INBOX],
      subject: 'Hola',
      text: 'x',
    });
    const bare = await backend.receiveEmail({
      from: { address: 'p.quispe+tienda@example.com' },
      to: [INBOX],
      subject: 'Hola',
      text: 'x',
    });
    const agent = backend.agent('agent');
    const a = await agent.getConversation(named!.conversationId);
    const b = await agent.getConversation(bare!.conversationId);
    assert.equal(a.contact.name, 'Rosa Ccori');
    assert.equal(a.contact.source, 'auto');
    assert.equal(b.contact.name, 'p.quispe+tienda');
    assert.equal(b.conversation.number, a.conversation.number + 1);
    assert.ok(a.conversation.number > 6619);
    assert.equal(a.interactions.length, 1);
    assert.equal(a.interactions[0]!.channel, 'email');
    assert.equal(a.conversation.read, false);
  });

  it('files mail sent to the English mailbox in the English campaign', async () => {
    const m = await backend.receiveEmail({
      from: { address: 'new.customer@example.com' },
      to: [{ address: 'support@northwind.example' }],
      subject: 'Hello',
      text: 'x',
    });
    const settings = await backend.agent('agent').campaign(m!.conversationId);
    assert.equal(settings.id, SEED_IDS.campaigns.en);
  });

  it('stores nothing from a blocked address or domain', async () => {
    const agent = backend.agent('agent');
    const before = (await agent.listConversations()).total;
    assert.equal(
      await backend.receiveEmail({
        from: { address: 'Ofertas@Promo-Spam.example' },
        to: [INBOX],
        subject: 'Oferta',
        text: 'x',
      }),
      null,
    );
    assert.equal(
      await backend.receiveEmail({
        from: { address: 'security@phishing.example' },
        to: [INBOX],
        subject: 'Cuenta',
        text: 'x',
      }),
      null,
    );
    assert.equal((await agent.listConversations()).total, before);
  });

  it('is idempotent by Message-ID', async () => {
    const mail = {
      from: { address: 'dup@example.com' },
      to: [INBOX],
      subject: 'Duplicado',
      text: 'x',
      messageId: 'abc-123@example.com',
    };
    const a = await backend.receiveEmail(mail);
    const b = await backend.receiveEmail({ ...mail, messageId: '<abc-123@example.com>' });
    assert.equal(b?.id, a?.id);
  });

  it('reopens a completed case unless it is an automatic reply, and tells agents', async () => {
    const agent = backend.agent('agent');
    const events: AgentEvent[] = [];
    const stop = agent.subscribe((e) => events.push(e));
    const id = SEED_IDS.completedCase.conversationId;
    await backend.receiveEmail({
      from: { address: 'rosa.huaman@yahoo.com' },
      to: [INBOX],
      subject: 'Re: Cambio de dirección de entrega, pedido TA-47902',
      text: 'Fuera de oficina',
      autoReply: true,
    });
    assert.equal((await agent.getConversation(id)).conversation.status, 'completed');
    await backend.receiveEmail({
      from: { address: 'rosa.huaman@yahoo.com' },
      to: [INBOX],
      subject: 'Re: Cambio de dirección de entrega, pedido TA-47902',
      text: 'Una consulta más',
    });
    const summary = (await agent.getConversation(id)).conversation;
    assert.equal(summary.status, 'open');
    assert.equal(summary.read, false);
    await flush();
    assert.ok(events.some((e) => e.type === 'message.created' && e.conversation.id === id));
    assert.ok(
      events.some(
        (e) =>
          e.type === 'conversation.updated' &&
          e.conversation.id === id &&
          e.conversation.status === 'open',
      ),
    );
    stop();
  });

  it("delivers the contact's mail to the case's visitor", async () => {
    const visitor = backend.visitor(SEED_IDS.visitors.jorge);
    const events: VisitorEvent[] = [];
    const stop = visitor.subscribe((e) => events.push(e));
    const m = await backend.receiveEmail({
      from: { address: SEED_IDS.jorge.address },
      to: [INBOX],
      subject: 'Re: Consulta: garantía de las zapatillas Trail Andes',
      text: 'Gracias',
    });
    await flush();
    assert.ok(
      events.some(
        (e) =>
          e.type === 'message.created' && e.message.id === m?.id && e.message.channel === 'email',
      ),
    );
    stop();
  });
});
