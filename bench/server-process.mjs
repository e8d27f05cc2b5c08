// Child process of bench/server.bench.mjs: runs the reference server alone (so its memory is
// measured without the benchmark's clients), on a temp data dir, and answers over IPC:
//   { type: 'rss' } → { type: 'rss', rss, heap } after a full GC (heap: V8 heap used + external).
// Started with `node --expose-gc --import tsx bench/server-process.mjs <dataDir>`.
import { DEFAULT_CONFIG } from '../src/adapters/node/config.ts';
import { startServer } from '../src/adapters/node/server.ts';

const dataDir = process.argv[2];
const server = await startServer({
  ...DEFAULT_CONFIG,
  dataDir,
  port: 0,
  logLevel: 'warn',
  // The latency measured is the server's, not an undo window's.
  undoSendSeconds: 0,
});

function memory() {
  for (let i = 0; i < 3; i++) globalThis.gc?.();
  const usage = process.memoryUsage();
  return { rss: usage.rss, heap: usage.heapUsed + usage.external };
}

process.on('message', async (message) => {
  if (message?.type === 'rss') process.send({ type: 'rss', ...memory() });
  if (message?.type === 'stop') {
    await server.close();
    process.exit(0);
  }
});
process.send({ type: 'ready', url: server.url });
