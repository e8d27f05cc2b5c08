/**
 * Uploads (F-2.4, F-2.5, F-5.7, F-6.6): `multipart/form-data` with the text fields first
 * (`purpose`: `attachment` | `inline`; agents may add `conversationId`, whose campaign's limits
 * apply) and then one `file` part. Checks, in order: the extension is accepted for the purpose
 * (415), the size while streaming — the upload is cut as soon as it passes the limit, and nothing
 * of it stays on disk (413 with `limit`) —, not empty (400), the content matches the extension
 * (415). Only then is the file moved into the store and registered with the backend.
 */
import { createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { MultipartFile } from '@fastify/multipart';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AdapterError } from '../../adapter.js';
import { API_PREFIX, sessionRoutes } from '../../contract/index.js';
import type { MemoryBackend } from '../../memory/index.js';
import {
  checkFile,
  DEFAULT_ATTACHMENT_LIMITS,
  extensionOf,
  type Attachment,
  type AttachmentLimits,
  type FileRule,
  type Id,
} from '../../../model/index.js';
import { requireAgent, requireDevice } from '../auth/guards.js';
import type { Tokens } from '../auth/tokens.js';
import { registerUpload, type Uploader } from '../backend.js';
import { checkContent } from './content-check.js';
import type { FileStore } from './file-store.js';

export interface UploadDeps {
  backend: MemoryBackend;
  tokens: Tokens;
  files: FileStore;
  fileUrl: (fileId: string) => string;
}

/** Busboy's own cap, far above any campaign's rule: the precise limit is enforced below. */
const HARD_CAP = 1024 * 1024 * 1024;

export function registerUploadRoutes(app: FastifyInstance, deps: UploadDeps): void {
  app.post(
    API_PREFIX + sessionRoutes.agentUpload.path,
    { onRequest: requireAgent(deps.tokens, 'upload') },
    (request, reply) =>
      receive(request, reply, deps, ['purpose', 'conversationId'], {
        kind: 'agent',
        agentId: request.agentClaims!.sub,
      }),
  );
  app.post(
    API_PREFIX + sessionRoutes.visitorUpload.path,
    { onRequest: requireDevice(deps.tokens) },
    (request, reply) =>
      receive(request, reply, deps, ['purpose'], {
        kind: 'visitor',
        deviceId: request.deviceClaims!.sub,
      }),
  );
}

/** What the form's fields ask for. */
interface UploadTarget {
  purpose: 'attachment' | 'inline';
  conversationId?: Id;
}

async function receive(
  request: FastifyRequest,
  reply: FastifyReply,
  deps: UploadDeps,
  allowedFields: readonly string[],
  uploader: Uploader,
): Promise<Attachment> {
  if (!request.isMultipart())
    throw new AdapterError('invalid', 'Send the file as multipart/form-data.', { field: 'file' });
  const fields: Record<string, string> = {};
  let received: Received | undefined;
  try {
    const parts = request.parts({
      // Room for a stray field or a second file, so they get the specific answers below.
      limits: { files: 2, fields: 10, fieldSize: 1000, parts: 12, fileSize: HARD_CAP },
    });
    for await (const part of parts) {
      if (part.type === 'field') {
        if (!allowedFields.includes(part.fieldname) || typeof part.value !== 'string')
          throw new AdapterError('invalid', `Unknown upload field ${part.fieldname}.`, {
            field: part.fieldname,
          });
        fields[part.fieldname] = part.value;
      } else if (part.fieldname !== 'file' || received) {
        throw new AdapterError('invalid', 'Send exactly one file, in the part named "file".', {
          field: part.fieldname,
        });
      } else {
        received = await receiveFile(part, targetOf(fields), uploader, deps);
      }
    }
    if (!received) throw new AdapterError('invalid', 'The upload has no file.', { field: 'file' });
    // Registered only once the whole request was read and found valid.
    return await register(received, uploader, deps);
  } catch (error) {
    // The rest of the request may be unread: ask the client to drop the connection with it.
    reply.header('connection', 'close');
    throw error;
  } finally {
    if (received) await rm(received.temp, { force: true });
  }
}

