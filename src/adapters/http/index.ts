/**
 * The browser HTTP adapter (F-6.1): `AgentAdapter` and `VisitorAdapter` over the contract in
 * `adapters/contract/` — fetch for calls, XMLHttpRequest for uploads with progress, one WebSocket
 * per adapter for live events. Runs in Node too, given a WebSocket implementation.
 *
 * ```ts
 * const { token } = await loginAgent(origin, 'lucia.ramos@tiendaandina.pe', password);
 * const agent = createHttpAgentAdapter({ baseUrl: origin, token, onUnauthorized: signIn });
 * const visitor = createHttpVisitorAdapter({ baseUrl: origin, campaignId });
 * ```
 */
export {
  createHttpAgentAdapter,
  loginAgent,
  type HttpAdapterOptions,
  type HttpAgentAdapter,
  type HttpAgentAdapterOptions,
} from './agent.js';
export {
  createHttpVisitorAdapter,
  type HttpVisitorAdapter,
  type HttpVisitorAdapterOptions,
} from './visitor.js';
export { visitorStorageKey, type DeviceStorage, type StoredDevice } from './device.js';
export type { ReconnectOptions } from './backoff.js';
