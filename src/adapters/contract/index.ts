export * from './wire.js';
export * from './routes.js';
export * from './socket.js';
export type { JsonSchema } from './schemas.js';
