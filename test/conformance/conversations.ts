/**
 * The inbox and the thread: me, listConversations (paging, filters, search), getConversation,
 * listMessages, markRead (F-4.2), setStatus (F-4.3), campaign, and inbound mail threading (F-4.6).
 */
import type { AgentAdapter, ConversationQuery } from '../../src/adapters/adapter.js';
import { isValidAddress, type ConversationSummary, type Id } from '../../src/model/index.js';
import {
  deepEqual,
  equal,
  includesFields,
  isIsoDate,
  isSorted,
  notEqual,
  ok,
  recordEvents,
  rejectsWith,
  sleep,
  unique,
} from './assert.js';
import { UNDO_SECONDS, WAIT_MS, agentEvent, snapshot, type SuiteContext } from './context.js';
import type { TestApi } from './harness.js';

/** Every conversation matching a query, following cursors. */
export async function listAll(
  agent: AgentAdapter,
  query: Omit<ConversationQuery, 'cursor'> = {},
): Promise<ConversationSummary[]> {
  const items: ConversationSummary[] = [];
  let cursor: string | undefined;
  for (let pages = 0; pages < 1000; pages++) {
    const page = await agent.listConversations({ limit: 200, ...query, cursor });
    items.push(...page.items);
    if (!page.nextCursor) return items;
    cursor = page.nextCursor;
  }
  throw new Error('listConversations never returned a last page');
}

async function idsOf(agent: AgentAdapter, query: Omit<ConversationQuery, 'cursor'>): Promise<Id[]> {
  return (await listAll(agent, query)).map((c) => c.id);
}

