import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { AgentAdapter } from '../../adapters/adapter.js';
import { LocalizeController } from '../../i18n/localize-controller.js';
import { checkFile, type Attachment, type FileRule } from '../../model/index.js';
import { MissingAdapterError } from '../internal/error-message.js';
import {
  duplicateMessage,
  isRetryable,
  refusalMessage,
  uploadErrorMessage,
  type Localizer,
} from './file-refusal.js';

/** One row of the attachment list: a file being uploaded, uploaded, or whose upload failed. */
export interface AttachmentItem {
  key: string;
  name: string;
  size: number;
  type: string;
  status: 'uploading' | 'done' | 'failed';
  /** 0..1 while the upload runs; `null` while it waits for a slot or after a failure; 1 when done. */
  progress: number | null;
  /** Why the upload failed (localized), for `failed`. */
  error?: string;
  /** Whether uploading again may work (`false` when the server refused the file itself). */
  retryable?: boolean;
  /** The stored file, when `done`. */
  attachment?: Attachment;
  /** The file, kept until it is uploaded (for retry). */
  file?: File;
}

/** A file that was not added, and why (localized, ready to show). */
export type FileProblem = { name: string; message: string };

export interface UploadQueueOptions {
  /**
   * Localizes the messages: the host's `LocalizeController` (`this.i18n` of an atento element).
   * When omitted, the queue makes its own for the host (same locale rules). Messages follow the
   * locale when it changes.
   */
  i18n?: Localizer;
  /** The adapter to upload with (read when an upload starts). */
  adapter: () => AgentAdapter | undefined;
  /** The conversation whose campaign limits apply. */
  conversationId: () => string | undefined;
  /** The campaign's attachment rule (`CampaignSettings.attachments.attachment`). */
  limits: () => FileRule;
  /** Uploads running at once; default 3. */
  parallel?: number;
}

interface Entry {
  key: string;
  name: string;
  size: number;
  type: string;
  status: AttachmentItem['status'];
  progress: number | null;
  file?: File;
  attachment?: Attachment;
  /** Set while the upload runs. */
  controller?: AbortController;
  /** The failure and the rule it was checked against, turned into a message when read. */
  failure?: { error: unknown; rule: FileRule };
}

let seq = 0;

/**
 * The attachments of a message being written (F-2.5): checks files against the campaign's rule
 * (type, empty, size, duplicate), uploads the accepted ones through the adapter (3 at a time)
 * with progress, and keeps failed ones for retry. The host re-renders on every change; render
 * `items` with `<atento-attachment-list>` and send `attachmentIds`.
 *
 * ```ts
 * private uploads = new UploadQueue(this, {
 *   i18n: this.i18n,
 *   adapter: () => this.effectiveAdapter,
 *   conversationId: () => this.conversationId,
 *   limits: () => (this.campaign?.attachments ?? DEFAULT_ATTACHMENT_LIMITS).attachment,
 * });
 * ```
 *
 * Leaving the document aborts the uploads in progress; they start again when the host comes
 * back (a move in the DOM loses nothing).
 */
export class UploadQueue implements ReactiveController {
  private readonly host: ReactiveControllerHost;
  private readonly options: UploadQueueOptions;
  private readonly i18n: Localizer;
  private entries: Entry[] = [];
  private problemList: FileProblem[] = [];
  private connected = false;
  private version = 0;
  private snapshot?: { version: number; locale: string; items: readonly AttachmentItem[] };

  constructor(host: ReactiveControllerHost & HTMLElement, options: UploadQueueOptions) {
    this.host = host;
    this.options = options;
    this.i18n = options.i18n ?? new LocalizeController(host);
    host.addController(this);
  }

  /** The list, in the order files were added; a new array after every change. */
  get items(): readonly AttachmentItem[] {
    const locale = this.i18n.locale;
    if (this.snapshot?.version !== this.version || this.snapshot.locale !== locale) {
      this.snapshot = {
        version: this.version,
        locale,
        items: this.entries.map((e) => this.item(e)),
      };
    }
    return this.snapshot.items;
  }

  /** Files refused by the last `add`, until `clearProblems()` or the next `add`. */
  get problems(): readonly FileProblem[] {
    return this.problemList;
  }

  /** Whether an upload is still running or waiting. */
  get pending(): boolean {
    return this.entries.some((e) => e.status === 'uploading');
  }

  /** Whether an upload failed (its item is still listed). */
  get failed(): boolean {
    return this.entries.some((e) => e.status === 'failed');
  }

  /** Ids of the uploaded attachments, in list order. */
  get attachmentIds(): string[] {
    return this.entries.flatMap((e) =>
      e.status === 'done' && e.attachment ? [e.attachment.id] : [],
    );
  }

