/**
 * Uploaded files on disk: `dataDir/files/<id>` holds the bytes and `<id>.json` what serving needs
 * (name, type, size, inline). The id is random and is the only name on disk: the client's file
 * name never reaches the file system. Uploads stream into `dataDir/tmp` first (same file system,
 * so adopting one is a rename) and a file becomes servable only once its metadata is written.
 */
import { randomBytes } from 'node:crypto';
import { renameSync, writeFileSync } from 'node:fs';
import { mkdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';

export interface FileMeta {
  /** The client's file name, for `Content-Disposition` only. */
  name: string;
  type: string;
  size: number;
  /** An inline image of an email body: served `inline` instead of as a download. */
  inline: boolean;
  createdAt: string;
}

export interface StoredFile extends FileMeta {
  id: string;
  path: string;
}

const ID = /^f[0-9a-f]{32}$/;

export class FileStore {
  readonly filesDir: string;
  readonly tempDir: string;

  constructor(dataDir: string) {
    this.filesDir = join(dataDir, 'files');
    this.tempDir = join(dataDir, 'tmp');
  }

  /** Creates the folders and drops uploads a previous run left half-received. */
  async open(): Promise<void> {
    await rm(this.tempDir, { recursive: true, force: true });
    await mkdir(this.tempDir, { recursive: true });
    await mkdir(this.filesDir, { recursive: true });
  }

  /** A fresh path to stream an upload into. */
  tempPath(): string {
    return join(this.tempDir, randomBytes(16).toString('hex'));
  }

  static isId(id: string): boolean {
    return ID.test(id);
  }

  /** A fresh random id for a file to store. */
  newId(): string {
    return `f${randomBytes(16).toString('hex')}`;
  }

  /**
   * Moves a received, checked upload into the store under `id` and makes it servable.
   * Synchronous: it runs inside the backend's registration (see `backend.ts`).
   */
  placeSync(tempPath: string, id: string, meta: Omit<FileMeta, 'createdAt'>): StoredFile {
    const path = join(this.filesDir, id);
    const full: FileMeta = { ...meta, createdAt: new Date().toISOString() };
    renameSync(tempPath, path);
    writeFileSync(`${path}.json`, JSON.stringify(full), { mode: 0o600 });
    return { ...full, id, path };
  }

  /** The stored file of `id`, or `null` (unknown or malformed id). */
  async find(id: string): Promise<StoredFile | null> {
    if (!FileStore.isId(id)) return null;
    const path = join(this.filesDir, id);
    try {
      const meta = JSON.parse(await readFile(`${path}.json`, 'utf8')) as FileMeta;
      return { ...meta, id, path };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  }

  async remove(id: string): Promise<void> {
    if (!FileStore.isId(id)) return;
    const path = join(this.filesDir, id);
    await rm(`${path}.json`, { force: true });
    await rm(path, { force: true });
  }
}
