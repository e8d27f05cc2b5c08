/**
 * Scheduled sends across a restart: the undo window is a persisted record, re-armed on load, and
 * a send commits exactly once whether its window ends while the backend runs or while it is down.
 */
import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import type { AgentEvent } from '../../../src/adapters/adapter.js';
import { createMemoryBackend, type MemoryBackend } from '../../../src/adapters/memory/backend.js';
import { SEED_IDS } from '../../../src/adapters/memory/index.js';
import type { RecordChange, RecordStore } from '../../../src/adapters/memory/persistence.js';
import { openSqliteStore, type SqliteStore } from '../../../src/adapters/node/store/index.js';
import type { Id, Message, OutgoingMessage } from '../../../src/model/index.js';
import { tempDir } from './persistence-helpers.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const jorge = SEED_IDS.jorge;
const WINDOW = 0.3;

const reply: OutgoingMessage = {
  conversationId: jorge.conversationId,
  mode: 'reply',
  channel: 'email',
  inReplyToMessageId: jorge.latestMessageId,
  to: [{ address: jorge.address }],
  cc: [],
  bcc: [],
  subject: '',
  html: '<p>Enviado tras reiniciar</p>',
  text: 'Enviado tras reiniciar',
  attachmentIds: [],
};

/** Passes everything to `inner` and keeps the batches written. */
function recording(inner: RecordStore): RecordStore & { writes: RecordChange[][] } {
  const writes: RecordChange[][] = [];
  return {
    writes,
    loadAll: () => inner.loadAll(),
    write(changes) {
      writes.push(changes.map((c) => ({ ...c, value: JSON.parse(JSON.stringify(c.value)) })));
      inner.write(changes);
    },
    close: () => inner.close(),
  };
}

async function messageOf(backend: MemoryBackend, id: Id): Promise<Message> {
  const page = await backend.agent('agent').listMessages(jorge.latestInteractionId, { limit: 100 });
  const found = page.items.find((m) => m.id === id);
  if (found) return found;
  // Cancelled messages leave the timeline.
  return { id, status: 'cancelled' } as Message;
}

describe('scheduled sends across a restart', () => {
  let temp: ReturnType<typeof tempDir>;
  let file: SqliteStore;
  let store: ReturnType<typeof recording>;
  const backends: MemoryBackend[] = [];
  const open = (options: { now?: () => Date } = {}) => {
    const backend = createMemoryBackend({
      undoSendSeconds: WINDOW,
      persistence: store,
      ...options,
    });
    backends.push(backend);
    return backend;
  };
  /** Sends on a first backend and shuts it down inside the window (its timer dies with it). */
  const sendThenStop = async () => {
    const first = open();
    const receipt = await first.agent('agent').send(reply);
    assert.ok(receipt.cancellableUntil);
    first.dispose();
    return receipt;
  };

  beforeEach(() => {
    temp = tempDir();
    file = openSqliteStore(`${temp.dir}/atento.db`);
    store = recording(file);
  });
  afterEach(() => {
    for (const b of backends.splice(0)) b.dispose();
    file.close();
    temp.remove();
  });

  it('commits after the restart when the window ends, exactly once', async () => {
    const { message } = await sendThenStop();
    const second = open();
    const events: AgentEvent[] = [];
    second.agent('agent').subscribe((e) => events.push(e));
    assert.equal((await messageOf(second, message.id)).status, 'scheduled');
    await sleep(WINDOW * 1000 + 200);
    assert.equal((await messageOf(second, message.id)).status, 'sent');
    const sent = events.filter(
      (e) =>
        e.type === 'message.updated' && e.message.id === message.id && e.message.status === 'sent',
    );
    assert.equal(sent.length, 1, 'one commit');
    second.dispose();

    const writesBefore = store.writes.length;
    const third = open();
    assert.equal(store.writes.length, writesBefore, 'loading a committed send writes nothing');
    assert.equal((await messageOf(third, message.id)).status, 'sent');
  });

  it('commits at once on load when the window ended while the backend was down, once', async () => {
    const { message, cancellableUntil } = await sendThenStop();
    const later = new Date(Date.parse(cancellableUntil!) + 3600_000);
    const writesBefore = store.writes.length;
    const second = open({ now: () => later });
    assert.equal((await messageOf(second, message.id)).status, 'sent');
    const written = store.writes.slice(writesBefore).flat();
    assert.deepEqual(
      written.filter((c) => c.kind === 'message').map((c) => [c.key, (c.value as Message).status]),
      [[message.id, 'sent']],
      'the commit is written in the load',
    );
    second.dispose();

    const writesAfter = store.writes.length;
    const third = open({ now: () => new Date(later.getTime() + 3600_000) });
    assert.equal(store.writes.length, writesAfter, 'no second commit');
    assert.equal((await messageOf(third, message.id)).status, 'sent');
  });

  it('cancelSend after a restart cancels, restores the draft and the timer never fires', async () => {
    const { message } = await sendThenStop();
    const second = open();
    const draft = await second.agent('agent').cancelSend(message.id);
    assert.equal(draft.text, reply.text);
    await sleep(WINDOW * 1000 + 200);
    assert.equal((await messageOf(second, message.id)).status, 'cancelled');
    second.dispose();

    const third = open();
    assert.equal((await messageOf(third, message.id)).status, 'cancelled');
    const restored = await third.agent('agent').getDraft({
      conversationId: jorge.conversationId,
      mode: 'reply',
      inReplyToMessageId: jorge.latestMessageId,
    });
    assert.equal(restored?.revision, draft.revision);
    assert.equal(restored?.text, reply.text);
  });

  it('a window longer than a timer can wait is waited out, not committed early', async () => {
    const { message } = await sendThenStop();
    const second = open({ now: () => new Date(0) }); // the window now ends decades away
    await sleep(30);
    assert.equal((await messageOf(second, message.id)).status, 'scheduled');
  });
});
