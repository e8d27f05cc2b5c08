import { AdapterError, type SendReceipt } from '../../adapter.js';
import type {
  Agent,
  Attachment,
  CampaignSettings,
  Conversation,
  Draft,
  EmailAddress,
  Id,
  Message,
  OutgoingMessage,
} from '../../../model/index.js';
import { copy } from '../copy.js';
import { domainOf, newMessageId, referencesOf } from '../ids.js';
import type { OutboxEntry, Store } from '../store.js';
import { htmlToText } from '../text.js';
import { isBlocked } from './block-list.js';
import { deliversThroughTransport, resumeDeliveries, scheduleAttempt } from './delivery.js';
import { restoreDraft } from './drafts.js';
import {
  appendMessage,
  conversationChanged,
  newInteraction,
  openInteractionOf,
  setMessageStatus,
} from './messages.js';
import { appendTranscript } from './transcript.js';
import { resolveAttachments } from './uploads.js';
import { checkChannel, checkMode, validAddress } from './validation.js';

const AGENTS = { kind: 'agents' } as const;

function recipients(list: unknown, field: 'to' | 'cc' | 'bcc'): EmailAddress[] {
  if (list === undefined) return [];
  if (!Array.isArray(list))
    throw new AdapterError('invalid', `${field} must be a list.`, { field });
  return list.map((r: EmailAddress) => {
    const address = validAddress(r?.address, field);
    return r.name ? { name: r.name, address } : { address };
  });
}

/** A chat case started on the website; answering it by email is the fallback of F-4.4. */
function isChatCase(c: Conversation): boolean {
  return c.channels[0] === 'chat';
}

/** The subject when the agent left it empty: `Re:`/`Fwd:` of the answered one, or the case's. */
function defaultSubject(
  mode: OutgoingMessage['mode'],
  base: Message | undefined,
  c: Conversation,
): string {
  if (!base || mode === 'new') return c.subject;
  if (mode === 'forward') return `Fwd: ${base.subject}`;
  return /^\s*re\s*:/i.test(base.subject) ? base.subject : `Re: ${base.subject}`;
}

interface Validated {
  to: EmailAddress[];
  cc: EmailAddress[];
  bcc: EmailAddress[];
  html: string | undefined;
  text: string;
  attachments: Attachment[];
}

/** Checks an outgoing message against the contract's rules, in the order the errors are listed. */
function validate(
  s: Store,
  c: Conversation,
  input: OutgoingMessage,
  settings: CampaignSettings,
): Validated {
  const email = input.channel === 'email';
  const out: Validated = { to: [], cc: [], bcc: [], html: undefined, text: '', attachments: [] };
  if (email) {
    if (isChatCase(c) && !settings.chatFallbackToEmail) {
      throw new AdapterError('invalid', 'This campaign does not answer chats by email.', {
        field: 'channel',
      });
    }
    if (isChatCase(c) && (s.contacts.get(c.contactId)?.emails.length ?? 0) === 0) {
      throw new AdapterError('invalid', 'The visitor left no email address.', { field: 'channel' });
    }
    out.to = recipients(input.to, 'to');
    out.cc = recipients(input.cc, 'cc');
    out.bcc = recipients(input.bcc, 'bcc');
    if (out.to.length === 0)
      throw new AdapterError('invalid', 'An email needs a recipient.', { field: 'to' });
  } else if (!c.visitorId) {
    throw new AdapterError('invalid', 'This conversation has no chat visitor.', {
      field: 'channel',
    });
  }
  out.html = typeof input.html === 'string' && input.html.trim() !== '' ? input.html : undefined;
  out.text =
    typeof input.text === 'string' && input.text.trim() !== ''
      ? input.text
      : htmlToText(out.html ?? '');
  if (out.text.trim() === '' && (input.attachmentIds ?? []).length === 0) {
    throw new AdapterError('invalid', 'The message is empty.', { field: 'body' });
  }
  out.attachments = resolveAttachments(s, input.attachmentIds, AGENTS, c.id);
  for (const field of ['to', 'cc', 'bcc'] as const) {
    const blocked = out[field].find((r) => isBlocked(s, r.address));
    if (blocked)
      throw new AdapterError('conflict', `${blocked.address} is on the block list.`, { field });
  }
  return out;
}

