/**
 * How adapter calls travel over HTTP (F-6.1): the request parts, the error body, and the status
 * of each `AdapterError` code. Shared by the server, the browser HTTP adapter and the msw handlers.
 */
import { AdapterError, type AdapterErrorCode } from '../adapter.js';

/** Every route lives under this prefix; a breaking change of the contract bumps it. */
export const API_PREFIX = '/api/v1';

export type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

/** A request as both ends see it: path params and query as strings, a JSON body. */
export interface WireRequest {
  params: Record<string, string>;
  query: Record<string, string>;
  body: unknown;
}

/** The body of every error response: `{ error: { code, message, field?, limit? } }`. */
export interface WireError {
  error: { code: WireErrorCode; message: string; field?: string; limit?: number };
}

/**
 * The adapter's codes plus the two only HTTP has: `unauthorized` (no, expired or forged token:
 * sign in again) and `rate-limited`. Adapters turn `unauthorized` into `forbidden` for elements.
 */
export type WireErrorCode = AdapterErrorCode | 'unauthorized' | 'rate-limited';

export const STATUS_OF: Readonly<Record<WireErrorCode, number>> = {
  invalid: 400,
  unauthorized: 401,
  forbidden: 403,
  'not-found': 404,
  conflict: 409,
  committed: 409,
  'too-large': 413,
  'unsupported-type': 415,
  'rate-limited': 429,
  offline: 503,
  unavailable: 503,
};

/** The error body of an `AdapterError` (or any error, as `unavailable`, without its details). */
export function toWireError(error: unknown): { status: number; body: WireError } {
  if (error instanceof AdapterError) {
    const body: WireError = { error: { code: error.code, message: error.message } };
    if (error.field !== undefined) body.error.field = error.field;
    if (error.limit !== undefined) body.error.limit = error.limit;
    return { status: STATUS_OF[error.code], body };
  }
  return {
    status: 500,
    body: { error: { code: 'unavailable', message: 'The server could not complete the request.' } },
  };
}

/** The `AdapterError` a client raises for an error response. */
export function fromWireError(status: number, body: unknown): AdapterError {
  const error = (body as Partial<WireError> | null)?.error;
  const code = error?.code;
  const message = error?.message ?? `HTTP ${status}`;
  const details = { field: error?.field, limit: error?.limit };
  if (code === 'unauthorized') return new AdapterError('forbidden', message, details);
  if (code === 'rate-limited') return new AdapterError('unavailable', message, { retryable: true });
  if (code && code in STATUS_OF) return new AdapterError(code, message, details);
  return new AdapterError(status >= 500 ? 'unavailable' : 'invalid', message, details);
}

/** `/conversations/:id` with `{ id: 'conv 1' }` → `/conversations/conv%201`. */
export function fillPath(path: string, params: Record<string, string> = {}): string {
  return path.replace(/:([a-zA-Z]+)/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`Missing path parameter ${name} for ${path}`);
    return encodeURIComponent(value);
  });
}

/** Query values on the wire are strings; `undefined` is left out. */
export function toQuery(values: Record<string, string | number | boolean | undefined>) {
  const query: Record<string, string> = {};
  for (const [key, value] of Object.entries(values)) {
    if (value !== undefined) query[key] = String(value);
  }
  return query;
}

/** A query number (a string on the wire; the server may already have coerced it). */
export function queryNumber(value: unknown): number | undefined {
  if (value === undefined || value === '') return undefined;
  return typeof value === 'number' ? value : Number(value);
}

export function queryBoolean(value: unknown): boolean | undefined {
  if (value === undefined || value === '') return undefined;
  return value === true || value === 'true';
}
