import type { Attachment } from '../../../model/attachment.js';
import { DEFAULT_ATTACHMENT_LIMITS } from '../../../model/attachment.js';
import type {
  ChatMessage,
  ChatSessionLike,
  ChatStateLike,
  ChatUploadOptions,
} from './session-like.js';

/** One call the window made, for tests: `['send', text, ids]`, `['typing', true]`… */
export type ScriptedCall = [string, ...unknown[]];

export interface ScriptedSessionOptions {
  /** What `upload()` answers; by default an attachment named after the file. */
  upload?: (file: Blob & { name: string }, options: ChatUploadOptions) => Promise<Attachment>;
  /** What `identify()` does; by default it stores the identity on the visitor. */
  identify?: (identity: { name?: string; email: string }) => Promise<void>;
  /** `send()` leaves new messages `sending` instead of marking them `sent` at once. */
  holdSends?: boolean;
}

/** A ready state with a campaign, no messages, agents online. */
export function scriptedState(state: Partial<ChatStateLike> = {}): ChatStateLike {
  return {
    status: 'ready',
    visitor: { id: 'v-1', online: true, lastSeenAt: new Date().toISOString() },
    conversation: null,
    messages: [],
    hasMore: false,
    agentsOnline: true,
    agentTyping: null,
    campaign: {
      name: 'Tienda Atento',
      greeting: '¡Hola! ¿En qué podemos ayudarle?',
      attachments: DEFAULT_ATTACHMENT_LIMITS,
      requireEmailWhenOffline: true,
      replyTime: 'en unos minutos',
    },
    unread: 0,
    persistent: true,
    needsEmail: false,
    error: null,
    ...state,
  };
}

/**
 * A chat session without a server, for stories, demos and the window's tests: it holds a state,
 * records every call, and answers sends, retries and identities locally. `set()` changes the
 * state as a live event would.
 */
export class ScriptedSession implements ChatSessionLike {
  state: ChatStateLike;
  readonly calls: ScriptedCall[] = [];
  /** Older pages `loadOlder()` prepends, newest page last. */
  older: ChatMessage[][] = [];
  private readonly listeners = new Set<(state: ChatStateLike) => void>();
  private readonly options: ScriptedSessionOptions;
  private counter = 0;

  constructor(state: Partial<ChatStateLike> = {}, options: ScriptedSessionOptions = {}) {
    this.state = scriptedState(state);
    this.options = options;
  }

  readonly adapter = {
    upload: (file: Blob & { name: string }, options: ChatUploadOptions): Promise<Attachment> => {
      this.calls.push(['upload', file.name]);
      if (this.options.upload) return this.options.upload(file, options);
      options.onProgress?.(file.size, file.size);
      return Promise.resolve({
        id: `att-${++this.counter}`,
        name: file.name,
        size: file.size,
        type: file.type,
        kind: 'document',
        url: `https://example.com/files/${encodeURIComponent(file.name)}`,
        inline: false,
      });
    },
  };

  /** Replaces parts of the state and notifies the listeners. */
  set(change: Partial<ChatStateLike>) {
    this.state = { ...this.state, ...change };
    for (const listener of this.listeners) listener(this.state);
  }

  subscribe(listener: (state: ChatStateLike) => void) {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  }

  send(text: string, attachmentIds: string[] = []) {
    this.calls.push(['send', text, attachmentIds]);
    const clientId = `c-${++this.counter}`;
    const message: ChatMessage = {
      id: `local:${clientId}`,
      clientId,
      channel: 'chat',
      direction: 'inbound',
      authorName: this.state.visitor?.name ?? '',
      text,
      attachments: attachmentIds.map((id) => ({
        id,
        name: id,
        size: 1,
        type: 'application/octet-stream',
        kind: 'document',
        url: `https://example.com/files/${id}`,
        inline: false,
      })),
      status: 'sending',
      registeredAt: new Date().toISOString(),
      delivery: this.options.holdSends || this.state.status === 'offline' ? 'sending' : 'sent',
      local: true,
    };
    this.set({ messages: [...this.state.messages, message] });
    return clientId;
  }

  retry(clientId: string) {
    this.calls.push(['retry', clientId]);
    this.set({
      messages: this.state.messages.map((m) =>
        m.clientId === clientId ? { ...m, delivery: 'sending', error: undefined } : m,
      ),
    });
    return true;
  }

  discard(clientId: string) {
    this.calls.push(['discard', clientId]);
    this.set({ messages: this.state.messages.filter((m) => m.clientId !== clientId) });
    return true;
  }

  async identify(identity: { name?: string; email: string }) {
    this.calls.push(['identify', identity]);
    if (this.options.identify) await this.options.identify(identity);
    const visitor = { ...this.state.visitor!, ...identity };
    this.set({ visitor, needsEmail: false });
    return visitor;
  }

  typing(on: boolean) {
    this.calls.push(['typing', on]);
  }

  loadOlder() {
    this.calls.push(['loadOlder']);
    const page = this.older.pop() ?? [];
    this.set({ messages: [...page, ...this.state.messages], hasMore: this.older.length > 0 });
    return Promise.resolve(page.length);
  }

  start() {
    this.calls.push(['start']);
  }

  open() {
    this.calls.push(['open']);
  }

  close() {
    this.calls.push(['close']);
  }
}

/** `count` alternating agent and visitor messages ending `minutesAgo` minutes ago, one per minute. */
export function scriptedHistory(count: number, minutesAgo = 0, startAt = 0): ChatMessage[] {
  const end = Date.now() - minutesAgo * 60_000;
  return Array.from({ length: count }, (_, index) => {
    const n = startAt + index;
    const inbound = n % 2 === 0;
    const at = new Date(end - (count - 1 - index) * 60_000 * 20).toISOString();
    return {
      id: `m-${n}`,
      clientId: inbound ? `c-m-${n}` : undefined,
      channel: 'chat',
      direction: inbound ? 'inbound' : 'outbound',
      authorName: inbound ? '' : 'Lucía Ramos',
      text: inbound
        ? `Mensaje ${n + 1} del visitante`
        : `Respuesta ${n + 1}: vea https://ayuda.example.com/pedidos/${n + 1}`,
      attachments: [],
      status: 'sent',
      registeredAt: at,
      delivery: inbound ? 'read' : 'sent',
    } satisfies ChatMessage;
  });
}
