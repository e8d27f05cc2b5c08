/**
 * The SQLite record store: order and atomicity of writes, migrations, and the errors an operator
 * sees at startup (locked, read-only, corrupt), each naming the file and the cause.
 */
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { openSqliteStore, SCHEMA_VERSION } from '../../../../src/adapters/node/store/index.js';
import { tempDir } from '../../memory/persistence-helpers.js';

const root = fileURLToPath(new URL('../../../../', import.meta.url));
const child = fileURLToPath(new URL('./open-child.ts', import.meta.url));
const isRoot = process.getuid?.() === 0;
const NOBODY = 65534;

/** Runs `open-child.ts open` (as `nobody` when we are root, so permissions apply) and reads it. */
function openElsewhere(path: string, asNobody: boolean): { ok?: true; error?: string } {
  const out = spawnSync(process.execPath, ['--import', 'tsx', child, path, 'open'], {
    cwd: root,
    encoding: 'utf8',
    ...(asNobody ? { uid: NOBODY, gid: NOBODY, env: { ...process.env, HOME: '/tmp' } } : {}),
  });
  const line = out.stdout.trim().split('\n').pop() ?? '';
  assert.ok(line.startsWith('{'), `child output: ${out.stdout} ${out.stderr}`);
  return JSON.parse(line) as { ok?: true; error?: string };
}

/** Opens `path` where its permissions bind: in a `nobody` child under root, else right here. */
function openUnderPermissions(path: string): { ok?: true; error?: string } {
  if (isRoot) return openElsewhere(path, true);
  try {
    openSqliteStore(path, { busyTimeoutMs: 100 }).close();
    return { ok: true };
  } catch (error) {
    return { error: (error as Error).message };
  }
}

