/**
 * The conversation core against the REAL reference server (F-5.6): 1,000 messages sent while the
 * server kills the visitor's WebSocket at random intervals and the network loses requests (before
 * they reach the server) and answers (after the server stored the message). Every message must be
 * stored exactly once and in order, and the session must show each once.
 */
import { deepEqual, equal, ok } from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import WebSocket from 'ws';
import {
  createHttpVisitorAdapter,
  type HttpVisitorAdapter,
} from '../../../src/adapters/http/index.js';
import { DEFAULT_CONFIG, startServer } from '../../../src/adapters/node/index.js';
import { SEED_IDS } from '../../../src/adapters/memory/index.js';
import {
  ChatSession,
  storedHistoryHint,
} from '../../../src/components/chat-widget/session/index.js';
import { chatReply } from '../../../src/model/index.js';
import { allChatMessages } from '../../support/chat-messages.js';

const Socket = WebSocket as unknown as typeof globalThis.WebSocket;
const TOTAL = 1000;

function memoryStorage() {
  const items = new Map<string, string>();
  return {
    items,
    getItem: (k: string) => items.get(k) ?? null,
    setItem: (k: string, v: string) => void items.set(k, String(v)),
    removeItem: (k: string) => void items.delete(k),
  };
}

/** A seeded random source, so a failing run can be replayed. */
function seeded(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

describe('ChatSession over the real server', () => {
  let server: Awaited<ReturnType<typeof startServer>>;
  let dataDir: string;
  const adapters: HttpVisitorAdapter[] = [];

  before(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'atento-chat-session-'));
    server = await startServer({
      ...DEFAULT_CONFIG,
      port: 0,
      dataDir,
      logLevel: 'silent',
      agentGraceMs: 100,
      secret: 'chat-session-test-secret-chat-session-test-0123',
    });
  });

  after(async () => {
    for (const a of adapters) a.close();
    await server.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  function visitorAdapter(storage: ReturnType<typeof memoryStorage>, fetchImpl?: typeof fetch) {
    const adapter = createHttpVisitorAdapter({
      baseUrl: server.url,
      campaignId: SEED_IDS.campaigns.es,
      storage,
      WebSocket: Socket,
      fetch: fetchImpl,
      reconnect: { baseMs: 10, capMs: 100, stableMs: 1000 },
    });
    adapters.push(adapter);
    return adapter;
  }

  it(`${TOTAL} messages with sockets killed and requests lost: each stored once, in order`, async () => {
    const random = seeded(20261121);
    const counts = { lostBefore: 0, lostAfter: 0, socketKills: 0, agentReplies: 0 };
    const sendPath = '/visitor/messages';
    const flakyFetch: typeof fetch = async (input, init) => {
      const url = String(input instanceof Request ? input.url : input);
      if (init?.method === 'POST' && url.includes(sendPath)) {
        const roll = random();
        if (roll < 0.03) {
          counts.lostBefore++;
          throw new TypeError('fetch failed (request lost)');
        }
        if (roll < 0.06) {
          await (await fetch(input, init)).text();
          counts.lostAfter++;
          throw new TypeError('fetch failed (answer lost)');
        }
      }
      return fetch(input, init);
    };
    const storage = memoryStorage();
    const key = `${server.url}:${SEED_IDS.campaigns.es}`;
    const adapter = visitorAdapter(storage, flakyFetch);
    const session = new ChatSession(adapter, {
      storage,
      key,
      retry: { baseMs: 5, capMs: 50 },
      random,
    });
    const started = Date.now();
    await session.start();
    // The campaign requires an email while no agent is online.
    await session.identify({ name: 'Prueba', email: 'prueba.mil@ejemplo.pe' });
    const texts = Array.from({ length: TOTAL }, (_, i) => `mensaje ${i + 1} de ${TOTAL}`);

    // Socket killer: every 20–120 ms, abruptly terminate or close the server-side sockets.
    const registry = server.live.sockets as unknown as {
      sockets: Map<{ terminate(): void }, unknown>;
    };
    let killing = true;
    const killer = (async () => {
      while (killing) {
        await new Promise((r) => setTimeout(r, 20 + random() * 100));
        if (!killing) break;
        if (random() < 0.5) for (const ws of registry.sockets.keys()) ws.terminate();
        else server.live.sockets.closeAll(1012, 'test: service restart');
        counts.socketKills++;
      }
    })();

    const agent = server.backend.agent('agent');
    // Send in bursts (like a fast typist and a paste), with agent replies in between.
    for (let i = 0; i < TOTAL; i++) {
      session.send(texts[i]!);
      if (i % 100 === 99) {
        await new Promise((r) => setTimeout(r, 30));
        const conversationId = session.state.conversation?.id;
        if (conversationId) {
          await agent.send(chatReply(conversationId, `respuesta ${i + 1}`));
          counts.agentReplies++;
        }
      }
    }
    // Every message confirmed by the server (the outbox empties).
    await new Promise<void>((resolve, reject) => {
      const timeout = setTimeout(() => reject(new Error('not all delivered in 45 s')), 45_000);
      const check = () => {
        if (session.state.messages.every((m) => !m.local)) {
          clearTimeout(timeout);
          resolve();
        }
      };
      session.subscribe(check);
      check();
    });
    killing = false;
    await killer;
    const elapsed = Date.now() - started;

    const conversationId = session.state.conversation?.id;
    ok(conversationId, 'a conversation exists');
    const stored = await allChatMessages(agent, conversationId);
    const inbound = stored.filter((m) => m.direction === 'inbound').map((m) => m.text);
    equal(inbound.length, TOTAL, 'stored exactly TOTAL visitor messages');
    deepEqual(inbound, texts, 'stored once each, in order');
    equal(new Set(stored.map((m) => m.clientId).filter(Boolean)).size, TOTAL, 'unique client ids');

    // The session shows each message once; after the socket settles, agent replies are there too.
    await adapter.settle();
    const deadline = Date.now() + 5000;
    while (
      session.state.messages.filter((m) => m.direction === 'outbound').length <
        counts.agentReplies &&
      Date.now() < deadline
    ) {
      await new Promise((r) => setTimeout(r, 50));
    }
    const shown = session.state.messages;
    equal(new Set(shown.map((m) => m.id)).size, shown.length, 'no duplicate shown');
    deepEqual(
      shown.filter((m) => m.direction === 'inbound').map((m) => m.text),
      texts,
      'the session shows every message once, in order',
    );
    equal(
      shown.filter((m) => m.direction === 'outbound').length,
      counts.agentReplies,
      'every agent reply shown once',
    );
    equal(storage.items.get(`atento-chat:${key}:outbox`), undefined, 'outbox empty');
    ok(storedHistoryHint(storage, key), 'history hint set');
    session.dispose();
    console.log(
      `[chat-session] ${TOTAL} sent, ${inbound.length} stored, ${new Set(inbound).size} distinct, ` +
        `in order; ${counts.agentReplies} agent replies shown; ${counts.socketKills} socket kills, ` +
        `${counts.lostBefore} requests lost, ${counts.lostAfter} answers lost; ${elapsed} ms`,
    );
  });

  it('a reload with pending messages resends them once (server dedupes by client id)', async () => {
    const storage = memoryStorage();
    const key = `${server.url}:${SEED_IDS.campaigns.es}`;
    let offline = true;
    const gated: typeof fetch = async (input, init) => {
      const url = String(input instanceof Request ? input.url : input);
      if (offline && url.includes('/visitor/messages') && init?.method === 'POST') {
        // The request reaches the server but the answer is lost: the worst case for duplicates.
        await (await fetch(input, init)).text();
        throw new TypeError('fetch failed');
      }
      return fetch(input, init);
    };
    // This page never gets live events (as if its socket never connected), so only the lost
    // answers tell it about its messages.
    const deaf = { ...visitorAdapter(storage, gated), subscribe: () => () => {} };
    const first = new ChatSession(deaf, {
      storage,
      key,
      retry: { baseMs: 20, capMs: 50 },
    });
    await first.start();
    await first.identify({ email: 'recarga@ejemplo.pe' });
    first.send('uno');
    first.send('dos');
    await new Promise((r) => setTimeout(r, 150));
    equal(first.state.messages.filter((m) => m.local).length, 2, 'still pending');
    first.dispose();
    offline = false;
    const second = new ChatSession(visitorAdapter(storage), { storage, key });
    deepEqual(
      second.state.messages.map((m) => m.text),
      ['uno', 'dos'],
      'pending shown at once after the reload',
    );
    await second.start();
    const deadline = Date.now() + 5000;
    while (second.state.messages.some((m) => m.local) && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 20));
    }
    deepEqual(
      second.state.messages.map((m) => m.text),
      ['uno', 'dos'],
    );
    const stored = await allChatMessages(
      server.backend.agent('agent'),
      second.state.conversation!.id,
    );
    deepEqual(
      stored.map((m) => m.text),
      ['uno', 'dos'],
      'stored once each',
    );
    second.dispose();
  });
});
