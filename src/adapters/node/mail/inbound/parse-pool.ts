/**
 * MIME parsing off the main thread. Parsing (postal-mime) and checking attachments by content are
 * the heaviest CPU work of mail in; a `ParsePool` runs them in worker threads so that an IMAP sync
 * downloads, and files into the store, while the next mails are parsed.
 *
 * - `parseAll` keeps the order of the mails it is given; each becomes a `PreparedMail` (the parsed
 *   mail, its parts written to temporary files and checked: see `checkParts`) or a
 *   `MailParseError` (what `parseMail` would have thrown).
 * - Few mails (an IDLE arrival, one SMTP delivery) are parsed in the calling thread: a round trip
 *   to a worker would cost more than it saves. So is everything when `size` is 0.
 * - Workers start on first use (or `warm`), are stopped after `idleMs` without work, and never
 *   keep the process alive; until one has started, mails are parsed in the calling thread rather
 *   than wait. If a worker cannot start or dies, its mails are parsed in the calling thread (as
 *   without a pool) and the pool parses in-thread from then on.
 * - Running from TypeScript sources (tsx), the worker registers tsx's loader before it loads.
 */
import { randomBytes } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { MailParseError, parseMail, type ParsedMail } from '../parse-mail.js';
import { checkParts, dropParts, type CheckedParts, type MailFileLimits } from './mail-files.js';

/**
 * Where and how parts are written while parsing: the file store's temporary folder (which the
 * store empties when it opens: a worker stopped mid-task may leave files there), and its limits.
 */
export interface PartFiles {
  tempDir: string;
  limits: MailFileLimits;
}

/** A parsed mail whose parts wait, checked, in temporary files (their bytes are not kept). */
export interface PreparedMail {
  mail: Omit<ParsedMail, 'parts'>;
  parts: CheckedParts;
}

/** One task for a worker: mails one after the other in `buffer`, mail i at offsets[i]…[i+1]. */
export interface ParseTask {
  id: number;
  buffer: ArrayBuffer;
  offsets: number[];
  files: PartFiles;
}

export type ParseOutcome = { prepared: PreparedMail } | { error: string };

export type ParseReply = { id: number; results: ParseOutcome[] } | { id: number; fatal: string };

export interface ParsePoolOptions {
  /** Worker threads; default the cores less one (at least 1, at most 4); 0: parse in-thread. */
  size?: number;
  /** Fewer mails than this are parsed in the calling thread; default 8. */
  minBatch?: number;
  /** Workers stop after this long without work; default 30 s. */
  idleMs?: number;
  /** Told once when the pool falls back to parsing in-thread. */
  onFailure?: (error: Error) => void;
}

interface PoolWorker {
  worker: Worker;
  /** Tasks sent and not answered, by id. */
  tasks: Map<number, { resolve: (r: ParseOutcome[]) => void; reject: (e: Error) => void }>;
  /** Bytes of the tasks in flight (to pick the least busy worker). */
  load: number;
  /** Loaded and listening (it said so). */
  ready: boolean;
  /** Being stopped by the pool (idle, or `close`). */
  stopping: boolean;
  /** Settles when it is ready or gone. */
  started: Promise<void>;
}

/** The worker's entry, and tsx's loader API when the sources run as TypeScript. */
function workerEntry(): { entry: string; tsx?: string } {
  const self = import.meta.url;
  if (!fileURLToPath(self).endsWith('.ts'))
    return { entry: new URL('./parse-worker.js', self).href };
  return {
    entry: new URL('./parse-worker.ts', self).href,
    tsx: import.meta.resolve('tsx/esm/api'),
  };
}

const BOOTSTRAP = `
const { workerData } = require('node:worker_threads');
(async () => {
  if (workerData.tsx) (await import(workerData.tsx)).register();
  await import(workerData.entry);
})().catch((error) => { setImmediate(() => { throw error; }); });
`;

/** A task failed in a worker that is still fine (as `prepareMails` would have failed here). */
class TaskError extends Error {
  override name = 'TaskError';
}

