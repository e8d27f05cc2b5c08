/**
 * The adapter routes over HTTP (inject): the happy path through the generic route loop, and every
 * bad input of the issue answering a specific status + code + message without touching the store.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { API_PREFIX } from '../../../src/adapters/contract/index.js';
import { SEED_IDS } from '../../../src/adapters/memory/index.js';
import { assertError, bearer, testServer, type TestServer } from './helpers.js';

const JORGE = SEED_IDS.jorge.conversationId;

describe('server: adapter routes', () => {
  let server: TestServer;
  let agent: string;
  let supervisor: string;

  before(async () => {
    server = await testServer({ bodyLimit: 64 * 1024 });
    agent = await server.login('agent');
    supervisor = await server.login('supervisor');
  });
  after(() => server.stop());

  it('login → me → listConversations', async () => {
    const me = await server.request({ url: `${API_PREFIX}/me`, headers: bearer(agent) });
    assert.equal(me.statusCode, 200);
    assert.equal(me.json().id, SEED_IDS.agents.agent);
    const page = await server.request({
      url: `${API_PREFIX}/conversations?limit=3&status=open`,
      headers: bearer(agent),
    });
    assert.equal(page.statusCode, 200, page.body);
    const body = page.json<{ items: Array<{ status: string }>; nextCursor?: string }>();
    assert.equal(body.items.length, 3, 'the limit, coerced from the query string');
    assert.ok(body.items.every((c) => c.status === 'open'));
  });

  it('answers void methods with 204 and null results with JSON null', async () => {
    const typing = await server.request({
      method: 'PUT',
      url: `${API_PREFIX}/conversations/${JORGE}/typing`,
      headers: bearer(agent),
      payload: { typing: true },
    });
    assert.equal(typing.statusCode, 204);
    assert.equal(typing.body, '');
    const draft = await server.request({
      url: `${API_PREFIX}/conversations/${JORGE}/draft?mode=new`,
      headers: bearer(agent),
    });
    assert.equal(draft.statusCode, 200);
    assert.equal(draft.body, 'null');
  });

  it('passes the domain errors through with their status and field', async () => {
    const res = await server.request({
      method: 'POST',
      url: `${API_PREFIX}/block-list`,
      headers: bearer(agent),
      payload: { address: 'spam@bad.example', reason: '  ' },
    });
    assertError(res, 400, 'invalid', { field: 'reason' });
    const missing = await server.request({
      url: `${API_PREFIX}/conversations/conv-nope`,
      headers: bearer(agent),
    });
    assertError(missing, 404, 'not-found', { message: /conv-nope/ });
  });

  it('accepts a POST without arguments even when it declares an empty JSON body', async () => {
    const res = await server.request({
      method: 'POST',
      url: `${API_PREFIX}/conversations/${JORGE}/read`,
      headers: { ...bearer(agent), 'content-type': 'application/json' },
      payload: '',
    });
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.json().read, true);
  });

  describe('bad input changes nothing', () => {
    let before: string;
    const unchanged = async () =>
      assert.equal(await server.snapshot(), before, 'the store is unchanged');

    it('malformed JSON → 400 invalid', async () => {
      before = await server.snapshot();
      const res = await server.request({
        method: 'PUT',
        url: `${API_PREFIX}/conversations/${JORGE}/status`,
        headers: { ...bearer(agent), 'content-type': 'application/json' },
        payload: '{"status": "completed"',
      });
      assertError(res, 400, 'invalid', { message: /not valid JSON/ });
      await unchanged();
    });

    it('wrong types → 400 invalid naming the field (no coercion in bodies)', async () => {
      before = await server.snapshot();
      const typing = await server.request({
        method: 'PUT',
        url: `${API_PREFIX}/conversations/${JORGE}/typing`,
        headers: bearer(agent),
        payload: { typing: 'true' },
      });
      assertError(typing, 400, 'invalid', { field: 'typing', message: /boolean/ });
      const status = await server.request({
        method: 'PUT',
        url: `${API_PREFIX}/conversations/${JORGE}/status`,
        headers: bearer(agent),
        payload: { status: 'archived' },
      });
      assertError(status, 400, 'invalid', { field: 'status', message: /allowed values/ });
      const missing = await server.request({
        method: 'POST',
        url: `${API_PREFIX}/block-list`,
        headers: bearer(agent),
        payload: { address: 'x@y.example' },
      });
      assertError(missing, 400, 'invalid', { field: 'reason', message: /required property/ });
      const extra = await server.request({
        method: 'PUT',
        url: `${API_PREFIX}/conversations/${JORGE}/status`,
        headers: bearer(agent),
        payload: { status: 'completed', force: true },
      });
      assertError(extra, 400, 'invalid', { field: 'force', message: /additional properties/ });
      const nested = await server.request({
        method: 'POST',
        url: `${API_PREFIX}/contacts`,
        headers: bearer(agent),
        payload: { name: 'Ana', emails: ['a@b.example', 42] },
      });
      assertError(nested, 400, 'invalid', { field: 'emails' });
      const query = await server.request({
        url: `${API_PREFIX}/conversations?limit=ten`,
        headers: bearer(agent),
      });
      assertError(query, 400, 'invalid', { field: 'limit', message: /integer/ });
      const range = await server.request({
        url: `${API_PREFIX}/conversations?limit=0`,
        headers: bearer(agent),
      });
      assertError(range, 400, 'invalid', { field: 'limit' });
      const unread = await server.request({
        url: `${API_PREFIX}/conversations?unread=yes`,
        headers: bearer(agent),
      });
      assertError(unread, 400, 'invalid', { field: 'unread', message: /boolean/ });
      await unchanged();
    });

    it('oversized body → 413 too-large with the limit', async () => {
      before = await server.snapshot();
      const res = await server.request({
        method: 'POST',
        url: `${API_PREFIX}/block-list`,
        headers: bearer(agent),
        payload: { address: 'big@spam.example', reason: 'x'.repeat(70 * 1024) },
      });
      assertError(res, 413, 'too-large', { limit: 64 * 1024 });
      await unchanged();
    });

    it('unknown route → 404 not-found', async () => {
      before = await server.snapshot();
      const res = await server.request({
        method: 'POST',
        url: `${API_PREFIX}/conversations/${JORGE}/archive`,
        headers: bearer(agent),
      });
      assertError(res, 404, 'not-found', { message: /archive/ });
      const outside = await server.request({ url: '/wp-login.php' });
      assertError(outside, 404, 'not-found');
      await unchanged();
    });

    it('missing, malformed, forged and expired tokens → 401 unauthorized', async () => {
      before = await server.snapshot();
      const url = `${API_PREFIX}/conversations/${JORGE}/status`;
      const payload = { status: 'completed' };
      const none = await server.request({ method: 'PUT', url, payload });
      assertError(none, 401, 'unauthorized', { message: /Sign in/ });
      const wrongScheme = await server.request({
        method: 'PUT',
        url,
        payload,
        headers: { authorization: `Basic ${agent}` },
      });
      assertError(wrongScheme, 401, 'unauthorized');
      const malformed = await server.request({
        method: 'PUT',
        url,
        payload,
        headers: bearer('abc'),
      });
      assertError(malformed, 401, 'unauthorized');
      // A token whose claims were edited (role raised) keeps the old signature: forged.
      const [body, sig] = supervisor.split('.');
      const claims = JSON.parse(Buffer.from(body!, 'base64url').toString());
      const raised = Buffer.from(
        JSON.stringify({ ...claims, sub: SEED_IDS.agents.coordinator }),
      ).toString('base64url');
      const forged = await server.request({
        method: 'PUT',
        url,
        payload,
        headers: bearer(`${raised}.${sig}`),
      });
      assertError(forged, 401, 'unauthorized', { message: /not valid/ });
      await unchanged();
    });

    it('an expired token, or one of another server, → 401', async () => {
      let now = new Date();
      const skewed = await testServer({ tokenTtlSeconds: 60 }, { now: () => now });
      try {
        const token = await skewed.login('agent');
        const ok = await skewed.request({ url: `${API_PREFIX}/me`, headers: bearer(token) });
        assert.equal(ok.statusCode, 200);
        const foreign = await server.request({ url: `${API_PREFIX}/me`, headers: bearer(token) });
        assertError(foreign, 401, 'unauthorized', { message: /not valid/ });
        now = new Date(now.getTime() + 61_000);
        const res = await skewed.request({ url: `${API_PREFIX}/me`, headers: bearer(token) });
        assertError(res, 401, 'unauthorized', { message: /expired/ });
      } finally {
        await skewed.stop();
      }
    });

    it('a visitor token on agent routes → 401', async () => {
      before = await server.snapshot();
      const { token } = await server.device();
      const me = await server.request({ url: `${API_PREFIX}/me`, headers: bearer(token) });
      assertError(me, 401, 'unauthorized');
      const status = await server.request({
        method: 'PUT',
        url: `${API_PREFIX}/conversations/${JORGE}/status`,
        headers: bearer(token),
        payload: { status: 'completed' },
      });
      assertError(status, 401, 'unauthorized');
      // …and an agent token on visitor routes.
      const visitor = await server.request({
        url: `${API_PREFIX}/visitor/session`,
        headers: bearer(agent),
      });
      assertError(visitor, 401, 'unauthorized');
      await unchanged();
    });

    it('an agent calling supervisor routes → 403 forbidden', async () => {
      before = await server.snapshot();
      const save = await server.request({
        method: 'PUT',
        url: `${API_PREFIX}/quick-replies`,
        headers: bearer(agent),
        payload: { title: 'Hola', category: 'Saludos', body: 'Hola, ¿en qué ayudo?' },
      });
      assertError(save, 403, 'forbidden', { message: /supervisors/ });
      const unblock = await server.request({
        method: 'DELETE',
        url: `${API_PREFIX}/block-list/${encodeURIComponent(SEED_IDS.blocked.address)}`,
        headers: bearer(agent),
      });
      assertError(unblock, 403, 'forbidden');
      const remove = await server.request({
        method: 'DELETE',
        url: `${API_PREFIX}/quick-replies/${Object.values(SEED_IDS.quickReplies)[0]}`,
        headers: bearer(agent),
      });
      assertError(remove, 403, 'forbidden');
      await unchanged();
      // A supervisor may.
      const allowed = await server.request({
        method: 'DELETE',
        url: `${API_PREFIX}/block-list/${encodeURIComponent(SEED_IDS.blocked.address)}`,
        headers: bearer(supervisor),
      });
      assert.equal(allowed.statusCode, 204, allowed.body);
    });

    it('wrong credentials → 401 without saying which part was wrong', async () => {
      const wrongPassword = await server.request({
        method: 'POST',
        url: `${API_PREFIX}/auth/login`,
        payload: { email: 'lucia.ramos@tiendaandina.pe', password: 'nope' },
      });
      assertError(wrongPassword, 401, 'unauthorized');
      const unknown = await server.request({
        method: 'POST',
        url: `${API_PREFIX}/auth/login`,
        payload: { email: 'nobody@tiendaandina.pe', password: 'demo' },
      });
      assertError(unknown, 401, 'unauthorized');
      assert.equal(unknown.json().error.message, wrongPassword.json().error.message);
      const shape = await server.request({
        method: 'POST',
        url: `${API_PREFIX}/auth/login`,
        payload: { email: 'lucia.ramos@tiendaandina.pe' },
      });
      assertError(shape, 400, 'invalid', { field: 'password' });
    });
  });
});
