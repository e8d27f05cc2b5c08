/**
 * The memory backend made durable: a scenario that changes every kind of record through the
 * adapters, on a SQLite file, must load back into a second backend holding exactly the same state.
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
import { openSqliteStore, type SqliteStore } from '../../../src/adapters/node/store/index.js';
import type { OutgoingMessage } from '../../../src/model/index.js';
import { assertReloadsEqual, snapshotStore, tempDir } from './persistence-helpers.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const flush = () => sleep(0);
const jorge = SEED_IDS.jorge;

function reply(overrides: Partial<OutgoingMessage> = {}): OutgoingMessage {
  return {
    conversationId: jorge.conversationId,
    mode: 'reply',
    channel: 'email',
    inReplyToMessageId: jorge.latestMessageId,
    to: [{ name: 'Jorge Taype', address: jorge.address }],
    cc: [],
    bcc: [],
    subject: '',
    html: '<p>Gracias.</p>',
    text: 'Gracias.',
    attachmentIds: [],
    ...overrides,
  };
}

const jpeg = (name = 'foto.jpg', size = 2048) =>
  Object.assign(new Blob([new Uint8Array(size)], { type: 'image/jpeg' }), { name });

describe('memory backend with persistence: reload equality', () => {
  let temp: ReturnType<typeof tempDir>;
  let store: SqliteStore;
  let backend: MemoryBackend;

  beforeEach(() => {
    temp = tempDir();
    store = openSqliteStore(`${temp.dir}/data/atento.db`);
    backend = createMemoryBackend({
      undoSendSeconds: 0.15,
      persistence: store,
      fileUrl: (id) => `/files/${id}`,
    });
  });
  afterEach(() => {
    backend.dispose();
    store.close();
    temp.remove();
  });

  it('a first run writes the whole seed, and a reload holds the same state', () => {
    const records = [...store.loadAll()];
    const s = storeOf(backend);
    assert.equal(records.filter((r) => r.kind === 'message').length, s.messages.size);
    assert.equal(records.filter((r) => r.kind === 'conversation').length, s.conversations.size);
    assertReloadsEqual(backend, store);
  });

  it('every kind of change survives a reload', async () => {
    const agent = backend.agent('agent');
    const supervisor = backend.agent('supervisor');
    const stopAgents = agent.subscribe(() => {});

    // Read state and case status.
    await agent.markRead(jorge.conversationId);
    await agent.setStatus(SEED_IDS.english.conversationId, 'completed');

    // Drafts: save, revise, conflict, delete, a second key.
    const key = { conversationId: jorge.conversationId, mode: 'reply' as const };
    const draft = { ...key, channel: 'email' as const, to: [], cc: [], bcc: [], subject: '' };
    const d1 = await agent.saveDraft({ ...draft, html: '<p>a</p>', text: 'a', attachments: [] });
    await agent.saveDraft({ ...draft, html: '', text: 'b', attachments: [], baseRevision: 1 });
    await assert.rejects(
      agent.saveDraft({
        ...draft,
        html: '',
        text: 'c',
        attachments: [],
        baseRevision: d1.revision,
      }),
      (e) => AdapterError.is(e, 'conflict'),
    );
    await agent.deleteDraft(key);
    await agent.saveDraft({
      conversationId: jorge.conversationId,
      mode: 'new',
      channel: 'email',
      to: [{ address: 'alguien@example.com' }],
      cc: [],
      bcc: [],
      subject: 'Nuevo',
      html: '',
      text: 'hola',
      attachments: [],
    });

    // Uploads (memory upload with fileUrl, and a registered server file) and sends.
    const uploaded = await agent.upload(jpeg(), { purpose: 'attachment' });
    assert.equal(uploaded.url, `/files/${uploaded.id}`);
    const registered = backend.registerUpload({
      uploader: { kind: 'agent', agentId: SEED_IDS.agents.agent },
      name: 'factura.pdf',
      size: 1000,
      type: 'application/pdf',
      purpose: 'attachment',
    });
    const committed = await agent.send(
      reply({ attachmentIds: [uploaded.id, registered.id], clientId: 'c-1' }),
    );
    await agent.send(reply({ clientId: 'c-1' })); // replayed: same message
    const cancelled = await agent.send(reply({ text: 'Cancelado', html: '' }));
    await agent.cancelSend(cancelled.message.id);
    const late = await agent.send(reply({ text: 'Tarde', html: '' }));
    await sleep(250);
    await assert.rejects(agent.cancelSend(late.message.id), (e) => AdapterError.is(e, 'committed'));
    assert.equal(
      (await agent.listMessages(jorge.latestInteractionId)).items.find(
        (m) => m.id === committed.message.id,
      )?.status,
      'sent',
    );
    await agent.send(reply({ text: 'Pendiente', html: '' })); // still scheduled at the reload

    // Contacts and the block list.
    const contact = await agent.createContact({
      name: 'Rosa Quispe',
      emails: ['rosa@example.com'],
    });
    await agent.linkContact(contact.id, 'rosa.q@example.com');
    await agent.blockSender('spam@example.com', 'Spam');
    await supervisor.unblockSender(SEED_IDS.blocked.address);

    // Quick replies (supervisor).
    const qr = await supervisor.saveQuickReply({
      title: 'Saludo',
      category: 'General',
      body: 'Hola',
      shortcut: 'saludo-persistido',
    });
    await supervisor.saveQuickReply({ ...qr, body: 'Hola de nuevo' });
    await supervisor.deleteQuickReply(SEED_IDS.quickReplies.thanks);

    // Inbound mail: threaded, new sender, blocked sender.
    await backend.receiveEmail({
      from: { address: jorge.address, name: 'Jorge Taype' },
      to: [{ address: 'soporte@tiendaandina.pe' }],
      subject: 'Re: algo',
      text: 'Respuesta',
      inReplyTo: committed.message.messageId,
    });
    await backend.receiveEmail({
      from: { address: 'nuevo@cliente.example', name: 'Nuevo Cliente' },
      to: [{ address: 'soporte@tiendaandina.pe' }],
      subject: 'Consulta nueva',
      text: 'Hola',
    });
    assert.equal(
      await backend.receiveEmail({
        from: { address: 'spam@example.com' },
        to: [{ address: 'soporte@tiendaandina.pe' }],
        subject: 'Oferta',
        text: 'Compre',
      }),
      null,
    );

    // A visitor: resume (new device), subscribe (presence), upload, send, identify.
    const visitor = backend.visitor('device-new-visitor');
    await visitor.resume();
    const stopVisitor = visitor.subscribe(() => {});
    const photo = await visitor.upload(jpeg('captura.jpg'), { purpose: 'attachment' });
    const fromDevice = backend.registerUpload({
      uploader: { kind: 'visitor', deviceId: 'device-new-visitor' },
      name: 'nota.txt',
      size: 12,
      type: 'text/plain',
      purpose: 'attachment',
    });
    await visitor.send({ clientId: 'v-1', text: 'Hola', attachmentIds: [photo.id, fromDevice.id] });
    await visitor.send({ clientId: 'v-1', text: 'Hola' }); // replayed
    await visitor.identify({ name: 'Pedro', email: 'pedro@example.com' });
    stopVisitor();
    await backend.visitor(SEED_IDS.visitors.anonymous).identify({ email: 'anon@example.com' });
    // Presence alone (subscribe, unsubscribe) moves a visitor's lastSeenAt.
    backend.visitor(SEED_IDS.visitors.known).subscribe(() => {})();

    // Bulk loads persist too.
    backend.load({
      quickReplies: [{ id: 'qr-loaded', title: 'Cargada', category: 'Extra', body: 'Texto' }],
    });
    stopAgents();
    await flush();

    assertReloadsEqual(backend, store, { undoSendSeconds: 0.15 });
  });

  it('ids never repeat after a restart, even of deleted records', async () => {
    const supervisor = backend.agent('supervisor');
    const first = await supervisor.saveQuickReply({ title: 'Uno', category: 'A', body: 'x' });
    await supervisor.deleteQuickReply(first.id);
    backend.dispose();
    backend = createMemoryBackend({ persistence: store });
    const second = await backend
      .agent('supervisor')
      .saveQuickReply({ title: 'Dos', category: 'A', body: 'y' });
    assert.notEqual(second.id, first.id);
    assert.ok(second.id > first.id, `${second.id} sorts after ${first.id}`);
  });

  it('a restart keeps the loaded records, not the seed option', async () => {
    await backend.agent('agent').markRead(jorge.conversationId);
    const before = snapshotStore(storeOf(backend));
    backend.dispose();
    backend = createMemoryBackend({ persistence: store, seed: { ...emptySeed() } });
    assert.deepStrictEqual(snapshotStore(storeOf(backend)), before);
    assert.equal(
      (await backend.agent('agent').getConversation(jorge.conversationId)).conversation.read,
      true,
    );
  });
});

function emptySeed() {
  return {
    agents: [],
    campaigns: [],
    contacts: [],
    conversations: [],
    interactions: [],
    messages: [],
    drafts: [],
    quickReplies: [],
    blockList: [],
    visitors: [],
  };
}
