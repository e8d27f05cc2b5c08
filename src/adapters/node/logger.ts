/**
 * Fastify's pino logger, structured JSON. Credentials never reach the log: the Authorization and
 * Cookie headers are censored, and the `token` and `sig` query parameters (WebSocket tokens, file
 * signatures) are cut out of every logged URL.
 */
import type { FastifyServerOptions } from 'fastify';

const SECRET_PARAMS = /([?&](?:token|sig|password)=)[^&#]*/gi;

export function redactUrl(url: string): string {
  return url.replace(SECRET_PARAMS, '$1[redacted]');
}

interface LoggedRequest {
  method?: string;
  url?: string;
  ip?: string;
  socket?: { remoteAddress?: string };
}

/** `stream`: where the JSON lines go (default stdout; tests capture them). */
export function loggerOptions(
  level: string,
  stream?: { write(line: string): void },
): FastifyServerOptions['logger'] {
  return {
    level,
    ...(stream ? { stream } : {}),
    redact: {
      paths: ['req.headers.authorization', 'req.headers.cookie', 'headers.authorization'],
      censor: '[redacted]',
    },
    serializers: {
      req(request: LoggedRequest) {
        return {
          method: request.method,
          url: redactUrl(request.url ?? ''),
          remoteAddress: request.ip ?? request.socket?.remoteAddress,
        };
      },
    },
  };
}
