/**
 * The unit of work of the durable memory backend: what a call writes, when, and what happens when
 * the write fails; the journal's ordering rule; registering files a server stored itself.
 */
import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { AdapterError } from '../../../src/adapters/adapter.js';
import {
  createMemoryBackend,
  storeOf,
  type MemoryBackend,
} from '../../../src/adapters/memory/backend.js';
import { SEED_IDS } from '../../../src/adapters/memory/index.js';
import { Journal, RecordMap } from '../../../src/adapters/memory/journal.js';
import type { Message, OutgoingMessage } from '../../../src/model/index.js';
import { MemoryRecordStore, snapshotStore } from './persistence-helpers.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const jorge = SEED_IDS.jorge;
const isCode = (code: AdapterError['code']) => (e: unknown) => AdapterError.is(e, code);

/** Silences and collects `console.error` (where reported errors go under Node) during `fn`. */
async function capturingErrors(fn: () => Promise<void>): Promise<unknown[]> {
  const seen: unknown[] = [];
  const original = console.error;
  console.error = (error: unknown) => seen.push(error);
  try {
    await fn();
  } finally {
    console.error = original;
  }
  return seen;
}

describe('persistence: the unit of work', () => {
  let records: MemoryRecordStore;
  let backend: MemoryBackend;
  beforeEach(() => {
    records = new MemoryRecordStore();
    backend = createMemoryBackend({ persistence: records, undoSendSeconds: 0.05 });
  });
  afterEach(() => backend.dispose());

  it('a first run writes the whole seed in one transaction', () => {
    assert.equal(records.writes.length, 1);
    assert.equal(records.rows.size, records.writes[0]!.length);
    const kinds = new Set([...records.rows.values()].map((r) => r.kind));
    for (const kind of ['agent', 'campaign', 'contact', 'conversation', 'message', 'draft'])
      assert.ok(kinds.has(kind as never), `seed ${kind} written`);
  });

  it('a first run whose seed cannot be written fails with the error of the store', () => {
    const failing = new MemoryRecordStore();
    failing.failNext = new Error('Cannot write to the store /data/atento.db: the disk is full');
    assert.throws(() => createMemoryBackend({ persistence: failing }), /the disk is full/);
  });

  it('reads write nothing', async () => {
    const agent = backend.agent('agent');
    await agent.me();
    await agent.listConversations({ search: 'jorge' });
    await agent.getConversation(jorge.conversationId);
    await agent.listQuickReplies();
    await agent.searchRecipients('jor');
    assert.equal(records.writes.length, 1);
  });

  it('a refused call writes nothing', async () => {
    const agent = backend.agent('agent');
    await assert.rejects(
      agent.setStatus(jorge.conversationId, 'closed' as never),
      isCode('invalid'),
    );
    await assert.rejects(agent.blockSender('not an address', 'x'), isCode('invalid'));
    await assert.rejects(agent.unblockSender(SEED_IDS.blocked.address), isCode('forbidden'));
    await assert.rejects(
      agent.createContact({ name: 'X', emails: [jorge.address] }),
      isCode('conflict'),
    );
    await assert.rejects(agent.send({ ...outgoing(), to: [] }), isCode('invalid'));
    assert.equal(records.writes.length, 1);
  });

  it('one call is one write holding every record it changed', async () => {
    await backend.agent('agent').send(outgoing());
    assert.equal(records.writes.length, 2);
    const kinds = records.writes[1]!.map((c) => c.kind).sort();
    assert.deepEqual(
      [...new Set(kinds)],
      ['clientId', 'conversation', 'counter', 'interaction', 'message', 'outbox'],
    );
  });

  it('a write that fails fails the call with unavailable; the change goes with the next write', async () => {
    const agent = backend.agent('agent');
    records.failNext = new Error('disk full at /var/lib/atento/atento.db');
    let rejection: unknown;
    const reported = await capturingErrors(async () => {
      rejection = await agent.markRead(jorge.conversationId).catch((e: unknown) => e);
    });
    assert.ok(AdapterError.is(rejection, 'unavailable') && rejection.retryable);
    assert.doesNotMatch((rejection as Error).message, /var\/lib/, 'no server path for clients');
    assert.equal(reported.length, 1, 'the cause is reported');
    const stored = () => records.rows.get(`conversation\u0000${jorge.conversationId}`)!.value;
    assert.equal((stored() as { read: boolean }).read, false, 'nothing written');

    await agent.setStatus(jorge.conversationId, 'completed');
    assert.deepEqual(
      [(stored() as { read: boolean }).read, (stored() as { status: string }).status],
      [true, 'completed'],
    );
    const reloaded = createMemoryBackend({ persistence: records });
    assert.deepStrictEqual(snapshotStore(storeOf(reloaded)), snapshotStore(storeOf(backend)));
    reloaded.dispose();
  });

  it('a failing call keeps its own error when the write fails too', async () => {
    const agent = backend.agent('agent');
    records.failNext = new Error('disk full');
    await capturingErrors(async () => {
      await assert.rejects(agent.setStatus(jorge.conversationId, 'x' as never), isCode('invalid'));
    });
  });

  it('a timer whose write fails reports it and the next write carries the commit', async () => {
    const { message } = await backend.agent('agent').send(outgoing());
    records.failNext = new Error('disk full');
    const reported = await capturingErrors(async () => {
      await sleep(120);
    });
    assert.equal(reported.length, 1);
    const status = () => (records.rows.get(`message\u0000${message.id}`)!.value as Message).status;
    assert.equal(status(), 'scheduled');
    await backend.agent('agent').markRead(jorge.conversationId);
    assert.equal(status(), 'sent');
  });

  it('bulk loads are written', () => {
    backend.load({ blockList: [blockEntry('@bulk.example')] });
    assert.ok(records.rows.has('blockList\u0000@bulk.example'));
  });

  it('without persistence nothing is journaled', async () => {
    const plain = createMemoryBackend();
    await plain.agent('agent').markRead(jorge.conversationId);
    const pending = (storeOf(plain).journal as unknown as { pending: Map<string, unknown> })
      .pending;
    assert.equal(pending.size, 0);
    plain.dispose();
  });

  it('refuses records of an unknown kind on load', () => {
    records.rows.set('x\u0000y', { kind: 'gadget' as never, key: 'k1', value: {} });
    assert.throws(
      () => createMemoryBackend({ persistence: records }),
      /Unknown record kind gadget \(key k1\)/,
    );
  });
});

