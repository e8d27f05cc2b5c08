/**
 * The reference Node server (issue 5). Node only: no browser file imports this folder.
 */
export {
  createServer,
  startServer,
  type AtentoServer,
  type CreateServerOptions,
} from './server.js';
export { loadConfig, DEFAULT_CONFIG, type ServerConfig } from './config.js';
export { Tokens, type AgentClaims, type DeviceClaims } from './auth/tokens.js';
export type { LoginAnswer, DeviceAnswer } from './auth/session-routes.js';
