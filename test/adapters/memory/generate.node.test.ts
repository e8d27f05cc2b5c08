import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  createMemoryBackend,
  generateConversations,
  generateLargeCase,
} from '../../../src/adapters/memory/index.js';
import type { AgentAdapter } from '../../../src/adapters/adapter.js';
import type { ConversationSummary } from '../../../src/model/index.js';

/** Every inbox page in turn, and the `total` the last page reported. */
async function wholeInbox(agent: AgentAdapter, limit: number) {
  const items: ConversationSummary[] = [];
  let total = 0;
  let cursor: string | undefined;
  do {
    const page = await agent.listConversations({ cursor, limit });
    items.push(...page.items);
    total = page.total;
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return { items, total };
}

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
    const { items, total } = await wholeInbox(backend.agent('supervisor'), 200);
    const ids = new Set(items.map((c) => c.id));
    assert.equal(ids.size, total);
    assert.ok(total >= 2026);
    backend.dispose();
  });

  it('keeps the inbox order as cases get new mail and new cases arrive', async () => {
    let clock = new Date('2026-11-21T09:00:00.000Z');
    const backend = createMemoryBackend({ now: () => clock });
    const data = generateConversations({ count: 600, seed: 5 });
    backend.load(data);
    const agent = backend.agent('agent');
    const emails = data.messages!.filter((m) => m.channel === 'email' && m.messageId);
    for (let i = 0; i < 12; i++) {
      await agent.listConversations({ limit: 1 }); // the order exists before the change
      clock = new Date(clock.getTime() + 60_000);
      const old = emails[(i * 37) % emails.length]!;
      await backend.receiveEmail({
        from: { address: i % 3 === 0 ? `nuevo.${i}@example.com` : old.from.address! },
        to: [{ address: 'soporte@tiendaandina.pe' }],
        subject: `Seguimiento ${i}`,
        text: 'Sigo esperando.',
        ...(i % 3 === 0 ? {} : { inReplyTo: old.messageId }),
      });
    }
    const all = (await wholeInbox(agent, 37)).items;
    const sorted = [...all].sort((a, b) =>
      a.updatedAt !== b.updatedAt ? (a.updatedAt > b.updatedAt ? -1 : 1) : a.id > b.id ? -1 : 1,
    );
    assert.deepEqual(
      all.map((c) => c.id),
      sorted.map((c) => c.id),
    );
    assert.equal(new Set(all.map((c) => c.id)).size, all.length);
    assert.ok(all.slice(0, 12).every((c) => c.updatedAt > '2026-11-21T09:00:00.000Z'));
    const unread = await agent.listConversations({ unread: true, limit: 5 });
    const next = await agent.listConversations({
      unread: true,
      limit: 5,
      cursor: unread.nextCursor!,
    });
    assert.deepEqual(
      [...unread.items, ...next.items].map((c) => c.id),
      all
        .filter((c) => !c.read)
        .slice(0, 10)
        .map((c) => c.id),
    );
    backend.dispose();
  });
});
