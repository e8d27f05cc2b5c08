/**
 * The conformance suite against the HTTP adapter over the real reference server (Fastify,
 * WebSockets, SQLite in a temp directory): `node --import tsx --test
 * test/conformance/server.node.test.ts`.
 */
import { afterEach, beforeEach, describe, it } from 'node:test';
import { serverHarness } from './server-harness.js';
import { defineConformanceSuite } from './suite.js';

defineConformanceSuite({ describe, it, beforeEach, afterEach }, serverHarness);
