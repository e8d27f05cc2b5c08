/**
 * The server's life: what a restart keeps (records, files, credentials, the secret), graceful
 * shutdown finishing requests in flight, the static directory, the logs keeping secrets out, and
 * the config loader.
 */
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { AGENT_SOCKET_PATH, API_PREFIX } from '../../../src/adapters/contract/index.js';
import { SEED_IDS } from '../../../src/adapters/memory/index.js';
import { DEFAULT_CONFIG, loadConfig } from '../../../src/adapters/node/config.js';
import type { Attachment } from '../../../src/model/index.js';
import {
  assertError,
  bearer,
  multipart,
  PDF,
  SocketClient,
  socketUrl,
  testServer,
} from './helpers.js';

describe('server: lifecycle', () => {
  it('a restart keeps messages, files, passwords and tokens', async () => {
    const first = await testServer();
    const token = await first.login('agent');
    const device = await first.device();
    await first.request({
      method: 'POST',
      url: `${API_PREFIX}/visitor/identity`,
      headers: bearer(device.token),
      payload: { email: 'reinicio@example.com' },
    });
    const sent = await first.request({
      method: 'POST',
      url: `${API_PREFIX}/visitor/messages`,
      headers: bearer(device.token),
      payload: { clientId: 'r-1', text: 'Antes del reinicio' },
    });
    assert.equal(sent.statusCode, 200, sent.body);
    const form = await multipart({ purpose: 'attachment' }, { name: 'guia.pdf', bytes: PDF });
    const uploaded = await first.request({
      method: 'POST',
      url: `${API_PREFIX}/uploads`,
      headers: { ...form.headers, ...bearer(token) },
      payload: form.payload,
    });
    assert.equal(uploaded.statusCode, 200, uploaded.body);
    const secret = await readFile(join(first.dir, 'secret'), 'utf8');
    await first.close();

    const second = await testServer({}, { dir: first.dir });
    try {
      assert.equal(await readFile(join(first.dir, 'secret'), 'utf8'), secret, 'same secret');
      assert.equal(second.credentials.seeded, false, 'credentials are not seeded twice');
      const me = await second.request({ url: `${API_PREFIX}/me`, headers: bearer(token) });
      assert.equal(me.statusCode, 200, 'the old token still works');
      const session = await second.request({
        url: `${API_PREFIX}/visitor/session`,
        headers: bearer(device.token),
      });
      assert.deepEqual(
        session.json<{ messages: Array<{ text: string }> }>().messages.map((m) => m.text),
        ['Antes del reinicio'],
      );
      const file = await second.request({ url: uploaded.json<Attachment>().url });
      assert.equal(file.statusCode, 200);
      assert.deepEqual(new Uint8Array(file.rawPayload), PDF);
      await second.login('supervisor');
    } finally {
      await second.stop();
    }
  });

  it('close() finishes a request in flight, then refuses new connections', async () => {
    const server = await testServer({}, { listen: true, backend: { latencyMs: 150 } });
    try {
      const token = await server.login('agent');
      const socket = await SocketClient.open(socketUrl(server, AGENT_SOCKET_PATH, token));
      await socket.next((f) => f.type === 'ready');
      const inFlight = fetch(`${server.url}${API_PREFIX}/me`, { headers: bearer(token) });
      await new Promise((r) => setTimeout(r, 30));
      const closing = server.close();
      const res = await inFlight;
      assert.equal(res.status, 200, 'the request in flight was answered');
      assert.equal(((await res.json()) as { id: string }).id, SEED_IDS.agents.agent);
      await closing;
      await assert.rejects(fetch(`${server.url}${API_PREFIX}/me`, { headers: bearer(token) }));
      assert.equal((await socket.closed).code, 1001);
    } finally {
      await server.stop();
    }
  });

  it('serves the static directory at / and keeps API 404s as JSON', async () => {
    const site = await mkdtemp(join(tmpdir(), 'atento-static-'));
    await writeFile(join(site, 'index.html'), '<!doctype html><title>atento</title>');
    const server = await testServer({ staticDir: site });
    try {
      const page = await server.request({ url: '/' });
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /<title>atento<\/title>/);
      assertError(await server.request({ url: '/missing.js' }), 404, 'not-found');
      assertError(await server.request({ url: `${API_PREFIX}/missing` }), 404, 'not-found');
    } finally {
      await server.stop();
      await rm(site, { recursive: true, force: true });
    }
  });

  it('allows only the configured origins (CORS) and refuses plain HTTP on socket paths', async () => {
    const server = await testServer({ allowedOrigins: ['https://shop.example'] });
    try {
      const preflight = (origin: string) =>
        server.request({
          method: 'OPTIONS',
          url: `${API_PREFIX}/visitor/session`,
          headers: {
            origin,
            'access-control-request-method': 'GET',
            'access-control-request-headers': 'authorization',
          },
        });
      const allowed = await preflight('https://shop.example');
      assert.equal(allowed.headers['access-control-allow-origin'], 'https://shop.example');
      assert.match(String(allowed.headers['access-control-allow-headers']), /authorization/);
      const other = await preflight('https://evil.example');
      assert.equal(other.headers['access-control-allow-origin'], undefined);
      const plain = await server.request({ url: `${API_PREFIX}${AGENT_SOCKET_PATH}?token=x` });
      assertError(plain, 400, 'invalid', { message: /WebSocket/ });
    } finally {
      await server.stop();
    }
  });

  it('logs requests without tokens, passwords or signatures', async () => {
    const lines: string[] = [];
    const server = await testServer(
      { logLevel: 'info' },
      { listen: true, logStream: { write: (line) => void lines.push(line) } },
    );
    try {
      const token = await server.login('agent');
      await server.request({ url: `${API_PREFIX}/me`, headers: bearer(token) });
      await server.request({ url: `${API_PREFIX}/me`, headers: bearer('not-a-token') });
      const socket = await SocketClient.open(socketUrl(server, AGENT_SOCKET_PATH, token));
      await socket.next((f) => f.type === 'ready');
      await socket.close();
      await server.request({ url: server.fileUrls.url(`f${'1'.repeat(32)}`) });
      const crash = await server.request({
        method: 'POST',
        url: `${API_PREFIX}/auth/login`,
        payload: { email: 'x@y.example', password: 'hunter2-secret' },
      });
      assert.equal(crash.statusCode, 401);
      const log = lines.join('');
      assert.ok(lines.length > 5, 'requests were logged');
      assert.ok(!log.includes(token), 'no agent token');
      assert.ok(!log.includes(token.split('.')[1]!), 'no token signature');
      assert.ok(!log.includes('hunter2'), 'no password');
      assert.ok(!log.includes('not-a-token'), 'no bad token either');
      assert.ok(!/sig=[\w-]{20}/.test(log), 'no file signature');
      const secret = await readFile(join(server.dir, 'secret'), 'utf8');
      assert.ok(!log.includes(secret.trim()), 'never the secret');
      assert.match(log, /token=\[redacted\]/);
    } finally {
      await server.stop();
    }
  });

  it('answers 500 unavailable without internals when something unexpected breaks', async () => {
    const server = await testServer();
    try {
      const token = await server.login('agent');
      const agent = server.backend.agent('agent');
      const original = Object.getPrototypeOf(agent).me;
      Object.getPrototypeOf(agent).me = () =>
        Promise.reject(new Error('disk at /var/secret exploded'));
      try {
        const res = await server.request({ url: `${API_PREFIX}/me`, headers: bearer(token) });
        assertError(res, 500, 'unavailable');
        assert.ok(!res.body.includes('/var/secret'));
      } finally {
        Object.getPrototypeOf(agent).me = original;
      }
      server.backend.fault('offline');
      const offline = await server.request({ url: `${API_PREFIX}/me`, headers: bearer(token) });
      assertError(offline, 503, 'offline');
      server.backend.fault(null);
    } finally {
      await server.stop();
    }
  });
});

