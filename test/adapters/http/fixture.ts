/**
 * A memory backend served by the msw handlers under its own base URL, with helpers to create
 * signed-in HTTP adapters — the setup of the HTTP adapter's own browser tests.
 */
import {
  createHttpAgentAdapter,
  createHttpVisitorAdapter,
  loginAgent,
  type HttpAgentAdapter,
  type HttpAgentAdapterOptions,
  type HttpVisitorAdapter,
  type HttpVisitorAdapterOptions,
} from '../../../src/adapters/http/index.js';
import {
  createMemoryBackend,
  SEED_IDS,
  type MemoryBackend,
  type MemoryBackendOptions,
} from '../../../src/adapters/memory/index.js';
import { AGENTS } from '../../../src/adapters/memory/seed/people.js';
import {
  createMswHandlers,
  DEMO_PASSWORD,
  type MswHandlers,
  type MswHandlersOptions,
} from '../../../src/adapters/msw/index.js';
import type { AgentRole } from '../../../src/model/index.js';
import { memoryStorage } from '../../conformance/seed-ids.js';
import { releaseHandlers, uniqueBaseUrl, useHandlers } from '../../conformance/msw-worker.js';

export interface HttpFixture {
  backend: MemoryBackend;
  mock: MswHandlers;
  baseUrl: string;
  /** Signs in as the seed agent of a role; returns the adapter and its token. */
  agent(
    role?: AgentRole,
    options?: Partial<HttpAgentAdapterOptions>,
  ): Promise<{ adapter: HttpAgentAdapter; token: string }>;
  /** A visitor adapter of a new browser (its own storage) unless `storage` is given. */
  visitor(options?: Partial<HttpVisitorAdapterOptions>): HttpVisitorAdapter;
  close(): Promise<void>;
}

export async function httpFixture(
  options: { backend?: MemoryBackendOptions; handlers?: MswHandlersOptions } = {},
): Promise<HttpFixture> {
  const backend = createMemoryBackend({ undoSendSeconds: 0.3, ...options.backend });
  const baseUrl = uniqueBaseUrl();
  const mock = createMswHandlers(backend, { ...options.handlers, baseUrl });
  await useHandlers(mock);
  const adapters: Array<{ close(): void }> = [];
  return {
    backend,
    mock,
    baseUrl,
    async agent(role = 'agent', extra = {}) {
      const email = AGENTS.find((a) => a.role === role)!.email;
      const { token } = await loginAgent(baseUrl, email, DEMO_PASSWORD);
      const adapter = createHttpAgentAdapter({ baseUrl, token, ...extra });
      adapters.push(adapter);
      return { adapter, token };
    },
    visitor(extra = {}) {
      const adapter = createHttpVisitorAdapter({
        baseUrl,
        campaignId: SEED_IDS.campaigns.es,
        storage: memoryStorage(),
        ...extra,
      });
      adapters.push(adapter);
      return adapter;
    },
    async close() {
      for (const adapter of adapters) adapter.close();
      mock.dispose();
      await releaseHandlers(mock);
      backend.dispose();
    },
  };
}

/** A bearer request straight to the handlers, for what the adapter never sends. */
export async function rawRequest(
  fixture: HttpFixture,
  token: string | undefined,
  method: string,
  path: string,
  body?: string,
): Promise<{
  status: number;
  body: { error?: { code: string; field?: string; message: string } };
}> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (token) headers['authorization'] = `Bearer ${token}`;
  const response = await fetch(`${fixture.baseUrl}/api/v1${path}`, { method, headers, body });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : {} };
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Polls until `check` holds, failing after `timeoutMs`. */
export async function until(check: () => boolean, what: string, timeoutMs = 3000): Promise<void> {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await sleep(10);
  }
}
