/**
 * The record of sent mail when a mailbox has no SMTP relay (the embedded default of `npm start`):
 * `dataDir/sent-mail/<message id>.eml` holds the exact MIME that would have been relayed and
 * `<message id>.json` its envelope and summary. Keyed by the backend's message id, so a
 * redelivery of the same message (a restart mid-delivery) replaces its record instead of adding
 * one. Written like the file store: temp file, then rename; the summary last, so a listed record
 * always has its `.eml`.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { BuiltMail } from './mime.js';

export interface SentMailRecord {
  /** The backend's message id (`msg_…`). */
  id: string;
  /** RFC 5322 Message-ID, without brackets. */
  messageId?: string;
  conversationId: string;
  mailbox: string;
  from: string;
  subject: string;
  envelope: BuiltMail['envelope'];
  size: number;
  recordedAt: string;
}

const ID = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,99}$/;

export class SentMailStore {
  readonly dir: string;

  constructor(dataDir: string) {
    this.dir = join(dataDir, 'sent-mail');
  }

  static isId(id: string): boolean {
    return ID.test(id) && !id.endsWith('.tmp');
  }

  async record(
    fields: Omit<SentMailRecord, 'size' | 'recordedAt'>,
    raw: Buffer,
  ): Promise<SentMailRecord> {
    if (!SentMailStore.isId(fields.id)) throw new Error(`Unusable sent-mail id ${fields.id}.`);
    await mkdir(this.dir, { recursive: true });
    const record: SentMailRecord = {
      ...fields,
      size: raw.length,
      recordedAt: new Date().toISOString(),
    };
    const base = join(this.dir, fields.id);
    const temp = `${base}.${randomBytes(6).toString('hex')}.tmp`;
    await writeFile(temp, raw, { mode: 0o600 });
    await rename(temp, `${base}.eml`);
    await writeFile(temp, JSON.stringify(record), { mode: 0o600 });
    await rename(temp, `${base}.json`);
    return record;
  }

  /** Every record, newest first. */
  async list(): Promise<SentMailRecord[]> {
    let names: string[];
    try {
      names = await readdir(this.dir);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
    const records = await Promise.all(
      names
        .filter((n) => n.endsWith('.json') && SentMailStore.isId(n.slice(0, -5)))
        .map((n) => this.find(n.slice(0, -5))),
    );
    return records
      .filter((r): r is SentMailRecord => r !== null)
      .sort((a, b) => (a.recordedAt < b.recordedAt ? 1 : a.recordedAt > b.recordedAt ? -1 : 0));
  }

  async find(id: string): Promise<SentMailRecord | null> {
    if (!SentMailStore.isId(id)) return null;
    try {
      return JSON.parse(await readFile(join(this.dir, `${id}.json`), 'utf8')) as SentMailRecord;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  }

  /** The recorded MIME of `id`, or `null`. */
  async raw(id: string): Promise<Buffer | null> {
    if (!SentMailStore.isId(id)) return null;
    try {
      return await readFile(join(this.dir, `${id}.eml`));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  }
}
