/**
 * The HTTP adapter under Node 20 (no XMLHttpRequest, no global WebSocket): calls and uploads
 * through fetch (served by the msw handlers via `msw/node`), live events through the `ws`
 * package against a small scripted socket server.
 */
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { setupServer } from 'msw/node';
import WebSocket, { WebSocketServer } from 'ws';
import type { AgentEvent } from '../../../src/adapters/adapter.js';
import { createHttpAgentAdapter, loginAgent } from '../../../src/adapters/http/index.js';
import { createMemoryBackend, SEED_IDS } from '../../../src/adapters/memory/index.js';
import { createMswHandlers, DEMO_PASSWORD } from '../../../src/adapters/msw/index.js';
import { pdfFile } from '../../conformance/uploads.js';

describe('HTTP adapter in Node', () => {
  const backend = createMemoryBackend();
  const sockets = new WebSocketServer({ port: 0, host: '127.0.0.1' });
  let baseUrl = '';
  const clientFrames: string[] = [];

  before(async () => {
    await new Promise<void>((resolve) => sockets.once('listening', () => resolve()));
    baseUrl = `http://127.0.0.1:${(sockets.address() as AddressInfo).port}`;
    sockets.on('connection', (socket, request) => {
      clientFrames.push(request.url ?? '');
      socket.on('message', (data) => {
        clientFrames.push(String(data));
        socket.send(JSON.stringify({ type: 'pong' }));
      });
      socket.send(JSON.stringify({ type: 'ready', seq: 3 }));
      socket.send(
        JSON.stringify({
          type: 'event',
          seq: 4,
          event: { type: 'presence', conversationId: 'c', visitorId: 'v', online: true },
        }),
      );
    });
  });

  after(async () => {
    backend.dispose();
    await new Promise((resolve) => sockets.close(resolve));
  });

  it('signs in, calls, and uploads with fetch (progress once, at the end)', async () => {
    // msw/node serves HTTP for this test only: it would also answer the socket's upgrade request.
    const server = setupServer(...createMswHandlers(backend, { baseUrl }).handlers);
    server.listen({ onUnhandledRequest: 'bypass' });
    try {
      await callsAndUpload();
    } finally {
      server.close();
    }
  });

  async function callsAndUpload() {
    const { token } = await loginAgent(baseUrl, 'lucia.ramos@tiendaandina.pe', DEMO_PASSWORD);
    const agent = createHttpAgentAdapter({ baseUrl, token, WebSocket: WebSocket as never });
    const detail = await agent.getConversation(SEED_IDS.jorge.conversationId);
    assert.equal(detail.conversation.number, SEED_IDS.jorge.number);
    const progress: Array<[number, number]> = [];
    const file = pdfFile('acta.pdf', 5000);
    const stored = await agent.upload(file, {
      purpose: 'attachment',
      onProgress: (loaded, total) => progress.push([loaded, total]),
    });
    assert.equal(stored.size, 5000);
    assert.deepEqual(progress, [[5000, 5000]]);
    agent.close();
  }

  it('receives live events over the ws package, with the token in the URL', async () => {
    const agent = createHttpAgentAdapter({
      baseUrl,
      token: 'node-token',
      WebSocket: WebSocket as never,
    });
    const events: AgentEvent[] = [];
    const stop = agent.subscribe((e) => events.push(e));
    await agent.settle();
    assert.deepEqual(events, [
      { type: 'presence', conversationId: 'c', visitorId: 'v', online: true },
    ]);
    assert.equal(clientFrames[0], '/api/v1/live?token=node-token');
    assert.deepEqual(clientFrames.slice(1, 3), ['{"type":"ping"}', '{"type":"ping"}']);
    stop();
    agent.close();
  });
});
