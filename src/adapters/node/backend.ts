/**
 * The server's domain core: the memory backend (adapters/memory), made durable by a SQLite
 * `RecordStore` (adapters/node/store) in `dataDir/atento.db`. This file is the only place that
 * knows how the backend is built and how an uploaded file enters it, so switching either (another
 * database, another backend) touches nothing else in the server.
 */
import { join } from 'node:path';
import {
  createMemoryBackend,
  type DeliverHook,
  type DeliveryRetry,
  type MemoryBackend,
  type MemoryBackendOptions,
  type RegisteredUpload,
} from '../memory/index.js';
import type { Attachment } from '../../model/index.js';
import { openSqliteStore } from './store/index.js';

export interface BackendSetup {
  dataDir: string;
  /** `sqlite` (default): durable in `dataDir/atento.db`; `memory`: lost on exit (tests, demos). */
  store?: 'sqlite' | 'memory';
  /** Overrides every campaign's undo window (seconds). */
  undoSendSeconds?: number;
  /** Extra options for tests and benches (seed, clock). */
  options?: MemoryBackendOptions;
  /**
   * Mail out: committed emails go through `deliver` (SMTP, or the record of sent mail; see
   * `mail/outbound/`), claimed before and retried after a failure (`retry`).
   */
  delivery?: {
    deliver: DeliverHook;
    retry?: Partial<DeliveryRetry>;
    /** How long `close` waits for deliveries in flight; default 10 s. */
    drainMs?: number;
  };
}

export interface BackendHandle {
  backend: MemoryBackend;
  /**
   * Stops timers, waits for deliveries in flight (bounded: a delivery still running then is
   * dropped and, its message still `sending`, delivered again on the next start), then closes the
   * store; the backend refuses calls afterwards.
   */
  close(): Promise<void>;
}

/** Opens the store (loading it, or seeding it on first run) and the backend over it. */
export async function openBackend(setup: BackendSetup): Promise<BackendHandle> {
  const persistence =
    setup.store === 'memory' ? undefined : openSqliteStore(join(setup.dataDir, 'atento.db'));
  const options: MemoryBackendOptions = { ...setup.options, persistence };
  if (setup.undoSendSeconds !== undefined) options.undoSendSeconds = setup.undoSendSeconds;
  if (setup.delivery) {
    options.deliver = setup.delivery.deliver;
    if (setup.delivery.retry) options.deliveryRetry = setup.delivery.retry;
  }
  let backend: MemoryBackend;
  try {
    backend = createMemoryBackend(options);
  } catch (error) {
    persistence?.close();
    throw error;
  }
  return {
    backend,
    async close() {
      backend.dispose();
      try {
        await backend.drainDeliveries(setup.delivery?.drainMs ?? 10_000);
      } finally {
        persistence?.close();
      }
    },
  };
}

/** Who uploads: an agent (any agent may then attach the file) or a visitor's device (only it). */
export type Uploader = RegisteredUpload['uploader'];

/**
 * Registers a received file — already checked by content and size — as an attachment of its
 * uploader. The backend checks the campaign's rules once more; `place` (moving the bytes to where
 * `url` serves them) runs before the attachment exists, and nothing is registered if it throws.
 */
export function registerUpload(
  backend: MemoryBackend,
  upload: Omit<RegisteredUpload, 'url'>,
  url: string,
  place: () => void,
): Attachment {
  return backend.registerUpload({ ...upload, url }, place);
}