describe('server: loadConfig', () => {
  it('uses defaults, then the file, then the environment', async () => {
    // The command line also listens for mail (see the mail-in settings tests); the rest is default.
    assert.deepEqual({ ...loadConfig({}), mail: DEFAULT_CONFIG.mail }, DEFAULT_CONFIG);
    const dir = await mkdtemp(join(tmpdir(), 'atento-config-'));
    const file = join(dir, 'config.json');
    await writeFile(file, JSON.stringify({ port: 4000, allowedOrigins: ['https://shop.example'] }));
    try {
      const config = loadConfig(
        {
          PORT: '5000',
          ATENTO_BODY_LIMIT: '1024',
          ATENTO_ALLOWED_ORIGINS: 'https://a.example, https://b.example:8443',
        },
        file,
      );
      assert.equal(config.port, 5000, 'env beats file');
      assert.equal(config.bodyLimit, 1024);
      assert.deepEqual(config.allowedOrigins, ['https://a.example', 'https://b.example:8443']);
      assert.equal(loadConfig({}, file).port, 4000);
      await writeFile(file, JSON.stringify({ prot: 1 }));
      assert.throws(() => loadConfig({}, file), /Unknown key "prot"/);
      await writeFile(file, '{nope');
      assert.throws(() => loadConfig({}, file), /Cannot read the config file/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('refuses values of the wrong shape, naming them', () => {
    assert.throws(() => loadConfig({ PORT: 'eighty' }), /PORT must be an integer/);
    assert.throws(() => loadConfig({ PORT: '70000' }), /out of range/);
    assert.throws(() => loadConfig({ ATENTO_SECRET: 'short' }), /at least 32/);
    assert.throws(() => loadConfig({ ATENTO_ALLOWED_ORIGINS: 'shop.example' }), /https:\/\/host/);
    assert.throws(() => loadConfig({ ATENTO_STORE: 'postgres' }), /sqlite or memory/);
    assert.throws(() => loadConfig({ ATENTO_BODY_LIMIT: '0' }), /bodyLimit must be positive/);
  });
});
