/**
 * THE contract between atento's elements and a backend (F-6.1).
 *
 * Elements talk only to these interfaces, received through `@lit/context` (see `src/context/`).
 * Three implementations honour it: the memory adapter (`adapters/memory/`), the HTTP adapter for
 * the reference server and the msw handlers; `test/conformance/` is its executable definition.
 *
 * Rules every implementation follows:
 * - Every failure is an `AdapterError` with a `code`; nothing is swallowed.
 * - Every method takes an optional `{ signal }`; an aborted call rejects with the signal's reason
 *   (a `DOMException` named `AbortError`) and changes nothing it had not already committed.
 * - Returned objects are copies: mutating them never changes the store.
 * - Live events reach every subscriber of the side they concern, including the one that caused
 *   them, after the call that caused them has resolved its state change.
 */
import type {
  Agent,
  Attachment,
  BlockListEntry,
  CampaignSettings,
  Channel,
  Contact,
  ContactInput,
  ConversationDetail,
  ConversationStatus,
  ConversationSummary,
  Draft,
  DraftInput,
  DraftKey,
  EmailAddress,
  Id,
  IsoDate,
  Message,
  OutgoingMessage,
  Page,
  QuickReply,
  QuickReplyInput,
  Visitor,
  VisitorIdentity,
  VisitorMessage,
  VisitorSession,
  VisitorConversation,
} from '../model/index.js';

/**
 * Error codes.
 * - `not-found`: the id or address does not exist (or is not visible to this caller).
 * - `forbidden`: the caller's role or identity does not allow it (an agent unblocking a sender).
 * - `invalid`: the input breaks a rule; `field` names the offending field when there is one.
 * - `conflict`: the state changed underneath (stale draft revision, address owned by another
 *   contact, duplicate entry).
 * - `too-large`: a file or body exceeds a limit; `limit` holds the maximum in bytes.
 * - `unsupported-type`: a file's type is not accepted.
 * - `offline`: the backend could not be reached; nothing was changed, retrying is safe.
 * - `committed`: too late to cancel; the message has left the undo window.
 * - `unavailable`: the backend is reachable but cannot serve now (restart, overload); retry later.
 */
export type AdapterErrorCode =
  | 'not-found'
  | 'forbidden'
  | 'invalid'
  | 'conflict'
  | 'too-large'
  | 'unsupported-type'
  | 'offline'
  | 'committed'
  | 'unavailable';

export const ADAPTER_ERROR_CODES: readonly AdapterErrorCode[] = [
  'not-found',
  'forbidden',
  'invalid',
  'conflict',
  'too-large',
  'unsupported-type',
  'offline',
  'committed',
  'unavailable',
];

export interface AdapterErrorDetails {
  /** The input field at fault, for `invalid` (e.g. `to`, `email`, `reason`). */
  field?: string;
  /** The maximum allowed, in bytes, for `too-large`. */
  limit?: number;
  /** Whether repeating the same call may succeed (`offline`, `unavailable`). */
  retryable?: boolean;
}

/** The one error type adapters throw. `message` is a human sentence in English for logs. */
export class AdapterError extends Error {
  override readonly name = 'AdapterError';
  readonly code: AdapterErrorCode;
  readonly field?: string;
  readonly limit?: number;
  readonly retryable: boolean;

  constructor(code: AdapterErrorCode, message: string, details: AdapterErrorDetails = {}) {
    super(message);
    this.code = code;
    this.field = details.field;
    this.limit = details.limit;
    this.retryable = details.retryable ?? (code === 'offline' || code === 'unavailable');
  }

  static is(error: unknown, code?: AdapterErrorCode): error is AdapterError {
    return error instanceof AdapterError && (code === undefined || error.code === code);
  }

  /** A plain object for the wire (HTTP bodies, WebSocket frames). */
  toJSON(): { code: AdapterErrorCode; message: string } & AdapterErrorDetails {
    return { code: this.code, message: this.message, field: this.field, limit: this.limit };
  }
}

/** Options every call accepts. */
export interface CallOptions {
  signal?: AbortSignal;
}

