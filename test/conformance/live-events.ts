/**
 * Live events (F-4.7, F-5.4): delivery rules, typing and presence on both sides. Events tied to a
 * single operation (message.*, conversation.updated, draft.saved) are also checked where that
 * operation is tested.
 */
import type { AgentEvent } from '../../src/adapters/adapter.js';
import {
  deepEqual,
  equal,
  includesFields,
  nextEvent,
  ok,
  recordEvents,
  rejectsWith,
  sleep,
} from './assert.js';
import { QUIET_MS, agentEvent, visitorEvent, type SuiteContext } from './context.js';
import type { TestApi } from './harness.js';

export function defineLiveEventTests({ describe, it }: TestApi, ctx: SuiteContext): void {
  describe('live event delivery', () => {
    it('reaches every subscriber, the one that caused it included', async () => {
      const a = ctx.agent('agent');
      const b = ctx.agent('supervisor');
      const mail = await ctx.newEmailCase();
      const isIt = agentEvent(
        'conversation.updated',
        (e) => e.conversation.id === mail.conversationId && e.conversation.read,
      );
      const toA = nextEvent(a, isIt, 2000, 'the event for the agent who caused it');
      const toB = nextEvent(b, isIt, 2000, 'the event for another agent');
      const toA2 = nextEvent(a, isIt, 2000, 'the event for a second listener of the same adapter');
      await ctx.settle();
      await a.markRead(mail.conversationId);
      const events = await Promise.all([toA, toB, toA2]);
      for (const e of events) equal(e.conversation.read, true);
    });

    it('is sent after the state change it reports', async () => {
      const agent = ctx.agent();
      const mail = await ctx.newEmailCase();
      const seen: Array<Promise<string>> = [];
      const stop = agent.subscribe((e) => {
        if (e.type === 'conversation.updated' && e.conversation.id === mail.conversationId) {
          seen.push(agent.getConversation(mail.conversationId).then((d) => d.conversation.status));
        }
      });
      try {
        await ctx.settle();
        await agent.setStatus(mail.conversationId, 'completed');
        for (let i = 0; i < 100 && seen.length === 0; i++) await sleep(10);
        ok(seen.length > 0, 'an event arrived');
        equal(await seen[0], 'completed', 'the state read inside the listener is the new one');
      } finally {
        stop();
      }
    });

    it('stops after unsubscribe', async () => {
      const agent = ctx.agent();
      const mail = await ctx.newEmailCase();
      const events: AgentEvent[] = [];
      const stop = agent.subscribe((e) => events.push(e));
      await ctx.settle();
      stop();
      stop(); // unsubscribing twice is harmless
      await agent.markRead(mail.conversationId);
      await ctx.receive({
        from: mail.from,
        subject: `Re: ${mail.subject}`,
        inReplyTo: mail.message.messageId,
      });
      await sleep(QUIET_MS);
      deepEqual(
        events.filter((e) => e.type !== 'presence'),
        [],
        'no events after unsubscribe',
      );
    });

    it('message.created carries the message and its case summary', async () => {
      const agent = ctx.agent();
      const created = nextEvent(agent, agentEvent('message.created'), 2000, 'message.created');
      await ctx.settle();
      const mail = await ctx.newEmailCase();
      const event = await created;
      equal(event.message.id, mail.message.id);
      deepEqual(event.message, mail.message, 'the event message equals the stored one');
      includesFields(event.conversation, { id: mail.conversationId, status: 'open', read: false });
      equal(event.conversation.lastMessage?.direction, 'inbound');
    });
  });

  describe('typing (F-4.7, F-5.4)', () => {
    it('a typing visitor is shown to agents', async () => {
      const agent = ctx.agent();
      const chat = await ctx.newChatCase({ name: 'Mario Soto' });
      const log = recordEvents(agent);
      await ctx.settle();
      await chat.visitor.typing(true);
      const on = await log.waitFor(
        agentEvent('typing', (e) => e.conversationId === chat.conversationId && e.typing),
        {
          description: 'typing on',
        },
      );
      includesFields(on, { who: 'visitor', conversationId: chat.conversationId, typing: true });
      await chat.visitor.typing(false);
      await log.waitFor(
        agentEvent('typing', (e) => e.conversationId === chat.conversationId && !e.typing),
        {
          description: 'typing off',
        },
      );
    });

    it('a typing agent is shown to the visitor of that case only', async () => {
      const agent = ctx.agent();
      const me = await agent.me();
      const chat = await ctx.newChatCase();
      const other = await ctx.newChatCase();
      const log = recordEvents(chat.visitor);
      const otherLog = recordEvents(other.visitor);
      await ctx.settle();
      await agent.setTyping(chat.conversationId, true);
      const on = await log.waitFor(
        visitorEvent('typing', (e) => e.typing),
        { description: 'agent typing' },
      );
      includesFields(on, {
        who: 'agent',
        agentId: me.id,
        name: me.name,
        conversationId: chat.conversationId,
        typing: true,
      });
      await agent.setTyping(chat.conversationId, false);
      await log.waitFor(
        visitorEvent('typing', (e) => !e.typing),
        { description: 'agent stopped typing' },
      );
      await otherLog.expectNone(
        (e) => e.type === 'typing',
        QUIET_MS,
        'no typing event for another visitor',
      );
    });

    it('visitor typing before the case exists is a no-op; setTyping on an unknown case is not-found', async () => {
      const visitor = ctx.visitor(ctx.uid('device'));
      await visitor.typing(true);
      await visitor.typing(false);
      equal((await visitor.resume()).conversation, null, 'typing creates nothing');
      await rejectsWith(ctx.agent().setTyping('no-such-conversation', true), 'not-found');
    });
  });

  describe('case viewers (collision hint)', () => {
    it('agents see who views and replies to a case; leaving and moving on are told', async () => {
      const a = ctx.agent('agent');
      const b = ctx.agent('supervisor');
      const [meA, meB] = await Promise.all([a.me(), b.me()]);
      const mail = await ctx.newEmailCase();
      const other = await ctx.newEmailCase();
      const stopA = a.subscribe(() => undefined);
      const logB = recordEvents(b);
      await ctx.settle();
      const onCase = (n: number) =>
        agentEvent(
          'viewers',
          (e) => e.conversationId === mail.conversationId && e.viewers.length === n,
        );

      const mine = await a.announce(mail.conversationId, 'viewing');
      deepEqual(mine, [{ agentId: meA.id, name: meA.name, activity: 'viewing' }]);
      await logB.waitFor(onCase(1), { description: 'A viewing' });

      const both = await b.announce(mail.conversationId, 'replying');
      deepEqual(
        both.map((v) => [v.agentId, v.activity]).sort(),
        [
          [meA.id, 'viewing'],
          [meB.id, 'replying'],
        ].sort(),
      );
      await logB.waitFor(onCase(2), { description: 'both on the case' });

      const beforeMove = logB.mark();
      await a.announce(other.conversationId, 'viewing');
      const moved = await logB.waitFor(
        agentEvent(
          'viewers',
          (e) => e.conversationId === mail.conversationId && e.viewers.length === 1,
        ),
        { description: 'A moved to another case', since: beforeMove },
      );
      equal(moved.viewers[0]!.agentId, meB.id);

      deepEqual(await b.announce(mail.conversationId, null), []);
      const beforeLeave = logB.mark();
      stopA();
      await logB.waitFor(
        agentEvent(
          'viewers',
          (e) => e.conversationId === other.conversationId && e.viewers.length === 0,
        ),
        { description: 'A gone offline leaves the other case', since: beforeLeave },
      );
    });

    it('an unknown case is not-found and an unknown activity is invalid', async () => {
      const agent = ctx.agent();
      await rejectsWith(agent.announce('no-such-conversation', 'viewing'), 'not-found');
      const mail = await ctx.newEmailCase();
      await rejectsWith(
        agent.announce(mail.conversationId, 'typing' as unknown as 'viewing'),
        'invalid',
      );
    });
  });

  describe('presence (F-4.1, F-5.3)', () => {
    it('agents see a visitor come and go', async () => {
      const agent = ctx.agent();
      const chat = await ctx.newChatCase();
      const me = await chat.visitor.resume();
      const log = recordEvents(agent);
      await ctx.settle();
      const stop = chat.visitor.subscribe(() => undefined);
      const on = await log.waitFor(
        agentEvent('presence', (e) => e.conversationId === chat.conversationId && e.online),
        {
          description: 'presence online',
        },
      );
      deepEqual(on, {
        type: 'presence',
        conversationId: chat.conversationId,
        visitorId: me.visitor.id,
        online: true,
      });
      const listed = await agent.listConversations({ search: `#${chat.number}` });
      equal(
        listed.items.find((c) => c.id === chat.conversationId)?.visitorOnline,
        true,
        'green dot',
      );
      equal(
        (await agent.getConversation(chat.conversationId)).visitor?.online,
        true,
        'visitor.online',
      );
      stop();
      await log.waitFor(
        agentEvent('presence', (e) => e.conversationId === chat.conversationId && !e.online),
        {
          description: 'presence offline',
        },
      );
      const after = await agent.listConversations({ search: `#${chat.number}` });
      equal(after.items.find((c) => c.id === chat.conversationId)?.visitorOnline, false, 'dot off');
      equal((await agent.getConversation(chat.conversationId)).visitor?.online, false);
    });

    it('a visitor sees agents come and go', async () => {
      const chat = await ctx.newChatCase();
      const log = recordEvents(chat.visitor);
      await ctx.settle();
      equal((await chat.visitor.resume()).agentsOnline, false, 'nobody online yet');
      const stop = ctx.agent('supervisor').subscribe(() => undefined);
      await log.waitFor(
        visitorEvent('presence', (e) => e.agentsOnline),
        { description: 'agents online' },
      );
      equal((await chat.visitor.resume()).agentsOnline, true);
      stop();
      await log.waitFor(
        visitorEvent('presence', (e) => !e.agentsOnline),
        { description: 'agents offline' },
      );
      equal((await chat.visitor.resume()).agentsOnline, false);
    });
  });
}
