export * from './keys.js';
export { ensureContextRoot, provideAtento, type AtentoProviders } from './provide.js';
