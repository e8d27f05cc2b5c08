/**
 * The reference server's record store: a `RecordStore` (adapters/memory/persistence.ts) in one
 * SQLite file. Node only.
 */
export { openSqliteStore, type SqliteStore, type SqliteStoreOptions } from './sqlite-store.js';
export { MIGRATIONS, SCHEMA_VERSION, type Migration } from './migrations.js';
