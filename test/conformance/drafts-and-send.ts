/**
 * Drafts (F-2.8), send and the undo window (F-2.9), threading headers of replies (F-6.5 shape),
 * attachment carry-over, idempotent sends, and send's errors.
 */
import type { AgentAdapter } from '../../src/adapters/adapter.js';
import {
  canTransition,
  type ComposeMode,
  type DeliveryStatus,
  type DraftInput,
  type DraftKey,
  type Id,
  type Message,
} from '../../src/model/index.js';
import {
  deepEqual,
  equal,
  includesFields,
  isIsoDate,
  ok,
  recordEvents,
  rejectsWith,
  sameMembers,
  sleep,
  type EventLog,
} from './assert.js';
import { QUIET_MS, UNDO_MS, WAIT_MS, agentEvent, snapshot, type SuiteContext } from './context.js';
import type { AgentEvent } from '../../src/adapters/adapter.js';
import type { TestApi } from './harness.js';
import { pdfFile } from './uploads.js';

/** A draft of a reply to `original`, as the composer would save it. */
export function replyDraft(original: Message, overrides: Partial<DraftInput> = {}): DraftInput {
  return {
    conversationId: original.conversationId,
    mode: 'reply',
    inReplyToMessageId: original.id,
    channel: 'email',
    to: [{ address: original.from.address!, name: original.from.name }],
    cc: [],
    bcc: [],
    subject: `Re: ${original.subject}`,
    html: '<p>Estimado cliente,</p>',
    text: 'Estimado cliente,',
    attachments: [],
    ...overrides,
  };
}

/** The key of the draft answering `original` in `mode`. */
export function draftKey(original: Message, mode: ComposeMode): DraftKey {
  return { conversationId: original.conversationId, mode, inReplyToMessageId: original.id };
}

/** The statuses a message went through, as told by `message.updated` events. */
function statusesOf(log: EventLog<AgentEvent>, messageId: Id): DeliveryStatus[] {
  return log
    .filter(agentEvent('message.updated', (e) => e.message.id === messageId))
    .map((e) => e.message.status);
}

/** Asserts that a sequence of statuses follows `DELIVERY_TRANSITIONS` from `first`. */
function assertTransitions(first: DeliveryStatus, updates: DeliveryStatus[]): void {
  let current = first;
  for (const next of updates) {
    ok(
      canTransition(current, next),
      `illegal transition ${current} → ${next} in ${[first, ...updates].join(' → ')}`,
    );
    current = next;
  }
}

async function messageById(agent: AgentAdapter, message: Message): Promise<Message | undefined> {
  const page = await agent.listMessages(message.interactionId, { limit: 200 });
  return page.items.find((m) => m.id === message.id);
}

