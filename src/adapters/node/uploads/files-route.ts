/**
 * Serves stored files by their signed URL (`sessionRoutes.file`). Downloads are always
 * `attachment` — a stored HTML or SVG file can then never run in the server's origin — except the
 * inline images of email bodies, which the thread shows in place. `nosniff` stops browsers from
 * second-guessing the stored type, and the CSP sandboxes anything opened directly.
 */
import { createReadStream } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { AdapterError } from '../../adapter.js';
import { API_PREFIX, sessionRoutes } from '../../contract/index.js';
import type { FileStore } from './file-store.js';
import type { FileUrls } from './file-urls.js';

const querystring = {
  type: 'object',
  properties: { exp: { type: 'string', maxLength: 20 }, sig: { type: 'string', maxLength: 100 } },
};
const params = {
  type: 'object',
  required: ['id'],
  properties: { id: { type: 'string', minLength: 1, maxLength: 200 } },
};

export function registerFilesRoute(app: FastifyInstance, files: FileStore, urls: FileUrls): void {
  app.get<{ Params: { id: string }; Querystring: { exp?: string; sig?: string } }>(
    API_PREFIX + sessionRoutes.file.path,
    { schema: { params, querystring } },
    async (request, reply) => {
      const { id } = request.params;
      const check = urls.check(id, request.query.exp, request.query.sig);
      if (check !== 'ok') {
        throw new AdapterError(
          'forbidden',
          check === 'expired'
            ? 'This file link has expired: reload the conversation for a fresh one.'
            : 'This file link is not valid.',
        );
      }
      const file = await files.find(id);
      if (!file) throw new AdapterError('not-found', `No file ${id}.`);
      const inline = file.inline && file.type.startsWith('image/');
      return reply
        .header(
          'content-type',
          file.type.startsWith('text/') ? `${file.type}; charset=utf-8` : file.type,
        )
        .header('content-length', file.size)
        .header(
          'content-disposition',
          contentDisposition(inline ? 'inline' : 'attachment', file.name),
        )
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'private, max-age=3600')
        .header('content-security-policy', "default-src 'none'; sandbox")
        .send(createReadStream(file.path));
    },
  );
}

/** RFC 6266: an ASCII fallback name plus the exact name in RFC 5987 encoding. */
export function contentDisposition(kind: 'inline' | 'attachment', name: string): string {
  const fallback = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_') || 'file';
  const encoded = encodeURIComponent(name).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `${kind}; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