function targetOf(fields: Record<string, string>): UploadTarget {
  const purpose = fields['purpose'];
  if (purpose !== 'attachment' && purpose !== 'inline') {
    throw new AdapterError(
      'invalid',
      purpose === undefined
        ? 'The purpose field (attachment or inline) must come before the file.'
        : `Unknown upload purpose ${purpose}.`,
      { field: 'purpose' },
    );
  }
  const target: UploadTarget = { purpose };
  if (fields['conversationId']) target.conversationId = fields['conversationId'];
  return target;
}

async function limitsOf(
  deps: UploadDeps,
  uploader: Uploader,
  target: UploadTarget,
): Promise<AttachmentLimits> {
  if (uploader.kind === 'visitor')
    return (await deps.backend.visitor(uploader.deviceId).resume()).campaign.attachments;
  const agent = deps.backend.agent(uploader.agentId);
  if (target.conversationId !== undefined)
    return (await agent.campaign(target.conversationId)).attachments;
  // No case: the default rules. The call still proves, before any byte is read, that the agent
  // exists and that the backend serves (registering the file would refuse too, but only after
  // the whole body was streamed).
  await agent.me();
  return DEFAULT_ATTACHMENT_LIMITS;
}

/** A file received in full and checked, waiting in the temp folder to be registered. */
interface Received {
  temp: string;
  name: string;
  type: string;
  size: number;
  target: UploadTarget;
}

/**
 * Streams the `file` part into a temp file under the campaign's rule, then checks it; removes the
 * temp file when any check fails.
 */
async function receiveFile(
  part: MultipartFile,
  target: UploadTarget,
  uploader: Uploader,
  deps: UploadDeps,
): Promise<Received> {
  const rule: FileRule = (await limitsOf(deps, uploader, target))[
    target.purpose === 'inline' ? 'inlineImage' : 'attachment'
  ];
  const name = part.filename.trim();
  const byName = checkFile({ name, size: 1, type: part.mimetype }, rule);
  if (!byName.ok && byName.reason === 'unsupported-type') {
    throw new AdapterError(
      'unsupported-type',
      `.${byName.extension || '(none)'} files are not accepted here.`,
      { field: 'file' },
    );
  }
  const temp = deps.files.tempPath();
  let size = 0;
  try {
    const counter = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        size += chunk.length;
        if (size > rule.maxBytes)
          done(
            new AdapterError('too-large', `${name} is larger than ${rule.maxBytes} bytes.`, {
              field: 'file',
              limit: rule.maxBytes,
            }),
          );
        else done(null, chunk);
      },
    });
    await pipeline(part.file, counter, createWriteStream(temp, { flags: 'wx', mode: 0o600 }));
    if (part.file.truncated)
      throw new AdapterError('too-large', `${name} is too large.`, {
        field: 'file',
        limit: rule.maxBytes,
      });
    if (size === 0) throw new AdapterError('invalid', `${name} is empty.`, { field: 'file' });
    const verdict = await checkContent(temp, extensionOf(name));
    if (!verdict.ok) {
      const looks = verdict.detected ? ` (it looks like ${verdict.detected})` : '';
      throw new AdapterError(
        'unsupported-type',
        `${name} does not contain what its extension says${looks}.`,
        { field: 'file' },
      );
    }
    return { temp, name, type: verdict.type, size, target };
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

/** Moves the file into the store as the backend registers it (see `backend.ts`). */
async function register(
  received: Received,
  uploader: Uploader,
  deps: UploadDeps,
): Promise<Attachment> {
  const { temp, name, type, size, target } = received;
  const fileId = deps.files.newId();
  const meta = { name, type, size, inline: target.purpose === 'inline' };
  let placed = false;
  try {
    return registerUpload(
      deps.backend,
      { uploader, name, type, size, ...target },
      deps.fileUrl(fileId),
      () => {
        deps.files.placeSync(temp, fileId, meta);
        placed = true;
      },
    );
  } catch (error) {
    if (placed) await deps.files.remove(fileId);
    throw error;
  }
}
