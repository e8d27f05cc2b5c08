import type { Database } from 'better-sqlite3';

/** One schema step. Versions are numbered from 1 without gaps; a step never changes once shipped. */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/**
 * The schema of the record store, oldest first.
 *
 * v1: records are documents (JSON text) keyed by kind and key. `seq` is the rowid: a new record
 * gets max(seq) + 1 and an upsert keeps it, which is the first-write order `loadAll` must keep
 * (see `RecordStore`). Every read is a full load in that order, so no other index is needed.
 * `meta` holds store facts such as when it was last opened.
 */
export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'records',
    sql: `
      CREATE TABLE records (
        seq INTEGER PRIMARY KEY,
        kind TEXT NOT NULL,
        key TEXT NOT NULL,
        value TEXT NOT NULL,
        UNIQUE (kind, key)
      );
      CREATE TABLE meta (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      );
    `,
  },
];

/** The schema version this build writes. */
export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;

/**
 * Brings the schema to `SCHEMA_VERSION` in one immediate transaction (all steps or none) and
 * records each applied step in `migrations`; on a current schema it applies nothing. It also
 * writes `meta.opened_at`: that first write proves the file writable and, under the exclusive
 * locking mode the store uses, claims the file for this process. Refuses a schema newer than this
 * build. Returns the versions it applied.
 */
export function migrate(db: Database, now: () => Date = () => new Date()): number[] {
  return db
    .transaction(() => {
      db.exec(`CREATE TABLE IF NOT EXISTS migrations (
        version INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        applied_at TEXT NOT NULL
      )`);
      const row = db.prepare('SELECT MAX(version) AS version FROM migrations').get() as {
        version: number | null;
      };
      const current = row.version ?? 0;
      if (current > SCHEMA_VERSION) {
        throw new Error(
          `its schema is version ${current}, newer than this build knows (${SCHEMA_VERSION})`,
        );
      }
      const applied: number[] = [];
      const record = db.prepare(
        'INSERT INTO migrations (version, name, applied_at) VALUES (?, ?, ?)',
      );
      for (const m of MIGRATIONS) {
        if (m.version <= current) continue;
        db.exec(m.sql);
        record.run(m.version, m.name, now().toISOString());
        applied.push(m.version);
      }
      db.prepare(
        `INSERT INTO meta (key, value) VALUES ('opened_at', ?)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
      ).run(now().toISOString());
      return applied;
    })
    .immediate();
}
