/**
 * The HTTP half of the contract served from a memory backend: one handler per row of
 * `agentRoutes` / `visitorRoutes`, generated, plus sign-in, device registration and uploads.
 * Each request is checked as the server checks it — token (401), role (403), schemas (400) —
 * before the memory adapter runs the call and its `AdapterError`s become `WireError` bodies.
 */
import { http, HttpResponse, type HttpHandler } from 'msw';
import { AdapterError, type UploadFile } from '../adapter.js';
import type { MemoryBackend } from '../memory/index.js';
import {
  API_PREFIX,
  agentRoutes,
  sessionRoutes,
  visitorRoutes,
  type Method,
  type RouteSpec,
} from '../contract/index.js';
import { bearerToken, type AgentSession, type Sessions } from './sessions.js';
import { Unauthorized, errorResponse, readWireRequest, resultResponse } from './wire-io.js';

/** An agent who may sign in, and with which password. */
export interface AgentCredential {
  id: string;
  email: string;
  password: string;
}

export interface HttpHandlerContext {
  backend: MemoryBackend;
  sessions: Sessions;
  credentials: readonly AgentCredential[];
  /** Prefix of every handler URL: `''` (the page's origin) or an absolute origin with a path. */
  base: string;
}

type Resolver = Parameters<typeof http.get>[1];
type Info = Parameters<Resolver>[0];

function on(method: Method | 'ALL', url: string, resolver: (info: Info) => Promise<Response>) {
  const register = {
    GET: http.get,
    POST: http.post,
    PUT: http.put,
    DELETE: http.delete,
    ALL: http.all,
  }[method];
  return register(url, async (info) => {
    try {
      return await resolver(info);
    } catch (error) {
      return errorResponse(error);
    }
  });
}

function agentSession(ctx: HttpHandlerContext, request: Request): AgentSession {
  const session = ctx.sessions.agentOf(bearerToken(request));
  if (!session) throw new Unauthorized('Sign in: the session token is missing or not valid.');
  return session;
}

function deviceOf(ctx: HttpHandlerContext, request: Request): string {
  const deviceId = ctx.sessions.deviceOf(bearerToken(request));
  if (!deviceId) throw new Unauthorized('The device token is missing or not valid.');
  return deviceId;
}

function checkRole(route: RouteSpec<unknown[]>, session: AgentSession): void {
  if (route.roles && !route.roles.includes(session.role)) {
    throw new AdapterError('forbidden', `The role ${session.role} may not do this.`);
  }
}

type Callable = Record<string, (...args: unknown[]) => Promise<unknown>>;

function agentHandlers(ctx: HttpHandlerContext): HttpHandler[] {
  return Object.entries(agentRoutes).map(([name, spec]) => {
    const route = spec as unknown as RouteSpec<unknown[]>;
    return on(route.method, ctx.base + API_PREFIX + route.path, async ({ request, params }) => {
      const session = agentSession(ctx, request);
      checkRole(route, session);
      const wire = await readWireRequest(request, params, route.schema);
      const adapter = ctx.backend.agent(session.agentId) as unknown as Callable;
      return resultResponse(await adapter[name]!(...route.decode(wire)));
    });
  });
}

function visitorHandlers(ctx: HttpHandlerContext): HttpHandler[] {
  return Object.entries(visitorRoutes).map(([name, spec]) => {
    const route = spec as unknown as RouteSpec<unknown[]>;
    return on(route.method, ctx.base + API_PREFIX + route.path, async ({ request, params }) => {
      const deviceId = deviceOf(ctx, request);
      const wire = await readWireRequest(request, params, route.schema);
      const adapter = ctx.backend.visitor(deviceId) as unknown as Callable;
      return resultResponse(await adapter[name]!(...route.decode(wire)));
    });
  });
}

function sessionHandlers(ctx: HttpHandlerContext): HttpHandler[] {
  const url = (path: string) => ctx.base + API_PREFIX + path;
  const { login, device } = sessionRoutes;
  return [
    on(login.method, url(login.path), async ({ request, params }) => {
      const { body } = await readWireRequest(request, params, login.schema);
      const { email, password } = body as { email: string; password: string };
      const credential = ctx.credentials.find(
        (c) => c.email.toLowerCase() === email.trim().toLowerCase(),
      );
      if (!credential || credential.password !== password) {
        throw new Unauthorized('Wrong email or password.');
      }
      const agent = await ctx.backend.agent(credential.id).me();
      const token = ctx.sessions.signIn({ agentId: agent.id, role: agent.role });
      return HttpResponse.json({ token, agent });
    }),
    on(device.method, url(device.path), async ({ request, params }) => {
      await readWireRequest(request, params, device.schema);
      const deviceId = `device-${crypto.randomUUID()}`;
      // Registers the visitor (and fails like any call while the backend is faulted).
      await ctx.backend.visitor(deviceId).resume();
      return HttpResponse.json({ token: ctx.sessions.deviceToken(deviceId), deviceId });
    }),
    on(sessionRoutes.agentUpload.method, url(sessionRoutes.agentUpload.path), async (info) => {
      const session = agentSession(ctx, info.request);
      const form = await uploadForm(info.request);
      return resultResponse(
        await ctx.backend.agent(session.agentId).upload(form.file, {
          purpose: form.purpose,
          conversationId: form.conversationId,
        }),
      );
    }),
    on(sessionRoutes.visitorUpload.method, url(sessionRoutes.visitorUpload.path), async (info) => {
      const deviceId = deviceOf(ctx, info.request);
      const form = await uploadForm(info.request);
      return resultResponse(
        await ctx.backend.visitor(deviceId).upload(form.file, { purpose: form.purpose }),
      );
    }),
  ];
}

/** The parts of a multipart upload: a `file` plus `purpose` and (agents) `conversationId`. */
async function uploadForm(request: Request) {
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    throw new AdapterError('invalid', 'An upload must be multipart/form-data.');
  }
  const file = form.get('file');
  if (!(file instanceof Blob)) {
    throw new AdapterError('invalid', 'The upload has no file part.', { field: 'file' });
  }
  const purpose = form.get('purpose');
  if (purpose !== 'attachment' && purpose !== 'inline') {
    throw new AdapterError('invalid', 'purpose must be attachment or inline.', {
      field: 'purpose',
    });
  }
  const conversationId = form.get('conversationId');
  return {
    file: file as UploadFile,
    purpose: purpose as 'attachment' | 'inline',
    conversationId: typeof conversationId === 'string' ? conversationId : undefined,
  };
}

/** Every HTTP handler, ending with a `not-found` for any other path under the API prefix. */
export function createHttpHandlers(ctx: HttpHandlerContext): HttpHandler[] {
  return [
    ...sessionHandlers(ctx),
    ...agentHandlers(ctx),
    ...visitorHandlers(ctx),
    on('ALL', `${ctx.base}${API_PREFIX}/*`, async ({ request }) => {
      const path = new URL(request.url).pathname;
      throw new AdapterError('not-found', `No route ${request.method} ${path}.`);
    }),
  ];
}
