/**
 * The HTTP adapter's live socket against scripted servers (msw `ws.link`): exactly the frames a
 * test needs — duplicates, stale seqs, resets, refusals — to check the client's rules.
 */
import { expect } from '@open-wc/testing';
import { ws, type WebSocketHandlerConnection } from 'msw';
import type { AgentEvent } from '../../../src/adapters/adapter.js';
import {
  AGENT_SOCKET_PATH,
  API_PREFIX,
  CLOSE_UNAUTHORIZED,
} from '../../../src/adapters/contract/index.js';
import { createHttpAgentAdapter } from '../../../src/adapters/http/index.js';
import {
  releaseHandlers,
  stopWorker,
  uniqueBaseUrl,
  useHandlers,
} from '../../conformance/msw-worker.js';
import { sleep, until } from './fixture.js';

type Client = WebSocketHandlerConnection['client'];

/** A server that runs `script` on each connection (numbered from 1) and records client frames. */
async function scriptedServer(script: (client: Client, connection: number) => void) {
  const baseUrl = uniqueBaseUrl();
  const frames: string[] = [];
  let connections = 0;
  const handler = ws
    .link(`${baseUrl}${API_PREFIX}${AGENT_SOCKET_PATH}`)
    .addEventListener('connection', ({ client }) => {
      const n = ++connections;
      client.addEventListener('message', (event) => frames.push(`${n}:${String(event.data)}`));
      script(client, n);
    });
  const set = { handlers: [handler] };
  await useHandlers(set);
  return {
    baseUrl,
    frames,
    connections: () => connections,
    release: () => releaseHandlers(set),
  };
}

const event = (seq: number, id: string) =>
  JSON.stringify({
    type: 'event',
    seq,
    event: { type: 'presence', conversationId: id, visitorId: 'v', online: true },
  });

const label = (e: AgentEvent) =>
  e.type === 'presence'
    ? e.conversationId
    : e.type === 'connection'
      ? `connection:${e.live ? 'up' : 'down'}`
      : e.type;

