/**
 * The conformance suite against the memory adapter in Chromium (mocha): the adapter the demo
 * and Storybook use in the browser behaves exactly as under Node.
 */
import { memory } from './memory-harness.js';
import { defineConformanceSuite } from './suite.js';

defineConformanceSuite({ describe, it, beforeEach, afterEach }, memory);
