import type { CampaignSettings, Contact, Conversation, Id, Message } from '../../../model/index.js';
import { copy } from '../copy.js';
import type { OutboxEntry, Store } from '../store.js';
import { setMessageStatus } from './messages.js';

/**
 * Delivery of committed emails through a transport (F-6.5): a server's SMTP, or its record of
 * sent mail. Without a transport (browsers, the memory demo) a committed email is `sent` at once
 * (see `commit` in `sending.ts`); with one:
 *
 * 1. The commit **claims** the message — `sending`, written to the persistence in its own unit
 *    of work — before the transport is called; only a `sending` message is ever delivered.
 * 2. Each attempt first writes its number (`OutboxEntry.attempts`), then calls `deliver`.
 *    Success → `sent` (with what the transport answered in `OutboxEntry.delivered`); a failure →
 *    a retry after a backoff (`retryAt`, persisted), and after the last attempt `failed` with the
 *    transport's reason in `Message.error`.
 * 3. On restart (`resumeDeliveries`), messages still `sending` are delivered again — the process
 *    may have died mid-SMTP — with the same stored Message-ID, so the recipient's software sees
 *    one message; a pending retry keeps its due time.
 *
 * Chat messages never go through a transport.
 */

/** What a transport gets besides the message. All of it is a copy. */
export interface DeliveryContext {
  conversation: Conversation;
  campaign: CampaignSettings;
  contact: Contact | undefined;
  /** The message answered (reply modes) or forwarded (`forward`). */
  answered: Message | undefined;
  /** 1 for the first attempt. */
  attempt: number;
}

/** What a transport reports once it took a message (SMTP's final answer and envelope). */
export interface DeliveryReceipt {
  response?: string;
  accepted?: string[];
  rejected?: string[];
}

/**
 * Hands one committed email to a transport. Resolves once the transport took it (for SMTP: the
 * server answered 250 to the data); rejects with the transport's reason otherwise (its `response`,
 * else its `message`, becomes `Message.error`); an error with `retry: false` fails the message
 * without further attempts. May be called again for the same message (a retry, or a restart
 * after a crash mid-delivery): the message keeps its `messageId`.
 */
export type DeliverHook = (
  message: Message,
  context: DeliveryContext,
) => Promise<DeliveryReceipt | void>;

export interface DeliveryRetry {
  /** Attempts before `failed`; default 5. */
  attempts: number;
  /** The wait after failed attempt `n` (1-based); default `2^n` seconds (2, 4, 8, 16). */
  delayMs(failedAttempt: number): number;
}

export const DEFAULT_RETRY: DeliveryRetry = {
  attempts: 5,
  delayMs: (n) => 1000 * 2 ** n,
};

interface Delivery {
  deliver: DeliverHook;
  retry: DeliveryRetry;
  /** Attempts whose transport call has not settled yet. */
  inFlight: Set<Promise<unknown>>;
  /** Set by `drainDeliveries`: outcomes arriving later are not recorded (the store is closing). */
  closed: boolean;
}

const deliveries = new WeakMap<Store, Delivery>();

/** Gives a store its transport; from then on committed emails are delivered through it. */
export function useDelivery(s: Store, deliver: DeliverHook, retry?: Partial<DeliveryRetry>): void {
  deliveries.set(s, {
    deliver,
    retry: { ...DEFAULT_RETRY, ...retry },
    inFlight: new Set(),
    closed: false,
  });
}

/** Whether a committed message goes through a transport (an email, with one configured). */
export function deliversThroughTransport(s: Store, m: Message): boolean {
  return m.channel === 'email' && deliveries.has(s);
}

/** The longest delay `setTimeout` honours. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/** Runs the next attempt after `ms` (0: after the current unit of work). */
export function scheduleAttempt(s: Store, messageId: Id, entry: OutboxEntry, ms: number): void {
  if (entry.timer !== undefined) clearTimeout(entry.timer);
  const step = Math.min(Math.max(0, ms), MAX_TIMER_MS);
  entry.timer = setTimeout(() => {
    delete entry.timer;
    if (step < ms) scheduleAttempt(s, messageId, entry, ms - step);
    else void attempt(s, messageId);
  }, step);
}

/** Why a transport failed, as the agent sees it (`Message.error`). */
function reasonOf(error: unknown): string {
  if (error instanceof Error) {
    const response = (error as { response?: unknown }).response;
    if (typeof response === 'string' && response.trim() !== '') return response.trim();
    return error.message || error.name;
  }
  return String(error);
}

