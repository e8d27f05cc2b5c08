/**
 * Drafts saved as the agent types (F-2.8): a save a moment after typing stops and on close,
 * retried with backoff when it fails, a copy in `localStorage` until the backend has it (so a
 * failed save survives a reload), and revision conflicts surfaced instead of overwritten.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { AdapterError, type AgentAdapter } from '../../adapters/adapter.js';
import type { Draft, DraftInput, DraftKey } from '../../model/index.js';

/** The visible save state: `pending` (typed, not yet saved), `retrying` after a failure. */
export type DraftSaveState = 'idle' | 'pending' | 'saving' | 'saved' | 'retrying' | 'conflict';

/** A draft's content: what the composer writes and restores. */
export type DraftContent = Omit<DraftInput, 'baseRevision'>;

export interface DraftSyncOptions {
  adapter: () => AgentAdapter | undefined;
  key: () => DraftKey | undefined;
  /** The content now; called only when a save is due (serializing is not free). */
  snapshot: () => DraftContent;
  /** Lets the host take over a save (the cancelable `mail-draft-save`); `false` skips ours. */
  beforeSave: (draft: DraftInput) => boolean;
  /** Quiet time after the last change before saving. */
  delayMs?: number;
}

interface Backup {
  content: DraftContent;
  at: number;
}

const backupKey = (k: DraftKey) =>
  `atento:draft:${k.conversationId}:${k.mode}:${k.inReplyToMessageId ?? ''}`;

function readBackup(key: DraftKey): Backup | null {
  try {
    const raw = localStorage.getItem(backupKey(key));
    return raw ? (JSON.parse(raw) as Backup) : null;
  } catch {
    return null;
  }
}

function writeBackup(key: DraftKey, content: DraftContent): void {
  try {
    localStorage.setItem(backupKey(key), JSON.stringify({ content, at: Date.now() }));
  } catch {
    // Storage full or disabled: the backend copy is the only one; the retry loop still runs.
  }
}

function clearBackup(key: DraftKey): void {
  try {
    localStorage.removeItem(backupKey(key));
  } catch {
    // Nothing stored.
  }
}

const MAX_RETRY_MS = 30_000;

export class DraftSync implements ReactiveController {
  state: DraftSaveState = 'idle';
  /** When the backend last confirmed a save. */
  savedAt?: Date;
  /** The last failure (shown while `retrying` or `conflict`). */
  error?: unknown;
  /** The stored revision this composer's content is based on. */
  revision?: number;

  private dirty = false;
  private paused = false;
  private attempt = 0;
  private timer?: ReturnType<typeof setTimeout>;
  private inFlight?: Promise<void>;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: DraftSyncOptions,
  ) {
    host.addController(this);
  }

  hostDisconnected() {
    // Closing the composer saves what is left (F-2.8); nobody awaits it.
    if (this.dirty && !this.paused) void this.flush();
    this.clearTimer();
  }

  /**
   * The stored draft, or the local copy when it is newer (a save that never reached the
   * backend); in that case the content is marked unsaved and saved again shortly.
   */
  async load(signal: AbortSignal): Promise<DraftContent | null> {
    const adapter = this.options.adapter();
    const key = this.options.key();
    if (!adapter || !key) return null;
    const stored = await adapter.getDraft(key, { signal });
    this.revision = stored?.revision;
    const backup = readBackup(key);
    if (backup && (!stored || backup.at > Date.parse(stored.updatedAt))) {
      this.changed();
      return backup.content;
    }
    if (stored) this.markSaved(stored);
    return stored;
  }

  /** The content changed: save after the quiet time. */
  changed() {
    this.dirty = true;
    if (this.paused) return;
    if (this.state !== 'conflict') this.set('pending');
    this.clearTimer();
    this.timer = setTimeout(() => void this.save(), this.options.delayMs ?? 800);
  }

  /** Saves now if anything is unsaved, and waits for it. */
  async flush(): Promise<void> {
    this.clearTimer();
    await this.inFlight;
    if (this.dirty && this.state !== 'conflict') await this.save();
  }

  /** Stops saving (while a send is in progress) after the save under way, if any. */
  async pause(): Promise<void> {
    this.paused = true;
    this.clearTimer();
    await this.inFlight;
  }

  resume() {
    this.paused = false;
    if (this.dirty) this.changed();
  }

  /** The content became `draft` (restored after a cancelled send, or loaded from elsewhere). */
  adopt(draft: Draft) {
    this.dirty = false;
    this.markSaved(draft);
  }

  /** The message was sent: nothing left to save, no copy to keep. */
  forget() {
    this.clearTimer();
    this.dirty = false;
    this.revision = undefined;
    const key = this.options.key();
    if (key) clearBackup(key);
    this.set('idle');
  }

  /** "Delete message": the stored draft and the local copy go. */
  async discard(signal?: AbortSignal): Promise<void> {
    await this.pause();
    const adapter = this.options.adapter();
    const key = this.options.key();
    try {
      if (adapter && key) await adapter.deleteDraft(key, { signal });
      this.forget();
    } finally {
      this.paused = false;
    }
  }

  /**
   * After a `conflict`: keep this composer's text (saved over the newer revision) or take the
   * stored one, which is returned for the composer to show.
   */
  async resolveConflict(keep: 'mine' | 'theirs'): Promise<Draft | null> {
    const adapter = this.options.adapter();
    const key = this.options.key();
    if (!adapter || !key) return null;
    const latest = await adapter.getDraft(key);
    this.revision = latest?.revision;
    this.error = undefined;
    if (keep === 'theirs') {
      clearBackup(key);
      if (latest) this.adopt(latest);
      else this.forget();
      return latest;
    }
    this.set('pending');
    this.dirty = true;
    await this.save();
    return null;
  }

  private async save(): Promise<void> {
    if (this.inFlight) await this.inFlight;
    if (!this.dirty || this.paused) return;
    const adapter = this.options.adapter();
    const key = this.options.key();
    if (!adapter || !key) return;
    const content = this.options.snapshot();
    writeBackup(key, content);
    const input: DraftInput = { ...content };
    if (this.revision !== undefined) input.baseRevision = this.revision;
    this.dirty = false;
    if (!this.options.beforeSave(input)) {
      this.set(this.dirty ? 'pending' : 'saved');
      return;
    }
    this.set('saving');
    this.inFlight = adapter.saveDraft(input).then(
      (saved) => {
        this.attempt = 0;
        this.error = undefined;
        this.revision = saved.revision;
        if (!this.dirty) clearBackup(key);
        this.savedAt = new Date(saved.updatedAt);
        this.set(this.dirty ? 'pending' : 'saved');
      },
      (error: unknown) => {
        this.dirty = true;
        this.error = error;
        if (error instanceof AdapterError && error.code === 'conflict') {
          this.set('conflict');
          return;
        }
        this.set('retrying');
        this.retryLater();
      },
    );
    try {
      await this.inFlight;
    } finally {
      this.inFlight = undefined;
    }
  }

  private retryLater() {
    const base = Math.min(MAX_RETRY_MS, 1000 * 2 ** this.attempt++);
    this.clearTimer();
    this.timer = setTimeout(() => void this.save(), base / 2 + Math.random() * (base / 2));
  }

  private markSaved(draft: Draft) {
    this.revision = draft.revision;
    this.savedAt = new Date(draft.updatedAt);
    this.set('saved');
  }

  private clearTimer() {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }

  private set(state: DraftSaveState) {
    this.state = state;
    this.host.requestUpdate();
  }
}
