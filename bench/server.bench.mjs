// Server benchmark (issue 5): the reference server runs in a child process on a temp data dir
// (SQLite store, synchronous=full); this process is the clients, over loopback.
//   - 1,000 concurrent visitor WebSockets, each with its own device token: the server's RSS per
//     idle socket, (RSS after − RSS before) / 1,000, both after a full GC; budget 30 kB. RSS
//     rarely shrinks, so freed memory reused by the sockets can make it read low: the growth of
//     the V8 heap + external memory per socket is reported beside it.
//   - Chat latency visitor → agent: a visitor sends over HTTP, an agent socket receives
//     message.created; p50 and p99 over 200 messages from 200 of the connected visitors (each
//     first message opens a case); budget p99 ≤ 50 ms.
import { fork } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import WebSocket from 'ws';
import { benchRows } from './rows.mjs';

const API = '/api/v1';
const SOCKETS = 1000;
const MESSAGES = 200;
const CAMPAIGN = 'camp-tienda-andina';

/** Rows for bench/run.mjs: { measure, value, unit, budget, result }. */
export async function serverBench() {
  const dir = await mkdtemp(join(tmpdir(), 'atento-bench-'));
  const child = fork(fileURLToPath(new URL('./server-process.mjs', import.meta.url)), [dir], {
    execArgv: ['--expose-gc', '--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const sockets = [];
  const { rows, row } = benchRows();
  try {
    const { url } = await reply(child, null, 'ready', 60_000);
    const post = async (path, body, token) => {
      const res = await fetch(url + API + path, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
        body: JSON.stringify(body),
      });
      if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
      return res.json();
    };

    const devices = [];
    for (let i = 0; i < SOCKETS; i++)
      devices.push(await post('/visitor/devices', { campaignId: CAMPAIGN }));
    const { token: agentToken } = await post('/auth/login', {
      email: 'lucia.ramos@tiendaandina.pe',
      password: 'demo',
    });
    // Warm-up: one visitor socket and one message, so code paths are compiled before measuring.
    const warm = await open(`${url}${API}/visitor/live`, devices[0].token);
    warm.close();

    const before = await reply(child, { type: 'rss' }, 'rss');
    for (let i = 0; i < SOCKETS; i += 100) {
      const batch = devices
        .slice(i, i + 100)
        .map((d) => open(`${url}${API}/visitor/live`, d.token));
      sockets.push(...(await Promise.all(batch)));
    }
    await sleep(300);
    const after = await reply(child, { type: 'rss' }, 'rss');
    const perSocket = (key) => round((after[key] - before[key]) / SOCKETS / 1024);
    row(`server: RSS per idle visitor socket (${SOCKETS} open)`, perSocket('rss'), 'kB', 30);
    row(`server: JS heap + external per idle visitor socket`, perSocket('heap'), 'kB', null);

    const agent = await open(`${url}${API}/live`, agentToken);
    sockets.push(agent);
    const waiting = new Map();
    agent.on('message', (data) => {
      const frame = JSON.parse(String(data));
      if (frame.type !== 'event' || frame.event.type !== 'message.created') return;
      const done = waiting.get(frame.event.message.clientId);
      if (done) done(performance.now());
    });
    await post('/visitor/messages', { clientId: 'warm-up', text: 'warm-up' }, devices[0].token);
    const latencies = [];
    for (let i = 0; i < MESSAGES; i++) {
      const device = devices[(i + 1) % SOCKETS];
      const clientId = `bench-${i}`;
      const received = new Promise((resolve) => waiting.set(clientId, resolve));
      const start = performance.now();
      await post(
        '/visitor/messages',
        { clientId, text: `Mensaje ${i} del visitante` },
        device.token,
      );
      const end = await withTimeout(received, 5000, `message ${i}`);
      waiting.delete(clientId);
      latencies.push(end - start);
    }
    latencies.sort((a, b) => a - b);
    const pct = (p) =>
      latencies[Math.min(latencies.length - 1, Math.ceil((p / 100) * latencies.length) - 1)];
    row(
      `server: chat visitor → agent latency p50 (${MESSAGES} msgs, ${SOCKETS} sockets)`,
      round(pct(50)),
      'ms',
      null,
    );
    row(
      `server: chat visitor → agent latency p99 (${MESSAGES} msgs, ${SOCKETS} sockets)`,
      round(pct(99)),
      'ms',
      50,
    );
  } finally {
    for (const ws of sockets) ws.terminate();
    if (child.connected) {
      child.send({ type: 'stop' });
      await Promise.race([new Promise((r) => child.once('exit', r)), sleep(5000)]);
    }
    if (child.exitCode === null) child.kill();
    await rm(dir, { recursive: true, force: true });
  }
  return rows;
}

/** Sends `message` (when given) and resolves with the child's next message of `type`. */
function reply(child, message, type, ms = 30_000) {
  const answer = new Promise((resolve, reject) => {
    const onMessage = (m) => {
      if (m?.type !== type) return;
      child.off('message', onMessage);
      resolve(m);
    };
    child.on('message', onMessage);
    child.once('exit', (code) => reject(new Error(`server process exited (${code})`)));
  });
  if (message) child.send(message);
  return withTimeout(answer, ms, `the server's ${type}`);
}

/** A socket that has received its `ready` frame. */
function open(url, token) {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`${url.replace(/^http/, 'ws')}?token=${encodeURIComponent(token)}`);
    ws.once('message', () => resolve(ws));
    ws.once('error', reject);
    ws.once('close', (code) => reject(new Error(`socket closed (${code})`)));
  });
}

function withTimeout(promise, ms, what) {
  let timer;
  return Promise.race([
    promise,
    new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`timed out waiting for ${what}`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const round = (v) => Math.round(v * 10) / 10;

if (process.argv[1] === fileURLToPath(import.meta.url)) console.table(await serverBench());
