/**
 * Child process of the wtr plugin `real-server-plugin.mjs`: one reference server, alone, on a
 * loopback port with a temp SQLite file, for browser tests that must run against the real thing.
 * Started with `node --import tsx test/support/real-server-process.ts <json options>`; answers
 * over IPC:
 *   { type: 'mail', mail }   → { type: 'mail', messageId }   (the inbound mail pipeline)
 *   { type: 'drop-sockets' } → { type: 'dropped' }           (every WebSocket cut)
 *   { type: 'stop' }         → exits once the server is closed
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_CONFIG, startServer } from '../../src/adapters/node/index.js';
import type { InboundMail } from '../../src/model/index.js';

interface Options {
  origin: string;
  undoSendSeconds?: number;
}

const options = JSON.parse(process.argv[2] ?? '{}') as Options;
const dataDir = await mkdtemp(join(tmpdir(), 'atento-browser-server-'));
const server = await startServer({
  ...DEFAULT_CONFIG,
  port: 0,
  dataDir,
  logLevel: 'silent',
  allowedOrigins: [options.origin],
  undoSendSeconds: options.undoSendSeconds ?? 0.5,
  agentGraceMs: 100,
  secret: 'browser-tests-secret-browser-tests-secret-0123',
});

async function stop(): Promise<void> {
  await server.close();
  await rm(dataDir, { recursive: true, force: true });
  process.exit(0);
}

process.on('disconnect', () => void stop());
process.on('message', (message: { type: string; mail?: InboundMail }) => {
  void (async () => {
    if (message.type === 'stop') await stop();
    else if (message.type === 'drop-sockets') {
      server.live.sockets.dropAll();
      process.send?.({ type: 'dropped' });
    } else if (message.type === 'mail' && message.mail) {
      const stored = await server.backend.receiveEmail(message.mail);
      process.send?.({ type: 'mail', messageId: stored?.id ?? null });
    }
  })();
});
process.send?.({ type: 'ready', url: server.url });
