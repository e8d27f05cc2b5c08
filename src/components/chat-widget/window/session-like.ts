import type { Attachment } from '../../../model/attachment.js';
import type { Visitor } from '../../../model/people.js';
import type {
  VisitorCampaign,
  VisitorConversation,
  VisitorMessage,
} from '../../../model/visitor-chat.js';

/**
 * The part of a chat session (`chat-session.ts`) the window uses, written structurally so that the
 * window never imports the session's implementation and tests can hand it a plain object.
 */

/** Where one of the visitor's own messages is: queued or in flight, stored, seen, or refused. */
export type ChatDelivery = 'sending' | 'sent' | 'read' | 'failed';

/** Why an operation failed (`SendFailure` of the session). */
export interface ChatFailure {
  code: string;
  message: string;
}

/**
 * A message as the window renders it: `local` marks a message not yet confirmed by the server,
 * `error` says why a `failed` one was refused.
 */
export type ChatMessage = VisitorMessage & {
  delivery: ChatDelivery;
  local?: true;
  error?: ChatFailure;
};

/** `idle` before the first `open()`, `offline` while the server cannot be reached (queueing). */
export type ChatStatus = 'idle' | 'loading' | 'ready' | 'offline' | 'error';

/** The campaign as the window reads it; `replyTime` ("en unos minutos") is shown when present. */
export type ChatCampaign = VisitorCampaign & { replyTime?: string };

export interface ChatStateLike {
  status: ChatStatus;
  visitor?: Visitor | null;
  conversation: VisitorConversation | null;
  /** Oldest first. */
  messages: ChatMessage[];
  hasMore: boolean;
  agentsOnline: boolean;
  agentTyping: { name: string } | null;
  campaign?: ChatCampaign | null;
  unread: number;
  /** False when storage is unavailable: history lives only in memory (private mode). */
  persistent: boolean;
  /** No agent online, the campaign requires an email and the visitor has none (F-5.3). */
  needsEmail: boolean;
  /** Why the server cannot be used (shown with `status: 'error'`). */
  error?: string | null;
}

export interface ChatUploadOptions {
  purpose: 'attachment';
  /** Bytes sent so far and the total. */
  onProgress?: (loaded: number, total: number) => void;
  signal?: AbortSignal;
}

export interface ChatSessionLike {
  readonly state: ChatStateLike;
  subscribe(listener: (state: ChatStateLike) => void): () => void;
  send(text: string, attachmentIds?: string[]): unknown;
  retry(clientId: string): unknown;
  discard(clientId: string): unknown;
  identify(identity: { name?: string; email: string }): Promise<unknown>;
  typing(on: boolean): unknown;
  loadOlder(): Promise<unknown>;
  /** Starts (or restarts, after an `error`) loading the session; `open()` is used when absent. */
  start?(): unknown;
  open(): unknown;
  close(): unknown;
  readonly adapter: {
    upload(file: Blob & { name: string }, options: ChatUploadOptions): Promise<Attachment>;
  };
}
