import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { AdapterError, type AgentEvent, type VisitorEvent } from '../../../src/adapters/adapter.js';
import {
  createMemoryBackend,
  SEED_IDS,
  type MemoryBackend,
} from '../../../src/adapters/memory/index.js';
import type { OutgoingMessage } from '../../../src/model/index.js';

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function reply(overrides: Partial<OutgoingMessage> = {}): OutgoingMessage {
  return {
    conversationId: SEED_IDS.jorge.conversationId,
    mode: 'reply',
    channel: 'email',
    inReplyToMessageId: SEED_IDS.jorge.latestMessageId,
    to: [{ name: 'Jorge Taype', address: SEED_IDS.jorge.address }],
    cc: [],
    bcc: [],
    subject: 'Re: Consulta: garantía de las zapatillas Trail Andes',
    html: '<p>Gracias por la foto.</p>',
    text: 'Gracias por la foto.',
    attachmentIds: [],
    ...overrides,
  };
}

describe('memory backend', () => {
  let backend: MemoryBackend;
  beforeEach(() => {
    backend = createMemoryBackend({ undoSendSeconds: 0.15 });
  });
  afterEach(() => backend.dispose());

  it('signs in by role or by id', async () => {
    assert.equal((await backend.agent('coordinator').me()).name, 'Ana Quispe');
    assert.equal((await backend.agent(SEED_IDS.agents.supervisor).me()).role, 'supervisor');
    assert.throws(
      () => backend.agent('nobody'),
      (e) => AdapterError.is(e, 'not-found'),
    );
  });

  it('rejects aborted calls during the latency and changes nothing', async () => {
    const slow = createMemoryBackend({ latencyMs: 50 });
    const agent = slow.agent('agent');
    const controller = new AbortController();
    const call = agent.markRead(SEED_IDS.jorge.conversationId, { signal: controller.signal });
    setTimeout(() => controller.abort(), 10);
    await assert.rejects(call, (e: Error) => e.name === 'AbortError');
    assert.equal(
      (await agent.getConversation(SEED_IDS.jorge.conversationId)).conversation.read,
      false,
    );
    slow.dispose();
  });

  it('returns copies', async () => {
    const agent = backend.agent('agent');
    const detail = await agent.getConversation(SEED_IDS.jorge.conversationId);
    detail.conversation.subject = 'changed';
    detail.interactions.length = 0;
    const again = await agent.getConversation(SEED_IDS.jorge.conversationId);
    assert.notEqual(again.conversation.subject, 'changed');
    assert.equal(again.interactions.length, 16);
  });

  it('fails every call while a fault is set, then recovers', async () => {
    const agent = backend.agent('agent');
    backend.fault('unavailable');
    await assert.rejects(agent.me(), (e) => AdapterError.is(e, 'unavailable') && e.retryable);
    await assert.rejects(backend.visitor('d1').resume(), (e) => AdapterError.is(e, 'unavailable'));
    backend.fault(null);
    await agent.me();
  });

  it('commits a scheduled email exactly once: scheduled, sending, sent', async () => {
    const agent = backend.agent('agent');
    const events: AgentEvent[] = [];
    agent.subscribe((e) => events.push(e));
    const { message, cancellableUntil } = await agent.send(reply());
    assert.equal(message.status, 'scheduled');
    assert.ok(cancellableUntil);
    assert.equal(
      message.inReplyTo !== undefined && message.references.at(-1) === message.inReplyTo,
      true,
    );
    assert.match(message.messageId ?? '', /^[^<>\s]+@tiendaandina\.pe$/);
    await sleep(300);
    const statuses = events.flatMap((e) =>
      e.type.startsWith('message.') && 'message' in e && e.message.id === message.id
        ? [e.message.status]
        : [],
    );
    assert.deepEqual(statuses, ['scheduled', 'sending', 'sent']);
    await assert.rejects(agent.cancelSend(message.id), (e) => AdapterError.is(e, 'committed'));
  });

  it('cancelling a `new` email removes the interaction it opened and restores the draft', async () => {
    const agent = backend.agent('agent');
    const before = (await agent.getConversation(SEED_IDS.jorge.conversationId)).interactions.length;
    const { message } = await agent.send(
      reply({ mode: 'new', inReplyToMessageId: undefined, subject: 'Nuevo tema' }),
    );
    assert.equal(
      (await agent.getConversation(SEED_IDS.jorge.conversationId)).interactions.length,
      before + 1,
    );
    const draft = await agent.cancelSend(message.id);
    assert.equal(draft.mode, 'new');
    assert.equal(draft.subject, 'Nuevo tema');
    const after = await agent.getConversation(SEED_IDS.jorge.conversationId);
    assert.equal(after.interactions.length, before);
    assert.equal(
      after.conversation.lastMessage?.preview,
      'Claro, adjunto la foto. Se nota sobre todo en la punta.',
    );
    assert.deepEqual(
      await agent.getDraft({ conversationId: SEED_IDS.jorge.conversationId, mode: 'new' }),
      draft,
    );
  });

  it('restores a cancelled draft with a newer revision than the one sent', async () => {
    const agent = backend.agent('agent');
    const { attachmentIds: _ids, ...rest } = { ...reply(), attachments: [] };
    const saved = await agent.saveDraft(rest);
    const saved2 = await agent.saveDraft({ ...rest, baseRevision: saved.revision });
    const { message } = await agent.send(reply());
    assert.equal(
      await agent.getDraft({
        conversationId: SEED_IDS.jorge.conversationId,
        mode: 'reply',
        inReplyToMessageId: SEED_IDS.jorge.latestMessageId,
      }),
      null,
    );
    const restored = await agent.cancelSend(message.id);
    assert.ok(restored.revision > saved2.revision);
    assert.equal(restored.inReplyToMessageId, SEED_IDS.jorge.latestMessageId);
  });

  it('shows the visitor agent emails addressed to them, never a forward to someone else', async () => {
    const agent = backend.agent('agent');
    const visitor = backend.visitor(SEED_IDS.visitors.jorge);
    const events: VisitorEvent[] = [];
    visitor.subscribe((e) => events.push(e));
    const fwd = await agent.send(
      reply({ mode: 'forward', to: [{ address: 'colega@example.com' }], subject: 'Fwd: garantía' }),
    );
    const answer = await agent.send(reply());
    await sleep(300);
    const created = events
      .filter((e) => e.type === 'message.created')
      .map((e) => (e as { message: { id: string } }).message.id);
    assert.ok(created.includes(answer.message.id));
    assert.ok(!created.includes(fwd.message.id));
    const history = await visitor.history({ limit: 200 });
    assert.ok(history.items.some((m) => m.id === answer.message.id));
    assert.ok(!history.items.some((m) => m.id === fwd.message.id));
  });

  it('the visitor history mixes chat and the email thread, oldest first', async () => {
    const session = await backend.visitor(SEED_IDS.visitors.jorge).resume();
    assert.equal(session.conversation?.number, 6597);
    assert.equal(session.messages.length, 50);
    assert.ok(session.hasMore);
    assert.deepEqual(new Set(session.messages.map((m) => m.channel)), new Set(['chat', 'email']));
    const times = session.messages.map((m) => m.registeredAt);
    assert.deepEqual([...times].sort(), times);
    assert.equal(session.campaign.requireEmailWhenOffline, true);
  });

  it('tells visitors when the first agent comes online and the last one leaves', async () => {
    const visitor = backend.visitor('device-new');
    const events: VisitorEvent[] = [];
    visitor.subscribe((e) => events.push(e));
    assert.equal((await visitor.resume()).agentsOnline, false);
    const a = backend.agent('agent').subscribe(() => undefined);
    const b = backend.agent('supervisor').subscribe(() => undefined);
    assert.equal((await visitor.resume()).agentsOnline, true);
    a();
    b();
    b();
    await flush();
    assert.deepEqual(
      events.filter((e) => e.type === 'presence'),
      [
        { type: 'presence', agentsOnline: true },
        { type: 'presence', agentsOnline: false },
      ],
    );
  });

  it('a throwing listener does not stop the others', async () => {
    const agent = backend.agent('agent');
    const seen: string[] = [];
    const original = console.error;
    console.error = () => undefined;
    try {
      agent.subscribe(() => {
        throw new Error('boom');
      });
      agent.subscribe((e) => seen.push(e.type));
      await agent.markRead(SEED_IDS.jorge.conversationId);
      await flush();
    } finally {
      console.error = original;
    }
    assert.deepEqual(seen, ['conversation.updated']);
  });

  it('load merges records and dispose stops every later call', async () => {
    backend.load({
      quickReplies: [{ id: 'qr-extra', title: 'Extra', category: 'Cierre', body: 'Hasta luego' }],
    });
    const agent = backend.agent('agent');
    assert.ok((await agent.listQuickReplies()).some((q) => q.id === 'qr-extra'));
    backend.dispose();
    await assert.rejects(agent.me(), (e) => AdapterError.is(e, 'unavailable'));
  });
});
