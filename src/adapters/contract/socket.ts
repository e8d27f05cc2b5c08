/**
 * The WebSocket half of the contract (F-4.7, F-5.4): live events with a sequence number, so a
 * client that reconnects asks for what it missed instead of reloading everything.
 *
 * Connect to `API_PREFIX + AGENT_SOCKET_PATH` (agents) or `VISITOR_SOCKET_PATH` (visitors) with
 * the session token in the `token` query parameter (browsers cannot set headers on a WebSocket).
 * A bad token closes the socket with code `CLOSE_UNAUTHORIZED` before any frame.
 *
 * Server → client: `ready` once (the current `seq`), then `event` frames in `seq` order; `reset`
 * when the missed events are no longer kept (the client reloads its views); `pong` answers `ping`.
 * Client → server: `resume { after }` right after connecting when it saw events before (events
 * with a greater `seq` are replayed, then live ones follow); `ping` as a heartbeat.
 *
 * Presence (F-4.7): an agent counts as online while one of their sockets is open, a visitor while
 * theirs is; a socket silent for `HEARTBEAT_TIMEOUT_MS` is closed.
 */
import type { AgentEvent, VisitorEvent } from '../adapter.js';

export const AGENT_SOCKET_PATH = '/live';
export const VISITOR_SOCKET_PATH = '/visitor/live';

/** Clients ping this often; servers drop sockets silent for twice as long. */
export const HEARTBEAT_MS = 25_000;
export const HEARTBEAT_TIMEOUT_MS = 2 * HEARTBEAT_MS;

/** WebSocket close codes (4000–4999 are the application's). */
export const CLOSE_UNAUTHORIZED = 4401;
export const CLOSE_SHUTDOWN = 1001;

export type ServerFrame<E> =
  | { type: 'ready'; seq: number }
  | { type: 'event'; seq: number; event: E }
  | { type: 'reset'; seq: number }
  | { type: 'pong' };

export type ClientFrame = { type: 'resume'; after: number } | { type: 'ping' };

export type AgentServerFrame = ServerFrame<AgentEvent>;
export type VisitorServerFrame = ServerFrame<VisitorEvent>;

/** Parses a client frame; `null` for anything else (ignored by servers). */
export function parseClientFrame(data: string): ClientFrame | null {
  try {
    const frame = JSON.parse(data) as Partial<ClientFrame>;
    if (frame.type === 'ping') return { type: 'ping' };
    if (frame.type === 'resume' && Number.isInteger(frame.after) && (frame.after as number) >= 0)
      return { type: 'resume', after: frame.after as number };
  } catch {
    // Not JSON.
  }
  return null;
}
