/**
 * THE HTTP contract (F-6.1): one row per adapter method — verb, path, JSON Schemas of what the
 * client sends, and how the method's arguments map to the request and back. The reference server
 * registers these routes, the browser HTTP adapter calls them, and the msw handlers serve them
 * from a memory adapter: all three read this table, so they cannot disagree.
 *
 * Every path is under `API_PREFIX`. A route's result is the method's resolved value as JSON
 * (`204` without a body for `void`); failures are `WireError` bodies with `STATUS_OF[code]`.
 */
import type {
  AgentAdapter,
  CaseActivity,
  ConversationQuery,
  MessageQuery,
  VisitorAdapter,
} from '../adapter.js';
import type {
  ContactInput,
  ConversationStatus,
  DraftInput,
  DraftKey,
  Id,
  OutgoingMessage,
  QuickReplyInput,
  VisitorIdentity,
} from '../../model/index.js';
import * as s from './schemas.js';
import type { JsonSchema } from './schemas.js';
import { queryBoolean, queryNumber, toQuery, type Method, type WireRequest } from './wire.js';

export interface RouteSpec<Args extends unknown[]> {
  method: Method;
  /** Path below `API_PREFIX`, with `:name` parameters (Fastify's and msw's syntax). */
  path: string;
  /** What the server validates before the call (and the msw handlers too). */
  schema: { params?: JsonSchema; query?: JsonSchema; body?: JsonSchema };
  /** How many arguments come before the trailing `CallOptions`. */
  arity: number;
  /** Only these agent roles may call it (checked by the server); every role when absent. */
  roles?: readonly ('agent' | 'supervisor' | 'coordinator')[];
  encode(...args: Args): Partial<WireRequest>;
  decode(request: WireRequest): Args;
}

/** The arguments of each agent method, without the trailing `CallOptions`. */
export interface AgentCallArgs {
  me: [];
  listConversations: [query?: ConversationQuery];
  getConversation: [id: Id];
  listMessages: [interactionId: Id, query?: MessageQuery];
  markRead: [conversationId: Id];
  setStatus: [conversationId: Id, status: ConversationStatus];
  getDraft: [key: DraftKey];
  saveDraft: [draft: DraftInput];
  deleteDraft: [key: DraftKey];
  send: [message: OutgoingMessage];
  cancelSend: [messageId: Id];
  searchRecipients: [query: string];
  findContacts: [address: string];
  createContact: [input: ContactInput];
  linkContact: [contactId: Id, address: string];
  listBlocked: [];
  blockSender: [address: string, reason: string];
  unblockSender: [address: string];
  listQuickReplies: [filter?: { campaignId?: Id }];
  saveQuickReply: [reply: QuickReplyInput];
  deleteQuickReply: [id: Id];
  campaign: [conversationId: Id];
  setTyping: [conversationId: Id, typing: boolean];
  announce: [conversationId: Id, activity: CaseActivity | null];
}

/** The arguments of each visitor method, without the trailing `CallOptions`. */
export interface VisitorCallArgs {
  resume: [];
  history: [query?: MessageQuery];
  send: [message: { clientId: string; text: string; attachmentIds?: Id[] }];
  identify: [identity: VisitorIdentity];
  typing: [on: boolean];
}

/** Methods that are plain request/response calls (`upload` and `subscribe` have their own). */
export type AgentCall = keyof AgentCallArgs;
export type VisitorCall = keyof VisitorCallArgs;

// Compile-time guard: the tables cover exactly the interfaces' methods.
type Missing<T, U> = Exclude<keyof T, U | 'upload' | 'subscribe'>;
const agentCovered: Missing<AgentAdapter, AgentCall> extends never ? true : never = true;
const visitorCovered: Missing<VisitorAdapter, VisitorCall> extends never ? true : never = true;
void agentCovered;
void visitorCovered;

const draftKeyOf = (r: WireRequest): DraftKey => {
  const key: DraftKey = {
    conversationId: r.params['id']!,
    mode: r.query['mode'] as DraftKey['mode'],
  };
  if (r.query['inReplyToMessageId']) key.inReplyToMessageId = r.query['inReplyToMessageId'];
  return key;
};
const draftKeyRequest = (key: DraftKey) => ({
  params: { id: key.conversationId },
  query: toQuery({ mode: key.mode, inReplyToMessageId: key.inReplyToMessageId }),
});
const messageQueryOf = (r: WireRequest): MessageQuery | undefined => {
  const q: MessageQuery = {};
  if (r.query['before'] !== undefined) q.before = r.query['before'];
  const limit = queryNumber(r.query['limit']);
  if (limit !== undefined) q.limit = limit;
  return Object.keys(q).length ? q : undefined;
};

const MANAGERS = ['supervisor', 'coordinator'] as const;