/**
 * Sends an agent's message (F-2.9, F-4.4): validates it, files it (reply modes in the answered
 * email's interaction, `new` in a new email interaction, chat in the open chat session), deletes
 * the draft, and either schedules it for the undo window (email) or commits it at once.
 */
export function send(s: Store, me: Agent, input: OutgoingMessage): SendReceipt {
  const c = s.conversation(input.conversationId);
  checkMode(input.mode);
  checkChannel(input.channel);
  const replayKey = input.clientId === undefined ? undefined : `agents\u0000${input.clientId}`;
  const replayed = replayKey === undefined ? undefined : s.clientIds.get(replayKey);
  if (replayed !== undefined) {
    return {
      message: s.message(replayed),
      cancellableUntil: s.outbox.get(replayed)?.cancellableUntil ?? null,
    };
  }
  const answered =
    input.inReplyToMessageId === undefined ? undefined : s.message(input.inReplyToMessageId);
  if (answered && answered.conversationId !== c.id) {
    throw new AdapterError(
      'not-found',
      `No message ${input.inReplyToMessageId} in this conversation.`,
    );
  }
  const settings = s.settings(s.campaignRecord(c.campaignId));
  const { to, cc, bcc, html, text, attachments } = validate(s, c, input, settings);
  const email = input.channel === 'email';

  // Where it goes: the email it answers (or the latest one) for reply modes.
  const base =
    !email || input.mode === 'new'
      ? undefined
      : answered?.channel === 'email'
        ? answered
        : s.lastMessageOf(c.id, 'email');
  const subject = email
    ? String(input.subject ?? '').trim() || defaultSubject(input.mode, base, c)
    : '';
  const existing = email
    ? base && s.interaction(base.interactionId)
    : openInteractionOf(s, c, 'chat');
  const interaction = existing ?? newInteraction(s, c, input.channel, subject);

  const now = s.now();
  const windowSeconds = email ? Math.max(0, settings.undoSendSeconds) : 0;
  const cancellableUntil =
    windowSeconds > 0 ? new Date(now.getTime() + windowSeconds * 1000).toISOString() : null;
  const m: Message = {
    id: s.newId('msg'),
    conversationId: c.id,
    interactionId: interaction.id,
    channel: input.channel,
    direction: 'outbound',
    from: { kind: 'agent', id: me.id, name: me.name },
    to,
    cc,
    bcc,
    subject,
    originDate: now.toISOString(),
    registeredAt: now.toISOString(),
    text,
    attachments,
    references: [],
    status: 'scheduled',
  };
  if (html !== undefined) m.html = html;
  if (input.clientId !== undefined) m.clientId = input.clientId;
  if (email) {
    m.from.address = settings.fromAddress.address;
    m.messageId = newMessageId(domainOf(settings.fromAddress.address), now);
    if (base?.messageId && input.mode !== 'forward') {
      m.inReplyTo = base.messageId;
      m.references = referencesOf(base.references, base.messageId);
    }
  }

  s.deleteDraft({
    conversationId: c.id,
    mode: input.mode,
    ...(input.inReplyToMessageId !== undefined && { inReplyToMessageId: input.inReplyToMessageId }),
  });
  if (replayKey !== undefined) s.clientIds.set(replayKey, m.id);
  const entry: OutboxEntry = {
    mode: input.mode,
    cancellableUntil,
    openedInteraction: !existing,
    answeredId: answered?.id,
  };
  s.outbox.set(m.id, entry);
  // Without an undo window the send is committed at once: same transcript, same delivery.
  if (!cancellableUntil) {
    appendTranscript(s, m);
    m.status = deliversThroughTransport(s, m) ? 'sending' : 'sent';
  }
  appendMessage(s, c, m);
  if (cancellableUntil) arm(s, m.id, entry, windowSeconds * 1000);
  else if (m.status === 'sending') scheduleAttempt(s, m.id, entry, 0);
  return { message: m, cancellableUntil };
}