export class ParsePool {
  private readonly size: number;
  private readonly minBatch: number;
  private readonly idleMs: number;
  private readonly workers: PoolWorker[] = [];
  private nextId = 1;
  private broken = false;
  private closed = false;
  private idleTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly options: ParsePoolOptions = {}) {
    this.size = Math.max(
      0,
      Math.floor(options.size ?? Math.min(4, Math.max(1, availableParallelism() - 1))),
    );
    this.minBatch = Math.max(1, options.minBatch ?? 8);
    this.idleMs = options.idleMs ?? 30_000;
  }

  /** Whether mails go to worker threads (false: in-thread, by choice or after a failure). */
  get threaded(): boolean {
    return this.size > 0 && !this.broken && !this.closed;
  }

  /** Worker threads started, and how many of them are ready for work. */
  get workerCount(): { started: number; ready: number } {
    return { started: this.workers.length, ready: this.workers.filter((w) => w.ready).length };
  }

  /**
   * Starts the workers now (a sync about to download), so their start-up overlaps the login.
   * Resolves once each has started or failed, with how many are ready.
   */
  warm(): Promise<number> {
    if (!this.threaded) return Promise.resolve(0);
    try {
      while (this.workers.length < this.size) this.spawn();
    } catch (error) {
      this.fail(error as Error);
      return Promise.resolve(0);
    }
    this.armIdle();
    return Promise.all(this.workers.map((w) => w.started)).then(() => this.workerCount.ready);
  }

  /**
   * Parses `raws` in order and writes their parts as `files` says. Rejects only on what parsing
   * and checking parts would throw besides `MailParseError` (the temporary folder cannot be
   * written, say).
   */
  async parseAll(
    raws: readonly Uint8Array[],
    files: PartFiles,
  ): Promise<Array<PreparedMail | MailParseError>> {
    if (raws.length === 0) return [];
    if (!this.threaded || raws.length < this.minBatch) return prepareMails(raws, files);
    void this.warm();
    const ready = this.workers.filter((w) => w.ready);
    // Until a worker has started (a few hundred ms), mails are prepared here rather than wait.
    if (!this.threaded || ready.length === 0) return prepareMails(raws, files);
    const chunks = split(raws, ready.length);
    const results = await Promise.all(
      chunks.map(async (chunk) => {
        try {
          return await this.send(chunk, files, ready);
        } catch (error) {
          if (error instanceof TaskError) throw error;
          // The worker died (or never started): its mails are prepared here.
          this.fail(error as Error);
          return prepareMails(chunk, files);
        }
      }),
    );
    this.armIdle();
    return results.flat();
  }

  /** Stops the workers; later calls parse in-thread. */
  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.idleTimer);
    await this.stopWorkers();
  }

  private spawn(): void {
    const { entry, tsx } = workerEntry();
    // No inherited flags: `--import tsx` cannot load a worker's TypeScript entry (the bootstrap
    // registers tsx itself), and profiling or test-runner flags are not for this thread.
    const worker = new Worker(BOOTSTRAP, { eval: true, workerData: { entry, tsx }, execArgv: [] });
    worker.unref();
    let started!: () => void;
    const w: PoolWorker = {
      worker,
      tasks: new Map(),
      load: 0,
      ready: false,
      stopping: false,
      started: new Promise<void>((resolve) => (started = resolve)),
    };
    const drop = (error: Error) => {
      const at = this.workers.indexOf(w);
      if (at !== -1) this.workers.splice(at, 1);
      for (const task of w.tasks.values()) task.reject(error);
      w.tasks.clear();
      started();
      // One that cannot even start would fail again: the pool parses in-thread from now on.
      if (!w.ready && !w.stopping) this.fail(error);
    };
    worker.on('message', (reply: ParseReply | 'ready') => {
      if (reply === 'ready') {
        w.ready = true;
        started();
        return;
      }
      const task = w.tasks.get(reply.id);
      if (!task) return;
      w.tasks.delete(reply.id);
      if ('fatal' in reply) task.reject(new TaskError(reply.fatal));
      else task.resolve(reply.results);
    });
    worker.on('error', (error) => {
      drop(error);
      void worker.terminate();
    });
    worker.on('exit', (code) => drop(new Error(`The MIME parsing worker exited (code ${code}).`)));
    this.workers.push(w);
  }

  /** One chunk to the least busy worker, as one buffer (transferred, not copied). */
  private async send(
    raws: readonly Uint8Array[],
    files: PartFiles,
    workers: readonly PoolWorker[],
  ): Promise<Array<PreparedMail | MailParseError>> {
    const w = workers.reduce((a, b) => (b.load < a.load ? b : a));
    const offsets = [0];
    for (const raw of raws) offsets.push(offsets[offsets.length - 1]! + raw.length);
    const bytes = new Uint8Array(offsets[offsets.length - 1]!);
    raws.forEach((raw, i) => bytes.set(raw, offsets[i]!));
    const id = this.nextId++;
    const size = bytes.length;
    w.load += size;
    let outcomes: ParseOutcome[];
    try {
      outcomes = await new Promise<ParseOutcome[]>((resolve, reject) => {
        w.tasks.set(id, { resolve, reject });
        w.worker.ref(); // a task in flight keeps the process up until it is answered
        const task: ParseTask = { id, buffer: bytes.buffer, offsets, files };
        w.worker.postMessage(task, [bytes.buffer]);
      });
    } finally {
      w.load -= size;
      if (w.tasks.size === 0) w.worker.unref();
    }
    if (outcomes.length !== raws.length)
      throw new Error(
        `The MIME parsing worker answered ${outcomes.length} of ${raws.length} mails.`,
      );
    return outcomes.map((o) => ('prepared' in o ? o.prepared : new MailParseError(o.error)));
  }

  private fail(error: Error): void {
    if (this.broken || this.closed) return;
    this.broken = true;
    this.options.onFailure?.(error);
    void this.stopWorkers();
  }

  private armIdle(): void {
    clearTimeout(this.idleTimer);
    if (this.workers.length === 0) return;
    this.idleTimer = setTimeout(() => {
      if (this.workers.some((w) => w.tasks.size > 0)) this.armIdle();
      else void this.stopWorkers();
    }, this.idleMs);
    this.idleTimer.unref();
  }

  private async stopWorkers(): Promise<void> {
    const all = this.workers.splice(0);
    for (const w of all) w.stopping = true;
    await Promise.all(all.map((w) => w.worker.terminate()));
  }
}