describe('persistence: the journal', () => {
  it('a record deleted and stored again in one unit goes last, as in the map', () => {
    const records = new MemoryRecordStore();
    const journal = new Journal();
    journal.attach(records);
    const map = new RecordMap<string, number>(journal, 'clientId');
    const read = (_kind: string, key: string) => map.get(key);
    map.set('a', 1);
    map.set('b', 2);
    journal.flush(read);
    map.delete('a');
    map.set('a', 3);
    map.set('b', 4); // replaced in place: keeps its place
    journal.flush(read);
    assert.deepEqual(records.writes[1], [
      { kind: 'clientId', key: 'a', value: null },
      { kind: 'clientId', key: 'a', value: 3 },
      { kind: 'clientId', key: 'b', value: 4 },
    ]);
    assert.deepEqual(
      [...records.loadAll()].map((r) => [r.key, r.value]),
      [...map],
    );
    assert.deepEqual([...map.keys()], ['b', 'a']);
  });

  it('writes a record changed many times once, as it ended, and a deleted one as null', () => {
    const records = new MemoryRecordStore();
    const journal = new Journal();
    journal.attach(records);
    const map = new RecordMap<string, { n: number }>(journal, 'quickReply');
    const read = (_kind: string, key: string) => map.get(key);
    map.set('x', { n: 1 });
    map.get('x')!.n = 2;
    journal.touch('quickReply', 'x');
    map.set('gone', { n: 0 });
    map.delete('gone');
    journal.flush(read);
    assert.deepEqual(records.writes[0], [
      { kind: 'quickReply', key: 'x', value: { n: 2 } },
      { kind: 'quickReply', key: 'gone', value: null },
    ]);
    journal.flush(read);
    assert.equal(records.writes.length, 1, 'an empty journal writes nothing');
  });
});