describe('SQLite record store', () => {
  let temp: ReturnType<typeof tempDir>;
  let path: string;
  beforeEach(() => {
    temp = tempDir();
    chmodSync(temp.dir, 0o755);
    path = join(temp.dir, 'nested', 'dir', 'atento.db');
  });
  afterEach(() => temp.remove());

  it('creates the file and its directory, in WAL mode, at the current schema', () => {
    const store = openSqliteStore(path);
    assert.ok(existsSync(path));
    assert.equal(store.path, path);
    assert.equal(store.version, SCHEMA_VERSION);
    assert.deepEqual([...store.loadAll()], []);
    store.close();
    const db = new Database(path, { readonly: true });
    assert.equal(db.pragma('journal_mode', { simple: true }), 'wal');
    db.close();
  });

  it('loads records in first-write order: a replace keeps its place, a re-insert goes last', () => {
    const store = openSqliteStore(path);
    store.write([
      { kind: 'contact', key: 'a', value: { n: 1 } },
      { kind: 'contact', key: 'b', value: { n: 2 } },
      { kind: 'message', key: 'a', value: 'same key, other kind' },
      { kind: 'contact', key: 'c', value: { n: 3 } },
    ]);
    store.write([
      { kind: 'contact', key: 'a', value: { n: 10 } },
      { kind: 'contact', key: 'b', value: null },
      { kind: 'contact', key: 'b', value: { n: 20 } },
      { kind: 'contact', key: 'c', value: null },
      { kind: 'contact', key: 'missing', value: null },
    ]);
    assert.deepEqual(
      [...store.loadAll()].map((r) => [r.kind, r.key, r.value]),
      [
        ['contact', 'a', { n: 10 }],
        ['message', 'a', 'same key, other kind'],
        ['contact', 'b', { n: 20 }],
      ],
    );
    store.close();
  });

  it('a failed write leaves nothing of its batch', () => {
    const store = openSqliteStore(path);
    store.write([{ kind: 'contact', key: 'kept', value: { v: 1 } }]);
    assert.throws(
      () =>
        store.write([
          { kind: 'contact', key: 'kept', value: { v: 2 } },
          { kind: 'contact', key: 'new', value: { v: 3 } },
          { kind: 'contact', key: 'bad', value: { big: 1n } },
        ]),
      (e: Error) =>
        e.message.startsWith(`Cannot write to the store ${path}: `) && /BigInt/.test(e.message),
    );
    assert.throws(
      () => store.write([{ kind: 'contact', key: 'fn', value: () => 1 }]),
      /is not JSON data/,
    );
    assert.deepEqual(
      [...store.loadAll()].map((r) => [r.key, r.value]),
      [['kept', { v: 1 }]],
    );
    store.close();
  });

  it('migrations run once: reopening applies nothing and keeps the data', () => {
    const first = openSqliteStore(path);
    first.write([{ kind: 'agent', key: 'a1', value: { name: 'Ana' } }]);
    first.close();
    const second = openSqliteStore(path);
    assert.deepEqual(
      [...second.loadAll()].map((r) => r.key),
      ['a1'],
    );
    second.close();
    openSqliteStore(path).close();
    const db = new Database(path, { readonly: true });
    const versions = db.prepare('SELECT version FROM migrations ORDER BY version').all();
    assert.deepEqual(versions, [{ version: 1 }]);
    assert.equal((db.prepare('SELECT COUNT(*) AS n FROM records').get() as { n: number }).n, 1);
    db.close();
  });

  it('refuses a file written by a newer schema', () => {
    openSqliteStore(path).close();
    const db = new Database(path);
    db.prepare("INSERT INTO migrations VALUES (?, 'future', '2099-01-01')").run(SCHEMA_VERSION + 1);
    db.close();
    assert.throws(
      () => openSqliteStore(path),
      new RegExp(
        `^Error: Cannot open the store ${path}: its schema is version ${SCHEMA_VERSION + 1}`,
      ),
    );
  });

  it('a file another process holds fails clearly after the busy timeout', async () => {
    openSqliteStore(path).close();
    const holder = spawn(process.execPath, ['--import', 'tsx', child, path, 'hold'], {
      cwd: root,
      stdio: ['pipe', 'pipe', 'inherit'],
    });
    try {
      await new Promise<void>((resolve, reject) => {
        holder.stdout.on('data', (chunk: Buffer) => {
          if (chunk.toString().includes('ready')) resolve();
          else reject(new Error(`holder said ${chunk.toString()}`));
        });
        holder.on('exit', (code) => reject(new Error(`holder exited with ${code}`)));
      });
      const started = Date.now();
      assert.throws(
        () => openSqliteStore(path, { busyTimeoutMs: 150 }),
        (e: Error) =>
          e.message.startsWith(`Cannot open the store ${path}: it is locked by another process`) &&
          /SQLITE_BUSY/.test(e.message),
      );
      assert.ok(Date.now() - started >= 100, 'waited for the busy timeout');
    } finally {
      holder.stdin.end();
      await new Promise((resolve) => holder.on('close', resolve));
    }
    // Released when the other process closes it.
    openSqliteStore(path).close();
  });

  it('a read-only file fails clearly', () => {
    openSqliteStore(path).close();
    chmodSync(join(temp.dir, 'nested'), 0o777);
    chmodSync(join(temp.dir, 'nested', 'dir'), 0o777);
    chmodSync(path, 0o444);
    const result = openUnderPermissions(path);
    assert.match(result.error ?? '', /^Cannot open the store .*atento\.db: the file is read-only/);
  });

  it('a read-only directory fails clearly', () => {
    const dir = join(temp.dir, 'locked');
    openSqliteStore(join(dir, 'other.db')).close();
    chmodSync(dir, 0o555);
    const result = openUnderPermissions(join(dir, 'atento.db'));
    assert.match(
      result.error ?? '',
      /^Cannot open the store .*atento\.db: its directory .*locked is read-only/,
    );
    chmodSync(dir, 0o755);
  });

  it('a file that is not a database fails clearly at open', () => {
    openSqliteStore(path).close();
    writeFileSync(path, 'This is not a database, it is a letter. '.repeat(200));
    assert.throws(
      () => openSqliteStore(path),
      (e: Error) =>
        e.message ===
          `Cannot open the store ${path}: it is not a SQLite database, or it is corrupt (SQLITE_NOTADB: file is not a database)` &&
        (e.cause as { code?: string }).code === 'SQLITE_NOTADB',
    );
  });

  it('a corrupt page fails clearly when the records are read', () => {
    const store = openSqliteStore(path);
    const big = 'x'.repeat(300);
    store.write(
      Array.from({ length: 1500 }, (_, i) => ({
        kind: 'message' as const,
        key: `m${i}`,
        value: big,
      })),
    );
    store.close();
    const bytes = readFileSync(path);
    const pageSize = bytes.readUInt16BE(16);
    bytes.fill(0xab, pageSize * 20, pageSize * 24); // record pages, far from the schema pages
    writeFileSync(path, bytes);
    const reopened = openSqliteStore(path);
    assert.throws(
      () => [...reopened.loadAll()],
      (e: Error) =>
        e.message.startsWith(
          `Cannot read the store ${path}: it is not a SQLite database, or it is corrupt`,
        ) && /SQLITE_CORRUPT/.test(e.message),
    );
    reopened.close();
  });

  it('close checkpoints the WAL into the file; a closed store refuses calls', () => {
    const store = openSqliteStore(path);
    store.write([{ kind: 'counter', key: 'ids', value: 42 }]);
    store.close();
    store.close(); // idempotent
    assert.ok(!existsSync(`${path}-wal`) || statSync(`${path}-wal`).size === 0);
    assert.throws(
      () => store.write([]),
      new RegExp(`^Error: Cannot write to the store ${path}: it is closed`),
    );
    assert.throws(() => [...store.loadAll()], /Cannot read the store .*: it is closed/);
    const db = new Database(path, { readonly: true });
    assert.deepEqual(db.prepare('SELECT kind, key, value FROM records').all(), [
      { kind: 'counter', key: 'ids', value: '42' },
    ]);
    db.close();
  });
});