  /**
   * Checks each file (type, empty, size, and duplicate: same name and size as a listed item),
   * lists and starts uploading the accepted ones, and returns the refused ones with their reason.
   */
  add(files: Iterable<File>): FileProblem[] {
    const rule = this.options.limits();
    const { i18n } = this;
    const listed = new Set(this.entries.map((e) => sameFile(e)));
    const problems: FileProblem[] = [];
    for (const file of files) {
      const check = checkFile(file, rule);
      if (!check.ok) {
        problems.push({ name: file.name, message: refusalMessage(i18n, file.name, check, rule) });
      } else if (listed.has(sameFile(file))) {
        problems.push({ name: file.name, message: duplicateMessage(i18n, file.name) });
      } else {
        listed.add(sameFile(file));
        this.entries.push({
          key: `upload-${++seq}`,
          name: file.name,
          size: file.size,
          type: file.type,
          status: 'uploading',
          progress: null,
          file,
        });
      }
    }
    this.problemList = problems;
    this.changed();
    this.pump();
    return [...problems];
  }

  clearProblems(): void {
    if (this.problemList.length === 0) return;
    this.problemList = [];
    this.changed();
  }

  /** Removes an item, aborting its upload when it is running. */
  remove(key: string): void {
    const entry = this.entries.find((e) => e.key === key);
    if (!entry) return;
    entry.controller?.abort();
    this.entries = this.entries.filter((e) => e !== entry);
    this.changed();
    this.pump();
  }

  /** Uploads a failed item again from its kept file. */
  retry(key: string): void {
    const entry = this.entries.find((e) => e.key === key);
    if (!entry || entry.status !== 'failed' || !entry.file) return;
    entry.status = 'uploading';
    entry.progress = null;
    entry.failure = undefined;
    this.changed();
    this.pump();
  }

  /**
   * Lists already stored attachments (a draft's, or a forwarded message's) as done, removable
   * items after the listed ones; attachments already listed are skipped.
   */
  restore(attachments: Attachment[]): void {
    const ids = new Set(this.attachmentIds);
    for (const attachment of attachments) {
      if (ids.has(attachment.id)) continue;
      ids.add(attachment.id);
      this.entries.push({
        key: `attachment-${++seq}`,
        name: attachment.name,
        size: attachment.size,
        type: attachment.type,
        status: 'done',
        progress: 1,
        attachment,
      });
    }
    this.changed();
  }

  /** Aborts every upload and empties the list and the problems. */
  clear(): void {
    for (const entry of this.entries) entry.controller?.abort();
    this.entries = [];
    this.problemList = [];
    this.changed();
  }

  hostConnected(): void {
    this.connected = true;
    this.pump();
  }

  hostDisconnected(): void {
    this.connected = false;
    for (const entry of this.entries) {
      if (!entry.controller) continue;
      entry.controller.abort();
      entry.controller = undefined;
      entry.progress = null;
    }
    this.changed();
  }

  private item(entry: Entry): AttachmentItem {
    const item: AttachmentItem = {
      key: entry.key,
      name: entry.name,
      size: entry.size,
      type: entry.type,
      status: entry.status,
      progress: entry.progress,
    };
    if (entry.file) item.file = entry.file;
    if (entry.attachment) item.attachment = entry.attachment;
    if (entry.status === 'failed' && entry.failure) {
      const { error, rule } = entry.failure;
      item.error = uploadErrorMessage(this.i18n, entry, error, rule);
      item.retryable = Boolean(entry.file) && isRetryable(error);
    }
    return item;
  }

  private changed() {
    this.version++;
    this.host.requestUpdate();
  }

  /** Starts waiting uploads while fewer than `parallel` run. */
  private pump() {
    if (!this.connected) return;
    const parallel = this.options.parallel ?? 3;
    let running = this.entries.filter((e) => e.controller).length;
    for (const entry of this.entries) {
      if (running >= parallel) break;
      if (entry.status === 'uploading' && !entry.controller && entry.file) {
        running++;
        void this.upload(entry, entry.file);
      }
    }
  }

  private async upload(entry: Entry, file: File) {
    const controller = new AbortController();
    const { signal } = controller;
    entry.controller = controller;
    entry.progress = 0;
    this.changed();
    const rule = this.options.limits();
    try {
      const adapter = this.options.adapter();
      if (!adapter) throw new MissingAdapterError();
      const attachment = await adapter.upload(file, {
        purpose: 'attachment',
        conversationId: this.options.conversationId(),
        signal,
        onProgress: (loaded, total) => {
          if (signal.aborted) return;
          entry.progress = total > 0 ? Math.min(1, loaded / total) : 0;
          this.changed();
        },
      });
      if (signal.aborted) return;
      entry.status = 'done';
      entry.progress = 1;
      entry.attachment = attachment;
      entry.file = undefined;
    } catch (error) {
      // Whoever aborted (remove, clear, disconnect) has already set the entry's state.
      if (signal.aborted) return;
      entry.status = 'failed';
      entry.progress = null;
      entry.failure = { error, rule };
    } finally {
      if (entry.controller === controller) {
        entry.controller = undefined;
        this.changed();
        this.pump();
      }
    }
  }
}

/** Two files are the same attachment when name and size match. */
function sameFile(file: { name: string; size: number }): string {
  return `${file.size}\u0000${file.name}`;
}