/**
 * What a worker does with each mail of a task, and what the pool does in-thread: parse, then write
 * and check the parts (whose bytes are then dropped; `blocking`: see `checkParts`). A parse failure
 * is returned; a failure to write is thrown, after removing the temporary files of the mails
 * already prepared.
 */
export async function prepareMails(
  raws: readonly Uint8Array[],
  files: PartFiles,
  options: { blocking?: boolean } = {},
): Promise<Array<PreparedMail | MailParseError>> {
  const out: Array<PreparedMail | MailParseError> = [];
  const tempPath = () => join(files.tempDir, randomBytes(16).toString('hex'));
  try {
    for (const raw of raws) {
      let parsed: ParsedMail;
      try {
        parsed = await parseMail(raw);
      } catch (error) {
        if (!(error instanceof MailParseError)) throw error;
        out.push(error);
        continue;
      }
      const { parts, ...mail } = parsed;
      out.push({
        mail,
        parts: await checkParts(parts, mail.html, files.limits, tempPath, options),
      });
    }
  } catch (error) {
    await Promise.all(
      out.map((o) => (o instanceof MailParseError ? undefined : dropParts(o.parts))),
    );
    throw error;
  }
  return out;
}

/** `raws` in at most `n` runs of about the same number of bytes, in order. */
function split(raws: readonly Uint8Array[], n: number): Uint8Array[][] {
  if (n <= 1 || raws.length <= 1) return [[...raws]];
  const total = raws.reduce((sum, r) => sum + r.length, 0);
  const chunks: Uint8Array[][] = [];
  let chunk: Uint8Array[] = [];
  let bytes = 0;
  for (const raw of raws) {
    chunk.push(raw);
    bytes += raw.length;
    if (chunks.length < n - 1 && bytes >= (total * (chunks.length + 1)) / n) {
      chunks.push(chunk);
      chunk = [];
    }
  }
  if (chunk.length) chunks.push(chunk);
  return chunks;
}
