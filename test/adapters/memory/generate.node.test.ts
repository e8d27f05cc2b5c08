import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  createMemoryBackend,
  generateConversations,
  generateLargeCase,
} from '../../../src/adapters/memory/index.js';

describe('generateLargeCase', () => {
  for (const size of [1000, 10_000]) {
    it(`builds one conversation of exactly ${size} messages, fast`, () => {
      const started = performance.now();
      const data = generateLargeCase({ messages: size });
      const elapsed = performance.now() - started;
      assert.ok(elapsed < 900, `took ${elapsed.toFixed(0)} ms`);
      assert.equal(data.conversations?.length, 1);
      assert.equal(data.messages?.length, size);
      const channels = new Set(data.interactions?.map((i) => i.channel));
      assert.deepEqual([...channels].sort(), ['chat', 'email']);
      const total = data.interactions!.reduce((n, i) => n + i.messageCount, 0);
      assert.equal(total, size);
      const ids = new Set(data.messages!.map((m) => m.id));
      assert.equal(ids.size, size);
    });
  }

  it('is deterministic per seed, and seeds can be loaded side by side', () => {
    assert.equal(
      JSON.stringify(generateLargeCase({ messages: 500 })),
      JSON.stringify(generateLargeCase({ messages: 500 })),
    );
    const a = generateLargeCase({ messages: 300, seed: 1 });
    const b = generateLargeCase({ messages: 300, seed: 2 });
    assert.notEqual(a.conversations![0]!.id, b.conversations![0]!.id);
    assert.notEqual(a.conversations![0]!.number, b.conversations![0]!.number);
  });

  it('loads into a backend and pages through the history', async () => {
    const backend = createMemoryBackend();
    const data = generateLargeCase({ messages: 1000, seed: 7 });
    backend.load(data);
    const agent = backend.agent('agent');
    const detail = await agent.getConversation(data.conversations![0]!.id);
    assert.equal(detail.interactions.length, data.interactions!.length);
    let seen = 0;
    for (const interaction of detail.interactions) {
      let before: string | undefined;
      for (;;) {
        const page = await agent.listMessages(interaction.id, { before, limit: 4 });
        seen += page.items.length;
        if (!page.hasMore) break;
        before = page.items[0]!.id;
      }
    }
    assert.equal(seen, 1000);
    backend.dispose();
  });
});

describe('generateConversations', () => {
  it('builds 10,000 conversations well under a second', () => {
    const started = performance.now();
    const data = generateConversations({ count: 10_000 });
    const elapsed = performance.now() - started;
    assert.ok(elapsed < 900, `took ${elapsed.toFixed(0)} ms`);
    assert.equal(data.conversations?.length, 10_000);
    assert.equal(new Set(data.conversations!.map((c) => c.number)).size, 10_000);
    const emails = data.contacts!.flatMap((c) => c.emails);
    assert.equal(new Set(emails).size, emails.length);
    assert.ok(data.conversations!.some((c) => c.channels.includes('chat')));
    assert.ok(data.conversations!.some((c) => c.status === 'completed'));
    assert.ok(data.conversations!.some((c) => !c.read));
  });

  it('is deterministic', () => {
    assert.equal(
      JSON.stringify(generateConversations({ count: 200, seed: 3 })),
      JSON.stringify(generateConversations({ count: 200, seed: 3 })),
    );
  });

  it('gives an inbox that pages through every case', async () => {
    const backend = createMemoryBackend();
    backend.load(generateConversations({ count: 2000, seed: 4 }));
    const agent = backend.agent('supervisor');
    let cursor: string | undefined;
    const ids = new Set<string>();
    let total = 0;
    do {
      const page = await agent.listConversations({ cursor, limit: 200 });
      total = page.total;
      for (const c of page.items) ids.add(c.id);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    assert.equal(ids.size, total);
    assert.ok(total >= 2026);
    backend.dispose();
  });
});
