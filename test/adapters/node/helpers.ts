/**
 * Shared helpers of the server's tests: a server on a fresh temp data dir, sign-in shortcuts, a
 * snapshot of the store (to prove bad input changed nothing), multipart bodies, and a small
 * WebSocket client that queues frames.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import assert from 'node:assert/strict';
import WebSocket from 'ws';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { API_PREFIX } from '../../../src/adapters/contract/index.js';
import { SEED_IDS } from '../../../src/adapters/memory/index.js';
import { DEFAULT_CONFIG, type ServerConfig } from '../../../src/adapters/node/config.js';
import {
  createServer,
  startServer,
  type AtentoServer,
  type CreateServerOptions,
} from '../../../src/adapters/node/server.js';
import type { AgentRole } from '../../../src/model/index.js';

export const EMAILS: Record<AgentRole, string> = {
  agent: 'lucia.ramos@tiendaandina.pe',
  supervisor: 'marco.diaz@tiendaandina.pe',
  coordinator: 'ana.quispe@tiendaandina.pe',
};

export interface TestServer extends AtentoServer {
  dir: string;
  /** `http://127.0.0.1:<port>` when started with `listen`. */
  url: string;
  request(options: InjectOptions): Promise<LightMyRequestResponse>;
  /** A token for the seed agent with that role, by logging in with the demo password. */
  login(role?: AgentRole): Promise<string>;
  /** A new visitor device of the widget's campaign. */
  device(): Promise<{ token: string; deviceId: string }>;
  /** A JSON image of what the store holds, for "nothing changed" assertions. */
  snapshot(): Promise<string>;
  stop(): Promise<void>;
}

