/**
 * The visitor side (F-5): resume and history per device, idempotent send, email capture,
 * identify, replies from agents by chat and by email, reopening, isolation between visitors.
 */
import {
  deepEqual,
  equal,
  includesFields,
  isIsoDate,
  notEqual,
  ok,
  recordEvents,
  rejectsWith,
  sleep,
  unique,
} from './assert.js';
import {
  QUIET_MS,
  UNDO_MS,
  WAIT_MS,
  agentEvent,
  snapshot,
  visitorEvent,
  type SuiteContext,
} from './context.js';
import type { TestApi } from './harness.js';

export function defineVisitorTests({ describe, it }: TestApi, ctx: SuiteContext): void {
  describe('visitor resume and history (F-5.2)', () => {
    it('a new device starts with no conversation', async () => {
      const session = await ctx.visitor(ctx.uid('device')).resume();
      ok(session.visitor.id, 'visitor id');
      equal(session.visitor.email, undefined, 'anonymous');
      equal(session.visitor.contactId, undefined, 'no contact yet');
      isIsoDate(session.visitor.lastSeenAt);
      equal(session.conversation, null);
      deepEqual(session.messages, []);
      equal(session.hasMore, false);
      equal(session.agentsOnline, false, 'no agent is subscribed');
      ok(session.campaign.name, 'campaign name');
      equal(typeof session.campaign.greeting, 'string');
      ok(session.campaign.attachments.attachment.maxBytes > 0, 'limits');
    });

    it('a seeded device resumes its conversation and history', async () => {
      const deviceId = ctx.ids.visitorDeviceIds[0];
      ok(deviceId, 'the seed has a visitor device');
      const session = await ctx.visitor(deviceId).resume();
      ok(session.conversation, 'conversation');
      ok(session.messages.length > 0, 'history');
      const agentSide = await ctx.agent().getConversation(session.conversation.id);
      equal(
        agentSide.conversation.number,
        session.conversation.number,
        'the agent side sees the same case',
      );
      equal(agentSide.conversation.visitorId, session.visitor.id, 'tied to the visitor');
    });

    it('the same device resumes the same visitor and history; a new device starts over', async () => {
      const chat = await ctx.newChatCase();
      await chat.visitor.send({ clientId: ctx.uid('c'), text: 'Segundo mensaje' });
      const again = await ctx.backend.visitor(chat.deviceId).resume();
      const first = await chat.visitor.resume();
      equal(again.visitor.id, first.visitor.id, 'same visitor');
      equal(again.conversation?.id, chat.conversationId, 'same conversation');
      deepEqual(
        again.messages.map((m) => m.text),
        ['Hola, necesito ayuda con mi pedido', 'Segundo mensaje'],
      );
      const fresh = await ctx.visitor(ctx.uid('device')).resume();
      notEqual(fresh.visitor.id, first.visitor.id, 'a new device is a new visitor');
      equal(fresh.conversation, null);
      deepEqual(fresh.messages, []);
    });

    it('pages history backwards with before and hasMore', async () => {
      const chat = await ctx.newChatCase({ text: 'm0' });
      for (let i = 1; i < 5; i++)
        await chat.visitor.send({ clientId: ctx.uid('c'), text: `m${i}` });
      const newest = await chat.visitor.history({ limit: 2 });
      deepEqual(
        newest.items.map((m) => m.text),
        ['m3', 'm4'],
        'newest page, oldest first',
      );
      equal(newest.hasMore, true);
      const older = await chat.visitor.history({ limit: 2, before: newest.items[0]!.id });
      deepEqual(
        older.items.map((m) => m.text),
        ['m1', 'm2'],
      );
      equal(older.hasMore, true);
      const oldest = await chat.visitor.history({ limit: 2, before: older.items[0]!.id });
      deepEqual(
        oldest.items.map((m) => m.text),
        ['m0'],
      );
      equal(oldest.hasMore, false);
      const all = await chat.visitor.history();
      equal(all.items.length, 5);
      unique(all.items, (m) => m.id);
    });

    it("never shows another visitor's messages", async () => {
      const a = await ctx.newChatCase({ text: 'Soy el visitante A' });
      const b = await ctx.newChatCase({ text: 'Soy el visitante B' });
      notEqual(a.conversationId, b.conversationId);
      const bLog = recordEvents(b.visitor);
      await ctx.settle();
      await a.visitor.send({ clientId: ctx.uid('c'), text: 'Otro mensaje de A' });
      await ctx.agent().send(ctx.chatMessage(a.conversationId, 'Respuesta para A'));
      await a.visitor.typing(true);
      await ctx.agent().setTyping(a.conversationId, true);
      await ctx.agent().setStatus(a.conversationId, 'completed');
      const bHistory = await b.visitor.history();
      deepEqual(
        bHistory.items.map((m) => m.text),
        ['Soy el visitante B'],
        'B sees only B',
      );
      await rejectsWith(
        b.visitor.history({ before: a.first.id }),
        'not-found',
        undefined,
        "A's message id from B",
      );
      await bLog.expectNone((e) => e.type !== 'presence', QUIET_MS, 'no event about A reaching B');
    });
  });

  describe('visitor send (F-5.4, F-5.6)', () => {
    it('the first message creates the case; agents see it live', async () => {
      const agent = ctx.agent();
      const log = recordEvents(agent);
      await ctx.settle();
      const visitor = ctx.visitor(ctx.uid('device'));
      const clientId = ctx.uid('client');
      const message = await visitor.send({ clientId, text: 'Hola, ¿tienen envío a Cusco?' });
      includesFields(message, {
        clientId,
        channel: 'chat',
        direction: 'inbound',
        text: 'Hola, ¿tienen envío a Cusco?',
        status: 'sent',
        attachments: [],
      });
      isIsoDate(message.registeredAt);
      const session = await visitor.resume();
      ok(session.conversation, 'conversation created');
      equal(session.conversation.status, 'open');
      deepEqual(
        session.messages.map((m) => m.id),
        [message.id],
      );
      equal(session.agentsOnline, true, 'an agent is subscribed');
      const created = await log.waitFor(
        agentEvent('message.created', (e) => e.message.clientId === clientId),
        {
          description: 'message.created for the visitor message',
        },
      );
      includesFields(created.message, {
        channel: 'chat',
        direction: 'inbound',
        text: message.text,
      });
      equal(created.conversation.id, session.conversation.id);
      equal(created.conversation.number, session.conversation.number);
      equal(created.conversation.visitorId, session.visitor.id);
      deepEqual(created.conversation.channels, ['chat']);
      equal(created.conversation.read, false);
      const detail = await agent.getConversation(session.conversation.id);
      equal(detail.visitor?.id, session.visitor.id, 'the case shows its visitor');
      equal(detail.contact.source, 'visitor', 'an anonymous visitor gets a visitor contact');
    });

    it('is idempotent by clientId: one message, one event', async () => {
      const agent = ctx.agent();
      const chat = await ctx.newChatCase();
      const agentLog = recordEvents(agent);
      const visitorLog = recordEvents(chat.visitor);
      await ctx.settle();
      const clientId = ctx.uid('client');
      const first = await chat.visitor.send({ clientId, text: 'Solo una vez' });
      const second = await chat.visitor.send({ clientId, text: 'Solo una vez' });
      const third = await chat.visitor.send({ clientId, text: 'Texto distinto, mismo id' });
      equal(second.id, first.id);
      deepEqual(third, first, 'a repeat returns the first message');
      await agentLog.waitFor(agentEvent('message.created', (e) => e.message.clientId === clientId));
      await visitorLog.waitFor(
        visitorEvent('message.created', (e) => e.message.clientId === clientId),
      );
      await sleep(QUIET_MS);
      equal(
        agentLog.count(agentEvent('message.created', (e) => e.message.clientId === clientId)),
        1,
        'one agent event',
      );
      equal(
        visitorLog.count(visitorEvent('message.created', (e) => e.message.clientId === clientId)),
        1,
        'one visitor event',
      );
      const history = await chat.visitor.history();
      equal(history.items.filter((m) => m.clientId === clientId).length, 1, 'one stored message');
    });

    it('refuses empty text without attachments, a missing clientId and unknown attachments', async () => {
      const chat = await ctx.newChatCase();
      await rejectsWith(
        chat.visitor.send({ clientId: ctx.uid('c'), text: '' }),
        'invalid',
        undefined,
        'empty text',
      );
      await rejectsWith(
        chat.visitor.send({ clientId: ctx.uid('c'), text: '   ' }),
        'invalid',
        undefined,
        'blank text',
      );
      await rejectsWith(
        chat.visitor.send({ clientId: '', text: 'Hola' }),
        'invalid',
        undefined,
        'missing clientId',
      );
      await rejectsWith(
        chat.visitor.send({
          clientId: ctx.uid('c'),
          text: 'Hola',
          attachmentIds: ['no-such-attachment'],
        }),
        'not-found',
      );
      equal((await chat.visitor.history()).items.length, 1, 'nothing stored');
    });

    it('requires an email while no agent is online (F-5.3)', async () => {
      const visitor = ctx.visitor(ctx.uid('device'));
      const session = await visitor.resume();
      equal(session.agentsOnline, false);
      equal(session.campaign.requireEmailWhenOffline, true, 'the seed widget campaign requires it');
      await rejectsWith(visitor.send({ clientId: ctx.uid('c'), text: 'Hola' }), 'invalid', 'email');
      equal((await visitor.resume()).conversation, null, 'nothing created');
      await visitor.identify({ name: 'Elena Ríos', email: `${ctx.uid('elena')}@example.com` });
      const message = await visitor.send({ clientId: ctx.uid('c'), text: 'Hola' });
      equal(message.text, 'Hola', 'identified visitors may write while agents are away');
    });

    it('an anonymous visitor may write while an agent is online', async () => {
      const chat = await ctx.newChatCase({ anonymous: true });
      const session = await chat.visitor.resume();
      equal(session.visitor.email, undefined);
      ok(session.conversation);
    });
  });

  describe('visitor identify (F-5.3)', () => {
    it('links a new address to a new contact that agents see', async () => {
      const visitor = ctx.visitor(ctx.uid('device'));
      const email = `${ctx.uid('sofia')}@example.com`;
      const me = await visitor.identify({ name: 'Sofía Vargas', email: email.toUpperCase() });
      includesFields(me, { name: 'Sofía Vargas', email });
      ok(me.contactId, 'linked to a contact');
      const [contact] = await ctx.agent().findContacts(email);
      equal(contact?.id, me.contactId, 'the contact owns the address');
      await visitor.send({ clientId: ctx.uid('c'), text: 'Hola' });
      const session = await visitor.resume();
      includesFields(session.visitor, { email, contactId: me.contactId });
      const detail = await ctx.agent().getConversation(session.conversation!.id);
      equal(detail.conversation.contactId, me.contactId, 'the case belongs to that contact');
      equal(detail.visitor?.email, email);
    });

    it('links a known address to its existing contact', async () => {
      const visitor = ctx.visitor(ctx.uid('device'));
      const me = await visitor.identify({ name: 'Jorge', email: ctx.ids.jorge.address });
      equal(me.contactId, ctx.ids.jorge.contactId);
      deepEqual(
        (await ctx.agent().findContacts(ctx.ids.jorge.address)).map((c) => c.id),
        [ctx.ids.jorge.contactId],
        'no second contact',
      );
    });

    it('identifying later gives the anonymous case its address, live for agents', async () => {
      const agent = ctx.agent();
      const chat = await ctx.newChatCase({ anonymous: true });
      deepEqual(
        (await agent.getConversation(chat.conversationId)).contact.emails,
        [],
        'anonymous at first',
      );
      const log = recordEvents(agent);
      await ctx.settle();
      const email = `${ctx.uid('tarde')}@example.com`;
      const me = await chat.visitor.identify({ name: 'Raúl Cano', email });
      const detail = await agent.getConversation(chat.conversationId);
      equal(detail.conversation.contactId, me.contactId, 'the case belongs to the linked contact');
      ok(detail.contact.emails.includes(email), "the case's contact has the address");
      deepEqual(
        (await agent.findContacts(email)).map((c) => c.id),
        [me.contactId],
      );
      const event = await log.waitFor(
        agentEvent('conversation.updated', (e) => e.conversation.id === chat.conversationId),
        { description: 'conversation.updated after identify' },
      );
      ok(event.conversation.contact.emails.includes(email), 'the event shows the address');
      // Now email is possible for this case.
      const receipt = await agent.send({
        ...ctx.chatMessage(chat.conversationId, 'Le escribo por correo.'),
        mode: 'new',
        channel: 'email',
        subject: 'Su consulta',
        to: [{ address: email }],
      });
      equal(receipt.message.channel, 'email');
      await agent.cancelSend(receipt.message.id);
    });

    it('refuses a malformed email', async () => {
      const visitor = ctx.visitor(ctx.uid('device'));
      await rejectsWith(
        visitor.identify({ name: 'X', email: 'no es un correo' }),
        'invalid',
        'email',
      );
      equal((await visitor.resume()).visitor.email, undefined, 'unchanged');
    });
  });

  describe('agent replies reach the visitor (F-5.4)', () => {
    it('a chat reply arrives live and in the history', async () => {
      const agent = ctx.agent();
      const me = await agent.me();
      const chat = await ctx.newChatCase();
      const log = recordEvents(chat.visitor);
      await ctx.settle();
      const { message } = await agent.send(
        ctx.chatMessage(chat.conversationId, 'Hola, le ayudo enseguida.'),
      );
      const event = await log.waitFor(
        visitorEvent('message.created', (e) => e.message.id === message.id),
        {
          description: 'message.created on the visitor side',
        },
      );
      includesFields(event.message, {
        channel: 'chat',
        direction: 'outbound',
        text: 'Hola, le ayudo enseguida.',
        authorName: me.name,
      });
      const history = await chat.visitor.history();
      const mine = history.items.find((m) => m.id === message.id);
      equal(mine?.status, 'sent', 'committed chat reads as sent');
      const fields = Object.keys(mine!);
      for (const hidden of ['to', 'cc', 'bcc', 'messageId', 'references', 'from']) {
        ok(!fields.includes(hidden), `visitor messages have no ${hidden}`);
      }
    });

    it('an email reply arrives in the widget too, once committed', async () => {
      const agent = ctx.agent();
      const chat = await ctx.newChatCase();
      const log = recordEvents(chat.visitor);
      await ctx.settle();
      const started = Date.now();
      const { message } = await agent.send({
        ...ctx.chatMessage(chat.conversationId, 'Le enviamos el detalle por correo.'),
        mode: 'new',
        channel: 'email',
        to: [{ address: chat.email! }],
        subject: 'Su consulta',
        html: '<p>Le enviamos el detalle por correo.</p>',
      });
      equal(message.status, 'scheduled');
      const event = await log.waitFor(
        visitorEvent('message.created', (e) => e.message.id === message.id),
        {
          timeoutMs: WAIT_MS,
          description: 'the email reply on the visitor side',
        },
      );
      ok(Date.now() - started >= UNDO_MS - 50, 'not shown to the visitor before it is committed');
      includesFields(event.message, {
        channel: 'email',
        direction: 'outbound',
        text: 'Le enviamos el detalle por correo.',
      });
      ok(
        ['sending', 'sent'].includes(event.message.status),
        `first seen committed (${event.message.status})`,
      );
      if (event.message.status !== 'sent') {
        const updated = await log.waitFor(
          visitorEvent(
            'message.updated',
            (e) => e.message.id === message.id && e.message.status === 'sent',
          ),
          { timeoutMs: WAIT_MS, description: 'message.updated sent on the visitor side' },
        );
        equal(updated.message.text, event.message.text);
      }
      await sleep(QUIET_MS);
      equal(
        log.count(visitorEvent('message.created', (e) => e.message.id === message.id)),
        1,
        'created once for the visitor',
      );
      const history = await chat.visitor.history();
      ok(
        history.items.some((m) => m.id === message.id && m.channel === 'email'),
        'in the history',
      );
      const detail = await agent.getConversation(chat.conversationId);
      deepEqual(detail.conversation.channels, ['chat', 'email'], 'channels in first-use order');
    });

    it('a cancelled email never reaches the visitor', async () => {
      const agent = ctx.agent();
      const chat = await ctx.newChatCase();
      const log = recordEvents(chat.visitor);
      await ctx.settle();
      const { message } = await agent.send({
        ...ctx.chatMessage(chat.conversationId, 'Borrador enviado por error'),
        mode: 'new',
        channel: 'email',
        to: [{ address: chat.email! }],
        subject: 'Error',
      });
      await agent.cancelSend(message.id);
      await log.expectNone(
        (e) =>
          (e.type === 'message.created' || e.type === 'message.updated') &&
          e.message.id === message.id,
        UNDO_MS + QUIET_MS,
        'no event about the cancelled email',
      );
      ok(
        !(await chat.visitor.history()).items.some((m) => m.id === message.id),
        'not in the history',
      );
    });
  });

  describe('a visitor message reopens a completed case (F-5.5)', () => {
    it('reopens it for agents and tells the visitor', async () => {
      const agent = ctx.agent();
      const chat = await ctx.newChatCase();
      const visitorLog = recordEvents(chat.visitor);
      const agentLog = recordEvents(agent);
      await ctx.settle();
      await agent.setStatus(chat.conversationId, 'completed');
      const done = await visitorLog.waitFor(
        visitorEvent('conversation.updated', (e) => e.conversation.status === 'completed'),
        {
          description: 'the visitor hears the case was completed',
        },
      );
      deepEqual(done.conversation, {
        id: chat.conversationId,
        number: chat.number,
        status: 'completed',
      });
      equal((await chat.visitor.resume()).conversation?.status, 'completed');
      const since = agentLog.mark();
      await chat.visitor.send({ clientId: ctx.uid('c'), text: 'Una pregunta más' });
      equal(
        (await agent.getConversation(chat.conversationId)).conversation.status,
        'open',
        'reopened',
      );
      equal((await chat.visitor.resume()).conversation?.status, 'open');
      await visitorLog.waitFor(
        visitorEvent('conversation.updated', (e) => e.conversation.status === 'open'),
        {
          description: 'the visitor hears the case is open again',
        },
      );
      await agentLog.waitFor(
        (e) =>
          (e.type === 'conversation.updated' &&
            e.conversation.id === chat.conversationId &&
            e.conversation.status === 'open') ||
          (e.type === 'message.created' &&
            e.conversation.id === chat.conversationId &&
            e.conversation.status === 'open'),
        { since, description: 'agents hear the case is open again' },
      );
    });
  });

  describe('visitor returns copies', () => {
    it('resume and history return copies', async () => {
      const chat = await ctx.newChatCase();
      const session = await chat.visitor.resume();
      const before = snapshot(session);
      session.messages[0]!.text = 'Mutated';
      session.messages.pop();
      session.visitor.name = 'Mutated';
      const again = await chat.visitor.resume();
      deepEqual(again.messages, before.messages);
      deepEqual(again.visitor.name, before.visitor.name);
      const history = await chat.visitor.history();
      history.items[0]!.text = 'Mutated';
      equal((await chat.visitor.history()).items[0]!.text, before.messages[0]!.text);
    });
  });
}
