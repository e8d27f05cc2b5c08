/**
 * Shared pieces of the outbound mail tests: the server's backend (SQLite in a temp dir) wired to
 * the outbound deliverer, files stored the way the upload route stores them, and waits on a
 * message's delivery status.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type {
  DeliverHook,
  DeliveryRetry,
  MemoryBackend,
} from '../../../../src/adapters/memory/index.js';
import { SEED_IDS } from '../../../../src/adapters/memory/index.js';
import {
  openBackend,
  registerUpload,
  type BackendHandle,
} from '../../../../src/adapters/node/backend.js';
import type { MailboxConfig } from '../../../../src/adapters/node/mail/mailbox-config.js';
import {
  createOutbound,
  type Outbound,
} from '../../../../src/adapters/node/mail/outbound/outbound.js';
import { FileStore } from '../../../../src/adapters/node/uploads/file-store.js';
import type {
  Attachment,
  DeliveryStatus,
  Message,
  OutgoingMessage,
} from '../../../../src/model/index.js';

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export const jorge = SEED_IDS.jorge;
export const ES_ADDRESS = 'soporte@tiendaandina.pe';

/** Tienda Andina's Spanish mailbox (its campaign, `ES_ADDRESS`), with `fields` (its SMTP…). */
export function andinaMailbox(fields: Partial<MailboxConfig> = {}): MailboxConfig {
  return { id: 'tienda-andina', address: ES_ADDRESS, campaignId: SEED_IDS.campaigns.es, ...fields };
}

/** Short backoff so retries happen within a test. */
export const FAST_RETRY: Partial<DeliveryRetry> = { attempts: 3, delayMs: (n) => 60 * n };

export interface OutboundSetup {
  dir?: string;
  mailboxes?: MailboxConfig[];
  undoSendSeconds?: number;
  retry?: Partial<DeliveryRetry>;
  drainMs?: number;
  /** Wraps (or replaces) the outbound deliverer. */
  wrap?: (deliver: DeliverHook) => DeliverHook;
}

export interface OutboundBackend {
  dir: string;
  backend: MemoryBackend;
  outbound: Outbound;
  files: FileStore;
  handle: BackendHandle;
  /** Closes the backend (draining deliveries) and the outbound side; keeps the dir. */
  close(): Promise<void>;
  /** `close`, then removes the dir. */
  remove(): Promise<void>;
}

export async function tempDataDir(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'atento-outbound-'));
}

export async function openOutboundBackend(setup: OutboundSetup = {}): Promise<OutboundBackend> {
  const dir = setup.dir ?? (await tempDataDir());
  const files = new FileStore(dir);
  await files.open();
  const outbound = createOutbound({ mailboxes: setup.mailboxes ?? [], files, dataDir: dir });
  outbound.setLog({ info: () => undefined, warn: () => undefined });
  const deliver = setup.wrap ? setup.wrap(outbound.deliver) : outbound.deliver;
  const handle = await openBackend({
    dataDir: dir,
    store: 'sqlite',
    undoSendSeconds: setup.undoSendSeconds ?? 0.3,
    delivery: { deliver, retry: setup.retry ?? FAST_RETRY, drainMs: setup.drainMs ?? 2000 },
  });
  let closed: Promise<void> | undefined;
  const close = () =>
    (closed ??= (async () => {
      await handle.close();
      await outbound.close(1000);
    })());
  return {
    dir,
    backend: handle.backend,
    outbound,
    files,
    handle,
    close,
    async remove() {
      await close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** Stores a file the way the upload route does and registers it for the agents. */
export async function storeFile(
  env: Pick<OutboundBackend, 'backend' | 'files'>,
  file: { name: string; bytes: Uint8Array; type: string; purpose: 'attachment' | 'inline' },
): Promise<Attachment> {
  const temp = env.files.tempPath();
  await writeFile(temp, file.bytes);
  const fileId = env.files.newId();
  const url = `/api/v1/files/${fileId}?exp=9999999999&sig=${randomBytes(8).toString('hex')}`;
  return registerUpload(
    env.backend,
    {
      uploader: { kind: 'agent', agentId: SEED_IDS.agents.agent },
      conversationId: jorge.conversationId,
      name: file.name,
      type: file.type,
      size: file.bytes.length,
      purpose: file.purpose,
    },
    url,
    () => {
      env.files.placeSync(temp, fileId, {
        name: file.name,
        type: file.type,
        size: file.bytes.length,
        inline: file.purpose === 'inline',
      });
    },
  );
}

/** A reply to Jorge's newest email. */
export function replyToJorge(fields: Partial<OutgoingMessage> = {}): OutgoingMessage {
  return {
    conversationId: jorge.conversationId,
    mode: 'reply',
    channel: 'email',
    inReplyToMessageId: jorge.latestMessageId,
    to: [{ name: 'Jorge Taype', address: jorge.address }],
    cc: [],
    bcc: [],
    subject: '',
    html: '<p>Su pedido sale hoy.</p>',
    text: 'Su pedido sale hoy.',
    attachmentIds: [],
    ...fields,
  };
}

/** The stored message `id` as an agent sees it (cancelled ones leave the timeline: `null`). */
export async function messageOf(backend: MemoryBackend, message: Message): Promise<Message | null> {
  const page = await backend.agent('agent').listMessages(message.interactionId, { limit: 200 });
  return page.items.find((m) => m.id === message.id) ?? null;
}

/** Waits until the message has `status` (polling), within `ms`. */
export async function waitForStatus(
  backend: MemoryBackend,
  message: Message,
  status: DeliveryStatus,
  ms = 5000,
): Promise<Message> {
  const deadline = Date.now() + ms;
  for (;;) {
    const current = await messageOf(backend, message);
    if (current?.status === status) return current;
    if (Date.now() > deadline)
      throw new Error(`message ${message.id} is ${current?.status ?? 'gone'}, not ${status}`);
    await sleep(25);
  }
}
