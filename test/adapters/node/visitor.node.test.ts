/**
 * Visitors reach only their own conversation: the device token is the only thing that chooses it
 * (visitor routes have no ids), over HTTP and over the socket.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { API_PREFIX, VISITOR_SOCKET_PATH } from '../../../src/adapters/contract/index.js';
import {
  assertError,
  bearer,
  eventOf,
  sleep,
  SocketClient,
  socketUrl,
  testServer,
  type TestServer,
} from './helpers.js';

describe('server: visitor isolation', () => {
  let server: TestServer;
  before(async () => {
    server = await testServer({}, { listen: true });
  });
  after(() => server.stop());

  async function visitorSays(token: string, text: string, clientId: string) {
    const res = await server.request({
      method: 'POST',
      url: `${API_PREFIX}/visitor/messages`,
      headers: bearer(token),
      payload: { clientId, text },
    });
    assert.equal(res.statusCode, 200, res.body);
    return res.json<{ id: string; text: string }>();
  }

  async function identify(token: string, email: string) {
    const res = await server.request({
      method: 'POST',
      url: `${API_PREFIX}/visitor/identity`,
      headers: bearer(token),
      payload: { email, name: email.split('@')[0] },
    });
    assert.equal(res.statusCode, 200, res.body);
  }

  it('device B never sees device A’s messages (history, resume, socket)', async () => {
    const a = await server.device();
    const b = await server.device();
    assert.notEqual(a.deviceId, b.deviceId);
    await identify(a.token, 'ana.visitante@example.com');
    await identify(b.token, 'beto.visitante@example.com');
    const socketB = await SocketClient.open(socketUrl(server, VISITOR_SOCKET_PATH, b.token));
    const socketA = await SocketClient.open(socketUrl(server, VISITOR_SOCKET_PATH, a.token));
    await socketA.next((f) => f.type === 'ready');
    await socketB.next((f) => f.type === 'ready');

    const secret = await visitorSays(a.token, 'Mi DNI es 40404040', 'a-1');
    await socketA.next(
      eventOf('message.created', (e) => (e['message'] as { id: string }).id === secret.id),
    );
    const history = await server.request({
      url: `${API_PREFIX}/visitor/messages`,
      headers: bearer(b.token),
    });
    assert.equal(history.statusCode, 200);
    assert.deepEqual(history.json().items, [], 'B has no history');
    const session = await server.request({
      url: `${API_PREFIX}/visitor/session`,
      headers: bearer(b.token),
    });
    assert.equal(session.json().conversation, null, 'B has no conversation');
    assert.ok(!session.body.includes('40404040'));

    const own = await visitorSays(b.token, 'Hola, soy B', 'b-1');
    await socketB.next(
      eventOf('message.created', (e) => (e['message'] as { id: string }).id === own.id),
    );
    await sleep(50);
    const seenByB = JSON.stringify(socketB.frames);
    assert.ok(!seenByB.includes('40404040'), 'B’s socket never carried A’s message');
    assert.ok(!seenByB.includes(secret.id));
    const sessionA = await server.request({
      url: `${API_PREFIX}/visitor/session`,
      headers: bearer(a.token),
    });
    assert.deepEqual(
      sessionA.json<{ messages: Array<{ text: string }> }>().messages.map((m) => m.text),
      ['Mi DNI es 40404040'],
      'A sees only its own message',
    );
    // An id B learned cannot be used to page into A's conversation.
    const probe = await server.request({
      url: `${API_PREFIX}/visitor/messages?before=${secret.id}`,
      headers: bearer(b.token),
    });
    assertError(probe, 404, 'not-found');
    await socketA.close();
    await socketB.close();
  });

  it('a device token whose device id was swapped is refused', async () => {
    const a = await server.device();
    const b = await server.device();
    const [body, sig] = b.token.split('.');
    const claims = JSON.parse(Buffer.from(body!, 'base64url').toString());
    const swapped = Buffer.from(JSON.stringify({ ...claims, sub: a.deviceId })).toString(
      'base64url',
    );
    const res = await server.request({
      url: `${API_PREFIX}/visitor/session`,
      headers: bearer(`${swapped}.${sig}`),
    });
    assertError(res, 401, 'unauthorized', { message: /not valid/ });
    const socket = await SocketClient.open(
      socketUrl(server, VISITOR_SOCKET_PATH, `${swapped}.${sig}`),
    );
    const closed = await socket.closed;
    assert.equal(closed.code, 4401);
    assert.deepEqual(socket.frames, [], 'no frame before the close');
  });

  it('refuses a device request without a campaign', async () => {
    const res = await server.request({
      method: 'POST',
      url: `${API_PREFIX}/visitor/devices`,
      payload: {},
    });
    assertError(res, 400, 'invalid', { field: 'campaignId' });
  });

  it('a visitor send is idempotent by clientId and validated', async () => {
    const v = await server.device();
    await identify(v.token, 'carla.visitante@example.com');
    const first = await visitorSays(v.token, 'Hola', 'same');
    const again = await visitorSays(v.token, 'Hola otra vez', 'same');
    assert.equal(again.id, first.id);
    const empty = await server.request({
      method: 'POST',
      url: `${API_PREFIX}/visitor/messages`,
      headers: bearer(v.token),
      payload: { clientId: 'x', text: '   ' },
    });
    assertError(empty, 400, 'invalid', { field: 'text' });
    const wrong = await server.request({
      method: 'POST',
      url: `${API_PREFIX}/visitor/messages`,
      headers: bearer(v.token),
      payload: { clientId: 'y', text: 5 },
    });
    assertError(wrong, 400, 'invalid', { field: 'text' });
  });
});
