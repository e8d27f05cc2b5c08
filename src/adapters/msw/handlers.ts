/**
 * msw handlers serving the whole contract (HTTP routes and live sockets) from a memory backend,
 * authenticated and validated as the reference server does, so a client that works against them
 * works against the server — the conformance suite runs over both to keep it so.
 */
import type { RequestHandler, WebSocketHandler } from 'msw';
import type { MemoryBackend } from '../memory/index.js';
import { AGENTS } from '../memory/seed/people.js';
import type { FeedOptions } from './feed.js';
import { createHttpHandlers, type AgentCredential } from './http-handlers.js';
import { createLiveHandlers, type DisconnectOptions } from './live-handlers.js';
import { Sessions } from './sessions.js';

/** The password of every seed agent (`lucia.ramos@tiendaandina.pe` / `demo`). */
export const DEMO_PASSWORD = 'demo';

export interface MswHandlersOptions {
  /**
   * Where the API lives: an origin, optionally with a path (`http://localhost:6006/mock`). Default:
   * the page's own origin (handlers match paths only). Two handler sets active at once need two.
   */
  baseUrl?: string;
  /** Who may sign in; default the seed agents with `DEMO_PASSWORD`. */
  agents?: readonly AgentCredential[];
  /** Live event feeds: events kept for `resume`, subscription linger after the last socket. */
  live?: FeedOptions;
}

export interface MswHandlers {
  /** HTTP and WebSocket handlers for `setupWorker(...handlers)` / `worker.use(...handlers)`. */
  handlers: Array<RequestHandler | WebSocketHandler>;
  /**
   * A token for a device id, as `sessionRoutes.device` would give — for tests and stories that
   * need a known visitor (a seeded device) without registering a new one.
   */
  deviceToken(deviceId: string): string;
  /** Revokes a token: later requests with it answer 401 (tests of expired sessions). */
  revoke(token: string): void;
  /** Drops open sockets (of one side, or all) as a network failure would; clients reconnect. */
  disconnectAll(options?: DisconnectOptions): void;
  /** Closes every socket and ends the backend subscriptions; call before disposing the backend. */
  dispose(): void;
}

export function createMswHandlers(
  backend: MemoryBackend,
  options: MswHandlersOptions = {},
): MswHandlers {
  const sessions = new Sessions();
  const base = (options.baseUrl ?? '').replace(/\/+$/, '');
  const credentials =
    options.agents ?? AGENTS.map((a) => ({ id: a.id, email: a.email, password: DEMO_PASSWORD }));
  const live = createLiveHandlers({ backend, sessions, base, feed: options.live });
  return {
    handlers: [...createHttpHandlers({ backend, sessions, credentials, base }), ...live.handlers],
    deviceToken: (deviceId) => sessions.deviceToken(deviceId),
    revoke: (token) => sessions.revoke(token),
    disconnectAll: (options) => live.disconnectAll(options),
    dispose: () => live.dispose(),
  };
}