/** Filters of the unified inbox (F-4.1). All filters combine with AND. */
export interface ConversationQuery {
  status?: ConversationStatus;
  unread?: boolean;
  channel?: Channel;
  /** Only conversations where the current agent has written. */
  mine?: boolean;
  /** Case-insensitive match on subject, contact name, contact address or case number. */
  search?: string;
  /** Opaque cursor from a previous page's `nextCursor`. */
  cursor?: string;
  /** Page size, 1–200; default 50. */
  limit?: number;
}

/** A page of messages of one interaction, oldest first; `hasMore` tells whether older ones exist. */
export interface MessagePage {
  items: Message[];
  hasMore: boolean;
}

export interface MessageQuery {
  /** Return messages registered before this message id (exclusive); omit for the newest. */
  before?: Id;
  /** Page size, 1–200; default 50. */
  limit?: number;
}

/** The answer to `send`: the stored message and until when it can be cancelled. */
export interface SendReceipt {
  message: Message;
  /** End of the undo window, or `null` when the campaign has none and the message is committed. */
  cancellableUntil: IsoDate | null;
}

/** A recipient suggestion for the To/CC/BCC comboboxes (F-2.2). */
export interface RecipientSuggestion extends EmailAddress {
  contactId?: Id;
}

export interface UploadOptions extends CallOptions {
  /** `inline` images follow the inline-image rule (5 MB, images only); others the attachment rule. */
  purpose: 'attachment' | 'inline';
  /** The campaign whose limits apply is the conversation's. */
  conversationId?: Id;
  /** Called with bytes sent so far and the total, at least once at the end. */
  onProgress?: (loaded: number, total: number) => void;
}

/** A file to upload: a `File`, or any `Blob` with a name. */
export type UploadFile = Blob & { name: string };

export type Unsubscribe = () => void;

/** Who is typing in a conversation (F-4.7, F-5.4). */
export interface TypingState {
  conversationId: Id;
  who: 'visitor' | 'agent';
  /** The agent's id when `who` is `agent`. */
  agentId?: Id;
  name: string;
  typing: boolean;
}

/** What an agent is doing on a case, for the collision hint. */
export type CaseActivity = 'viewing' | 'replying';

/** Another agent (or this one) on a case right now. */
export interface CaseViewer {
  agentId: Id;
  name: string;
  activity: CaseActivity;
}

/**
 * Remote adapters only: the live connection was lost (`live: false`; events may arrive late, the
 * adapter keeps reconnecting) or is back after a loss (`live: true`; what was missed follows, or a
 * `resync`). Emitted on changes only, never before the first loss.
 */
export interface ConnectionEvent {
  type: 'connection';
  live: boolean;
}

/** Live events delivered to agents (F-4.7). */
export type AgentEvent =
  | { type: 'message.created'; message: Message; conversation: ConversationSummary }
  | { type: 'message.updated'; message: Message }
  | { type: 'conversation.updated'; conversation: ConversationSummary }
  | { type: 'presence'; conversationId: Id; visitorId: Id; online: boolean }
  | ({ type: 'typing' } & TypingState)
  | { type: 'draft.saved'; draft: Draft }
  /** Who is on a case changed (collision hint): every agent viewing or replying, this one included. */
  | { type: 'viewers'; conversationId: Id; viewers: CaseViewer[] }
  /** Events were missed (a long disconnection): reload what is shown. Remote adapters only. */
  | { type: 'resync' }
  | ConnectionEvent;

/** Live events delivered to one visitor, about their own conversation only. */
export type VisitorEvent =
  | { type: 'message.created'; message: VisitorMessage }
  | { type: 'message.updated'; message: VisitorMessage }
  | { type: 'conversation.updated'; conversation: VisitorConversation }
  | { type: 'presence'; agentsOnline: boolean }
  | ({ type: 'typing' } & TypingState)
  /** Events were missed (a long disconnection): call `resume()` again. Remote adapters only. */
  | { type: 'resync' }
  | ConnectionEvent;

export type AgentEventType = AgentEvent['type'];
export type VisitorEventType = VisitorEvent['type'];

/**
 * The agent side: inbox, thread, composer, quick replies (F-1 … F-4).
 * Errors listed per method are the ones the method itself raises; any method may also fail with
 * `offline` or `unavailable`.
 */
export interface AgentAdapter {
  /** The signed-in agent. */
  me(options?: CallOptions): Promise<Agent>;

