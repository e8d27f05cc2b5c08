/**
 * One HTTP request of the contract, whatever the route: URL from the route table, bearer token,
 * JSON in and out, and every failure turned into what the adapter contract promises — an
 * `AdapterError`, or the signal's reason when the call was aborted.
 */
import { AdapterError, type CallOptions } from '../adapter.js';
import {
  API_PREFIX,
  fillPath,
  fromWireError,
  type Method,
  type RouteSpec,
  type WireRequest,
} from '../contract/index.js';

/** How a client reaches the server; shared by calls, uploads and the live socket. */
export interface HttpTransport {
  /** `https://host` (or `https://host/prefix`); `API_PREFIX` is appended. */
  baseUrl: string;
  fetch?: typeof fetch;
  /** The bearer token of every request; resolved per call (a visitor may not have one yet). */
  token(signal?: AbortSignal): Promise<string | undefined>;
  /** Told when the server answers 401: the token is no longer valid. */
  unauthorized?(): void;
}

/** What a request needs besides the transport. */
export interface RequestSpec {
  method: Method;
  path: string;
  params?: Record<string, string>;
  query?: Record<string, string>;
  body?: unknown;
  signal?: AbortSignal;
}

/** The reason an aborted call rejects with: the signal's, else a standard `AbortError`. */
export function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException('The operation was aborted.', 'AbortError');
}

/** Rejects with the signal's reason when it is aborted. */
export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw abortReason(signal);
}

/** The absolute URL of a route, with its path parameters filled and its query appended. */
export function routeUrl(
  baseUrl: string,
  path: string,
  params: Record<string, string> = {},
  query: Record<string, string> = {},
): string {
  for (const [name, value] of Object.entries(params)) {
    // An empty parameter would silently hit another route (`/conversations/` → a list).
    if (typeof value !== 'string' || value === '') {
      throw new AdapterError('invalid', `params/${name} must NOT have fewer than 1 characters`, {
        field: name,
      });
    }
  }
  const search = new URLSearchParams(query).toString();
  return `${baseUrl.replace(/\/+$/, '')}${API_PREFIX}${fillPath(path, params)}${search ? `?${search}` : ''}`;
}

/**
 * The WebSocket URL of a socket path: the base URL with `http` → `ws` (`https` → `wss`), resolved
 * against the page when relative, and the token as a query parameter (browsers cannot set headers
 * on a WebSocket).
 */
export function socketUrl(baseUrl: string, path: string, token: string): string {
  const page = (globalThis as { location?: { href: string } }).location?.href;
  const url = new URL(`${baseUrl.replace(/\/+$/, '')}${API_PREFIX}${path}`, page);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  url.searchParams.set('token', token);
  return url.href;
}

/** The error of a non-2xx answer, reading its `WireError` body when there is one. */
export function responseError(status: number, text: string): AdapterError {
  let body: unknown = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    // Not JSON (a proxy's HTML page): the status decides.
  }
  return fromWireError(status, body);
}

/** Parses a 2xx body: nothing for 204, JSON otherwise. */
export function responseValue(status: number, text: string): unknown {
  if (status === 204 || text === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    throw new AdapterError('unavailable', 'The server answered with malformed JSON.');
  }
}

/** The `offline` error of a request that never got an answer. */
export function offlineError(error: unknown): AdapterError {
  const reason = error instanceof Error ? error.message : String(error);
  return new AdapterError('offline', `The server cannot be reached (${reason}).`);
}

/** Sends one JSON request and resolves with the parsed result. */
export async function request(transport: HttpTransport, spec: RequestSpec): Promise<unknown> {
  const { signal } = spec;
  throwIfAborted(signal);
  const url = routeUrl(transport.baseUrl, spec.path, spec.params, spec.query);
  const token = await transport.token(signal);
  throwIfAborted(signal);
  const headers: Record<string, string> = { accept: 'application/json' };
  if (token) headers['authorization'] = `Bearer ${token}`;
  const hasBody = spec.body !== undefined && spec.method !== 'GET';
  if (hasBody) headers['content-type'] = 'application/json';
  const doFetch = transport.fetch ?? globalThis.fetch;
  let status: number;
  let text: string;
  try {
    const response = await doFetch(url, {
      method: spec.method,
      headers,
      body: hasBody ? JSON.stringify(spec.body) : undefined,
      signal,
    });
    status = response.status;
    text = await response.text();
  } catch (error) {
    throwIfAborted(signal);
    if (error instanceof AdapterError) throw error;
    throw offlineError(error);
  }
  throwIfAborted(signal);
  if (status >= 200 && status < 300) return responseValue(status, text);
  if (status === 401) transport.unauthorized?.();
  throw responseError(status, text);
}

/**
 * Calls an adapter method through its route: `args` are the method's arguments, the first
 * `route.arity` of them encoded by the route, the next one the `CallOptions`. A method whose last
 * argument doubles as its options (`listQuickReplies({ campaignId, signal })`) carries the signal
 * there.
 */
export async function callRoute<Args extends unknown[]>(
  transport: HttpTransport,
  route: RouteSpec<Args>,
  args: unknown[],
): Promise<unknown> {
  const options = args[route.arity] as CallOptions | undefined;
  const last = route.arity > 0 ? (args[route.arity - 1] as CallOptions | undefined) : undefined;
  const signal = options?.signal ?? (isOptions(last) ? last.signal : undefined);
  let wire: Partial<WireRequest>;
  try {
    wire = route.encode(...(args.slice(0, route.arity) as Args));
  } catch (error) {
    // A missing argument (`getDraft(undefined)`) fails while encoding; say so, as the server would.
    throw new AdapterError('invalid', `Bad arguments for ${route.method} ${route.path}: ${error}`);
  }
  return request(transport, {
    method: route.method,
    path: route.path,
    params: wire.params,
    query: wire.query,
    body: wire.body,
    signal,
  });
}

function isOptions(value: unknown): value is CallOptions {
  return (
    typeof value === 'object' &&
    value !== null &&
    'signal' in value &&
    (value as CallOptions).signal !== undefined
  );
}
