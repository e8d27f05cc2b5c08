/**
 * The conformance suite against the memory adapter, under `node:test`:
 * `node --import tsx --test test/conformance/memory.node.test.ts`.
 */
import { afterEach, beforeEach, describe, it } from 'node:test';
import { memory } from './memory-harness.js';
import { defineConformanceSuite } from './suite.js';

defineConformanceSuite({ describe, it, beforeEach, afterEach }, memory);