export const agentRoutes: { [K in AgentCall]: RouteSpec<AgentCallArgs[K]> } = {
  me: {
    method: 'GET',
    path: '/me',
    schema: {},
    arity: 0,
    encode: () => ({}),
    decode: () => [],
  },
  listConversations: {
    method: 'GET',
    path: '/conversations',
    schema: { query: s.conversationQuery },
    arity: 1,
    encode: (query = {}) => ({ query: toQuery({ ...query }) }),
    decode: ({ query: q }) => {
      const query: ConversationQuery = {};
      if (q['status']) query.status = q['status'] as ConversationStatus;
      if (q['channel']) query.channel = q['channel'] as ConversationQuery['channel'];
      if (q['search'] !== undefined) query.search = q['search'];
      if (q['cursor'] !== undefined) query.cursor = q['cursor'];
      const unread = queryBoolean(q['unread']);
      if (unread !== undefined) query.unread = unread;
      const mine = queryBoolean(q['mine']);
      if (mine !== undefined) query.mine = mine;
      const limit = queryNumber(q['limit']);
      if (limit !== undefined) query.limit = limit;
      return [query];
    },
  },
  getConversation: {
    method: 'GET',
    path: '/conversations/:id',
    schema: { params: s.idParams('id') },
    arity: 1,
    encode: (id) => ({ params: { id } }),
    decode: ({ params }) => [params['id']!],
  },
  listMessages: {
    method: 'GET',
    path: '/interactions/:id/messages',
    schema: { params: s.idParams('id'), query: s.messageQuery },
    arity: 2,
    encode: (id, query = {}) => ({ params: { id }, query: toQuery({ ...query }) }),
    decode: (r) => [r.params['id']!, messageQueryOf(r)],
  },
  markRead: {
    method: 'POST',
    path: '/conversations/:id/read',
    schema: { params: s.idParams('id') },
    arity: 1,
    encode: (id) => ({ params: { id } }),
    decode: ({ params }) => [params['id']!],
  },
  setStatus: {
    method: 'PUT',
    path: '/conversations/:id/status',
    schema: { params: s.idParams('id'), body: s.statusBody },
    arity: 2,
    encode: (id, status) => ({ params: { id }, body: { status } }),
    decode: ({ params, body }) => [params['id']!, (body as { status: ConversationStatus }).status],
  },
  getDraft: {
    method: 'GET',
    path: '/conversations/:id/draft',
    schema: { params: s.idParams('id'), query: s.draftKeyQuery },
    arity: 1,
    encode: draftKeyRequest,
    decode: (r) => [draftKeyOf(r)],
  },
  saveDraft: {
    method: 'PUT',
    path: '/drafts',
    schema: { body: s.draftInput },
    arity: 1,
    encode: (draft) => ({ body: draft }),
    decode: ({ body }) => [body as DraftInput],
  },
  deleteDraft: {
    method: 'DELETE',
    path: '/conversations/:id/draft',
    schema: { params: s.idParams('id'), query: s.draftKeyQuery },
    arity: 1,
    encode: draftKeyRequest,
    decode: (r) => [draftKeyOf(r)],
  },
  send: {
    method: 'POST',
    path: '/messages',
    schema: { body: s.outgoingMessage },
    arity: 1,
    encode: (message) => ({ body: message }),
    decode: ({ body }) => [body as OutgoingMessage],
  },
  cancelSend: {
    method: 'POST',
    path: '/messages/:id/cancel',
    schema: { params: s.idParams('id') },
    arity: 1,
    encode: (id) => ({ params: { id } }),
    decode: ({ params }) => [params['id']!],
  },
  searchRecipients: {
    method: 'GET',
    path: '/recipients',
    schema: { query: s.searchQuery },
    arity: 1,
    encode: (q) => ({ query: { q } }),
    decode: ({ query }) => [query['q'] ?? ''],
  },
  findContacts: {
    method: 'GET',
    path: '/contacts',
    schema: { query: s.linkBody },
    arity: 1,
    encode: (address) => ({ query: { address } }),
    decode: ({ query }) => [query['address'] ?? ''],
  },
  createContact: {
    method: 'POST',
    path: '/contacts',
    schema: { body: s.contactInput },
    arity: 1,
    encode: (input) => ({ body: input }),
    decode: ({ body }) => [body as ContactInput],
  },
  linkContact: {
    method: 'POST',
    path: '/contacts/:id/addresses',
    schema: { params: s.idParams('id'), body: s.linkBody },
    arity: 2,
    encode: (id, address) => ({ params: { id }, body: { address } }),
    decode: ({ params, body }) => [params['id']!, (body as { address: string }).address],
  },
  listBlocked: {
    method: 'GET',
    path: '/block-list',
    schema: {},
    arity: 0,
    encode: () => ({}),
    decode: () => [],
  },
  blockSender: {
    method: 'POST',
    path: '/block-list',
    schema: { body: s.blockBody },
    arity: 2,
    encode: (address, reason) => ({ body: { address, reason } }),
    decode: ({ body }) => {
      const b = body as { address: string; reason: string };
      return [b.address, b.reason];
    },
  },
  unblockSender: {
    method: 'DELETE',
    path: '/block-list/:address',
    schema: { params: s.idParams('address') },
    arity: 1,
    roles: MANAGERS,
    encode: (address) => ({ params: { address } }),
    decode: ({ params }) => [params['address']!],
  },
  listQuickReplies: {
    method: 'GET',
    path: '/quick-replies',
    schema: { query: s.campaignQuery },
    arity: 1,
    encode: (filter = {}) => ({ query: toQuery({ campaignId: filter.campaignId }) }),
    decode: ({ query }) => [query['campaignId'] ? { campaignId: query['campaignId'] } : {}],
  },
  saveQuickReply: {
    method: 'PUT',
    path: '/quick-replies',
    schema: { body: s.quickReplyInput },
    arity: 1,
    roles: MANAGERS,
    encode: (reply) => ({ body: reply }),
    decode: ({ body }) => [body as QuickReplyInput],
  },
  deleteQuickReply: {
    method: 'DELETE',
    path: '/quick-replies/:id',
    schema: { params: s.idParams('id') },
    arity: 1,
    roles: MANAGERS,
    encode: (id) => ({ params: { id } }),
    decode: ({ params }) => [params['id']!],
  },
  campaign: {
    method: 'GET',
    path: '/conversations/:id/campaign',
    schema: { params: s.idParams('id') },
    arity: 1,
    encode: (id) => ({ params: { id } }),
    decode: ({ params }) => [params['id']!],
  },
  setTyping: {
    method: 'PUT',
    path: '/conversations/:id/typing',
    schema: { params: s.idParams('id'), body: s.typingBody },
    arity: 2,
    encode: (id, typing) => ({ params: { id }, body: { typing } }),
    decode: ({ params, body }) => [params['id']!, (body as { typing: boolean }).typing],
  },
  announce: {
    method: 'PUT',
    path: '/conversations/:id/activity',
    schema: { params: s.idParams('id'), body: s.activityBody },
    arity: 2,
    encode: (id, activity) => ({ params: { id }, body: { activity } }),
    decode: ({ params, body }) => [
      params['id']!,
      (body as { activity: CaseActivity | null }).activity,
    ],
  },
};

