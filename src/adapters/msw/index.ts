/**
 * msw handlers serving the HTTP + WebSocket contract from a memory backend (F-6.2): Storybook and
 * browser tests run the real HTTP adapter against them, and the conformance suite checks that they
 * behave like the memory adapter and the reference server.
 *
 * ```ts
 * const backend = createMemoryBackend();
 * const mock = await startMockBackend(backend);
 * const { token } = await loginAgent(location.origin, 'lucia.ramos@tiendaandina.pe', DEMO_PASSWORD);
 * const agent = createHttpAgentAdapter({ baseUrl: location.origin, token });
 * ```
 */
export {
  createMswHandlers,
  DEMO_PASSWORD,
  type MswHandlers,
  type MswHandlersOptions,
} from './handlers.js';
export type { AgentCredential } from './http-handlers.js';
export type { FeedOptions } from './feed.js';
export { CLOSE_RESTART, type DisconnectOptions } from './live-handlers.js';
export { startMockBackend, type MockBackend, type StartMockBackendOptions } from './browser.js';
