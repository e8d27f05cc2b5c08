/**
 * The conformance suite against the HTTP adapter over the msw handlers, in Chromium: the same
 * tests as the memory adapter, now through fetch, the service worker, JSON, schemas, tokens and a
 * WebSocket. A handler that disagrees with the contract fails here.
 */
import { mswHarness } from './msw-harness.js';
import { stopWorker } from './msw-worker.js';
import { defineConformanceSuite } from './suite.js';

defineConformanceSuite({ describe, it, beforeEach, afterEach }, mswHarness);

after(stopWorker);
