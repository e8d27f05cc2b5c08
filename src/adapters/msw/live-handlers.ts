/**
 * The WebSocket half of the contract (`ws.link`): sockets authenticated by their `token`
 * parameter (`CLOSE_UNAUTHORIZED` otherwise, before any frame), fed by one `Feed` for all agents
 * and one per visitor device. Opening a socket subscribes the memory backend, so presence follows
 * sockets exactly as on the server.
 */
import { ws, type WebSocketHandler, type WebSocketLink } from 'msw';
import type { AgentEvent, Unsubscribe, VisitorEvent } from '../adapter.js';
import {
  AGENT_SOCKET_PATH,
  API_PREFIX,
  CLOSE_SHUTDOWN,
  CLOSE_UNAUTHORIZED,
  VISITOR_SOCKET_PATH,
} from '../contract/index.js';
import type { MemoryBackend } from '../memory/index.js';
import { Feed, type FeedOptions } from './feed.js';
import { LiveConnection } from './live-connection.js';
import type { Sessions } from './sessions.js';

/** Close code of `disconnectAll`: "service restart", which clients answer by reconnecting. */
export const CLOSE_RESTART = 1012;

// A link per URL for the life of the page: msw keeps a client registry per link.
const links = new Map<string, WebSocketLink>();
function linkFor(url: string): WebSocketLink {
  let link = links.get(url);
  if (!link) links.set(url, (link = ws.link(url)));
  return link;
}

export interface DisconnectOptions {
  /** Default `CLOSE_RESTART`. */
  code?: number;
  /** Only agents' or only visitors' sockets; default both. */
  side?: 'agent' | 'visitor';
}

export interface LiveHandlers {
  handlers: WebSocketHandler[];
  /** Drops open sockets (of one side, or all) as a network failure would; clients reconnect. */
  disconnectAll(options?: DisconnectOptions): void;
  /** Closes every socket (`CLOSE_SHUTDOWN`) and ends the backend subscriptions. */
  dispose(): void;
}

export function createLiveHandlers(options: {
  backend: MemoryBackend;
  sessions: Sessions;
  base: string;
  feed?: FeedOptions;
}): LiveHandlers {
  const { backend, sessions, base } = options;
  type Closable = { close(code: number, reason: string): void };
  const connections = new Map<Closable, 'agent' | 'visitor'>();
  /** What to do when a socket ends: an agent socket releases its agent's presence. */
  const releases = new Map<object, Unsubscribe>();
  const forget = (connection: object): void => {
    connections.delete(connection as Closable);
    releases.get(connection)?.();
    releases.delete(connection);
  };
  let agentFeed: Feed<AgentEvent> | undefined;
  const visitorFeeds = new Map<string, Feed<VisitorEvent>>();

  const agents = linkFor(base + API_PREFIX + AGENT_SOCKET_PATH).addEventListener(
    'connection',
    ({ client }) => {
      const session = sessions.agentOf(client.url.searchParams.get('token'));
      if (!session) return client.close(CLOSE_UNAUTHORIZED, 'unauthorized');
      // Every agent hears every agent event: one stream, one seq, one observing subscription;
      // each socket also holds a subscription of its agent, which makes that agent online.
      agentFeed ??= new Feed((fn) => backend.observeAgents(fn), options.feed);
      const presence = backend.agent(session.agentId).subscribe(() => undefined);
      const connection = new LiveConnection(client, agentFeed, forget);
      releases.set(connection, presence);
      connections.set(connection, 'agent');
    },
  );

  const visitors = linkFor(base + API_PREFIX + VISITOR_SOCKET_PATH).addEventListener(
    'connection',
    ({ client }) => {
      const deviceId = sessions.deviceOf(client.url.searchParams.get('token'));
      if (!deviceId) return client.close(CLOSE_UNAUTHORIZED, 'unauthorized');
      let feed = visitorFeeds.get(deviceId);
      if (!feed) {
        feed = new Feed((fn) => backend.visitor(deviceId).subscribe(fn), options.feed);
        visitorFeeds.set(deviceId, feed);
      }
      connections.set(new LiveConnection(client, feed, forget), 'visitor');
    },
  );

  return {
    handlers: [agents, visitors],
    disconnectAll({ code = CLOSE_RESTART, side } = {}) {
      for (const [connection, of] of [...connections]) {
        if (!side || side === of) connection.close(code, 'connection dropped');
      }
    },
    dispose() {
      for (const connection of [...connections.keys()])
        connection.close(CLOSE_SHUTDOWN, 'shutdown');
      agentFeed?.stop();
      for (const feed of visitorFeeds.values()) feed.stop();
    },
  };
}
