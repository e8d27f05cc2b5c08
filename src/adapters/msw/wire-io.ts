/**
 * Reading a request into the contract's `WireRequest` (JSON body, string query, validated against
 * the route's schemas) and writing results and errors back as the server does.
 */
import { HttpResponse } from 'msw';
import { AdapterError } from '../adapter.js';
import { STATUS_OF, toWireError, type WireError, type WireRequest } from '../contract/index.js';
import { validateRequest, type RequestSchemas } from '../contract/validate.js';

/** A 401: no token, or one these handlers never issued. Not an adapter code, so its own type. */
export class Unauthorized extends Error {}

/** The query string as the server sees it: one string per name, an array when repeated. */
function queryOf(url: URL): Record<string, string> {
  const query: Record<string, string | string[]> = {};
  for (const [name, value] of url.searchParams) {
    const seen = query[name];
    query[name] = seen === undefined ? value : [...(Array.isArray(seen) ? seen : [seen]), value];
  }
  return query as Record<string, string>;
}

/** Path parameters as strings (msw already decoded them). */
function paramsOf(params: Record<string, string | readonly string[] | undefined>) {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(params)) {
    if (typeof value === 'string') out[name] = value;
  }
  return out;
}

/** The JSON body, `undefined` when empty; malformed JSON is `invalid`, as Fastify answers it. */
async function bodyOf(request: Request): Promise<unknown> {
  const text = await request.text();
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    throw new AdapterError('invalid', 'The body is not valid JSON.');
  }
}

/** Reads and validates a request against a route's schemas (params, body, then query). */
export async function readWireRequest(
  request: Request,
  params: Record<string, string | readonly string[] | undefined>,
  schemas: RequestSchemas,
): Promise<WireRequest> {
  const wire: WireRequest = {
    params: paramsOf(params),
    query: queryOf(new URL(request.url)),
    body: schemas.body ? await bodyOf(request) : undefined,
  };
  return validateRequest(schemas, wire);
}

/** A call's result: JSON, or `204` without a body for `undefined`. */
export function resultResponse(value: unknown): Response {
  if (value === undefined) return new HttpResponse(null, { status: 204 });
  return HttpResponse.json(value as never);
}

/** The `WireError` response of any failure; unexpected ones are logged (they are mock bugs). */
export function errorResponse(error: unknown): Response {
  if (error instanceof Unauthorized) {
    const body: WireError = { error: { code: 'unauthorized', message: error.message } };
    return HttpResponse.json(body, { status: STATUS_OF.unauthorized });
  }
  if (!(error instanceof AdapterError)) console.error('msw handler failed:', error);
  const { status, body } = toWireError(error);
  return HttpResponse.json(body, { status });
}
