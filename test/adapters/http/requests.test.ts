/**
 * The HTTP adapter's calls and the msw handlers' checks: tokens (401 → forbidden), roles (403),
 * schemas and malformed JSON (400 with the field), unknown routes (404), network failures
 * (offline), aborts, and the visitor device token kept in storage.
 */
import { expect } from '@open-wc/testing';
import { AdapterError } from '../../../src/adapters/adapter.js';
import {
  createHttpAgentAdapter,
  loginAgent,
  visitorStorageKey,
} from '../../../src/adapters/http/index.js';
import { SEED_IDS } from '../../../src/adapters/memory/index.js';
import { DEMO_PASSWORD } from '../../../src/adapters/msw/index.js';
import { memoryStorage } from '../../conformance/seed-ids.js';
import { stopWorker } from '../../conformance/msw-worker.js';
import { httpFixture, rawRequest, type HttpFixture } from './fixture.js';

async function failure(promise: Promise<unknown>): Promise<AdapterError> {
  try {
    await promise;
  } catch (error) {
    expect(error).to.be.instanceOf(AdapterError);
    return error as AdapterError;
  }
  throw new Error('expected a rejection');
}

const JORGE = SEED_IDS.jorge.conversationId;

describe('HTTP adapter: requests', () => {
  let fixture: HttpFixture;
  beforeEach(async () => {
    fixture = await httpFixture();
  });
  afterEach(async () => fixture.close());
  after(stopWorker);

  describe('authentication', () => {
    it('signs in with the seed password and refuses a wrong one with forbidden', async () => {
      const { token, agent } = await loginAgent(
        fixture.baseUrl,
        'MARCO.DIAZ@tiendaandina.pe',
        DEMO_PASSWORD,
      );
      expect(agent).to.include({ id: SEED_IDS.agents.supervisor, role: 'supervisor' });
      expect(token).to.match(/^agt_/);
      const wrong = await failure(loginAgent(fixture.baseUrl, agent.email, 'nope'));
      expect(wrong.code).to.equal('forbidden');
      expect(wrong.message).to.equal('Wrong email or password.');
      const unknown = await failure(
        loginAgent(fixture.baseUrl, 'nadie@example.com', DEMO_PASSWORD),
      );
      expect(unknown.code).to.equal('forbidden');
      const missing = await rawRequest(fixture, undefined, 'POST', '/auth/login', '{"email":"x"}');
      expect(missing.status).to.equal(400);
      expect(missing.body.error).to.include({ code: 'invalid', field: 'password' });
    });

    it('a revoked token answers 401: forbidden for the caller, onUnauthorized once per call', async () => {
      let unauthorized = 0;
      const { token } = await fixture.agent('agent');
      const adapter = createHttpAgentAdapter({
        baseUrl: fixture.baseUrl,
        token,
        onUnauthorized: () => unauthorized++,
      });
      expect((await adapter.me()).id).to.equal(SEED_IDS.agents.agent);
      fixture.mock.revoke(token);
      const error = await failure(adapter.me());
      expect(error.code).to.equal('forbidden');
      expect(unauthorized).to.equal(1);
      await failure(adapter.listConversations());
      expect(unauthorized).to.equal(2);
      const raw = await rawRequest(fixture, token, 'GET', '/me');
      expect(raw.status).to.equal(401);
      expect(raw.body.error?.code).to.equal('unauthorized');
      adapter.close();
    });

    it('a visitor token opens no agent route and an agent token no visitor route', async () => {
      const visitor = fixture.visitor();
      await visitor.resume();
      const { token } = await fixture.agent('agent');
      expect((await rawRequest(fixture, token, 'GET', '/visitor/session')).status).to.equal(401);
      const deviceToken = fixture.mock.deviceToken(SEED_IDS.visitors.known);
      expect((await rawRequest(fixture, deviceToken, 'GET', '/me')).status).to.equal(401);
      expect((await rawRequest(fixture, undefined, 'GET', '/me')).status).to.equal(401);
    });

    it('roles are checked before anything else: 403 forbidden', async () => {
      const { adapter, token } = await fixture.agent('agent');
      const error = await failure(adapter.unblockSender(SEED_IDS.blocked.address));
      expect(error.code).to.equal('forbidden');
      // Even with a malformed body, the role decides first.
      const raw = await rawRequest(fixture, token, 'PUT', '/quick-replies', '{oops');
      expect(raw.status).to.equal(403);
      const { adapter: supervisor } = await fixture.agent('supervisor');
      await supervisor.unblockSender(SEED_IDS.blocked.address);
      expect((await supervisor.listBlocked()).map((e) => e.address)).not.to.include(
        SEED_IDS.blocked.address,
      );
    });
  });

  describe('validation (400 invalid with the field)', () => {
    it('malformed JSON', async () => {
      const { token } = await fixture.agent('agent');
      const raw = await rawRequest(fixture, token, 'PUT', '/drafts', '{"conversationId": ');
      expect(raw.status).to.equal(400);
      expect(raw.body.error).to.deep.equal({
        code: 'invalid',
        message: 'The body is not valid JSON.',
      });
    });

    it('schema violations name the top-level field, in Fastify wording', async () => {
      const { token } = await fixture.agent('agent');
      const cases: Array<[string, string, string | undefined, string | undefined, string]> = [
        [
          'POST',
          '/block-list',
          '{"address":"a@b.com"}',
          'reason',
          "body must have required property 'reason'",
        ],
        [
          'POST',
          '/block-list',
          '{"address":"a@b.com","reason":"x","extra":1}',
          'extra',
          "body must NOT have additional property 'extra'",
        ],
        [
          'PUT',
          `/conversations/${JORGE}/status`,
          '{"status":"archived"}',
          'status',
          'body/status must be equal to one of the allowed values',
        ],
        [
          'PUT',
          `/conversations/${JORGE}/typing`,
          '{"typing":"yes"}',
          'typing',
          'body/typing must be boolean',
        ],
        [
          'POST',
          '/contacts',
          JSON.stringify({ name: 'A', emails: ['x'.repeat(321)] }),
          'emails',
          'body/emails/0 must NOT have more than 320 characters',
        ],
        [
          'GET',
          '/conversations?limit=abc',
          undefined,
          'limit',
          'querystring/limit must be integer',
        ],
        ['GET', '/conversations?limit=500', undefined, 'limit', 'querystring/limit must be <= 200'],
        [
          'GET',
          '/conversations?unread=maybe',
          undefined,
          'unread',
          'querystring/unread must be boolean',
        ],
        [
          'GET',
          '/conversations?color=red',
          undefined,
          'color',
          "querystring must NOT have additional property 'color'",
        ],
        [
          'GET',
          `/conversations/${JORGE}/draft`,
          undefined,
          'mode',
          "querystring must have required property 'mode'",
        ],
        ['PUT', '/drafts', '[]', undefined, 'body must be object'],
      ];
      for (const [method, path, body, field, message] of cases) {
        const raw = await rawRequest(fixture, token, method, path, body);
        expect(raw.status, `${method} ${path}`).to.equal(400);
        expect(raw.body.error, `${method} ${path}`).to.deep.equal(
          field === undefined ? { code: 'invalid', message } : { code: 'invalid', message, field },
        );
      }
      // Query strings are coerced like Fastify's: numbers and booleans.
      const ok = await rawRequest(fixture, token, 'GET', '/conversations?limit=2&unread=true');
      expect(ok.status).to.equal(200);
    });

    it('through the adapter: invalid with the field, and nothing changed', async () => {
      const { adapter } = await fixture.agent('agent');
      const error = await failure(
        adapter.listConversations({ limit: 'many' as unknown as number }),
      );
      expect(error).to.include({ code: 'invalid', field: 'limit' });
      const status = await failure(adapter.setStatus(JORGE, 'archived' as 'open'));
      expect(status).to.include({ code: 'invalid', field: 'status' });
      expect((await adapter.getConversation(JORGE)).conversation.status).to.equal('open');
    });

    it('an empty path parameter fails before any request', async () => {
      let requests = 0;
      const { token } = await fixture.agent('agent');
      const adapter = createHttpAgentAdapter({
        baseUrl: fixture.baseUrl,
        token,
        fetch: (...args) => {
          requests++;
          return fetch(...args);
        },
      });
      const error = await failure(adapter.getConversation(''));
      expect(error).to.include({ code: 'invalid', field: 'id' });
      expect(requests).to.equal(0);
      adapter.close();
    });

    it('an unknown route under the API prefix is not-found', async () => {
      const { token } = await fixture.agent('agent');
      const raw = await rawRequest(fixture, token, 'GET', '/nothing/here');
      expect(raw.status).to.equal(404);
      expect(raw.body.error?.code).to.equal('not-found');
    });
  });

  describe('transport failures', () => {
    it('a network failure is offline and retryable', async () => {
      const { token } = await fixture.agent('agent');
      const rejecting = createHttpAgentAdapter({
        baseUrl: fixture.baseUrl,
        token,
        fetch: () => Promise.reject(new TypeError('Failed to fetch')),
      });
      const error = await failure(rejecting.me());
      expect(error).to.include({ code: 'offline', retryable: true });
      // A real refused connection (nothing listens on port 9).
      const unreachable = createHttpAgentAdapter({ baseUrl: 'http://127.0.0.1:9', token });
      expect((await failure(unreachable.me())).code).to.equal('offline');
      rejecting.close();
      unreachable.close();
    });

    it('a server error without a wire body is unavailable; a garbled 2xx too', async () => {
      const { token } = await fixture.agent('agent');
      const html = createHttpAgentAdapter({
        baseUrl: fixture.baseUrl,
        token,
        fetch: async () => new Response('<h1>Bad gateway</h1>', { status: 502 }),
      });
      expect((await failure(html.me())).code).to.equal('unavailable');
      const garbled = createHttpAgentAdapter({
        baseUrl: fixture.baseUrl,
        token,
        fetch: async () => new Response('{"id":', { status: 200 }),
      });
      expect((await failure(garbled.me())).code).to.equal('unavailable');
      html.close();
      garbled.close();
    });

    it('aborting mid-request rejects at once with the signal reason', async () => {
      await fixture.close();
      fixture = await httpFixture({ backend: { latencyMs: 400 } });
      const { adapter } = await fixture.agent('agent');
      const controller = new AbortController();
      const started = performance.now();
      const call = adapter.getConversation(JORGE, { signal: controller.signal });
      setTimeout(() => controller.abort(), 30);
      const error = await call.catch((e: unknown) => e);
      expect((error as DOMException).name).to.equal('AbortError');
      expect(performance.now() - started).to.be.below(300, 'without waiting for the answer');

      const reason = new DOMException('Navigated away', 'AbortError');
      const custom = new AbortController();
      const second = adapter.listConversations({}, { signal: custom.signal });
      setTimeout(() => custom.abort(reason), 30);
      expect(await second.catch((e: unknown) => e)).to.equal(reason);
    });
  });

  describe('visitor device', () => {
    it('registers once, keeps the token in storage, and the same storage is the same visitor', async () => {
      const storage = memoryStorage();
      const first = fixture.visitor({ storage });
      const [a, b] = await Promise.all([first.resume(), first.resume()]);
      expect(a.visitor.id).to.equal(b.visitor.id, 'concurrent first calls share one device');
      const stored = JSON.parse(
        storage.getItem(visitorStorageKey(fixture.baseUrl, SEED_IDS.campaigns.es))!,
      );
      expect(stored.token).to.match(/^dev_/);
      expect(stored.deviceId).to.be.a('string');
      const again = await fixture.visitor({ storage }).resume();
      expect(again.visitor.id).to.equal(a.visitor.id);
      const other = await fixture.visitor().resume();
      expect(other.visitor.id).not.to.equal(a.visitor.id, 'a new browser is a new visitor');
    });

    it('a seeded device token resumes its history', async () => {
      const storage = memoryStorage();
      const deviceId = SEED_IDS.visitors.known;
      storage.setItem(
        visitorStorageKey(fixture.baseUrl, SEED_IDS.campaigns.es),
        JSON.stringify({ token: fixture.mock.deviceToken(deviceId), deviceId }),
      );
      const session = await fixture.visitor({ storage }).resume();
      expect(session.conversation?.id).to.equal(SEED_IDS.knownChat.conversationId);
      expect(session.messages.length).to.be.above(0);
    });

    it('a refused device token is forgotten: forbidden once, then a new visitor', async () => {
      const storage = memoryStorage();
      const visitor = fixture.visitor({ storage });
      const before = await visitor.resume();
      const key = visitorStorageKey(fixture.baseUrl, SEED_IDS.campaigns.es);
      fixture.mock.revoke(JSON.parse(storage.getItem(key)!).token);
      expect((await failure(visitor.resume())).code).to.equal('forbidden');
      expect(storage.getItem(key)).to.equal(null);
      const after = await visitor.resume();
      expect(after.visitor.id).not.to.equal(before.visitor.id);
    });

    it('device registration fails like any call while the backend is offline', async () => {
      const visitor = fixture.visitor();
      fixture.backend.fault('offline');
      expect((await failure(visitor.resume())).code).to.equal('offline');
      fixture.backend.fault(null);
      expect((await visitor.resume()).conversation).to.equal(null);
    });
  });
});
