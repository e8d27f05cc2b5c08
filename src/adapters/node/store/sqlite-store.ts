import Database from 'better-sqlite3';
import { accessSync, constants, mkdirSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { RecordChange, RecordKind, RecordStore, StoredRecord } from '../../memory/index.js';
import { migrate, SCHEMA_VERSION } from './migrations.js';
import { storeError } from './store-errors.js';

export interface SqliteStoreOptions {
  /** How long a statement waits for a lock another connection holds, in ms; default 5000. */
  busyTimeoutMs?: number;
  /**
   * `full` (default): every committed unit of work survives a power loss (one fsync per commit).
   * `normal`: it survives a crash of the process but maybe not of the machine; faster.
   */
  synchronous?: 'full' | 'normal';
}

/** A `RecordStore` in one SQLite file. */
export interface SqliteStore extends RecordStore {
  /** The absolute path of the database file. */
  readonly path: string;
  /** The schema version of the file (after migrations). */
  readonly version: number;
}

/** Checks what SQLite would report obscurely (a read-only file, a read-only directory). */
function checkAccess(path: string): void {
  let exists = true;
  try {
    if (statSync(path).isDirectory()) throw Object.assign(new Error(path), { code: 'EISDIR' });
  } catch (error) {
    if ((error as { code?: string }).code !== 'ENOENT') throw error;
    exists = false;
  }
  const dir = dirname(path);
  try {
    if (exists) accessSync(path, constants.R_OK | constants.W_OK);
  } catch (error) {
    throw storeError('open', path, `the file is read-only or not readable (${causeCode(error)})`);
  }
  try {
    accessSync(dir, constants.W_OK);
  } catch (error) {
    throw storeError(
      'open',
      path,
      `its directory ${dir} is read-only; SQLite writes its -wal file there (${causeCode(error)})`,
    );
  }
}

function causeCode(error: unknown): string {
  return String((error as { code?: unknown } | null)?.code ?? error);
}

/**
 * Opens (creating it and its directory if missing) the SQLite file at `path` as the record store
 * of a memory backend, and brings its schema up to date (see `migrations.ts`).
 *
 * - WAL journal, `synchronous` as asked, `busy_timeout`, foreign keys off (records are documents).
 * - Exclusive locking mode: the backend keeps its working set in memory, so two processes writing
 *   one file would silently diverge. The first process claims the file at open; a second one
 *   fails with "locked by another process" after `busyTimeoutMs`.
 * - `write` is one transaction with prepared statements (upserts many rows at a time); `loadAll`
 *   streams rows in `seq` order.
 *
 * Every failure at open — a locked file, a read-only file or directory, a file that is not a
 * database or is corrupt, a schema from a newer build — throws an `Error` naming the path and
 * the cause, with the driver's error as `cause`. Corruption deeper in the file surfaces when
 * `loadAll` reads it, with the same kind of message.
 */
export function openSqliteStore(path: string, options: SqliteStoreOptions = {}): SqliteStore {
  const file = resolve(path);
  try {
    mkdirSync(dirname(file), { recursive: true });
  } catch (error) {
    throw storeError('create the directory of', file, error);
  }
  checkAccess(file);
  let db: Database.Database | undefined;
  let version: number;
  try {
    db = new Database(file, { timeout: options.busyTimeoutMs ?? 5000 });
    db.pragma('locking_mode = EXCLUSIVE');
    const mode = db.pragma('journal_mode = WAL', { simple: true });
    if (mode !== 'wal')
      throw new Error(`SQLite refused WAL mode (journal mode is ${String(mode)})`);
    db.pragma(`synchronous = ${options.synchronous === 'normal' ? 'NORMAL' : 'FULL'}`);
    db.pragma('foreign_keys = OFF');
    migrate(db);
    version = SCHEMA_VERSION;
  } catch (error) {
    db?.close();
    throw storeError('open', file, error);
  }
  return sqliteRecordStore(db, file, version);
}

/** Records per upsert statement. */
const ROWS = 64;

function sqliteRecordStore(db: Database.Database, path: string, version: number): SqliteStore {
  const upsertSql = (rows: number) =>
    `INSERT INTO records (kind, key, value) VALUES ${Array(rows).fill('(?, ?, ?)').join(', ')}
     ON CONFLICT (kind, key) DO UPDATE SET value = excluded.value`;
  // Upserts go ROWS at a time (one statement for many records costs far less than one each;
  // rows are inserted in order, so `seq` keeps the first-write order).
  const upserts = new Map<number, Database.Statement>();
  const upsert = (rows: number) => {
    let statement = upserts.get(rows);
    if (!statement) upserts.set(rows, (statement = db.prepare(upsertSql(rows))));
    return statement;
  };
  const remove = db.prepare('DELETE FROM records WHERE kind = ? AND key = ?');
  const all = db.prepare('SELECT kind, key, value FROM records ORDER BY seq');
  const apply = db.transaction((changes: readonly RecordChange[]) => {
    let params: unknown[] = [];
    const flush = () => {
      if (params.length === 0) return;
      upsert(params.length / 3).run(params);
      params = [];
    };
    for (const change of changes) {
      const { kind, key, value } = change;
      if (typeof kind !== 'string' || typeof key !== 'string')
        throw new TypeError(
          `A record needs a kind and a key (got ${String(kind)}/${String(key)}).`,
        );
      if (value === null) {
        flush();
        remove.run(kind, key);
        continue;
      }
      const json = JSON.stringify(value);
      if (json === undefined) throw new TypeError(`The ${kind} ${key} is not JSON data.`);
      params.push(kind, key, json);
      if (params.length === ROWS * 3) flush();
    }
    flush();
  });
  let closed = false;
  const open = (action: string) => {
    if (closed) throw storeError(action, path, 'it is closed');
  };

  return {
    path,
    version,
    *loadAll(): Iterable<StoredRecord> {
      open('read');
      let rows: IterableIterator<unknown>;
      try {
        rows = all.iterate();
      } catch (error) {
        throw storeError('read', path, error);
      }
      for (;;) {
        let next: IteratorResult<unknown>;
        try {
          next = rows.next();
        } catch (error) {
          throw storeError('read', path, error);
        }
        if (next.done) return;
        const row = next.value as { kind: string; key: string; value: string };
        let value: unknown;
        try {
          value = JSON.parse(row.value);
        } catch (error) {
          throw storeError(
            'read',
            path,
            `the ${row.kind} ${row.key} is not JSON (${String(error)})`,
          );
        }
        yield { kind: row.kind as RecordKind, key: row.key, value };
      }
    },
    write(changes) {
      open('write to');
      if (changes.length === 0) return;
      try {
        apply(changes);
      } catch (error) {
        throw storeError('write to', path, error);
      }
    },
    close() {
      if (closed) return;
      closed = true;
      try {
        db.pragma('wal_checkpoint(TRUNCATE)');
      } finally {
        db.close();
      }
    },
  };
}