export async function testServer(
  overrides: Partial<ServerConfig> = {},
  options: CreateServerOptions & { listen?: boolean; dir?: string } = {},
): Promise<TestServer> {
  const dir = options.dir ?? (await mkdtemp(join(tmpdir(), 'atento-server-')));
  const config: ServerConfig = {
    ...DEFAULT_CONFIG,
    dataDir: dir,
    port: 0,
    logLevel: 'silent',
    undoSendSeconds: 0.3,
    ...overrides,
  };
  const server = options.listen
    ? await startServer(config, options)
    : { ...(await createServer(config, options)), url: '' };
  const request = (o: InjectOptions) => server.app.inject(o);
  return {
    ...server,
    dir,
    request,
    async login(role: AgentRole = 'agent') {
      const res = await request({
        method: 'POST',
        url: `${API_PREFIX}/auth/login`,
        payload: { email: EMAILS[role], password: 'demo' },
      });
      assert.equal(res.statusCode, 200, res.body);
      return res.json<{ token: string }>().token;
    },
    async device() {
      const res = await request({
        method: 'POST',
        url: `${API_PREFIX}/visitor/devices`,
        payload: { campaignId: SEED_IDS.campaigns.es },
      });
      assert.equal(res.statusCode, 200, res.body);
      return res.json<{ token: string; deviceId: string }>();
    },
    async snapshot() {
      const agent = server.backend.agent('supervisor');
      const [inbox, blocked, replies, jorge] = await Promise.all([
        agent.listConversations({ limit: 200 }),
        agent.listBlocked(),
        agent.listQuickReplies(),
        agent.getConversation(SEED_IDS.jorge.conversationId),
      ]);
      return JSON.stringify({ inbox, blocked, replies, jorge });
    },
    async stop() {
      await server.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

/** Asserts an error response: status, wire code, and (optionally) field and message words. */
export function assertError(
  res: LightMyRequestResponse | { statusCode: number; body: string },
  status: number,
  code: string,
  expect: { field?: string; limit?: number; message?: RegExp } = {},
): void {
  assert.equal(res.statusCode, status, res.body);
  const body = JSON.parse(res.body) as {
    error: { code: string; message: string; field?: string; limit?: number };
  };
  assert.equal(body.error.code, code, res.body);
  assert.ok(body.error.message.length > 5, 'a human message');
  if ('field' in expect) assert.equal(body.error.field, expect.field, res.body);
  if ('limit' in expect) assert.equal(body.error.limit, expect.limit, res.body);
  if (expect.message) assert.match(body.error.message, expect.message);
}

/** A multipart body (fields in order, then the file) as `inject` takes it. */
export async function multipart(
  fields: Record<string, string>,
  file?: { name: string; bytes: Uint8Array<ArrayBuffer>; type?: string },
): Promise<{ payload: Buffer; headers: Record<string, string> }> {
  const form = new FormData();
  for (const [key, value] of Object.entries(fields)) form.append(key, value);
  if (file) form.append('file', new Blob([file.bytes], { type: file.type ?? '' }), file.name);
  const response = new Response(form);
  return {
    payload: Buffer.from(await response.arrayBuffer()),
    headers: { 'content-type': response.headers.get('content-type')! },
  };
}

export const PNG = Uint8Array.from([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1,
  0, 0, 0, 1, 8, 6, 0, 0, 0, 0x1f, 0x15, 0xc4, 0x89,
]);
export const PDF = new TextEncoder().encode(
  '%PDF-1.4\n%âãÏÓ\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n',
);

/** `bytes`, padded with zeros to `size`. */
export function padded(bytes: Uint8Array, size: number): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(size);
  out.set(bytes.subarray(0, size));
  return out;
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export interface Frame {
  type: string;
  seq?: number;
  event?: { type: string; [key: string]: unknown };
}

/** A WebSocket client that keeps every frame and lets tests wait for the next matching one. */
export class SocketClient {
  readonly frames: Frame[] = [];
  readonly closed: Promise<{ code: number; reason: string }>;
  private cursor = 0;
  private wake: (() => void) | undefined;

  private constructor(readonly ws: WebSocket) {
    ws.on('message', (data) => {
      this.frames.push(JSON.parse(String(data)) as Frame);
      this.wake?.();
    });
    this.closed = new Promise((resolve) =>
      ws.once('close', (code, reason) => {
        resolve({ code, reason: String(reason) });
        this.wake?.();
      }),
    );
  }

  static open(url: string): Promise<SocketClient> {
    return new Promise((resolve, reject) => {
      const ws = new WebSocket(url);
      const client = new SocketClient(ws);
      ws.once('open', () => resolve(client));
      ws.once('error', reject);
    });
  }

  send(frame: object): void {
    this.ws.send(JSON.stringify(frame));
  }

  /** The next frame (after those already taken) that matches, within `ms`. */
  async next(
    match: (f: Frame) => boolean = () => true,
    ms = 3000,
    what = 'a frame',
  ): Promise<Frame> {
    const deadline = Date.now() + ms;
    for (;;) {
      while (this.cursor < this.frames.length) {
        const frame = this.frames[this.cursor++]!;
        if (match(frame)) return frame;
      }
      const left = deadline - Date.now();
      if (left <= 0 || this.ws.readyState === WebSocket.CLOSED)
        throw new Error(`Timed out waiting for ${what}; got ${JSON.stringify(this.frames)}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    }
  }

  /** Frames received after those already taken, without waiting. */
  rest(): Frame[] {
    const rest = this.frames.slice(this.cursor);
    this.cursor = this.frames.length;
    return rest;
  }

  close(): Promise<{ code: number; reason: string }> {
    this.ws.close();
    return this.closed;
  }
}

export const eventOf =
  (type: string, where: (e: Record<string, unknown>) => boolean = () => true) =>
  (f: Frame) =>
    f.type === 'event' && f.event?.type === type && where(f.event);

export function socketUrl(server: { url: string }, path: string, token: string): string {
  return `${server.url.replace(/^http/, 'ws')}${API_PREFIX}${path}?token=${encodeURIComponent(token)}`;
}
