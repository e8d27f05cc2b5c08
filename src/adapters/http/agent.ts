/**
 * The agent side over HTTP: every method of `AgentAdapter` is one row of `agentRoutes`, called
 * through the same function; uploads and live events have their own transports.
 */
import { AdapterError, type AgentAdapter, type AgentEvent, type CallOptions } from '../adapter.js';
import type { Agent } from '../../model/index.js';
import {
  AGENT_SOCKET_PATH,
  agentRoutes,
  sessionRoutes,
  type AgentCall,
  type RouteSpec,
} from '../contract/index.js';
import type { ReconnectOptions } from './backoff.js';
import { callRoute, request, socketUrl } from './call.js';
import { LiveSocket } from './live-socket.js';
import { upload, type UploadTransport } from './upload.js';

export interface HttpAdapterOptions {
  /** The server's origin (`https://desk.example.com`), optionally with a path; may be relative. */
  baseUrl: string;
  /** Overrides the global fetch (tests, auth wrappers). */
  fetch?: typeof fetch;
  /** Overrides the global WebSocket; Node 20 has none (pass the `ws` package's). */
  WebSocket?: typeof WebSocket;
  /** Overrides the global XMLHttpRequest used for uploads; `null` uploads with fetch. */
  XMLHttpRequest?: typeof XMLHttpRequest | null;
  /** Reconnection of the live socket. */
  reconnect?: ReconnectOptions;
}

export interface HttpAgentAdapterOptions extends HttpAdapterOptions {
  /** The session token from `loginAgent`. */
  token: string;
  /** The token was refused (expired, revoked): sign in again. Calls fail with `forbidden`. */
  onUnauthorized?: () => void;
}

/** An `AgentAdapter` that can be closed and waited on. */
export interface HttpAgentAdapter extends AgentAdapter {
  /**
   * Resolves once live events are flowing (the socket, when someone listens, is acknowledged) and
   * every event the server sent so far has been delivered.
   */
  settle(): Promise<void>;
  /** Closes the live socket for good; later calls and subscriptions fail with `unavailable`. */
  close(): void;
}

/** Signs an agent in: `{ token, agent }`. Wrong credentials fail with `forbidden`. */
export async function loginAgent(
  baseUrl: string,
  email: string,
  password: string,
  options: CallOptions & { fetch?: typeof fetch } = {},
): Promise<{ token: string; agent: Agent }> {
  const answer = (await request(
    { baseUrl, fetch: options.fetch, token: async () => undefined },
    {
      method: sessionRoutes.login.method,
      path: sessionRoutes.login.path,
      body: { email, password },
      signal: options.signal,
    },
  )) as { token?: unknown; agent?: Agent } | undefined;
  if (typeof answer?.token !== 'string' || !answer.agent) {
    throw new AdapterError('unavailable', 'The server answered a login without a token.');
  }
  return { token: answer.token, agent: answer.agent };
}

export function createHttpAgentAdapter(options: HttpAgentAdapterOptions): HttpAgentAdapter {
  let closed = false;
  const transport: UploadTransport = {
    baseUrl: options.baseUrl,
    fetch: options.fetch,
    XMLHttpRequest: options.XMLHttpRequest,
    async token() {
      if (closed) throw new AdapterError('unavailable', 'This adapter was closed.');
      return options.token;
    },
    unauthorized: () => options.onUnauthorized?.(),
  };
  const live = new LiveSocket<AgentEvent>({
    url: async () => socketUrl(options.baseUrl, AGENT_SOCKET_PATH, options.token),
    WebSocket: options.WebSocket,
    reconnect: options.reconnect,
    onUnauthorized: () => options.onUnauthorized?.(),
  });

  const calls: Record<string, (...args: unknown[]) => Promise<unknown>> = {};
  for (const name of Object.keys(agentRoutes) as AgentCall[]) {
    const route = agentRoutes[name] as unknown as RouteSpec<unknown[]>;
    calls[name] = (...args) => callRoute(transport, route, args);
  }
  const adapter: Omit<HttpAgentAdapter, AgentCall> = {
    upload: (file, o) =>
      upload(transport, {
        path: sessionRoutes.agentUpload.path,
        file,
        fields: { purpose: o?.purpose, conversationId: o?.conversationId },
        onProgress: o?.onProgress,
        signal: o?.signal,
      }) as ReturnType<AgentAdapter['upload']>,
    subscribe: (listener) => live.subscribe(listener),
    settle: () => live.settle(),
    close() {
      closed = true;
      live.close();
    },
  };
  return Object.assign(calls, adapter) as unknown as HttpAgentAdapter;
}