  /** Inbox page, newest activity first (F-4.1). Errors: `invalid` (bad cursor or limit). */
  listConversations(
    query?: ConversationQuery,
    options?: CallOptions,
  ): Promise<Page<ConversationSummary>>;

  /** Header, contact, interactions and visitor of a case (F-1.1, F-1.3). Errors: `not-found`. */
  getConversation(id: Id, options?: CallOptions): Promise<ConversationDetail>;

  /**
   * Messages of one interaction, oldest first, paging backwards from the newest (F-1.2, F-1.4).
   * Errors: `not-found` (interaction, or `before` not in it), `invalid` (limit).
   */
  listMessages(
    interactionId: Id,
    query?: MessageQuery,
    options?: CallOptions,
  ): Promise<MessagePage>;

  /** Marks a case read for every agent (F-4.2); idempotent. Errors: `not-found`. */
  markRead(conversationId: Id, options?: CallOptions): Promise<ConversationSummary>;

  /** Completes or reopens a case for every agent (F-4.3); idempotent. Errors: `not-found`. */
  setStatus(
    conversationId: Id,
    status: ConversationStatus,
    options?: CallOptions,
  ): Promise<ConversationSummary>;

  /** The draft under a key, or `null`. Errors: `not-found` (conversation), `invalid` (mode). */
  getDraft(key: DraftKey, options?: CallOptions): Promise<Draft | null>;

  /**
   * Saves a draft (F-2.8) and emits `draft.saved`.
   * Drafts may hold unfinished input (an invalid address, an empty body): nothing is validated
   * beyond the shape.
   * Errors: `not-found` (conversation), `conflict` (`baseRevision` is stale, or missing while a
   * draft exists), `invalid` (unknown mode or channel).
   */
  saveDraft(draft: DraftInput, options?: CallOptions): Promise<Draft>;

  /** Discards a draft ("Delete message"); idempotent. Errors: `not-found` (conversation). */
  deleteDraft(key: DraftKey, options?: CallOptions): Promise<void>;

  /**
   * Sends a message (F-2.9, F-4.4). Deletes the draft of its key (conversation, mode, answered message). An email, when the
   * campaign has an undo window, is `scheduled` until `cancellableUntil`, then committed exactly
   * once; without a window, and always for chat, it is committed at once. Emits `message.created`, then `message.updated` on each status change.
   * Errors: `not-found` (conversation, answered message, attachment id), `invalid` (no recipient,
   * an invalid address — `field` is `to`/`cc`/`bcc` —, empty body, email to a chat case whose
   * visitor has no address, email fallback disabled), `conflict` (a recipient is on the block list).
   */
  send(message: OutgoingMessage, options?: CallOptions): Promise<SendReceipt>;

  /**
   * Cancels a scheduled message inside its undo window; the message becomes `cancelled` and its
   * content is restored as the draft of its key, which is returned (F-2.9).
   * Errors: `not-found`, `committed` (the window is over or the message was never cancellable).
   */
  cancelSend(messageId: Id, options?: CallOptions): Promise<Draft>;

  /** Contacts and known addresses matching a prefix of a name or address (F-2.2). */
  searchRecipients(query: string, options?: CallOptions): Promise<RecipientSuggestion[]>;

  /** Contacts owning an address (F-1.8). Errors: `invalid` (malformed address). */
  findContacts(address: string, options?: CallOptions): Promise<Contact[]>;

  /** Creates a contact. Errors: `invalid` (empty name, bad address), `conflict` (address owned). */
  createContact(input: ContactInput, options?: CallOptions): Promise<Contact>;

  /**
   * Adds an address to an existing contact (F-1.8); idempotent for the same contact.
   * Errors: `not-found` (contact), `invalid` (address), `conflict` (address owned by another).
   */
  linkContact(contactId: Id, address: string, options?: CallOptions): Promise<Contact>;

  /** The block list, newest first. */
  listBlocked(options?: CallOptions): Promise<BlockListEntry[]>;

  /**
   * Blocks a sender (`a@b.com`) or a domain (`@b.com`) (F-1.9); any agent may.
   * Errors: `invalid` (empty reason — `field: 'reason'` —, malformed address), `conflict`
   * (already blocked).
   */
  blockSender(address: string, reason: string, options?: CallOptions): Promise<BlockListEntry>;

