/**
 * The WebSocket half of the contract on a real listening server: ready/event frames, resume
 * without duplicates, reset, presence both ways, heartbeat, bad tokens and shutdown.
 */
import assert from 'node:assert/strict';
import { afterEach, describe, it } from 'node:test';
import {
  AGENT_SOCKET_PATH,
  API_PREFIX,
  CLOSE_SHUTDOWN,
  CLOSE_UNAUTHORIZED,
  VISITOR_SOCKET_PATH,
} from '../../../src/adapters/contract/index.js';
import { SEED_IDS } from '../../../src/adapters/memory/index.js';
import type { ServerConfig } from '../../../src/adapters/node/config.js';
import {
  bearer,
  eventOf,
  sleep,
  SocketClient,
  socketUrl,
  testServer,
  type Frame,
  type TestServer,
} from './helpers.js';

const JORGE = SEED_IDS.jorge.conversationId;

describe('server: live sockets', () => {
  let server: TestServer;
  const sockets: SocketClient[] = [];

  async function start(overrides: Partial<ServerConfig> = {}) {
    server = await testServer(overrides, { listen: true });
    return server;
  }
  async function agentSocket(token?: string) {
    const client = await SocketClient.open(
      socketUrl(server, AGENT_SOCKET_PATH, token ?? (await server.login('agent'))),
    );
    sockets.push(client);
    return client;
  }
  async function visitorSocket(token: string) {
    const client = await SocketClient.open(socketUrl(server, VISITOR_SOCKET_PATH, token));
    sockets.push(client);
    return client;
  }
  async function setStatus(token: string, status: 'open' | 'completed') {
    const res = await server.request({
      method: 'PUT',
      url: `${API_PREFIX}/conversations/${JORGE}/status`,
      headers: bearer(token),
      payload: { status },
    });
    assert.equal(res.statusCode, 200, res.body);
  }
  const statusEvent = (status: string) =>
    eventOf(
      'conversation.updated',
      (e) =>
        (e['conversation'] as { id: string; status: string }).id === JORGE &&
        (e['conversation'] as { status: string }).status === status,
    );

  afterEach(async () => {
    for (const s of sockets.splice(0)) s.ws.terminate();
    await server?.stop();
  });

  it('an agent socket gets ready, then message.created after a visitor sends', async () => {
    await start();
    const agent = await agentSocket();
    const ready = await agent.next();
    assert.equal(ready.type, 'ready');
    assert.ok(Number.isSafeInteger(ready.seq));
    const device = server.tokens.device(SEED_IDS.visitors.known, SEED_IDS.campaigns.es);
    const res = await server.request({
      method: 'POST',
      url: `${API_PREFIX}/visitor/messages`,
      headers: bearer(device),
      payload: { clientId: 'live-1', text: '¿Llegó mi pedido?' },
    });
    assert.equal(res.statusCode, 200, res.body);
    const frame = await agent.next(eventOf('message.created'));
    assert.equal(frame.seq, ready.seq! + 1, 'numbered right after ready');
    assert.equal((frame.event!['message'] as { text: string }).text, '¿Llegó mi pedido?');
    agent.send({ type: 'ping' });
    assert.equal((await agent.next((f) => f.type === 'pong')).type, 'pong');
  });

  it('resume after a drop replays the missed events once, in order, then live ones', async () => {
    await start();
    const token = await server.login('agent');
    const first = await agentSocket(token);
    await first.next((f) => f.type === 'ready');
    await setStatus(token, 'completed');
    const seen = await first.next(statusEvent('completed'));
    await first.close();

    // While the agent is away (within the grace period), two more changes happen.
    await setStatus(token, 'open');
    await setStatus(token, 'completed');
    await sleep(20);

    const second = await agentSocket(token);
    const ready = await second.next((f) => f.type === 'ready');
    second.send({ type: 'resume', after: seen.seq });
    const missed = ready.seq! - seen.seq!;
    assert.ok(missed >= 2, `two changes were logged while away (${missed})`);
    const replayed: Frame[] = [];
    for (let i = 0; i < missed; i++) replayed.push(await second.next());
    assert.deepEqual(
      replayed.map((f) => f.seq),
      Array.from({ length: missed }, (_, i) => seen.seq! + 1 + i),
      'exactly the missed events, in order',
    );
    assert.ok(replayed.every((f) => f.type === 'event'));
    const statuses = replayed
      .filter((f) => f.event?.type === 'conversation.updated')
      .map((f) => (f.event!['conversation'] as { status: string }).status);
    assert.deepEqual(statuses.slice(-2), ['open', 'completed']);
    await setStatus(token, 'open');
    const live = await second.next(statusEvent('open'));
    assert.equal(live.seq, ready.seq! + 1, 'the next live event follows, no gap');
    await sleep(30);
    const all = second.frames.filter((f) => f.type === 'event').map((f) => f.seq);
    assert.equal(new Set(all).size, all.length, 'no event twice');
  });

  it('answers reset when the missed events are no longer kept', async () => {
    await start({ eventBufferSize: 2 });
    const token = await server.login('agent');
    const first = await agentSocket(token);
    await first.next((f) => f.type === 'ready');
    await setStatus(token, 'completed');
    const seen = await first.next(statusEvent('completed'));
    await first.close();
    for (const status of ['open', 'completed', 'open'] as const) await setStatus(token, status);
    await sleep(20);
    const second = await agentSocket(token);
    const ready = await second.next((f) => f.type === 'ready');
    second.send({ type: 'resume', after: seen.seq });
    const reset = await second.next();
    assert.deepEqual(reset, { type: 'reset', seq: ready.seq });
  });

  it('answers reset after the server stopped listening (grace over), or for a foreign seq', async () => {
    await start({ agentGraceMs: 1 });
    const token = await server.login('agent');
    const first = await agentSocket(token);
    const ready1 = await first.next((f) => f.type === 'ready');
    await first.close();
    await sleep(30);
    assert.equal(server.live.agents.listening, false);
    const second = await agentSocket(token);
    const ready2 = await second.next((f) => f.type === 'ready');
    assert.ok(ready2.seq! > ready1.seq!, 'a gap was recorded');
    second.send({ type: 'resume', after: ready1.seq });
    assert.equal((await second.next()).type, 'reset');
    second.send({ type: 'resume', after: ready2.seq! + 1000 });
    assert.equal((await second.next()).type, 'reset', 'a seq this server never issued');
  });

  it('answers reset instead of replaying behind live events already sent', async () => {
    await start();
    const token = await server.login('agent');
    const first = await agentSocket(token);
    await first.next((f) => f.type === 'ready');
    await setStatus(token, 'completed');
    const seen = await first.next(statusEvent('completed'));
    const second = await agentSocket(token);
    await second.next((f) => f.type === 'ready');
    await setStatus(token, 'open');
    await second.next(statusEvent('open'));
    second.send({ type: 'resume', after: seen.seq! - 1 });
    assert.equal((await second.next()).type, 'reset');
  });

  it('a visitor socket makes the visitor online for agents; closing it makes them offline', async () => {
    await start();
    const token = await server.login('agent');
    const agent = await agentSocket(token);
    await agent.next((f) => f.type === 'ready');
    const visitor = await visitorSocket(
      server.tokens.device(SEED_IDS.jorge.deviceId, SEED_IDS.campaigns.es),
    );
    assert.equal((await visitor.next()).type, 'ready');
    const online = await agent.next(eventOf('presence', (e) => e['conversationId'] === JORGE));
    assert.equal(online.event!['online'], true);
    const summary = await server.request({
      url: `${API_PREFIX}/conversations?limit=200`,
      headers: bearer(token),
    });
    const jorge = summary
      .json<{ items: Array<{ id: string; visitorOnline: boolean }> }>()
      .items.find((c) => c.id === JORGE);
    assert.equal(jorge?.visitorOnline, true);
    await visitor.close();
    const offline = await agent.next(eventOf('presence', (e) => e['conversationId'] === JORGE));
    assert.equal(offline.event!['online'], false);
  });

  it('visitors see agents online while an agent socket is open', async () => {
    await start({ agentGraceMs: 1 });
    const { token } = await server.device();
    const session = async () =>
      (
        await server.request({ url: `${API_PREFIX}/visitor/session`, headers: bearer(token) })
      ).json<{
        agentsOnline: boolean;
      }>().agentsOnline;
    assert.equal(await session(), false);
    const visitor = await visitorSocket(token);
    await visitor.next((f) => f.type === 'ready');
    const agent = await agentSocket();
    const on = await visitor.next(eventOf('presence'));
    assert.equal(on.event!['agentsOnline'], true);
    assert.equal(await session(), true);
    await agent.close();
    const off = await visitor.next(eventOf('presence'));
    assert.equal(off.event!['agentsOnline'], false);
    visitor.send({ type: 'resume', after: 3 });
    assert.equal((await visitor.next()).type, 'reset', 'visitors reload instead of resuming');
  });

  it('closes sockets with a bad token with CLOSE_UNAUTHORIZED before any frame', async () => {
    await start();
    const device = (await server.device()).token;
    const agentToken = await server.login('agent');
    for (const [path, token] of [
      [AGENT_SOCKET_PATH, ''],
      [AGENT_SOCKET_PATH, 'garbage'],
      [AGENT_SOCKET_PATH, device],
      [VISITOR_SOCKET_PATH, agentToken],
    ] as const) {
      const client = await SocketClient.open(socketUrl(server, path, token));
      const closed = await client.closed;
      assert.equal(closed.code, CLOSE_UNAUTHORIZED, `${path} with ${token.slice(0, 8)}`);
      assert.deepEqual(client.frames, []);
    }
  });

  it('cuts a socket that stays silent past the heartbeat timeout, keeps one that pings', async () => {
    await start({ heartbeatTimeoutMs: 200 });
    const silent = await agentSocket();
    const talker = await agentSocket();
    const pinger = setInterval(() => talker.send({ type: 'ping' }), 50);
    try {
      const closed = await Promise.race([silent.closed, sleep(2000).then(() => null)]);
      assert.ok(closed, 'the silent socket was closed');
      assert.equal(talker.ws.readyState, talker.ws.OPEN, 'the pinging socket stays');
    } finally {
      clearInterval(pinger);
    }
  });

  it('close() shuts sockets with CLOSE_SHUTDOWN and the backend refuses calls after', async () => {
    await start();
    const agent = await agentSocket();
    const visitor = await visitorSocket((await server.device()).token);
    await agent.next((f) => f.type === 'ready');
    await visitor.next((f) => f.type === 'ready');
    await server.close();
    assert.equal((await agent.closed).code, CLOSE_SHUTDOWN);
    assert.equal((await visitor.closed).code, CLOSE_SHUTDOWN);
    await assert.rejects(server.backend.agent('agent').me(), { code: 'unavailable' });
  });
});
