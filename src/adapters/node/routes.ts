/**
 * The adapter routes: ONE registration loop over the contract's tables (`agentRoutes`,
 * `visitorRoutes`), no code per method. Each route authenticates the caller (`onRequest`, before
 * the body is even read), validates params, query and body against the row's JSON Schemas, decodes
 * the request into the method's arguments with the row's `decode`, and calls the backend as that
 * caller: `backend.agent(agentId)[method](...)` or `backend.visitor(deviceId)[method](...)`. A
 * visitor route has no id in it: the device token alone chooses the conversation.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest, FastifySchema } from 'fastify';
import type { CallOptions } from '../adapter.js';
import {
  agentRoutes,
  API_PREFIX,
  visitorRoutes,
  type RouteSpec,
  type WireRequest,
} from '../contract/index.js';
import type { MemoryBackend } from '../memory/index.js';
import { requireAgent, requireDevice } from './auth/guards.js';
import type { Tokens } from './auth/tokens.js';
import { queryCoercion } from './query-coercion.js';

type AnyRoute = RouteSpec<unknown[]>;
type Call = (...args: unknown[]) => Promise<unknown>;

export function registerAdapterRoutes(
  app: FastifyInstance,
  backend: MemoryBackend,
  tokens: Tokens,
): void {
  for (const [name, spec] of Object.entries(agentRoutes) as Array<[string, AnyRoute]>) {
    register(app, spec, requireAgent(tokens, name, spec.roles), (request) => {
      const adapter = backend.agent(request.agentClaims!.sub);
      return (adapter[name as keyof typeof adapter] as Call).bind(adapter);
    });
  }
  for (const [name, spec] of Object.entries(visitorRoutes) as Array<[string, AnyRoute]>) {
    register(app, spec, requireDevice(tokens), (request) => {
      const adapter = backend.visitor(request.deviceClaims!.sub);
      return (adapter[name as keyof typeof adapter] as Call).bind(adapter);
    });
  }
}

function register(
  app: FastifyInstance,
  spec: AnyRoute,
  authenticate: ReturnType<typeof requireDevice>,
  method: (request: FastifyRequest) => Call,
): void {
  const schema: FastifySchema = {};
  if (spec.schema.params) schema.params = spec.schema.params;
  if (spec.schema.query) schema.querystring = spec.schema.query;
  if (spec.schema.body) schema.body = spec.schema.body;
  const coerce = queryCoercion(spec.schema.query);
  app.route({
    method: spec.method,
    url: API_PREFIX + spec.path,
    schema,
    onRequest: authenticate,
    ...(coerce ? { preValidation: coerce } : {}),
    handler: async (request: FastifyRequest, reply: FastifyReply) => {
      const wire: WireRequest = {
        params: (request.params ?? {}) as Record<string, string>,
        query: (request.query ?? {}) as Record<string, string>,
        body: request.body,
      };
      const args = spec.decode(wire).slice(0, spec.arity);
      while (args.length < spec.arity) args.push(undefined);
      const options: CallOptions = { signal: abortSignalOf(reply) };
      const result = await method(request)(...args, options);
      if (result === undefined) return reply.code(204).send();
      return reply.type('application/json; charset=utf-8').send(JSON.stringify(result));
    },
  });
}

/** Aborted when the client goes away before the answer is written. */
function abortSignalOf(reply: FastifyReply): AbortSignal {
  const controller = new AbortController();
  reply.raw.once('close', () => {
    if (!reply.raw.writableFinished)
      controller.abort(new DOMException('The client left.', 'AbortError'));
  });
  return controller.signal;
}