export function defineDraftAndSendTests({ describe, it }: TestApi, ctx: SuiteContext): void {
  describe('drafts (F-2.8)', () => {
    it('getDraft is null until a draft is saved', async () => {
      const mail = await ctx.newEmailCase();
      for (const mode of ['reply', 'replyAll', 'forward', 'new'] as ComposeMode[]) {
        equal(await ctx.agent().getDraft(draftKey(mail.message, mode)), null, mode);
      }
    });

    it('saves, restores and revises a draft; emits draft.saved to every agent', async () => {
      const agent = ctx.agent('agent');
      const other = ctx.agent('supervisor');
      const mail = await ctx.newEmailCase();
      const log = recordEvents(other);
      await ctx.settle();
      const input = replyDraft(mail.message);
      const first = await agent.saveDraft(input);
      equal(first.revision, 1, 'revision starts at 1');
      isIsoDate(first.updatedAt);
      includesFields(first, {
        conversationId: mail.conversationId,
        mode: 'reply',
        inReplyToMessageId: mail.message.id,
        channel: 'email',
        to: input.to,
        cc: [],
        bcc: [],
        subject: input.subject,
        html: input.html,
        text: input.text,
        attachments: [],
      });
      const event = await log.waitFor(
        agentEvent('draft.saved', (e) => e.draft.conversationId === mail.conversationId),
        { description: 'draft.saved' },
      );
      deepEqual(event.draft, first, 'the event carries the saved draft');
      deepEqual(
        await other.getDraft(draftKey(mail.message, 'reply')),
        first,
        'another agent restores it',
      );

      const second = await agent.saveDraft({
        ...input,
        text: 'Estimado Jorge,',
        html: '<p>Estimado Jorge,</p>',
        baseRevision: 1,
      });
      equal(second.revision, 2, 'revision grows by one');
      equal(second.text, 'Estimado Jorge,');
      deepEqual(await agent.getDraft(draftKey(mail.message, 'reply')), second);
      await log.waitFor(
        agentEvent('draft.saved', (e) => e.draft.revision === 2),
        { description: 'draft.saved rev 2' },
      );
    });

    it('refuses a stale or missing baseRevision with conflict and keeps the newer text', async () => {
      const agent = ctx.agent('agent');
      const other = ctx.agent('coordinator');
      const mail = await ctx.newEmailCase();
      const input = replyDraft(mail.message);
      await agent.saveDraft(input);
      const newer = await other.saveDraft({
        ...input,
        text: 'Texto del otro agente',
        baseRevision: 1,
      });
      await rejectsWith(
        agent.saveDraft({ ...input, text: 'Texto viejo', baseRevision: 1 }),
        'conflict',
        undefined,
        'stale',
      );
      await rejectsWith(
        agent.saveDraft({ ...input, text: 'Sin base' }),
        'conflict',
        undefined,
        'missing base',
      );
      await rejectsWith(
        agent.saveDraft({ ...input, text: 'Futuro', baseRevision: 9 }),
        'conflict',
        undefined,
        'future base',
      );
      deepEqual(
        await agent.getDraft(draftKey(mail.message, 'reply')),
        newer,
        'nothing overwritten',
      );
    });

    it('keeps one draft per mode, and accepts unfinished input', async () => {
      const agent = ctx.agent();
      const mail = await ctx.newEmailCase();
      const reply = await agent.saveDraft(replyDraft(mail.message));
      const forward = await agent.saveDraft(
        replyDraft(mail.message, {
          mode: 'forward',
          to: [{ address: 'not an address' }],
          html: '',
          text: '',
          subject: '',
        }),
      );
      equal(forward.revision, 1, 'a new mode starts its own draft');
      deepEqual(forward.to, [{ address: 'not an address' }], 'invalid address kept as typed');
      deepEqual(await agent.getDraft(draftKey(mail.message, 'reply')), reply);
      deepEqual(await agent.getDraft(draftKey(mail.message, 'forward')), forward);
      equal(await agent.getDraft(draftKey(mail.message, 'replyAll')), null);
    });

    it('keeps one draft per answered message: replies to two messages do not overwrite', async () => {
      const agent = ctx.agent();
      const mail = await ctx.newEmailCase();
      const toMessage = await agent.saveDraft(replyDraft(mail.message, { text: 'A este' }));
      const unanchored = await agent.saveDraft(
        replyDraft(mail.message, { inReplyToMessageId: undefined, text: 'Sin mensaje' }),
      );
      equal(unanchored.revision, 1, 'a different answered message starts its own draft');
      deepEqual(await agent.getDraft(draftKey(mail.message, 'reply')), toMessage);
      deepEqual(
        await agent.getDraft({ conversationId: mail.conversationId, mode: 'reply' }),
        unanchored,
      );
    });

    it('deletes a draft idempotently', async () => {
      const agent = ctx.agent();
      const mail = await ctx.newEmailCase();
      await agent.saveDraft(replyDraft(mail.message));
      await agent.deleteDraft(draftKey(mail.message, 'reply'));
      equal(await agent.getDraft(draftKey(mail.message, 'reply')), null, 'deleted');
      await agent.deleteDraft(draftKey(mail.message, 'reply'));
      equal(await agent.getDraft(draftKey(mail.message, 'reply')), null, 'still deleted');
      const fresh = await agent.saveDraft(replyDraft(mail.message, { text: 'De nuevo' }));
      equal(fresh.text, 'De nuevo', 'a new draft can be started without a base revision');
    });

    it('stores copies of what it is given and returns copies', async () => {
      const agent = ctx.agent();
      const mail = await ctx.newEmailCase();
      const input = replyDraft(mail.message);
      const saved = await agent.saveDraft(input);
      const before = snapshot(saved);
      input.to.push({ address: 'input-mutated@example.com' });
      input.text = 'input mutated';
      saved.to.push({ address: 'output-mutated@example.com' });
      saved.text = 'output mutated';
      const restored = await agent.getDraft(draftKey(mail.message, 'reply'));
      deepEqual(restored, before);
      restored!.cc.push({ address: 'again@example.com' });
      deepEqual(await agent.getDraft(draftKey(mail.message, 'reply')), before);
    });

    it('rejects unknown cases with not-found and bad modes or channels with invalid', async () => {
      const agent = ctx.agent();
      const mail = await ctx.newEmailCase();
      const input = replyDraft(mail.message);
      await rejectsWith(
        agent.getDraft({ conversationId: 'no-such-conversation', mode: 'reply' }),
        'not-found',
        undefined,
        'getDraft',
      );
      await rejectsWith(
        agent.saveDraft({ ...input, conversationId: 'no-such-conversation' }),
        'not-found',
        undefined,
        'saveDraft',
      );
      await rejectsWith(
        agent.deleteDraft({ conversationId: 'no-such-conversation', mode: 'reply' }),
        'not-found',
        undefined,
        'deleteDraft',
      );
      await rejectsWith(
        agent.saveDraft({ ...input, mode: 'bogus' as ComposeMode }),
        'invalid',
        undefined,
        'mode',
      );
      await rejectsWith(
        agent.saveDraft({ ...input, channel: 'fax' as 'email' }),
        'invalid',
        undefined,
        'channel',
      );
      equal(await agent.getDraft(draftKey(mail.message, 'reply')), null, 'nothing saved');
    });
  });

  describe('send and the undo window (F-2.9)', () => {
    it('schedules an email, then commits it exactly once; the draft is gone', async () => {
      const agent = ctx.agent();
      const mail = await ctx.newEmailCase();
      const me = await agent.me();
      await agent.saveDraft(replyDraft(mail.message));
      const log = recordEvents(agent);
      await ctx.settle();
      const started = Date.now();
      const outgoing = ctx.emailReply(mail.message);
      const receipt = await agent.send(outgoing);
      const sent = receipt.message;
      equal(sent.status, 'scheduled', 'scheduled during the window');
      ok(receipt.cancellableUntil, 'cancellableUntil');
      isIsoDate(receipt.cancellableUntil);
      const until = Date.parse(receipt.cancellableUntil);
      ok(
        until > started && until <= Date.now() + UNDO_MS + 1000,
        `cancellableUntil ≈ now + ${UNDO_MS} ms`,
      );
      includesFields(sent, {
        conversationId: mail.conversationId,
        interactionId: mail.message.interactionId,
        channel: 'email',
        direction: 'outbound',
        to: outgoing.to,
        cc: [],
        bcc: [],
        subject: outgoing.subject,
        text: outgoing.text,
        attachments: [],
      });
      equal(sent.from.kind, 'agent');
      equal(sent.from.id, me.id, 'from the signed-in agent');
      equal(await agent.getDraft(draftKey(mail.message, 'reply')), null, 'send deletes the draft');

      const created = await log.waitFor(
        agentEvent('message.created', (e) => e.message.id === sent.id),
        {
          description: 'message.created',
        },
      );
      equal(created.message.status, 'scheduled');
      equal(created.conversation.id, mail.conversationId);
      const committed = await log.waitFor(
        agentEvent(
          'message.updated',
          (e) => e.message.id === sent.id && e.message.status === 'sent',
        ),
        { timeoutMs: WAIT_MS, description: 'message.updated sent' },
      );
      ok(Date.now() - started >= UNDO_MS - 50, 'not committed before the window ends');
      ok(committed.message.messageId, 'a sent email has a Message-ID');
      await sleep(UNDO_MS + QUIET_MS);
      const statuses = statusesOf(log, sent.id);
      equal(
        statuses.filter((s) => s === 'sent').length,
        1,
        `sent exactly once (${statuses.join(', ')})`,
      );
      ok(!statuses.includes('cancelled'), 'never cancelled');
      assertTransitions('scheduled', statuses);
      equal(
        log.count(agentEvent('message.created', (e) => e.message.id === sent.id)),
        1,
        'created once',
      );
      equal((await messageById(agent, sent))?.status, 'sent', 'stored as sent');
      await rejectsWith(agent.cancelSend(sent.id), 'committed', undefined, 'too late to cancel');
    });

    it('cancel inside the window restores the draft and never sends', async () => {
      const agent = ctx.agent();
      const mail = await ctx.newEmailCase();
      const file = await agent.upload(pdfFile('factura.pdf'), {
        purpose: 'attachment',
        conversationId: mail.conversationId,
      });
      const log = recordEvents(agent);
      await ctx.settle();
      const outgoing = ctx.emailReply(mail.message, {
        cc: [{ address: 'copia@example.com' }],
        bcc: [{ address: 'oculta@example.com' }],
        attachmentIds: [file.id],
        html: '<p>Adjunto su factura.</p>',
        text: 'Adjunto su factura.',
      });
      const { message } = await agent.send(outgoing);
      equal(message.status, 'scheduled');
      const draft = await agent.cancelSend(message.id);
      includesFields(draft, {
        conversationId: mail.conversationId,
        mode: 'reply',
        channel: 'email',
        inReplyToMessageId: mail.message.id,
        to: outgoing.to,
        cc: outgoing.cc,
        bcc: outgoing.bcc,
        subject: outgoing.subject,
        html: outgoing.html,
        text: outgoing.text,
      });
      deepEqual(
        draft.attachments.map((a) => a.id),
        [file.id],
        'attachments restored',
      );
      ok(draft.revision >= 1, 'a stored draft');
      deepEqual(await agent.getDraft(draftKey(mail.message, 'reply')), draft, 'the draft is back');
      await log.waitFor(
        agentEvent(
          'message.updated',
          (e) => e.message.id === message.id && e.message.status === 'cancelled',
        ),
        { description: 'message.updated cancelled' },
      );
      await sleep(UNDO_MS + QUIET_MS);
      const statuses = statusesOf(log, message.id);
      deepEqual(statuses, ['cancelled'], 'cancelled, never sending or sent');
      equal(
        (await messageById(agent, message))?.status ?? 'cancelled',
        'cancelled',
        'stored as cancelled (or gone)',
      );
      await rejectsWith(agent.cancelSend(message.id), 'committed', undefined, 'cancelling twice');
    });

    it('with window 0 an email is committed at once and cannot be cancelled', async () => {
      const backend = await ctx.extraBackend({ undoSendSeconds: 0 });
      const agent = backend.agent('agent');
      const settings = await agent.campaign(backend.ids.jorge.conversationId);
      equal(settings.undoSendSeconds, 0);
      const inbox = settings.fromAddress;
      const from = { name: 'Pedro Salas', address: `${ctx.uid('pedro')}@example.com` };
      const inbound = await backend.receiveEmail({
        from,
        to: [inbox],
        subject: 'Sin ventana',
        text: 'Hola',
        messageId: `${ctx.uid('m')}@example.com`,
      });
      ok(inbound);
      const log = recordEvents(agent);
      await sleep(0);
      await backend.settle?.();
      const receipt = await agent.send(ctx.emailReply(inbound));
      equal(receipt.cancellableUntil, null, 'no undo window');
      ok(
        ['sending', 'sent'].includes(receipt.message.status),
        `committed (${receipt.message.status})`,
      );
      await rejectsWith(agent.cancelSend(receipt.message.id), 'committed');
      await log.waitFor(
        (e) =>
          (e.type === 'message.updated' || e.type === 'message.created') &&
          e.message.id === receipt.message.id &&
          e.message.status === 'sent',
        { timeoutMs: WAIT_MS, description: 'the message reaching sent' },
      );
      await sleep(QUIET_MS);
      const sentEvents = log.count(
        (e) =>
          (e.type === 'message.updated' || e.type === 'message.created') &&
          e.message.id === receipt.message.id &&
          e.message.status === 'sent',
      );
      equal(sentEvents, 1, 'sent exactly once');
    });

    it('commits chat at once even with a window', async () => {
      const agent = ctx.agent();
      const chat = await ctx.newChatCase();
      const receipt = await agent.send(
        ctx.chatMessage(chat.conversationId, 'Hola, ¿en qué le ayudo?'),
      );
      equal(receipt.cancellableUntil, null);
      includesFields(receipt.message, {
        channel: 'chat',
        direction: 'outbound',
        text: 'Hola, ¿en qué le ayudo?',
        to: [],
        cc: [],
        bcc: [],
      });
      ok(
        ['sending', 'sent'].includes(receipt.message.status),
        `committed (${receipt.message.status})`,
      );
      await rejectsWith(agent.cancelSend(receipt.message.id), 'committed');
    });

    it('sets In-Reply-To and References on replies (F-6.5)', async () => {
      const agent = ctx.agent();
      const root = `${ctx.uid('root')}@mail.example.com`;
      const mail = await ctx.receive({
        from: { name: 'Ana Torres', address: `${ctx.uid('ana')}@example.com` },
        subject: 'Pedido 5521',
        messageId: `${ctx.uid('second')}@mail.example.com`,
        references: [root],
        inReplyTo: root,
      });
      const { message } = await agent.send(ctx.emailReply(mail));
      equal(message.inReplyTo, mail.messageId, 'In-Reply-To is the answered Message-ID');
      deepEqual(
        message.references,
        [root, mail.messageId],
        "References: the parent's, then the parent",
      );
      equal(message.subject, 'Re: Pedido 5521');
    });

    it('a customer answer to a sent reply threads back into the case', async () => {
      const backend = await ctx.extraBackend({ undoSendSeconds: 0 });
      const agent = backend.agent('agent');
      const inbox = (await agent.campaign(backend.ids.jorge.conversationId)).fromAddress;
      const from = { address: `${ctx.uid('rosa')}@example.com` };
      const inbound = await backend.receiveEmail({
        from,
        to: [inbox],
        subject: 'Garantía',
        text: 'Hola',
        messageId: `${ctx.uid('m')}@example.com`,
      });
      ok(inbound);
      const { message } = await agent.send(ctx.emailReply(inbound));
      let stored: Message | undefined;
      for (let i = 0; i < 30 && !stored?.messageId; i++) {
        stored = await messageById(agent, message);
        if (!stored?.messageId) await sleep(20);
      }
      ok(stored?.messageId, 'the sent reply has a Message-ID');
      const answer = await backend.receiveEmail({
        from,
        to: [inbox],
        subject: 'Nuevo asunto',
        text: 'Gracias',
        inReplyTo: stored.messageId,
        references: [inbound.messageId!, stored.messageId],
      });
      equal(answer?.conversationId, inbound.conversationId);
    });

    it('carries attachments over by id for reply all and forward', async () => {
      const agent = ctx.agent();
      const detail = await agent.getConversation(ctx.ids.jorge.conversationId);
      let original: Message | undefined;
      for (const interaction of detail.interactions) {
        const page = await agent.listMessages(interaction.id, { limit: 200 });
        original = page.items.find((m) => m.channel === 'email' && m.attachments.length > 0);
        if (original) break;
      }
      ok(original, '#6597 has an email with attachments');
      const attachmentIds = original.attachments.map((a) => a.id);
      const describe = (m: Message) => m.attachments.map((a) => `${a.name}|${a.size}|${a.type}`);
      const forward = await agent.send(
        ctx.emailReply(original, {
          mode: 'forward',
          to: [{ address: 'colega@example.com' }],
          subject: `Fwd: ${original.subject}`,
          attachmentIds,
        }),
      );
      sameMembers(describe(forward.message), describe(original), 'forward');
      const all = await agent.send(
        ctx.emailReply(original, {
          mode: 'replyAll',
          cc: [{ address: 'otra@example.com' }],
          attachmentIds,
        }),
      );
      sameMembers(describe(all.message), describe(original), 'reply all');
      await agent.cancelSend(forward.message.id);
      await agent.cancelSend(all.message.id);
    });

    it('is idempotent by clientId', async () => {
      const agent = ctx.agent();
      const chat = await ctx.newChatCase();
      const log = recordEvents(agent);
      await ctx.settle();
      const outgoing = ctx.chatMessage(chat.conversationId, 'Un solo mensaje', {
        clientId: ctx.uid('agent-client'),
      });
      const a = await agent.send(outgoing);
      const b = await agent.send(outgoing);
      equal(b.message.id, a.message.id, 'same message');
      await log.waitFor(agentEvent('message.created', (e) => e.message.id === a.message.id));
      await sleep(QUIET_MS);
      equal(
        log.count(
          agentEvent(
            'message.created',
            (e) => e.message.clientId === outgoing.clientId || e.message.id === a.message.id,
          ),
        ),
        1,
        'one message.created',
      );
      const page = await agent.listMessages(a.message.interactionId, { limit: 200 });
      equal(page.items.filter((m) => m.text === 'Un solo mensaje').length, 1, 'one stored message');
    });

    it('returns copies', async () => {
      const agent = ctx.agent();
      const chat = await ctx.newChatCase();
      const receipt = await agent.send(ctx.chatMessage(chat.conversationId, 'Copia'));
      const before = snapshot(receipt.message);
      receipt.message.text = 'Mutated';
      receipt.message.references.push('mutated@example.com');
      const stored = await messageById(agent, before);
      equal(stored?.text, 'Copia');
    });

    it('rejects unknown ids with not-found', async () => {
      const agent = ctx.agent();
      const mail = await ctx.newEmailCase();
      const outgoing = ctx.emailReply(mail.message);
      await rejectsWith(
        agent.send({ ...outgoing, conversationId: 'no-such-conversation' }),
        'not-found',
        undefined,
        'conversation',
      );
      await rejectsWith(
        agent.send({ ...outgoing, inReplyToMessageId: 'no-such-message' }),
        'not-found',
        undefined,
        'answered message',
      );
      await rejectsWith(
        agent.send({ ...outgoing, attachmentIds: ['no-such-attachment'] }),
        'not-found',
        undefined,
        'attachment',
      );
      await rejectsWith(agent.cancelSend('no-such-message'), 'not-found', undefined, 'cancelSend');
      equal(
        (await agent.listMessages(mail.message.interactionId)).items.length,
        1,
        'nothing stored',
      );
    });

    it('rejects bad input with invalid and names the field', async () => {
      const agent = ctx.agent();
      const mail = await ctx.newEmailCase();
      const outgoing = ctx.emailReply(mail.message);
      await rejectsWith(
        agent.send({ ...outgoing, to: [], cc: [], bcc: [] }),
        'invalid',
        undefined,
        'no recipient',
      );
      await rejectsWith(
        agent.send({ ...outgoing, to: [{ address: 'not an address' }] }),
        'invalid',
        'to',
      );
      await rejectsWith(
        agent.send({ ...outgoing, cc: [{ address: 'cc@@example' }] }),
        'invalid',
        'cc',
      );
      await rejectsWith(
        agent.send({ ...outgoing, bcc: [{ address: 'bcc.example.com' }] }),
        'invalid',
        'bcc',
      );
      await rejectsWith(
        agent.send({ ...outgoing, html: '', text: '' }),
        'invalid',
        undefined,
        'empty body',
      );
      await rejectsWith(
        agent.send({ ...outgoing, html: '<p></p>', text: '   ' }),
        'invalid',
        undefined,
        'blank body',
      );
      const chat = await ctx.newChatCase();
      await rejectsWith(
        agent.send(ctx.chatMessage(chat.conversationId, '')),
        'invalid',
        undefined,
        'empty chat',
      );
      equal(
        (await agent.listMessages(mail.message.interactionId)).items.length,
        1,
        'nothing stored',
      );
    });

    it('refuses email to a chat case whose visitor gave no address', async () => {
      const agent = ctx.agent();
      const chat = await ctx.newChatCase({ anonymous: true });
      const detail = await agent.getConversation(chat.conversationId);
      deepEqual(detail.contact.emails, [], 'an anonymous visitor has no address');
      await rejectsWith(
        agent.send({
          ...ctx.chatMessage(chat.conversationId, 'Por correo'),
          mode: 'new',
          channel: 'email',
          subject: 'Su consulta',
          to: [{ address: 'alguien@example.com' }],
        }),
        'invalid',
        undefined,
        'new anonymous case',
      );
      await rejectsWith(
        agent.send({
          ...ctx.chatMessage(ctx.ids.anonymousChatConversationId, 'Por correo'),
          mode: 'new',
          channel: 'email',
          subject: 'Su consulta',
          to: [{ address: 'alguien@example.com' }],
        }),
        'invalid',
        undefined,
        'seeded anonymous case',
      );
    });

    it('refuses email to a chat case when the campaign has no email fallback (F-4.4)', async () => {
      const agent = ctx.agent();
      const conversationId = ctx.ids.noEmailFallbackChatConversationId;
      equal(
        (await agent.campaign(conversationId)).chatFallbackToEmail,
        false,
        'the seed campaign has no fallback',
      );
      const detail = await agent.getConversation(conversationId);
      ok(detail.conversation.channels[0] === 'chat', 'a chat case');
      const to = [{ address: detail.contact.emails[0] ?? 'visitor@example.com' }];
      await rejectsWith(
        agent.send({
          ...ctx.chatMessage(conversationId, 'By email'),
          mode: 'new',
          channel: 'email',
          subject: 'Your question',
          to,
        }),
        'invalid',
      );
      const chat = await agent.send(ctx.chatMessage(conversationId, 'By chat is fine'));
      equal(chat.message.channel, 'chat', 'chat still works');
    });

    it('refuses a blocked recipient with conflict', async () => {
      const agent = ctx.agent();
      const mail = await ctx.newEmailCase();
      const outgoing = ctx.emailReply(mail.message);
      const { address, domain } = ctx.ids.blocked;
      await rejectsWith(
        agent.send({ ...outgoing, to: [{ address }] }),
        'conflict',
        undefined,
        'blocked address',
      );
      await rejectsWith(
        agent.send({ ...outgoing, cc: [{ address: `alguien${domain}` }] }),
        'conflict',
        undefined,
        'blocked domain',
      );
      await rejectsWith(
        agent.send({ ...outgoing, bcc: [{ address: address.toUpperCase() }] }),
        'conflict',
        undefined,
        'case-insensitive',
      );
      equal(
        (await agent.listMessages(mail.message.interactionId)).items.length,
        1,
        'nothing stored',
      );
    });
  });
}
