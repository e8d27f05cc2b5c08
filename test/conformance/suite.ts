/**
 * The conformance suite: the executable definition of the adapter contract
 * (`src/adapters/adapter.ts`, F-6.2). It is a function of a harness, written only against the
 * contract, and runs unchanged against the memory adapter (Node), the HTTP adapter over msw
 * (browser, mocha) and the HTTP adapter over the reference server (Node).
 *
 * Every test gets a fresh backend holding the seed, with a 0.3 s undo window.
 */
import { defineContactAndBlockListTests } from './contacts-and-block-list.js';
import { createContext } from './context.js';
import { defineConversationTests } from './conversations.js';
import { defineDraftAndSendTests } from './drafts-and-send.js';
import { defineFaultTests } from './faults.js';
import type { ConformanceHarness, TestApi } from './harness.js';
import { defineLiveEventTests } from './live-events.js';
import { defineQuickReplyTests } from './quick-replies.js';
import { defineUploadTests } from './uploads.js';
import { defineVisitorTests } from './visitor.js';

export type { ConformanceBackend, ConformanceHarness, SeedIds, TestApi } from './harness.js';

export function defineConformanceSuite(api: TestApi, harness: ConformanceHarness): void {
  api.describe(`adapter conformance: ${harness.name}`, () => {
    const ctx = createContext(api, harness);
    api.describe('agent: inbox and thread', () => defineConversationTests(api, ctx));
    api.describe('agent: drafts and send', () => defineDraftAndSendTests(api, ctx));
    api.describe('agent: contacts and block list', () => defineContactAndBlockListTests(api, ctx));
    api.describe('agent: quick replies', () => defineQuickReplyTests(api, ctx));
    api.describe('uploads', () => defineUploadTests(api, ctx));
    api.describe('visitor', () => defineVisitorTests(api, ctx));
    api.describe('live events', () => defineLiveEventTests(api, ctx));
    api.describe('faults and abort signals', () => defineFaultTests(api, ctx));
  });
}
