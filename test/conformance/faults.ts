/**
 * Transport faults (`offline`, `unavailable`) and abort signals: both must leave the store as it
 * was, and both sides must recover.
 */
import { aborted, deepEqual, equal, ok, rejectsAbort, rejectsWith } from './assert.js';
import type { SuiteContext } from './context.js';
import type { TestApi } from './harness.js';
import { draftKey, replyDraft } from './drafts-and-send.js';
import { pdfFile } from './uploads.js';

export function defineFaultTests({ describe, it }: TestApi, ctx: SuiteContext): void {
  describe('faults', () => {
    for (const kind of ['offline', 'unavailable'] as const) {
      it(`${kind}: every call fails with '${kind}', retryable, changing nothing; then recovers`, async () => {
        const agent = ctx.agent();
        const mail = await ctx.newEmailCase();
        const visitor = ctx.visitor(ctx.uid('device'));
        ctx.backend.fault(kind);
        try {
          const error = await rejectsWith(agent.me(), kind, undefined, 'me');
          equal(error.retryable, true, 'retryable');
          await rejectsWith(agent.listConversations(), kind, undefined, 'listConversations');
          await rejectsWith(
            agent.getConversation(mail.conversationId),
            kind,
            undefined,
            'getConversation',
          );
          await rejectsWith(agent.markRead(mail.conversationId), kind, undefined, 'markRead');
          await rejectsWith(
            agent.saveDraft(replyDraft(mail.message)),
            kind,
            undefined,
            'saveDraft',
          );
          await rejectsWith(agent.send(ctx.emailReply(mail.message)), kind, undefined, 'send');
          await rejectsWith(
            agent.blockSender(mail.from.address, 'Spam'),
            kind,
            undefined,
            'blockSender',
          );
          await rejectsWith(
            agent.upload(pdfFile(), { purpose: 'attachment' }),
            kind,
            undefined,
            'upload',
          );
          await rejectsWith(visitor.resume(), kind, undefined, 'visitor.resume');
          await rejectsWith(
            visitor.identify({ email: `${ctx.uid('v')}@example.com` }),
            kind,
            undefined,
            'visitor.identify',
          );
          await rejectsWith(
            visitor.send({ clientId: ctx.uid('c'), text: 'Hola' }),
            kind,
            undefined,
            'visitor.send',
          );
        } finally {
          ctx.backend.fault(null);
        }
        equal((await agent.me()).role, 'agent', 'recovered');
        const detail = await agent.getConversation(mail.conversationId);
        equal(detail.conversation.read, false, 'markRead changed nothing');
        equal(
          await agent.getDraft(draftKey(mail.message, 'reply')),
          null,
          'saveDraft changed nothing',
        );
        equal(
          (await agent.listMessages(mail.message.interactionId)).items.length,
          1,
          'send changed nothing',
        );
        ok(
          !(await agent.listBlocked()).some((e) => e.address === mail.from.address),
          'blockSender changed nothing',
        );
        const session = await visitor.resume();
        equal(session.conversation, null, 'visitor.send changed nothing');
        equal(session.visitor.email, undefined, 'identify changed nothing');
      });
    }
  });

  describe('abort signals', () => {
    it('already aborted agent reads reject with AbortError', async () => {
      const agent = ctx.agent();
      const { jorge } = ctx.ids;
      await rejectsAbort(agent.me(aborted()), 'me');
      await rejectsAbort(agent.listConversations({}, aborted()), 'listConversations');
      await rejectsAbort(agent.getConversation(jorge.conversationId, aborted()), 'getConversation');
      const detail = await agent.getConversation(jorge.conversationId);
      await rejectsAbort(
        agent.listMessages(detail.interactions[0]!.id, {}, aborted()),
        'listMessages',
      );
      await rejectsAbort(
        agent.getDraft({ conversationId: jorge.conversationId, mode: 'reply' }, aborted()),
        'getDraft',
      );
      await rejectsAbort(agent.searchRecipients('jorge', aborted()), 'searchRecipients');
      await rejectsAbort(agent.findContacts(jorge.address, aborted()), 'findContacts');
      await rejectsAbort(agent.listBlocked(aborted()), 'listBlocked');
      await rejectsAbort(agent.listQuickReplies(aborted()), 'listQuickReplies');
      await rejectsAbort(agent.campaign(jorge.conversationId, aborted()), 'campaign');
    });

    it('already aborted agent writes reject with AbortError and change nothing', async () => {
      const agent = ctx.agent();
      const supervisor = ctx.agent('supervisor');
      const mail = await ctx.newEmailCase();
      const conversationId = mail.conversationId;
      const draft = await agent.saveDraft(replyDraft(mail.message, { mode: 'forward' }));
      const newAddress = `${ctx.uid('nuevo')}@example.com`;
      const quick = (await supervisor.listQuickReplies())[0]!;

      await rejectsAbort(agent.markRead(conversationId, aborted()), 'markRead');
      await rejectsAbort(agent.setStatus(conversationId, 'completed', aborted()), 'setStatus');
      await rejectsAbort(agent.saveDraft(replyDraft(mail.message), aborted()), 'saveDraft');
      await rejectsAbort(
        agent.deleteDraft(draftKey(mail.message, 'forward'), aborted()),
        'deleteDraft',
      );
      await rejectsAbort(agent.send(ctx.emailReply(mail.message), aborted()), 'send');
      await rejectsAbort(
        agent.createContact({ name: 'Nadie', emails: [newAddress] }, aborted()),
        'createContact',
      );
      await rejectsAbort(
        agent.linkContact(ctx.ids.jorge.contactId, newAddress, aborted()),
        'linkContact',
      );
      await rejectsAbort(agent.blockSender(newAddress, 'Spam', aborted()), 'blockSender');
      await rejectsAbort(
        supervisor.unblockSender(ctx.ids.blocked.address, aborted()),
        'unblockSender',
      );
      await rejectsAbort(
        supervisor.saveQuickReply({ ...quick, title: 'Cambiado' }, aborted()),
        'saveQuickReply',
      );
      await rejectsAbort(supervisor.deleteQuickReply(quick.id, aborted()), 'deleteQuickReply');
      await rejectsAbort(
        agent.upload(pdfFile(), { purpose: 'attachment', signal: aborted().signal }),
        'upload',
      );
      await rejectsAbort(agent.setTyping(conversationId, true, aborted()), 'setTyping');

      const detail = await agent.getConversation(conversationId);
      equal(detail.conversation.read, false, 'still unread');
      equal(detail.conversation.status, 'open', 'still open');
      equal(await agent.getDraft(draftKey(mail.message, 'reply')), null, 'no reply draft');
      deepEqual(
        await agent.getDraft(draftKey(mail.message, 'forward')),
        draft,
        'forward draft kept',
      );
      equal((await agent.listMessages(mail.message.interactionId)).items.length, 1, 'nothing sent');
      deepEqual(await agent.findContacts(newAddress), [], 'no contact created or linked');
      const blocked = await agent.listBlocked();
      ok(!blocked.some((e) => e.address === newAddress), 'not blocked');
      ok(
        blocked.some((e) => e.address === ctx.ids.blocked.address),
        'still blocked',
      );
      deepEqual(
        (await supervisor.listQuickReplies()).find((r) => r.id === quick.id),
        quick,
        'quick reply unchanged',
      );
    });

    it('already aborted visitor calls reject with AbortError and change nothing', async () => {
      const chat = await ctx.newChatCase();
      const visitor = chat.visitor;
      await rejectsAbort(visitor.resume(aborted()), 'resume');
      await rejectsAbort(visitor.history({}, aborted()), 'history');
      await rejectsAbort(
        visitor.send({ clientId: ctx.uid('c'), text: 'Perdido' }, aborted()),
        'send',
      );
      await rejectsAbort(
        visitor.identify({ email: `${ctx.uid('otro')}@example.com` }, aborted()),
        'identify',
      );
      await rejectsAbort(visitor.typing(true, aborted()), 'typing');
      await rejectsAbort(
        visitor.upload(pdfFile(), { purpose: 'attachment', signal: aborted().signal }),
        'upload',
      );
      const session = await visitor.resume();
      deepEqual(
        session.messages.map((m) => m.text),
        [chat.first.text],
        'nothing sent',
      );
      equal(session.visitor.email, chat.email, 'identity unchanged');
    });

    it('a cancelSend aborted beforehand leaves the message scheduled', async () => {
      const agent = ctx.agent();
      const mail = await ctx.newEmailCase();
      const { message } = await agent.send(ctx.emailReply(mail.message));
      await rejectsAbort(agent.cancelSend(message.id, aborted()), 'cancelSend');
      const stored = (await agent.listMessages(message.interactionId)).items.find(
        (m) => m.id === message.id,
      );
      equal(stored?.status, 'scheduled', 'still scheduled');
      const draft = await agent.cancelSend(message.id);
      equal(draft.text, message.text, 'and still cancellable');
    });
  });
}
