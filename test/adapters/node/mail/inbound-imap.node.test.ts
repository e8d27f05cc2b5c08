/**
 * IMAP in against a real Dovecot (test/support/dovecot.ts): the first sync reads only the
 * window, IDLE brings new mail to the agents live within a second, the sync reconnects after the
 * server is stopped and started, a new UIDVALIDITY resyncs without duplicates, a restarted
 * server goes on from the persisted UID, `\Seen` is set only when asked, batches stay small, and
 * mail above the size cap is refused from its size without being downloaded.
 * Each test reads its own Dovecot user, so the mailboxes never mix.
 */
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { AgentEvent } from '../../../../src/adapters/adapter.js';
import { storeOf } from '../../../../src/adapters/memory/backend.js';
import { startDovecot, type Dovecot } from '../../../support/dovecot.js';
import { mailServer, nextSync, rawMail, until, type MailTestServer } from './inbound-helpers.js';

const USERS = [
  'window',
  'idle',
  'reconnect',
  'uidvalidity',
  'restart',
  'seen',
  'batches',
  'sizes',
  'cap',
];
const DAY = 86_400_000;

describe('mail in: IMAP sync', { timeout: 60_000 }, () => {
  let dovecot: Dovecot;
  const servers: MailTestServer[] = [];
  const dirs: string[] = [];
  before(async () => {
    dovecot = await startDovecot({ users: USERS.map((user) => ({ user, pass: 'secreto' })) });
  });
  after(async () => {
    await Promise.all(servers.map((s) => s.stop()));
    await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
    await dovecot?.stop();
  });
  const start = async (user: string, extra: Parameters<typeof mailServer>[0] = {}) => {
    const server = await mailServer({ dovecot, user, ...extra });
    servers.push(server);
    return server;
  };
  const stored = (server: MailTestServer) => storeOf(server.backend).messages.size;

  it('first sync: only the mail of the window, then the position is kept', async () => {
    const old = Array.from({ length: 3 }, (_, i) =>
      rawMail({ id: `old-${i}@example.com`, subject: `Viejo ${i}` }),
    );
    await dovecot.writeMaildir(old, { user: 'window', date: new Date(Date.now() - 40 * DAY) });
    const recent = await dovecot.appendMany(
      Array.from({ length: 4 }, (_, i) =>
        rawMail({ id: `recent-${i}@example.com`, subject: `Nuevo ${i}` }),
      ),
      { user: 'window', date: new Date(Date.now() - 2 * DAY) },
    );
    const server = await start('window', { imap: { syncDays: 7 } });
    const before = stored(server);
    const report = await nextSync(server.sync(), (r) => r.full);
    assert.equal(report.stored, 4);
    assert.equal(report.lastUid, recent[recent.length - 1]);
    assert.equal(stored(server) - before, 4);
    for (let i = 0; i < 3; i++)
      assert.equal(server.backend.mailIn.known(`old-${i}@example.com`), null);
    const state = server.backend.mailIn.syncState('soporte')!;
    assert.equal(state.lastUid, recent[recent.length - 1]);
    assert.equal(state.uidValidity, (await dovecot.status({ user: 'window' })).uidValidity);
  });

  it('IDLE: new mail reaches a subscribed agent within a second', async () => {
    const server = await start('idle');
    await until(() => server.sync().status === 'idle', 10_000, 'the sync to idle');
    await new Promise((r) => setTimeout(r, 200)); // IDLE starts after the quiet delay
    const events: Array<{ at: number; event: AgentEvent }> = [];
    const unsubscribe = server.backend
      .agent('agent')
      .subscribe((event) => events.push({ at: Date.now(), event }));
    try {
      const sent = Date.now();
      await dovecot.append(rawMail({ id: 'live-1@example.com', subject: 'En vivo' }), {
        user: 'idle',
      });
      const created = await until(
        () =>
          events.find(
            (e) =>
              e.event.type === 'message.created' &&
              e.event.message.messageId === 'live-1@example.com',
          ),
        3000,
        'message.created',
      );
      const latency = created.at - sent;
      assert.ok(latency <= 1000, `live event after ${latency} ms`);
    } finally {
      unsubscribe();
    }
  });

  it('reconnects with backoff after Dovecot is stopped and started', async () => {
    const server = await start('reconnect');
    await until(() => server.sync().status === 'idle', 10_000, 'the sync to idle');
    const retries: number[] = [];
    server.sync().on('retry', (r) => retries.push(r.delayMs));
    await dovecot.down();
    try {
      await until(() => retries.length >= 2, 5000, 'two retries while down');
      assert.ok(
        retries.every((d) => d > 0 && d <= 400 * 1.25),
        `backoff ${retries}`,
      );
    } finally {
      await dovecot.up();
    }
    await until(() => server.sync().status === 'idle', 10_000, 'the sync to come back');
    const next = nextSync(server.sync(), (r) => r.stored === 1);
    await dovecot.append(rawMail({ id: 'after-drop@example.com', subject: 'Tras la caída' }), {
      user: 'reconnect',
    });
    await next;
    assert.equal(server.backend.mailIn.known('after-drop@example.com'), 'stored');
    assert.ok(
      server.logs.some((l) => l['msg'] === 'IMAP sync interrupted; retrying'),
      'the drop is logged',
    );
  });

  it('a new UIDVALIDITY resyncs the window without duplicates', async () => {
    const raws = Array.from({ length: 5 }, (_, i) =>
      rawMail({ id: `uv-${i}@example.com`, subject: `Caso ${i}` }),
    );
    await dovecot.appendMany(raws, { user: 'uidvalidity' });
    const server = await start('uidvalidity');
    await nextSync(server.sync(), (r) => r.full && r.stored === 5);
    const before = stored(server);

    // The mailbox is rebuilt: same mail under new UIDs and a new UIDVALIDITY.
    const client = await dovecot.client('uidvalidity');
    try {
      await client.mailboxOpen('INBOX');
      await client.messageDelete('1:*');
    } finally {
      await client.logout();
    }
    await dovecot.appendMany([...raws, rawMail({ id: 'uv-new@example.com', subject: 'Nuevo' })], {
      user: 'uidvalidity',
    });
    const resync = nextSync(server.sync(), (r) => r.full);
    const uidValidity = await dovecot.changeUidValidity({ user: 'uidvalidity' });
    const report = await resync;
    assert.equal(report.uidValidity, uidValidity);
    // IDLE may have filed the new mail before the change; the resync reads all six either way.
    assert.equal(report.duplicates + report.stored, 6);
    assert.ok(report.duplicates >= 5, `${report.duplicates} recognised`);
    assert.equal(server.backend.mailIn.known('uv-new@example.com'), 'stored');
    assert.equal(stored(server) - before, 1, 'only the new mail');
    assert.equal(server.backend.mailIn.syncState('soporte')!.uidValidity, uidValidity);
    assert.ok(
      server.logs.some((l) => l['msg'] === 'IMAP UIDVALIDITY changed; resyncing the window'),
    );
  });

  it('a restart goes on from the persisted UID: nothing imported twice', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'atento-mail-restart-'));
    dirs.push(dir);
    await dovecot.appendMany(
      Array.from({ length: 3 }, (_, i) =>
        rawMail({ id: `rs-${i}@example.com`, subject: `Antes ${i}` }),
      ),
      { user: 'restart' },
    );
    const first = await mailServer({ dovecot, user: 'restart', dir });
    await nextSync(first.sync(), (r) => r.stored === 3);
    const position = first.backend.mailIn.syncState('soporte')!;
    const count = stored(first);
    await first.close();

    const uid = (
      await dovecot.append(
        rawMail({ id: 'rs-while-down@example.com', subject: 'Mientras tanto' }),
        {
          user: 'restart',
        },
      )
    ).uid;
    const second = await mailServer({ dovecot, user: 'restart', dir });
    servers.push(second);
    assert.deepEqual(second.backend.mailIn.syncState('soporte'), position, 'the position survived');
    const report = await nextSync(second.sync());
    assert.equal(report.full, false);
    assert.equal(report.stored, 1);
    assert.equal(report.duplicates, 0, 'nothing fetched again');
    assert.equal(report.lastUid, uid);
    assert.equal(stored(second), count + 1);
  });

  it('sets \\Seen only when markSeen is on', async () => {
    await dovecot.appendMany(
      [rawMail({ id: 'seen-1@example.com' }), rawMail({ id: 'seen-2@example.com' })],
      {
        user: 'seen',
      },
    );
    const flagsOf = async () => {
      const client = await dovecot.client('seen');
      const out: string[][] = [];
      try {
        await client.mailboxOpen('INBOX');
        for await (const m of client.fetch('1:*', { flags: true })) out.push([...(m.flags ?? [])]);
      } finally {
        await client.logout();
      }
      return out;
    };
    const plain = await start('seen');
    await nextSync(plain.sync(), (r) => r.stored === 2);
    assert.deepEqual(await flagsOf(), [[], []], 'left unread');
    await plain.close();

    const marking = await start('seen', { imap: { markSeen: true } });
    await nextSync(marking.sync(), (r) => r.full);
    assert.deepEqual(await flagsOf(), [['\\Seen'], ['\\Seen']]);
  });

  it('fetches in small batches, in UID order, with every message filed once', async () => {
    const raws = Array.from({ length: 23 }, (_, i) =>
      rawMail({ id: `b-${i}@example.com`, subject: `Lote ${i}` }),
    );
    await dovecot.appendMany(raws, { user: 'batches' });
    const server = await start('batches', {
      options: {
        mail: { sync: { batchSize: 5, idleDelayMs: 50, backoff: { initialMs: 50, maxMs: 400 } } },
      },
    });
    const advanced: number[] = [];
    const store = storeOf(server.backend);
    const original = store.mailSync.set.bind(store.mailSync);
    store.mailSync.set = (key, value) => {
      advanced.push(value.lastUid);
      return original(key, value);
    };
    const report = await nextSync(server.sync(), (r) => r.full);
    assert.equal(report.stored, 23);
    const ids = raws.map((_, i) => store.messageByRfcId(`b-${i}@example.com`)!.id);
    assert.deepEqual([...ids].sort(), ids, 'filed in UID order');
    for (const uid of [5, 10, 15, 20, 23])
      assert.ok(advanced.includes(uid), `advanced to ${uid}: ${advanced}`);
  });

  it('sizes: large mail counts by its size; mail above the cap is never downloaded', async () => {
    const KB = 1024;
    const mail = (i: number, bytes: number) =>
      rawMail({ id: `s-${i}@example.com`, subject: `Tamaño ${i}`, body: 'y'.repeat(bytes) });
    // UIDs 1–6: small, 100 KB, 100 KB, 200 KB (above the cap), 100 KB, small.
    const raws = [mail(0, 10), mail(1, 100 * KB), mail(2, 100 * KB)];
    raws.push(mail(3, 200 * KB), mail(4, 100 * KB), mail(5, 10));
    await dovecot.appendMany(raws, { user: 'sizes' });
    const server = await start('sizes', {
      options: {
        mail: {
          // A batch's share is 52 KB: only the mail above it has its size asked.
          sync: { batchSize: 5, batchBytes: 260 * KB, idleDelayMs: 50 },
          limits: { maxMessageBytes: 150 * KB },
        },
      },
    });
    const downloaded: number[][] = [];
    const intake = server.mail.intake;
    const prepare = intake.prepare.bind(intake);
    intake.prepare = (items) => {
      downloaded.push(items.map((item) => item.uid!));
      return prepare(items);
    };
    const report = await nextSync(server.sync(), (r) => r.full);
    assert.deepEqual([report.stored, report.refused, report.lastUid], [5, 1, 6]);
    assert.deepEqual(
      downloaded,
      [
        [1, 2, 3],
        [5, 6],
      ],
      'batches of ≤ 260 KB; UID 4 never fetched',
    );
    const refusals = server.logs.filter((l) => l['msg'] === 'inbound mail refused');
    assert.equal(refusals.length, 1);
    assert.equal(refusals[0]!['reason'], 'too-large');
    assert.equal(refusals[0]!['uid'], 4);
    assert.equal(storeOf(server.backend).messageByRfcId('s-3@example.com'), undefined);
    assert.equal(server.backend.mailIn.syncState('soporte')?.lastUid, 6);
  });

  it('a size cap below the batch share: mail above it is refused before download', async () => {
    const raws = [10, 45 * 1024, 10].map((bytes, i) =>
      rawMail({ id: `c-${i}@example.com`, subject: `Tope ${i}`, body: 'z'.repeat(bytes) }),
    );
    await dovecot.appendMany(raws, { user: 'cap' });
    // The default share is 64 MiB / 200 = 335 KB, well above this cap.
    const server = await start('cap', {
      options: { mail: { limits: { maxMessageBytes: 40_000 } } },
    });
    const downloaded: number[][] = [];
    const intake = server.mail.intake;
    const prepare = intake.prepare.bind(intake);
    intake.prepare = (items) => {
      downloaded.push(items.map((item) => item.uid!));
      return prepare(items);
    };
    const report = await nextSync(server.sync(), (r) => r.full);
    assert.deepEqual([report.stored, report.refused, report.lastUid], [2, 1, 3]);
    assert.deepEqual(downloaded, [[1], [3]], 'UID 2 never fetched');
    const refusal = server.logs.find((l) => l['msg'] === 'inbound mail refused');
    assert.equal(refusal?.['reason'], 'too-large');
    assert.equal(refusal?.['uid'], 2);
  });
});