describe('HTTP adapter: live socket rules', () => {
  after(stopWorker);

  it('drops duplicates and stale seqs, resumes after a drop, turns reset into resync', async () => {
    const server = await scriptedServer((client, n) => {
      if (n === 1) {
        client.send(JSON.stringify({ type: 'ready', seq: 5 }));
        for (const frame of [event(6, 'A'), event(6, 'A'), event(5, 'old'), event(7, 'B')])
          client.send(frame);
        setTimeout(() => client.close(1012, 'restart'), 50);
      } else {
        client.send(JSON.stringify({ type: 'ready', seq: 9 }));
        client.addEventListener('message', (message) => {
          if (!String(message.data).includes('resume')) return;
          client.send(event(7, 'B'));
          client.send(event(8, 'C'));
          client.send(JSON.stringify({ type: 'reset', seq: 20 }));
          client.send(event(20, 'stale'));
          client.send(event(21, 'D'));
        });
      }
    });
    const adapter = createHttpAgentAdapter({
      baseUrl: server.baseUrl,
      token: 'scripted',
      reconnect: { baseMs: 20, capMs: 20 },
    });
    const seen: string[] = [];
    const stop = adapter.subscribe((e) => seen.push(label(e)));
    try {
      await until(() => seen.length >= 7, 'seven deliveries');
      await sleep(50);
      expect(seen).to.deep.equal([
        'A',
        'B',
        'connection:down',
        'connection:up',
        'C',
        'resync',
        'D',
      ]);
      expect(server.connections()).to.equal(2);
      expect(server.frames).to.deep.equal(['1:{"type":"ping"}', '2:{"type":"resume","after":7}']);
    } finally {
      stop();
      adapter.close();
      await server.release();
    }
  });

  it('one socket for all listeners, each listener gets its own copy; closed after the last', async () => {
    let closedByClient = 0;
    const server = await scriptedServer((client) => {
      client.send(JSON.stringify({ type: 'ready', seq: 0 }));
      client.addEventListener('close', () => closedByClient++);
      client.addEventListener('message', (message) => {
        if (String(message.data).includes('ping')) {
          client.send(event(1, 'A'));
          client.send(JSON.stringify({ type: 'pong' }));
        }
      });
    });
    const adapter = createHttpAgentAdapter({ baseUrl: server.baseUrl, token: 't' });
    const first: AgentEvent[] = [];
    const second: AgentEvent[] = [];
    const stopFirst = adapter.subscribe((e) => first.push(e));
    const stopSecond = adapter.subscribe((e) => {
      second.push(e);
      throw new Error('a throwing listener does not stop the others');
    });
    // The error is reported (reportError), not thrown into the socket: catch it before mocha.
    const errors: unknown[] = [];
    const mochaOnError = window.onerror;
    window.onerror = (_message, _source, _line, _column, error) => {
      errors.push(error);
      return true;
    };
    try {
      await adapter.settle();
      expect(server.connections()).to.equal(1);
      expect(first.map(label)).to.deep.equal(['A']);
      expect(second.map(label)).to.deep.equal(['A']);
      expect(first[0]).to.not.equal(second[0]);
      expect(errors).to.have.length(1);
      stopFirst();
      await sleep(20);
      expect(closedByClient).to.equal(0, 'still one listener');
      stopSecond();
      stopSecond();
      await until(() => closedByClient === 1, 'the socket closes after the last listener');
    } finally {
      window.onerror = mochaOnError;
      adapter.close();
      await server.release();
    }
  });

  it('a refused token stops reconnecting and calls onUnauthorized', async () => {
    const server = await scriptedServer((client) => client.close(CLOSE_UNAUTHORIZED, 'no'));
    let unauthorized = 0;
    const adapter = createHttpAgentAdapter({
      baseUrl: server.baseUrl,
      token: 'forged',
      reconnect: { baseMs: 10, capMs: 10 },
      onUnauthorized: () => unauthorized++,
    });
    const stop = adapter.subscribe(() => undefined);
    try {
      await until(() => unauthorized === 1, 'onUnauthorized');
      await adapter.settle(); // resolves: nothing more will come
      await sleep(100);
      expect(server.connections()).to.equal(1);
      expect(unauthorized).to.equal(1);
    } finally {
      stop();
      adapter.close();
      await server.release();
    }
  });

  it('reconnects with growing, jittered delays while the server keeps failing', async () => {
    const opened: number[] = [];
    const server = await scriptedServer((client) => {
      opened.push(performance.now());
      client.close(1011, 'crash');
    });
    const adapter = createHttpAgentAdapter({
      baseUrl: server.baseUrl,
      token: 't',
      reconnect: { baseMs: 40, capMs: 160, random: () => 0.999 },
    });
    const stop = adapter.subscribe(() => undefined);
    try {
      await until(() => opened.length >= 5, 'five attempts');
      const gaps = opened.slice(1).map((t, i) => t - opened[i]!);
      // Bounds 40, 80, 160, 160 (capped) with random ≈ 1.
      expect(gaps[0]).to.be.within(30, 80);
      expect(gaps[1]).to.be.within(70, 130);
      expect(gaps[2]).to.be.within(150, 230);
      expect(gaps[3]).to.be.within(150, 230);
    } finally {
      stop();
      adapter.close();
      await server.release();
    }
    const count = opened.length;
    await sleep(250);
    expect(opened.length).to.equal(count, 'no attempt after close');
  });

  it('subscribe after close fails with unavailable', async () => {
    const adapter = createHttpAgentAdapter({ baseUrl: uniqueBaseUrl(), token: 't' });
    adapter.close();
    expect(() => adapter.subscribe(() => undefined)).to.throw('closed');
    const error = await adapter.me().catch((e: unknown) => e);
    expect((error as { code: string }).code).to.equal('unavailable');
  });
});