/** The longest delay `setTimeout` honours (longer ones fire at once). */
const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * Commits a scheduled send after `ms`, as a unit of work of its own (written when it ends). A
 * delay past what `setTimeout` allows is waited out in steps.
 */
function arm(s: Store, messageId: Id, entry: OutboxEntry, ms: number): void {
  const step = Math.min(ms, MAX_TIMER_MS);
  entry.timer = setTimeout(() => {
    delete entry.timer;
    if (step < ms) arm(s, messageId, entry, ms - step);
    else s.background(() => commit(s, messageId));
  }, step);
}

/**
 * Picks up the sends still `scheduled` in records loaded back from storage (a restart): a window
 * that ended while the backend was down commits now, once; the others get their timer back.
 * Cancelled and sent messages are left alone, so no send commits twice; committed emails still
 * `sending` (a transport was delivering them) are delivered again (`resumeDeliveries`).
 */
export function resumeScheduled(s: Store): void {
  resumeDeliveries(s);
  const now = s.now().getTime();
  for (const [messageId, entry] of s.outbox) {
    if (!entry.cancellableUntil || entry.timer !== undefined) continue;
    if (s.messages.get(messageId)?.status !== 'scheduled') continue;
    const ms = Date.parse(entry.cancellableUntil) - now;
    if (ms > 0) arm(s, messageId, entry, ms);
    else commit(s, messageId);
  }
}

function stopTimer(entry: OutboxEntry | undefined): void {
  if (entry?.timer === undefined) return;
  clearTimeout(entry.timer);
  delete entry.timer;
}

/**
 * Ends the undo window, exactly once: `scheduled` → `sending` (the claim), with the chat
 * transcript appended (F-4.5). Without a transport the message is `sent` at once; with one
 * (`delivery.ts`) the claim is written when this unit of work ends and the delivery starts after.
 */
export function commit(s: Store, messageId: Id): void {
  const m = s.messages.get(messageId);
  const entry = s.outbox.get(messageId);
  stopTimer(entry);
  if (!m || !entry || m.status !== 'scheduled') return;
  appendTranscript(s, m);
  setMessageStatus(s, m, 'sending');
  if (deliversThroughTransport(s, m)) scheduleAttempt(s, messageId, entry, 0);
  else setMessageStatus(s, m, 'sent');
}

/** Cancels a scheduled send inside its window and restores its draft (F-2.9). */
export function cancelSend(s: Store, messageId: Id): Draft {
  const m = s.message(messageId);
  const entry = s.outbox.get(messageId);
  if (!entry || m.status !== 'scheduled' || !entry.cancellableUntil) {
    throw new AdapterError('committed', 'This message can no longer be cancelled.');
  }
  if (s.now().getTime() > Date.parse(entry.cancellableUntil)) {
    commit(s, messageId);
    throw new AdapterError('committed', 'The undo window is over; the message was sent.');
  }
  stopTimer(entry);
  const c = s.conversation(m.conversationId);
  setMessageStatus(s, m, 'cancelled');
  const interaction = s.interaction(m.interactionId);
  if (entry.openedInteraction && s.timeline(interaction.id).length === 0)
    s.removeInteraction(interaction);
  conversationChanged(s, c);
  const fields: Omit<Draft, 'revision' | 'updatedAt'> = {
    conversationId: m.conversationId,
    mode: entry.mode,
    channel: m.channel,
    to: m.to,
    cc: m.cc,
    bcc: m.bcc,
    subject: m.subject,
    html: m.html ?? '',
    text: m.text,
    attachments: m.attachments,
  };
  if (entry.answeredId !== undefined) fields.inReplyToMessageId = entry.answeredId;
  return restoreDraft(s, copy(fields));
}
