/**
 * Every failure leaves the server as a `WireError` body with the status `STATUS_OF` gives its code
 * (adapters/contract/wire.ts). Fastify's own failures (schema validation, malformed JSON, a body
 * over the limit, an unknown route) are translated here, and anything unexpected becomes a 500
 * `unavailable` that says nothing about the server's insides (the details go to the log).
 */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AdapterError } from '../adapter.js';
import { STATUS_OF, toWireError, type WireError, type WireErrorCode } from '../contract/index.js';

/** A failure only HTTP has (`unauthorized`, `rate-limited`); the rest are `AdapterError`s. */
export class WireFailure extends Error {
  override readonly name = 'WireFailure';
  constructor(
    readonly code: Extract<WireErrorCode, 'unauthorized' | 'rate-limited'>,
    message: string,
  ) {
    super(message);
  }
}

export const unauthorized = (message: string) => new WireFailure('unauthorized', message);

export interface Described {
  status: number;
  body: WireError;
  /** Whether the error says something is wrong with the server (logged at `error`). */
  internal: boolean;
}

interface ValidationItem {
  instancePath?: string;
  message?: string;
  params?: Record<string, unknown>;
}

type FastifyFailure = FastifyError & {
  validation?: ValidationItem[];
  validationContext?: string;
};

const wire = (status: number, code: WireErrorCode, message: string, extra = {}): Described => ({
  status,
  body: { error: { code, message, ...extra } },
  internal: false,
});

/** The response for any thrown value; `bodyLimit` is the limit in force for the request. */
export function describeError(error: unknown, bodyLimit: number): Described {
  if (error instanceof AdapterError) return { ...toWireError(error), internal: false };
  if (error instanceof WireFailure) return wire(STATUS_OF[error.code], error.code, error.message);
  if (error instanceof DOMException && error.name === 'AbortError')
    return wire(503, 'unavailable', 'The request was aborted.');
  const e = error as Partial<FastifyFailure> | null;
  if (e?.validation?.length) return validationFailure(e as FastifyFailure);
  switch (e?.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return wire(400, 'invalid', 'The request body is not valid JSON.', { field: 'body' });
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
    case 'FST_REQ_FILE_TOO_LARGE':
      return wire(413, 'too-large', `The request body is larger than ${bodyLimit} bytes.`, {
        limit: bodyLimit,
      });
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return wire(415, 'unsupported-type', 'The request body has an unsupported Content-Type.');
  }
  const status = typeof e?.statusCode === 'number' ? e.statusCode : 500;
  if (status >= 400 && status < 500 && typeof e?.message === 'string') {
    // Fastify's and its plugins' client errors carry fixed, harmless messages.
    if (status === 413) return wire(413, 'too-large', e.message, { limit: bodyLimit });
    if (status === 415) return wire(415, 'unsupported-type', e.message);
    if (status === 404) return wire(404, 'not-found', e.message);
    return wire(400, 'invalid', e.message);
  }
  return { ...toWireError(error), internal: true };
}

/** Names the field at fault: the top-level property of the failing path (`to` for `/to/0`). */
function validationFailure(error: FastifyFailure): Described {
  const item = error.validation![0]!;
  const segments = (item.instancePath ?? '')
    .split('/')
    .filter(Boolean)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  const named = item.params?.['missingProperty'] ?? item.params?.['additionalProperty'];
  const field = segments[0] ?? (typeof named === 'string' ? named : error.validationContext);
  const where = [error.validationContext ?? 'request', ...segments].join('/');
  let message = `${where} ${item.message ?? 'is invalid'}`;
  if (typeof item.params?.['additionalProperty'] === 'string')
    message += ` (${item.params['additionalProperty']})`;
  return wire(400, 'invalid', message, field ? { field } : {});
}

/** Installs the error and not-found handlers on `app`. */
export function installErrorHandling(app: FastifyInstance, defaultBodyLimit: number): void {
  app.setErrorHandler((error: unknown, request: FastifyRequest, reply: FastifyReply) => {
    const limit = request.routeOptions?.bodyLimit ?? defaultBodyLimit;
    const described = describeError(error, limit);
    if (described.internal) request.log.error({ err: error }, 'request failed');
    else request.log.info({ code: described.body.error.code }, described.body.error.message);
    reply.code(described.status).send(described.body);
  });
  app.setNotFoundHandler((request: FastifyRequest, reply: FastifyReply) => {
    const path = request.url.split('?')[0];
    reply.code(404).send({
      error: { code: 'not-found', message: `There is no route ${request.method} ${path}.` },
    } satisfies WireError);
  });
}