  /** Removes a block-list entry. Errors: `forbidden` (role `agent`), `not-found`. */
  unblockSender(address: string, options?: CallOptions): Promise<void>;

  /**
   * Saved responses, by category then title (F-3.1). With `campaignId`, only that campaign's
   * replies and the shared ones (no `campaignId`); without it, every reply.
   */
  listQuickReplies(options?: CallOptions & { campaignId?: Id }): Promise<QuickReply[]>;

  /**
   * Creates or updates a saved response.
   * Errors: `forbidden` (role `agent`), `invalid` (empty title/body), `not-found` (unknown id),
   * `conflict` (shortcut used by another reply).
   */
  saveQuickReply(reply: QuickReplyInput, options?: CallOptions): Promise<QuickReply>;

  /** Deletes a saved response. Errors: `forbidden` (role `agent`), `not-found`. */
  deleteQuickReply(id: Id, options?: CallOptions): Promise<void>;

  /**
   * Uploads a file for a message (F-2.4, F-2.5, F-6.6) under the campaign's limits.
   * Errors: `too-large` (`limit` set), `unsupported-type`, `invalid` (empty file).
   */
  upload(file: UploadFile, options: UploadOptions): Promise<Attachment>;

  /** The campaign settings that apply to a case (F-2.7). Errors: `not-found`. */
  campaign(conversationId: Id, options?: CallOptions): Promise<CampaignSettings>;

  /** Tells the visitor the agent is (not) typing (F-5.4). Errors: `not-found`. */
  setTyping(conversationId: Id, typing: boolean, options?: CallOptions): Promise<void>;

  /**
   * Tells the other agents that this agent is viewing or replying to a case, or has left it
   * (`null`) — the collision hint. An agent is on one case at a time: announcing a case leaves the
   * previous one. The announcement ends when the agent's last live subscription ends. Emits
   * `viewers` for every case whose list changed; resolves with the list of the announced case
   * (this agent included; empty after `null`). Errors: `not-found`.
   */
  announce(
    conversationId: Id,
    activity: CaseActivity | null,
    options?: CallOptions,
  ): Promise<CaseViewer[]>;

  /** Live events for every case (F-4.7). While subscribed, the agent counts as online. */
  subscribe(listener: (event: AgentEvent) => void): Unsubscribe;
}

/**
 * The visitor side, bound to one device (F-5). A visitor only ever reaches their own conversation.
 * Any method may also fail with `offline` or `unavailable`.
 */
export interface VisitorAdapter {
  /** Who this device is, its latest history and the campaign's rules (F-5.2). */
  resume(options?: CallOptions): Promise<VisitorSession>;

  /** Older messages, oldest first. Errors: `not-found` (`before` not in the conversation). */
  history(
    query?: MessageQuery,
    options?: CallOptions,
  ): Promise<{ items: VisitorMessage[]; hasMore: boolean }>;

  /**
   * Sends a chat message, idempotent by `clientId` (F-5.6): repeating a call returns the first
   * message and creates nothing. The first message creates the conversation; a message to a
   * completed conversation reopens it (F-5.5).
   * Errors: `invalid` (empty text without attachments, missing `clientId`; `field: 'email'` when
   * the campaign requires an email while no agent is online and the visitor gave none, F-5.3),
   * `not-found` (attachment id).
   */
  send(
    message: { clientId: string; text: string; attachmentIds?: Id[] },
    options?: CallOptions,
  ): Promise<VisitorMessage>;

  /**
   * Identifies the visitor (F-5.3), linking them to the contact owning the address or creating
   * one. Errors: `invalid` (`field: 'email'` malformed, `field: 'identityHash'` not verified).
   */
  identify(identity: VisitorIdentity, options?: CallOptions): Promise<Visitor>;

  /** Tells agents the visitor is (not) typing. No-op before the conversation exists. */
  typing(on: boolean, options?: CallOptions): Promise<void>;

  /** Uploads a file under the campaign's attachment limits. Errors as `AgentAdapter.upload`. */
  upload(file: UploadFile, options: Omit<UploadOptions, 'conversationId'>): Promise<Attachment>;

  /** Live events of the visitor's own conversation. While subscribed, the visitor is online. */
  subscribe(listener: (event: VisitorEvent) => void): Unsubscribe;
}