export const visitorRoutes: { [K in VisitorCall]: RouteSpec<VisitorCallArgs[K]> } = {
  resume: {
    method: 'GET',
    path: '/visitor/session',
    schema: {},
    arity: 0,
    encode: () => ({}),
    decode: () => [],
  },
  history: {
    method: 'GET',
    path: '/visitor/messages',
    schema: { query: s.messageQuery },
    arity: 1,
    encode: (query = {}) => ({ query: toQuery({ ...query }) }),
    decode: (r) => [messageQueryOf(r)],
  },
  send: {
    method: 'POST',
    path: '/visitor/messages',
    schema: { body: s.visitorMessage },
    arity: 1,
    encode: (message) => ({ body: message }),
    decode: ({ body }) => [body as VisitorCallArgs['send'][0]],
  },
  identify: {
    method: 'POST',
    path: '/visitor/identity',
    schema: { body: s.visitorIdentity },
    arity: 1,
    encode: (identity) => ({ body: identity }),
    decode: ({ body }) => [body as VisitorIdentity],
  },
  typing: {
    method: 'PUT',
    path: '/visitor/typing',
    schema: { body: s.typingBody },
    arity: 1,
    encode: (on) => ({ body: { typing: on } }),
    decode: ({ body }) => [(body as { typing: boolean }).typing],
  },
};

/**
 * Routes outside the adapter interfaces: signing in, a visitor device's first contact, uploads
 * (multipart: a `file` part plus `purpose` and `conversationId` fields) and stored files.
 */
export const sessionRoutes = {
  /** `{ email, password }` → `{ token, agent }` (agents). */
  login: { method: 'POST', path: '/auth/login', schema: { body: s.loginBody } },
  /** `{ campaignId }` → `{ token, deviceId }`: a new visitor device (the widget's first contact). */
  device: { method: 'POST', path: '/visitor/devices', schema: { body: s.deviceBody } },
  /** Multipart upload → `Attachment` (agent). */
  agentUpload: { method: 'POST', path: '/uploads' },
  /** Multipart upload → `Attachment` (visitor). */
  visitorUpload: { method: 'POST', path: '/visitor/uploads' },
  /** A stored file, by the signed URL an `Attachment` carries. */
  file: { method: 'GET', path: '/files/:id' },
} as const satisfies Record<
  string,
  { method: Method; path: string; schema?: { body: JsonSchema } }
>;
