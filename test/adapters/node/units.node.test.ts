/** The server's small pieces on their own: the event log, tokens, passwords, content checks. */
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { deriveKeys } from '../../../src/adapters/node/auth/keys.js';
import { hashPassword, verifyPassword } from '../../../src/adapters/node/auth/passwords.js';
import { Tokens } from '../../../src/adapters/node/auth/tokens.js';
import { EventLog } from '../../../src/adapters/node/live/event-log.js';
import { redactUrl } from '../../../src/adapters/node/logger.js';
import { checkContent } from '../../../src/adapters/node/uploads/content-check.js';
import { contentDisposition } from '../../../src/adapters/node/uploads/files-route.js';
import { PDF, PNG } from './helpers.js';

describe('EventLog', () => {
  const seqs = (frames: string[] | null) =>
    frames?.map((f) => (JSON.parse(f) as { seq: number }).seq) ?? null;

  it('replays what is kept across the ring’s wrap-around, and resets past it', () => {
    const log = new EventLog<{ n: number }>(3, 100);
    assert.deepEqual(log.since(100), [], 'nothing missed at the start');
    for (let n = 1; n <= 5; n++) log.append({ n });
    assert.equal(log.seq, 105);
    assert.deepEqual(seqs(log.since(102)), [103, 104, 105]);
    assert.deepEqual(seqs(log.since(104)), [105]);
    assert.deepEqual(log.since(105), []);
    assert.equal(log.since(101), null, 'event 102 is no longer kept');
    assert.equal(log.since(106), null, 'a seq never issued');
    assert.deepEqual(JSON.parse(log.since(104)![0]!), { type: 'event', seq: 105, event: { n: 5 } });
  });

  it('a gap makes every earlier position reset', () => {
    const log = new EventLog<{ n: number }>(10, 0);
    log.append({ n: 1 });
    log.gap();
    assert.equal(log.since(1), null);
    assert.deepEqual(log.since(log.seq), []);
    log.append({ n: 2 });
    assert.deepEqual(seqs(log.since(2)), [3]);
  });

  it('starts above any earlier run’s numbers', () => {
    assert.ok(new EventLog(1).seq > Date.now() * 999);
  });
});

describe('Tokens', () => {
  const keys = deriveKeys('x'.repeat(40));
  let now = new Date('2025-01-01T00:00:00Z');
  const tokens = new Tokens(keys, { agentSeconds: 60, deviceSeconds: 600 }, () => now);

  it('verifies its own tokens, refuses edits, other kinds, other keys and late ones', () => {
    const agent = tokens.agent('agent-lucia', 'agent');
    const verified = tokens.verifyAgent(agent);
    assert.ok(verified.ok);
    assert.equal(verified.claims.role, 'agent');
    const device = tokens.device('dev-1', 'camp');
    assert.deepEqual(tokens.verifyAgent(device), { ok: false, reason: 'forged' });
    assert.deepEqual(tokens.verifyDevice(agent), { ok: false, reason: 'forged' });
    const other = new Tokens(deriveKeys('y'.repeat(40)), { agentSeconds: 60, deviceSeconds: 60 });
    assert.deepEqual(other.verifyAgent(agent), { ok: false, reason: 'forged' });
    assert.deepEqual(tokens.verifyAgent(undefined), { ok: false, reason: 'missing' });
    assert.deepEqual(tokens.verifyAgent('a.b.c'), { ok: false, reason: 'malformed' });
    assert.deepEqual(tokens.verifyAgent(agent.slice(0, -2)), { ok: false, reason: 'forged' });
    now = new Date(now.getTime() + 60_000);
    assert.deepEqual(tokens.verifyAgent(agent), { ok: false, reason: 'expired' });
    assert.ok(tokens.verifyDevice(device).ok, 'device tokens live longer');
  });
});

describe('passwords', () => {
  it('hashes with a salt and verifies only the right password', async () => {
    const a = await hashPassword('demo');
    const b = await hashPassword('demo');
    assert.notEqual(a, b, 'a salt per hash');
    assert.match(a, /^scrypt\$16384\$8\$1\$/);
    assert.equal(await verifyPassword('demo', a), true);
    assert.equal(await verifyPassword('Demo', a), false);
    assert.equal(await verifyPassword('demo', 'md5$abc'), false);
    assert.equal(await verifyPassword('demo', 'scrypt$x$8$1$c2FsdA$aGFzaA'), false);
  });
});

describe('checkContent', () => {
  let dir: string;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'atento-content-'));
  });
  after(() => rm(dir, { recursive: true, force: true }));
  const file = async (name: string, bytes: Uint8Array | string) => {
    const path = join(dir, name);
    await writeFile(path, bytes);
    return path;
  };

  it('accepts genuine files and names their type', async () => {
    assert.deepEqual(await checkContent(await file('a.pdf', PDF), 'pdf'), {
      ok: true,
      type: 'application/pdf',
    });
    assert.deepEqual(await checkContent(await file('a.png', PNG), 'png'), {
      ok: true,
      type: 'image/png',
    });
    assert.deepEqual(await checkContent(await file('a.txt', 'Año: 2025\n'), 'txt'), {
      ok: true,
      type: 'text/plain',
    });
    assert.deepEqual(
      await checkContent(await file('a.xml', '<?xml version="1.0"?><a>ñ</a>'), 'xml'),
      { ok: true, type: 'text/xml' },
    );
  });

  it('refuses content of another family, binary text and unknown extensions', async () => {
    const png = await file('b.png', PNG);
    assert.deepEqual(await checkContent(png, 'pdf'), {
      ok: false,
      reason: 'mismatch',
      detected: 'image/png',
    });
    assert.deepEqual(await checkContent(png, 'jpg'), {
      ok: false,
      reason: 'mismatch',
      detected: 'image/png',
    });
    assert.equal((await checkContent(png, 'txt')).ok, false);
    const latin1 = await file('c.csv', Buffer.from([0x41, 0xf1, 0x6f, 0x0a]));
    assert.deepEqual(await checkContent(latin1, 'csv'), { ok: false, reason: 'not-text' });
    const nul = await file('d.txt', 'a\u0000b');
    assert.deepEqual(await checkContent(nul, 'txt'), { ok: false, reason: 'not-text' });
    const noMagic = await file('e.docx', 'just text');
    assert.deepEqual(await checkContent(noMagic, 'docx'), {
      ok: false,
      reason: 'mismatch',
      detected: undefined,
    });
    assert.deepEqual(await checkContent(png, 'exe'), { ok: false, reason: 'unknown-extension' });
  });
});

describe('small helpers', () => {
  it('contentDisposition gives an ASCII fallback and the exact UTF-8 name', () => {
    assert.equal(
      contentDisposition('attachment', 'cotización "final".pdf'),
      `attachment; filename="cotizaci_n _final_.pdf"; filename*=UTF-8''cotizaci%C3%B3n%20%22final%22.pdf`,
    );
    assert.equal(
      contentDisposition('inline', "a'b.png"),
      `inline; filename="a'b.png"; filename*=UTF-8''a%27b.png`,
    );
  });

  it('redactUrl cuts tokens and signatures out of logged URLs', () => {
    assert.equal(redactUrl('/api/v1/live?token=abc.def&x=1'), '/api/v1/live?token=[redacted]&x=1');
    assert.equal(
      redactUrl('/api/v1/files/f1?exp=1&sig=zzz'),
      '/api/v1/files/f1?exp=1&sig=[redacted]',
    );
  });
});
