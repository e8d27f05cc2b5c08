/**
 * Starting the chat session from the loader: the session core and (without an `adapter`) the HTTP
 * visitor adapter are dynamic imports, so none of their code is in the loader's chunk.
 */
import type { VisitorAdapter } from '../../../adapters/adapter.js';
import type { Visitor, VisitorIdentity } from '../../../model/people.js';
import type { VisitorMessage } from '../../../model/visitor-chat.js';
import { sessionKey } from './keys.js';

/** The part of `ChatSession` (`../session/chat-session.ts`) the loader drives. */
export interface LoaderSession {
  readonly state: { unread: number };
  subscribe(listener: (state: { unread: number }) => void): () => void;
  onMessage(listener: (message: VisitorMessage) => void): () => void;
  start(): Promise<void>;
  open(): void;
  close(): void;
  dispose(): void;
  identify(identity: VisitorIdentity): Promise<Visitor>;
}

export interface StartedSession {
  session: LoaderSession;
  /** Releases the session and, when the loader created it, the HTTP adapter (its socket). */
  dispose(): void;
}

/** `localStorage` when the page may touch it (it throws in some sandboxes), else `null`. */
export function pageStorage(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

/** Fetches the session module without starting anything (launcher hover/focus). */
export function preloadSession(): Promise<unknown> {
  return import('../session/chat-session.js');
}

/** Creates the session for `campaign` on `serverUrl`, over `adapter` when one is given. */
export async function createSession(options: {
  adapter: VisitorAdapter | null;
  serverUrl: string;
  campaign: string;
}): Promise<StartedSession> {
  const { ChatSession } = await import('../session/chat-session.js');
  let adapter = options.adapter;
  let close: (() => void) | undefined;
  if (!adapter) {
    const { createHttpVisitorAdapter } = await import('../../../adapters/http/visitor.js');
    const http = createHttpVisitorAdapter({
      baseUrl: options.serverUrl,
      campaignId: options.campaign,
    });
    adapter = http;
    close = () => http.close();
  }
  const session = new ChatSession(adapter, {
    key: sessionKey(options.serverUrl, options.campaign),
    storage: pageStorage(),
  });
  return {
    session,
    dispose() {
      session.dispose();
      close?.();
    },
  };
}