export function defineConversationTests({ describe, it }: TestApi, ctx: SuiteContext): void {
  describe('me', () => {
    it('returns the signed-in agent of each role', async () => {
      const seen = new Set<Id>();
      for (const role of ['agent', 'supervisor', 'coordinator'] as const) {
        const me = await ctx.agent(role).me();
        equal(me.role, role, 'role');
        equal(me.id, ctx.ids.agents[role], `id of the ${role}`);
        ok(me.name.trim(), 'name');
        ok(isValidAddress(me.email), `email ${me.email}`);
        ok(Array.isArray(me.addresses), 'addresses');
        seen.add(me.id);
      }
      equal(seen.size, 3, 'three distinct agents');
    });

    it('returns a copy', async () => {
      const agent = ctx.agent();
      const me = await agent.me();
      const before = snapshot(me);
      me.name = 'Mutated';
      me.addresses.push('mutated@example.com');
      deepEqual(await agent.me(), before);
    });
  });

  describe('listConversations', () => {
    it('pages with a cursor: limit, total, nextCursor and no duplicates', async () => {
      const agent = ctx.agent();
      const all = await agent.listConversations({ limit: 200 });
      ok(all.total >= 5, `the seed has several cases (total ${all.total})`);
      equal(all.nextCursor, null, 'one page of 200 holds the whole seed');
      equal(all.items.length, all.total, 'items of the only page');

      const paged: Id[] = [];
      let cursor: string | undefined;
      let pages = 0;
      do {
        const page = await agent.listConversations({ limit: 3, cursor });
        equal(page.total, all.total, `total on page ${pages + 1}`);
        ok(page.items.length <= 3, 'at most limit items');
        if (page.nextCursor) equal(page.items.length, 3, 'a page before the last one is full');
        paged.push(...page.items.map((c) => c.id));
        cursor = page.nextCursor ?? undefined;
        pages += 1;
      } while (cursor && pages < 200);
      equal(pages, Math.ceil(all.total / 3), 'number of pages');
      unique(paged, (id) => id, 'paged ids');
      deepEqual(
        paged,
        all.items.map((c) => c.id),
        'pages in the same order as one big page',
      );
    });

    it('defaults to 50 items per page', async () => {
      const page = await ctx.agent().listConversations();
      equal(page.items.length, Math.min(50, page.total));
      equal(page.nextCursor === null, page.total <= 50, 'nextCursor only while more exist');
    });

    it('lists the newest activity first: a new message moves a case to the top', async () => {
      const agent = ctx.agent();
      const a = await ctx.newEmailCase();
      await sleep(5);
      const b = await ctx.newEmailCase();
      let page = await agent.listConversations({ limit: 2 });
      deepEqual(
        page.items.map((c) => c.id),
        [b.conversationId, a.conversationId],
        'newest case first',
      );
      await sleep(5);
      await ctx.receive({
        from: a.from,
        subject: `Re: ${a.subject}`,
        inReplyTo: a.message.messageId,
        text: 'Les escribo de nuevo.',
      });
      page = await agent.listConversations({ limit: 2 });
      deepEqual(
        page.items.map((c) => c.id),
        [a.conversationId, b.conversationId],
        'case with new mail first',
      );
      const top = page.items[0]!;
      ok(top.lastMessage, 'lastMessage');
      equal(top.lastMessage.direction, 'inbound');
      equal(top.lastMessage.channel, 'email');
      equal(top.lastMessage.preview, 'Les escribo de nuevo.');
      isIsoDate(top.lastMessage.at);
    });

    it('rejects a bad cursor or limit with invalid', async () => {
      const agent = ctx.agent();
      await rejectsWith(agent.listConversations({ limit: 0 }), 'invalid', undefined, 'limit 0');
      await rejectsWith(agent.listConversations({ limit: 201 }), 'invalid', undefined, 'limit 201');
      await rejectsWith(agent.listConversations({ limit: 2.5 }), 'invalid', undefined, 'limit 2.5');
      await rejectsWith(
        agent.listConversations({ cursor: '%%not a cursor%%' }),
        'invalid',
        undefined,
        'cursor',
      );
    });

    it('filters by status', async () => {
      const agent = ctx.agent();
      const done = await ctx.newEmailCase();
      await agent.setStatus(done.conversationId, 'completed');
      const all = await listAll(agent);
      const completed = await listAll(agent, { status: 'completed' });
      const open = await listAll(agent, { status: 'open' });
      ok(
        completed.every((c) => c.status === 'completed'),
        'completed filter',
      );
      ok(
        open.every((c) => c.status === 'open'),
        'open filter',
      );
      ok(
        completed.some((c) => c.id === done.conversationId),
        'the completed case is listed',
      );
      ok(!open.some((c) => c.id === done.conversationId), 'and not among the open ones');
      equal(completed.length + open.length, all.length, 'open + completed = all');
      const page = await agent.listConversations({ status: 'completed', limit: 1 });
      equal(page.total, completed.length, 'total counts filtered items');
    });

    it('filters unread', async () => {
      const agent = ctx.agent();
      const fresh = await ctx.newEmailCase();
      let unread = await listAll(agent, { unread: true });
      ok(
        unread.every((c) => !c.read),
        'unread filter',
      );
      ok(
        unread.some((c) => c.id === fresh.conversationId),
        'a new case is unread',
      );
      await agent.markRead(fresh.conversationId);
      unread = await listAll(agent, { unread: true });
      ok(!unread.some((c) => c.id === fresh.conversationId), 'read cases leave the unread filter');
    });

    it('filters by channel', async () => {
      const agent = ctx.agent();
      const mail = await ctx.newEmailCase();
      const chat = await ctx.newChatCase();
      const chats = await listAll(agent, { channel: 'chat' });
      const emails = await listAll(agent, { channel: 'email' });
      ok(
        chats.every((c) => c.channels.includes('chat')),
        'chat filter',
      );
      ok(
        emails.every((c) => c.channels.includes('email')),
        'email filter',
      );
      ok(
        chats.some((c) => c.id === chat.conversationId),
        'the chat case is a chat',
      );
      ok(!chats.some((c) => c.id === mail.conversationId), 'the email case is not a chat');
      ok(
        emails.some((c) => c.id === mail.conversationId),
        'the email case is an email',
      );
      ok(!emails.some((c) => c.id === chat.conversationId), 'the chat case is not an email');
      deepEqual(chats.find((c) => c.id === chat.conversationId)?.channels, ['chat']);
    });

    it('filters mine: cases where the current agent has written', async () => {
      const agent = ctx.agent('agent');
      const other = ctx.agent('supervisor');
      const chat = await ctx.newChatCase();
      ok(
        !(await idsOf(agent, { mine: true })).includes(chat.conversationId),
        'not mine before writing',
      );
      await agent.send(ctx.chatMessage(chat.conversationId, 'Hola, soy su agente.'));
      ok((await idsOf(agent, { mine: true })).includes(chat.conversationId), 'mine after writing');
      ok(
        !(await idsOf(other, { mine: true })).includes(chat.conversationId),
        'not mine for another agent',
      );
      ok((await idsOf(other, {})).includes(chat.conversationId), 'still listed for everyone');
    });

    it('searches by #number, number, subject, name and address, case-insensitively', async () => {
      const agent = ctx.agent();
      const { conversationId, number, address } = ctx.ids.jorge;
      for (const search of [
        `#${number}`,
        String(number),
        'JORGE TAYPE',
        'jorge',
        address.toUpperCase(),
        'TAYPE96@GMAIL',
      ]) {
        const found = await listAll(agent, { search });
        ok(
          found.some((c) => c.id === conversationId),
          `search ${JSON.stringify(search)} finds #${number}`,
        );
      }
      const hashed = await listAll(agent, { search: `#${number}` });
      equal(hashed[0]?.number, number, '#number puts that case first or alone');

      const mail = await ctx.newEmailCase({ subject: 'Factura duplicada ZQ-4471' });
      const bySubject = await agent.listConversations({ search: 'factura DUPLICADA zq-4471' });
      deepEqual(
        bySubject.items.map((c) => c.id),
        [mail.conversationId],
        'subject search',
      );
      equal(bySubject.total, 1);

      const none = await agent.listConversations({ search: 'zzz-no-such-thing-qq' });
      deepEqual(none, { items: [], nextCursor: null, total: 0 }, 'no match');
    });

    it('combines filters with AND', async () => {
      const agent = ctx.agent();
      const mail = await ctx.newEmailCase({ subject: 'Reembolso pendiente KX-981' });
      const query = { search: 'KX-981', status: 'completed' as const };
      equal((await agent.listConversations(query)).total, 0, 'open case, completed filter');
      equal(
        (
          await agent.listConversations({
            ...query,
            status: 'open',
            unread: true,
            channel: 'email',
          })
        ).total,
        1,
      );
      equal(
        (await agent.listConversations({ ...query, status: 'open', channel: 'chat' })).total,
        0,
      );
      await agent.setStatus(mail.conversationId, 'completed');
      const page = await agent.listConversations(query);
      deepEqual(
        page.items.map((c) => c.id),
        [mail.conversationId],
      );
    });

    it('returns copies', async () => {
      const agent = ctx.agent();
      const page = await agent.listConversations({ search: `#${ctx.ids.jorge.number}` });
      const before = snapshot(page);
      page.items[0]!.subject = 'Mutated';
      page.items[0]!.contact.emails.push('mutated@example.com');
      page.items.pop();
      deepEqual(await agent.listConversations({ search: `#${ctx.ids.jorge.number}` }), before);
    });
  });

  describe('getConversation', () => {
    it(`returns header, contact and interactions oldest first (F-1.1, F-1.3)`, async () => {
      const { jorge } = ctx.ids;
      const detail = await ctx.agent().getConversation(jorge.conversationId);
      const c = detail.conversation;
      equal(c.id, jorge.conversationId);
      equal(c.number, jorge.number);
      equal(c.contactId, jorge.contactId);
      equal(c.campaignId, ctx.ids.campaigns.es);
      ok(c.subject.trim(), 'subject');
      ok(c.channels.includes('email'), 'channels');
      isIsoDate(c.createdAt);
      isIsoDate(c.updatedAt);
      equal(c.contact.id, jorge.contactId);
      ok(c.contact.emails.includes(jorge.address), 'summary contact address');
      equal(detail.contact.id, jorge.contactId);
      equal(detail.contact.emails[0], jorge.address, 'primary address');
      ok(/jorge/i.test(detail.contact.name), `contact name ${detail.contact.name}`);
      const open = detail.interactions.filter((i) => i.status === 'open');
      const closed = detail.interactions.filter((i) => i.status === 'closed');
      equal(open.length, jorge.openInteractions, 'open interactions');
      equal(closed.length, jorge.closedInteractions, 'closed interactions');
      isSorted(
        detail.interactions,
        (i) => Date.parse(i.startedAt),
        false,
        'interactions oldest first',
      );
      for (const i of detail.interactions) {
        equal(i.conversationId, jorge.conversationId, 'interaction.conversationId');
        ok(i.messageCount >= 1, 'an interaction has messages');
      }
    });

    it('rejects an unknown id with not-found', async () => {
      await rejectsWith(ctx.agent().getConversation('no-such-conversation'), 'not-found');
    });

    it('returns copies', async () => {
      const agent = ctx.agent();
      const detail = await agent.getConversation(ctx.ids.jorge.conversationId);
      const before = snapshot(detail);
      detail.conversation.subject = 'Mutated';
      detail.conversation.status = 'completed';
      detail.contact.emails.push('mutated@example.com');
      detail.interactions.pop();
      detail.interactions[0]!.status = 'closed';
      deepEqual(await agent.getConversation(ctx.ids.jorge.conversationId), before);
    });
  });

  describe('listMessages', () => {
    async function busiestInteraction() {
      const detail = await ctx.agent().getConversation(ctx.ids.jorge.conversationId);
      const sorted = [...detail.interactions].sort((a, b) => b.messageCount - a.messageCount);
      const top = sorted[0]!;
      ok(top.messageCount >= 3, 'an interaction of #6597 has at least 3 messages');
      return top;
    }

    it('returns messages oldest first with the model invariants', async () => {
      const interaction = await busiestInteraction();
      const page = await ctx.agent().listMessages(interaction.id, { limit: 200 });
      equal(page.items.length, interaction.messageCount, 'messageCount');
      equal(page.hasMore, false, 'hasMore');
      isSorted(page.items, (m) => Date.parse(m.registeredAt), false, 'registeredAt ascending');
      unique(page.items, (m) => m.id, 'message ids');
      for (const m of page.items) {
        equal(m.interactionId, interaction.id, 'interactionId');
        equal(m.conversationId, ctx.ids.jorge.conversationId, 'conversationId');
        equal(typeof m.text, 'string', 'text');
        ok(Array.isArray(m.to) && Array.isArray(m.cc) && Array.isArray(m.bcc), 'recipient arrays');
        ok(
          Array.isArray(m.references) && Array.isArray(m.attachments),
          'references and attachments',
        );
        isIsoDate(m.registeredAt);
        isIsoDate(m.originDate);
        if (m.direction === 'inbound') equal(m.status, 'sent', 'inbound status');
        if (m.channel === 'email' && m.status === 'sent')
          ok(m.messageId, 'sent email has a messageId');
      }
    });

    it('pages backwards with before (exclusive) and hasMore (F-1.2)', async () => {
      const agent = ctx.agent();
      const interaction = await busiestInteraction();
      const full = (await agent.listMessages(interaction.id, { limit: 200 })).items.map(
        (m) => m.id,
      );
      const newest = await agent.listMessages(interaction.id, { limit: 2 });
      deepEqual(
        newest.items.map((m) => m.id),
        full.slice(-2),
        'the first page holds the newest',
      );
      equal(newest.hasMore, true, 'hasMore on the newest page');
      const collected = newest.items.map((m) => m.id);
      let before = collected[0];
      let hasMore = newest.hasMore;
      while (hasMore) {
        const page = await agent.listMessages(interaction.id, { limit: 2, before });
        ok(page.items.length >= 1 && page.items.length <= 2, 'page size');
        collected.unshift(...page.items.map((m) => m.id));
        before = page.items[0]!.id;
        hasMore = page.hasMore;
        ok(collected.length <= full.length, 'no page repeats a message');
      }
      deepEqual(collected, full, 'all pages together, in order');
      const single = await agent.listMessages(interaction.id, { limit: 1, before: full[1] });
      deepEqual(single, { items: [single.items[0]!], hasMore: false });
      equal(single.items[0]!.id, full[0], 'before is exclusive');
    });

    it('lists closed interactions too (history)', async () => {
      const agent = ctx.agent();
      const detail = await agent.getConversation(ctx.ids.jorge.conversationId);
      const closed = detail.interactions.find((i) => i.status === 'closed');
      ok(closed, 'a closed interaction');
      const page = await agent.listMessages(closed.id);
      equal(page.items.length, Math.min(50, closed.messageCount));
    });

    it('rejects an unknown interaction, a foreign before and a bad limit', async () => {
      const agent = ctx.agent();
      const detail = await agent.getConversation(ctx.ids.jorge.conversationId);
      const [first, second] = detail.interactions;
      ok(first && second, 'two interactions');
      const foreign = (await agent.listMessages(second.id)).items[0]!;
      await rejectsWith(
        agent.listMessages('no-such-interaction'),
        'not-found',
        undefined,
        'interaction',
      );
      await rejectsWith(
        agent.listMessages(first.id, { before: foreign.id }),
        'not-found',
        undefined,
        'foreign before',
      );
      await rejectsWith(
        agent.listMessages(first.id, { before: 'no-such-message' }),
        'not-found',
        undefined,
        'unknown before',
      );
      await rejectsWith(
        agent.listMessages(first.id, { limit: 0 }),
        'invalid',
        undefined,
        'limit 0',
      );
      await rejectsWith(
        agent.listMessages(first.id, { limit: 201 }),
        'invalid',
        undefined,
        'limit 201',
      );
    });

    it('returns copies', async () => {
      const agent = ctx.agent();
      const interaction = await busiestInteraction();
      const page = await agent.listMessages(interaction.id);
      const before = snapshot(page);
      page.items[0]!.text = 'Mutated';
      page.items[0]!.to.push({ address: 'mutated@example.com' });
      page.items.pop();
      deepEqual(await agent.listMessages(interaction.id), before);
    });
  });

  describe('markRead (F-4.2)', () => {
    it('marks a case read for every agent and tells them live', async () => {
      const reader = ctx.agent('agent');
      const other = ctx.agent('supervisor');
      const mail = await ctx.newEmailCase();
      equal(
        (await other.getConversation(mail.conversationId)).conversation.read,
        false,
        'new mail is unread',
      );
      const log = recordEvents(other);
      await ctx.settle();
      const summary = await reader.markRead(mail.conversationId);
      equal(summary.id, mail.conversationId);
      equal(summary.read, true, 'returned summary');
      const event = await log.waitFor(
        agentEvent('conversation.updated', (e) => e.conversation.id === mail.conversationId),
        { description: 'conversation.updated for the other agent' },
      );
      equal(event.conversation.read, true, 'event carries read');
      equal(
        (await other.getConversation(mail.conversationId)).conversation.read,
        true,
        'read for the other agent',
      );
      ok(
        !(await idsOf(other, { unread: true })).includes(mail.conversationId),
        "gone from the other agent's unread",
      );
    });

    it('is idempotent', async () => {
      const agent = ctx.agent();
      const mail = await ctx.newEmailCase();
      equal((await agent.markRead(mail.conversationId)).read, true);
      const again = await agent.markRead(mail.conversationId);
      equal(again.read, true);
      equal(again.status, 'open');
    });

    it('a new inbound message makes the case unread again', async () => {
      const agent = ctx.agent();
      const mail = await ctx.newEmailCase();
      await agent.markRead(mail.conversationId);
      await ctx.receive({
        from: mail.from,
        subject: `Re: ${mail.subject}`,
        inReplyTo: mail.message.messageId,
      });
      equal((await agent.getConversation(mail.conversationId)).conversation.read, false);
    });

    it('rejects an unknown case with not-found', async () => {
      await rejectsWith(ctx.agent().markRead('no-such-conversation'), 'not-found');
    });
  });

  describe('setStatus (F-4.3)', () => {
    it('completes and reopens a case for every agent, live and idempotently', async () => {
      const agent = ctx.agent('agent');
      const other = ctx.agent('coordinator');
      const mail = await ctx.newEmailCase();
      const log = recordEvents(other);
      await ctx.settle();
      const done = await agent.setStatus(mail.conversationId, 'completed');
      equal(done.status, 'completed');
      const event = await log.waitFor(
        agentEvent(
          'conversation.updated',
          (e) => e.conversation.id === mail.conversationId && e.conversation.status === 'completed',
        ),
        { description: 'conversation.updated completed' },
      );
      equal(event.conversation.number, done.number);
      equal((await other.getConversation(mail.conversationId)).conversation.status, 'completed');
      equal(
        (await agent.setStatus(mail.conversationId, 'completed')).status,
        'completed',
        'idempotent',
      );
      const reopened = await other.setStatus(mail.conversationId, 'open');
      equal(reopened.status, 'open');
      equal((await agent.getConversation(mail.conversationId)).conversation.status, 'open');
      await log.waitFor(
        agentEvent(
          'conversation.updated',
          (e) => e.conversation.id === mail.conversationId && e.conversation.status === 'open',
        ),
        { description: 'conversation.updated open' },
      );
    });

    it('a new inbound email reopens a completed case', async () => {
      const agent = ctx.agent();
      const mail = await ctx.newEmailCase();
      await agent.markRead(mail.conversationId);
      await agent.setStatus(mail.conversationId, 'completed');
      const log = recordEvents(agent);
      await ctx.settle();
      const reply = await ctx.receive({
        from: mail.from,
        subject: `Re: ${mail.subject}`,
        inReplyTo: mail.message.messageId,
        references: [mail.message.messageId!],
        text: 'Todavía no me llega el pedido.',
      });
      equal(reply.conversationId, mail.conversationId, 'threaded into the same case');
      const detail = await agent.getConversation(mail.conversationId);
      equal(detail.conversation.status, 'open', 'reopened');
      equal(detail.conversation.read, false, 'unread again');
      await log.waitFor(
        (e) =>
          (e.type === 'conversation.updated' &&
            e.conversation.id === mail.conversationId &&
            e.conversation.status === 'open') ||
          (e.type === 'message.created' &&
            e.message.id === reply.id &&
            e.conversation.status === 'open'),
        { description: 'an event showing the case open again' },
      );
    });

    it('an automatic reply does not reopen a completed case', async () => {
      const agent = ctx.agent();
      const mail = await ctx.newEmailCase();
      await agent.setStatus(mail.conversationId, 'completed');
      const auto = await ctx.receive({
        from: mail.from,
        subject: `Respuesta automática: ${mail.subject}`,
        inReplyTo: mail.message.messageId,
        references: [mail.message.messageId!],
        text: 'Estoy fuera de la oficina.',
        autoReply: true,
      });
      equal(auto.conversationId, mail.conversationId, 'threaded into the same case');
      equal(auto.autoReply, true, 'stored as an automatic reply');
      equal(
        (await agent.getConversation(mail.conversationId)).conversation.status,
        'completed',
        'still completed',
      );
      const stored = await agent.listMessages(auto.interactionId);
      ok(
        stored.items.some((m) => m.id === auto.id),
        'the automatic reply is stored',
      );
    });

    it('rejects an unknown case with not-found', async () => {
      await rejectsWith(ctx.agent().setStatus('no-such-conversation', 'completed'), 'not-found');
    });
  });

  describe('campaign', () => {
    it('returns the settings of the case, with the configured undo window', async () => {
      const settings = await ctx.agent().campaign(ctx.ids.jorge.conversationId);
      equal(settings.id, ctx.ids.campaigns.es);
      equal(settings.undoSendSeconds, UNDO_SECONDS, 'undoSendSeconds from setup');
      ok(isValidAddress(settings.fromAddress.address), 'fromAddress');
      equal(typeof settings.greeting, 'string');
      equal(typeof settings.signature, 'string');
      equal(typeof settings.chatFallbackToEmail, 'boolean');
      ok(settings.attachments.attachment.maxBytes > 0, 'attachment limit');
      ok(settings.attachments.inlineImage.maxBytes > 0, 'inline limit');
    });

    it('gives each case its own campaign', async () => {
      const agent = ctx.agent();
      const es = await agent.campaign(ctx.ids.jorge.conversationId);
      const en = await agent.campaign(ctx.ids.englishConversationId);
      equal(en.id, ctx.ids.campaigns.en);
      notEqual(en.id, es.id);
      equal(en.undoSendSeconds, UNDO_SECONDS, 'every campaign uses the configured window');
    });

    it('rejects an unknown case with not-found', async () => {
      await rejectsWith(ctx.agent().campaign('no-such-conversation'), 'not-found');
    });
  });

  describe('inbound mail threading (F-4.6)', () => {
    it('an unknown sender creates an automatic contact and a new open, unread case', async () => {
      const agent = ctx.agent();
      const log = recordEvents(agent);
      await ctx.settle();
      const address = `${ctx.uid('nuevo')}@example.com`;
      const mail = await ctx.newEmailCase({ address: address.toUpperCase(), name: 'Marta Quispe' });
      const event = await log.waitFor(
        agentEvent('message.created', (e) => e.message.id === mail.message.id),
        { timeoutMs: WAIT_MS, description: 'message.created for the new mail' },
      );
      equal(event.conversation.id, mail.conversationId);
      includesFields(event.conversation, { status: 'open', read: false });
      includesFields(mail.message, {
        direction: 'inbound',
        channel: 'email',
        status: 'sent',
        subject: mail.subject,
      });
      equal(mail.message.from.address, address, 'the sender address is normalized');
      const contacts = await agent.findContacts(address);
      equal(contacts.length, 1, 'one contact owns the address');
      includesFields(contacts[0]!, { name: 'Marta Quispe', emails: [address], source: 'auto' });
      const detail = await agent.getConversation(mail.conversationId);
      equal(detail.conversation.contactId, contacts[0]!.id);
      equal(detail.interactions.length, 1);
      equal(detail.interactions[0]!.id, mail.message.interactionId);
      deepEqual(detail.conversation.channels, ['email']);
    });

    it('threads by In-Reply-To, by References and by subject + contact', async () => {
      const mail = await ctx.newEmailCase({ subject: 'Cambio de dirección' });
      const byInReplyTo = await ctx.receive({
        from: mail.from,
        subject: 'otro asunto cualquiera',
        inReplyTo: mail.message.messageId,
      });
      equal(byInReplyTo.conversationId, mail.conversationId, 'In-Reply-To');
      equal(byInReplyTo.interactionId, mail.message.interactionId, 'same interaction');
      const byReferences = await ctx.receive({
        from: { address: `${ctx.uid('cc')}@example.com` },
        subject: 'RE: RE: otro más',
        references: ['unknown@elsewhere.example', byInReplyTo.messageId!],
      });
      equal(byReferences.conversationId, mail.conversationId, 'References');
      const bySubject = await ctx.receive({ from: mail.from, subject: 'RE: Cambio de dirección' });
      equal(bySubject.conversationId, mail.conversationId, 'subject + contact');
      const otherSender = await ctx.receive({
        from: { address: `${ctx.uid('otro')}@example.com` },
        subject: 'Re: Cambio de dirección',
      });
      notEqual(
        otherSender.conversationId,
        mail.conversationId,
        'same subject, another contact: a new case',
      );
    });
  });
}