describe('registerUpload: files a server stored itself', () => {
  let records: MemoryRecordStore;
  let backend: MemoryBackend;
  const device = SEED_IDS.visitors.known;
  beforeEach(() => {
    records = new MemoryRecordStore();
    backend = createMemoryBackend({ persistence: records, fileUrl: (id) => `/api/v1/files/${id}` });
  });
  afterEach(() => backend.dispose());

  const pdf = {
    name: 'factura.pdf',
    size: 1000,
    type: 'application/pdf',
    purpose: 'attachment',
  } as const;

  it('registers an agent file under the campaign limits, persisted, with the server URL', async () => {
    const placed: string[] = [];
    const a = backend.registerUpload(
      { ...pdf, uploader: { kind: 'agent', agentId: SEED_IDS.agents.agent } },
      (attachment) => placed.push(attachment.id),
    );
    assert.deepEqual(placed, [a.id]);
    assert.equal(a.url, `/api/v1/files/${a.id}`);
    assert.equal(a.kind, 'document');
    assert.ok(records.rows.has(`upload\u0000${a.id}`), 'written before it returns');
    const { message } = await backend.agent('supervisor').send(outgoing({ attachmentIds: [a.id] }));
    assert.deepEqual(
      message.attachments.map((x) => x.id),
      [a.id],
    );
  });

  it('keeps an explicit url, and fills the type from the extension when empty', () => {
    const a = backend.registerUpload({
      ...pdf,
      type: '',
      url: '/signed/abc',
      uploader: { kind: 'agent', agentId: SEED_IDS.agents.agent },
    });
    assert.equal(a.url, '/signed/abc');
    assert.equal(a.type, 'application/pdf');
  });

  it('a visitor file is usable only by that visitor', async () => {
    const a = backend.registerUpload({ ...pdf, uploader: { kind: 'visitor', deviceId: device } });
    backend.agent('agent').subscribe(() => {}); // an agent online: visitors may chat
    await assert.rejects(
      backend.agent('agent').send(outgoing({ attachmentIds: [a.id] })),
      isCode('not-found'),
    );
    await assert.rejects(
      backend
        .visitor('another-device')
        .send({ clientId: 'x', text: 'hola', attachmentIds: [a.id] }),
      isCode('not-found'),
    );
    const sent = await backend
      .visitor(device)
      .send({ clientId: 'y', text: 'mi factura', attachmentIds: [a.id] });
    assert.deepEqual(
      sent.attachments.map((x) => x.id),
      [a.id],
    );
  });

  it('refuses what upload refuses, and registers nothing then', () => {
    const agent = { kind: 'agent', agentId: SEED_IDS.agents.agent } as const;
    const before = storeOf(backend).uploads.size;
    assert.throws(
      () => backend.registerUpload({ ...pdf, size: 50 * 2 ** 20, uploader: agent }),
      isCode('too-large'),
    );
    assert.throws(
      () => backend.registerUpload({ ...pdf, name: 'virus.exe', uploader: agent }),
      isCode('unsupported-type'),
    );
    assert.throws(
      () => backend.registerUpload({ ...pdf, size: 0, uploader: agent }),
      isCode('invalid'),
    );
    assert.throws(
      () => backend.registerUpload({ ...pdf, size: -1, uploader: agent }),
      isCode('invalid'),
    );
    assert.throws(
      () => backend.registerUpload({ ...pdf, purpose: 'avatar' as never, uploader: agent }),
      isCode('invalid'),
    );
    assert.throws(
      () => backend.registerUpload({ ...pdf, uploader: { kind: 'robot' } as never }),
      isCode('invalid'),
    );
    assert.throws(
      () => backend.registerUpload({ ...pdf, uploader: { kind: 'agent', agentId: 'nobody' } }),
      isCode('forbidden'),
    );
    assert.throws(
      () => backend.registerUpload({ ...pdf, uploader: agent, conversationId: 'conv-none' }),
      isCode('not-found'),
    );
    assert.throws(
      () =>
        backend.registerUpload({ ...pdf, uploader: agent }, () => {
          throw new Error('rename failed');
        }),
      /rename failed/,
    );
    backend.fault('offline');
    assert.throws(() => backend.registerUpload({ ...pdf, uploader: agent }), isCode('offline'));
    backend.fault(null);
    assert.equal(storeOf(backend).uploads.size, before);
    backend.dispose();
    assert.throws(() => backend.registerUpload({ ...pdf, uploader: agent }), isCode('unavailable'));
  });

  it('upload() gives fileUrl URLs too when the option is set', async () => {
    const file = Object.assign(new Blob([new Uint8Array(10)], { type: 'image/png' }), {
      name: 'a.png',
    });
    const a = await backend.agent('agent').upload(file, { purpose: 'attachment' });
    assert.equal(a.url, `/api/v1/files/${a.id}`);
    const plain = createMemoryBackend();
    const b = await plain.agent('agent').upload(file, { purpose: 'attachment' });
    assert.match(b.url, /^(blob:|memory:upload\/)/);
    plain.dispose();
  });
});

function outgoing(overrides: Partial<OutgoingMessage> = {}): OutgoingMessage {
  return {
    conversationId: jorge.conversationId,
    mode: 'reply',
    channel: 'email',
    inReplyToMessageId: jorge.latestMessageId,
    to: [{ address: jorge.address }],
    cc: [],
    bcc: [],
    subject: '',
    html: '',
    text: 'Hola',
    attachmentIds: [],
    clientId: `c-${Math.random()}`,
    ...overrides,
  };
}

function blockEntry(address: string) {
  return {
    address,
    reason: 'bulk',
    blockedBy: { id: SEED_IDS.agents.supervisor, name: 'Marco Díaz' },
    blockedAt: new Date(0).toISOString(),
  };
}
