/**
 * JSON Schemas (draft-07, as Fastify's Ajv reads them) of what clients send. They check shape and
 * types only; the rules (a valid address, a non-empty reason, limits) stay in the domain, which
 * answers `invalid` with the `field` at fault.
 */
export type JsonSchema = Record<string, unknown>;

const str = { type: 'string' } as const;
const id = { type: 'string', minLength: 1, maxLength: 200 } as const;
const bool = { type: 'boolean' } as const;

export const address: JsonSchema = {
  type: 'object',
  required: ['address'],
  properties: {
    address: { type: 'string', maxLength: 320 },
    name: { type: 'string', maxLength: 200 },
  },
  additionalProperties: false,
};
const addresses: JsonSchema = { type: 'array', maxItems: 500, items: address };
const mode = { type: 'string', enum: ['reply', 'replyAll', 'forward', 'new', 'chat'] } as const;
const channel = { type: 'string', enum: ['email', 'chat'] } as const;

/** The fields of an `Attachment` a draft carries back. */
const attachment: JsonSchema = {
  type: 'object',
  required: ['id', 'name', 'size', 'type', 'kind', 'url', 'inline'],
  properties: {
    id,
    name: str,
    size: { type: 'integer', minimum: 0 },
    type: str,
    kind: { type: 'string', enum: ['image', 'document', 'audio', 'video', 'text'] },
    url: str,
    inline: bool,
    contentId: str,
  },
  additionalProperties: false,
};

/** Bodies are capped far below the server's byte limit; HTML of a long reply fits easily. */
const html = { type: 'string', maxLength: 5_000_000 } as const;

export const draftKeyQuery: JsonSchema = {
  type: 'object',
  required: ['mode'],
  properties: { mode, inReplyToMessageId: id },
  additionalProperties: false,
};

/** What a draft and a message to send have in common. */
const composed = {
  conversationId: id,
  mode,
  channel,
  inReplyToMessageId: id,
  to: addresses,
  cc: addresses,
  bcc: addresses,
  subject: { type: 'string', maxLength: 2000 },
  html,
  text: html,
} as const;
const composedRequired = [
  'conversationId',
  'mode',
  'channel',
  'to',
  'cc',
  'bcc',
  'subject',
  'html',
  'text',
];

export const draftInput: JsonSchema = {
  type: 'object',
  required: composedRequired,
  properties: {
    ...composed,
    attachments: { type: 'array', maxItems: 100, items: attachment },
    baseRevision: { type: 'integer', minimum: 1 },
  },
  additionalProperties: false,
};

export const outgoingMessage: JsonSchema = {
  type: 'object',
  required: composedRequired,
  properties: {
    ...composed,
    attachmentIds: { type: 'array', maxItems: 100, items: id },
    clientId: { type: 'string', minLength: 1, maxLength: 200 },
  },
  additionalProperties: false,
};

export const contactInput: JsonSchema = {
  type: 'object',
  required: ['name', 'emails'],
  properties: {
    name: { type: 'string', maxLength: 200 },
    emails: { type: 'array', maxItems: 50, items: { type: 'string', maxLength: 320 } },
    phone: { type: 'string', maxLength: 50 },
  },
  additionalProperties: false,
};

export const quickReplyInput: JsonSchema = {
  type: 'object',
  required: ['title', 'category', 'body'],
  properties: {
    id,
    title: { type: 'string', maxLength: 200 },
    category: { type: 'string', maxLength: 100 },
    body: { type: 'string', maxLength: 20_000 },
    shortcut: { type: 'string', maxLength: 50 },
    campaignId: id,
  },
  additionalProperties: false,
};

export const conversationQuery: JsonSchema = {
  type: 'object',
  properties: {
    status: { type: 'string', enum: ['open', 'completed'] },
    unread: bool,
    channel,
    mine: bool,
    search: { type: 'string', maxLength: 200 },
    cursor: { type: 'string', maxLength: 200 },
    limit: { type: 'integer', minimum: 1, maximum: 200 },
  },
  additionalProperties: false,
};

export const messageQuery: JsonSchema = {
  type: 'object',
  properties: { before: id, limit: { type: 'integer', minimum: 1, maximum: 200 } },
  additionalProperties: false,
};

export const searchQuery: JsonSchema = {
  type: 'object',
  required: ['q'],
  properties: { q: { type: 'string', maxLength: 320 } },
  additionalProperties: false,
};

export const campaignQuery: JsonSchema = {
  type: 'object',
  properties: { campaignId: id },
  additionalProperties: false,
};

export const statusBody: JsonSchema = {
  type: 'object',
  required: ['status'],
  properties: { status: { type: 'string', enum: ['open', 'completed'] } },
  additionalProperties: false,
};

export const typingBody: JsonSchema = {
  type: 'object',
  required: ['typing'],
  properties: { typing: bool },
  additionalProperties: false,
};

export const activityBody: JsonSchema = {
  type: 'object',
  required: ['activity'],
  properties: { activity: { enum: ['viewing', 'replying', null] } },
  additionalProperties: false,
};

export const blockBody: JsonSchema = {
  type: 'object',
  required: ['address', 'reason'],
  properties: {
    address: { type: 'string', maxLength: 320 },
    reason: { type: 'string', maxLength: 500 },
  },
  additionalProperties: false,
};

export const linkBody: JsonSchema = {
  type: 'object',
  required: ['address'],
  properties: { address: { type: 'string', maxLength: 320 } },
  additionalProperties: false,
};

export const visitorMessage: JsonSchema = {
  type: 'object',
  required: ['clientId', 'text'],
  properties: {
    clientId: { type: 'string', minLength: 1, maxLength: 200 },
    text: { type: 'string', maxLength: 20_000 },
    attachmentIds: { type: 'array', maxItems: 20, items: id },
  },
  additionalProperties: false,
};

export const visitorIdentity: JsonSchema = {
  type: 'object',
  required: ['email'],
  properties: {
    name: { type: 'string', maxLength: 200 },
    email: { type: 'string', maxLength: 320 },
    identityHash: { type: 'string', maxLength: 200 },
  },
  additionalProperties: false,
};

export const loginBody: JsonSchema = {
  type: 'object',
  required: ['email', 'password'],
  properties: {
    email: { type: 'string', maxLength: 320 },
    password: { type: 'string', maxLength: 200 },
  },
  additionalProperties: false,
};

export const deviceBody: JsonSchema = {
  type: 'object',
  required: ['campaignId'],
  properties: { campaignId: id },
  additionalProperties: false,
};

/** Path parameters are ids. */
export function idParams(...names: string[]): JsonSchema {
  return {
    type: 'object',
    required: names,
    properties: Object.fromEntries(names.map((n) => [n, id])),
  };
}

/** A body that must be absent or empty (`POST /read`). */
export const emptyBody: JsonSchema = { type: 'object', maxProperties: 0 };