function contextOf(s: Store, m: Message, entry: OutboxEntry): DeliveryContext {
  const conversation = s.conversation(m.conversationId);
  return copy({
    conversation,
    campaign: s.settings(s.campaignRecord(conversation.campaignId)),
    contact: s.contacts.get(conversation.contactId),
    answered: entry.answeredId === undefined ? undefined : s.messages.get(entry.answeredId),
    attempt: entry.attempts ?? 1,
  });
}

/** One delivery attempt of a claimed (`sending`) message. */
async function attempt(s: Store, messageId: Id): Promise<void> {
  const d = deliveries.get(s);
  const m = s.messages.get(messageId);
  const entry = s.outbox.get(messageId);
  if (!d || d.closed || s.disposed || !m || !entry || m.status !== 'sending') return;

  // The attempt is counted on disk before the transport sees the message: a crash mid-SMTP
  // leaves a `sending` row whose attempts include this one.
  entry.attempts = (entry.attempts ?? 0) + 1;
  delete entry.retryAt;
  s.touch('outbox', messageId);
  try {
    s.flush();
  } catch {
    // Not on disk yet: trying the transport now could send a message the store forgets.
    entry.attempts -= 1;
    scheduleAttempt(s, messageId, entry, d.retry.delayMs(1));
    return;
  }

  let receipt: DeliveryReceipt | void = undefined;
  let failure: { error: unknown } | undefined;
  const call = (async () => d.deliver(copy(m), contextOf(s, m, entry)))();
  d.inFlight.add(call);
  try {
    receipt = await call;
  } catch (error) {
    failure = { error };
  } finally {
    d.inFlight.delete(call);
  }
  if (d.closed || m.status !== 'sending') return;
  s.background(() => {
    if (!failure) {
      delete entry.lastError;
      entry.delivered = { at: s.nowIso(), ...(receipt ? copy(receipt) : {}) };
      s.touch('outbox', messageId);
      setMessageStatus(s, m, 'sent');
      return;
    }
    const reason = reasonOf(failure.error);
    entry.lastError = reason;
    s.touch('outbox', messageId);
    const attempts = entry.attempts ?? 1;
    const final = (failure.error as { retry?: unknown } | null)?.retry === false;
    if (final || attempts >= d.retry.attempts) {
      m.error = reason;
      setMessageStatus(s, m, 'failed');
      return;
    }
    const wait = d.retry.delayMs(attempts);
    entry.retryAt = new Date(s.now().getTime() + wait).toISOString();
    if (!s.disposed) scheduleAttempt(s, messageId, entry, wait);
  });
}

/**
 * Picks up deliveries after a restart: every message still `sending` is attempted again — at its
 * `retryAt` if a retry was pending, else at once (the previous process may have died mid-SMTP;
 * the message keeps its Message-ID). Without a transport nothing is touched.
 */
export function resumeDeliveries(s: Store): void {
  if (!deliveries.has(s)) return;
  const now = s.now().getTime();
  for (const [messageId, entry] of s.outbox) {
    if (entry.timer !== undefined) continue;
    const m = s.messages.get(messageId);
    if (m?.status !== 'sending' || m.channel !== 'email') continue;
    const due = entry.retryAt ? Date.parse(entry.retryAt) - now : 0;
    scheduleAttempt(s, messageId, entry, Number.isFinite(due) ? due : 0);
  }
}

/**
 * Waits until the transport calls in flight settle (their outcome recorded), at most `timeoutMs`;
 * afterwards outcomes are no longer recorded, so the caller may close the persistence. Call it
 * after `dispose` (which stops new attempts). Resolves `true` when nothing was left in flight.
 */
export async function drainDeliveries(s: Store, timeoutMs: number): Promise<boolean> {
  const d = deliveries.get(s);
  if (!d) return true;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  const settled = (async () => {
    while (d.inFlight.size > 0) await Promise.allSettled([...d.inFlight]);
    // Outcomes are recorded right after the call settles, in the same turn of the loop.
    await new Promise((resolve) => setTimeout(resolve, 0));
    return true as const;
  })();
  try {
    return await Promise.race([settled, timeout]);
  } finally {
    clearTimeout(timer);
    d.closed = true;
  }
}
