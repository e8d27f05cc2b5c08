import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createSeedData, SEED_IDS, type SeedData } from '../../../src/adapters/memory/index.js';
import { base64Size } from '../../../src/adapters/memory/seed/files.js';
import { isValidAddress, type Message } from '../../../src/model/index.js';

const ANCHOR = Date.parse('2026-11-20T15:00:00.000Z');

describe('createSeedData', () => {
  it('is byte-for-byte deterministic', () => {
    assert.equal(JSON.stringify(createSeedData()), JSON.stringify(createSeedData()));
    const now = new Date('2027-03-01T12:00:00.000Z');
    assert.equal(JSON.stringify(createSeedData({ now })), JSON.stringify(createSeedData({ now })));
  });

  it('is plain serializable data', () => {
    const seed = createSeedData();
    assert.deepEqual(JSON.parse(JSON.stringify(seed)), seed);
  });

  it('shifts every date with `now` and keeps every id', () => {
    const a = createSeedData();
    const b = createSeedData({ now: new Date(ANCHOR + 86_400_000) });
    assert.deepEqual(
      b.messages.map((m) => m.id),
      a.messages.map((m) => m.id),
    );
    a.messages.forEach((m, i) => {
      assert.equal(
        Date.parse(b.messages[i]!.registeredAt) - Date.parse(m.registeredAt),
        86_400_000,
      );
    });
  });

  it('returns fresh records every time', () => {
    const a = createSeedData();
    a.agents[0]!.name = 'changed';
    assert.notEqual(createSeedData().agents[0]!.name, 'changed');
  });
});

describe('seed invariants', () => {
  const seed: SeedData = createSeedData();
  const byId = new Map(seed.messages.map((m) => [m.id, m]));
  const byRfc = new Map(seed.messages.filter((m) => m.messageId).map((m) => [m.messageId!, m]));

  it('has the three agents by role and the two campaigns', () => {
    assert.deepEqual(
      seed.agents.map((a) => [a.id, a.role]),
      [
        [SEED_IDS.agents.agent, 'agent'],
        [SEED_IDS.agents.supervisor, 'supervisor'],
        [SEED_IDS.agents.coordinator, 'coordinator'],
      ],
    );
    for (const a of seed.agents) {
      assert.ok(a.addresses.includes(a.email));
      assert.ok(a.addresses.includes('soporte@tiendaandina.pe'));
    }
    const [es, en] = seed.campaigns;
    assert.equal(es?.id, SEED_IDS.campaigns.es);
    assert.equal(es?.undoSendSeconds, 10);
    assert.equal(es?.greeting, 'Hola {{contact.first_name|cliente}},');
    assert.match(es?.signature ?? '', /\{\{agent\.name\}\}/);
    assert.equal(es?.requireEmailWhenOffline, true);
    assert.equal(en?.id, SEED_IDS.campaigns.en);
    assert.equal(en?.undoSendSeconds, 5);
  });

  it("holds Jorge's case: #6597, 16 interactions, the 2 oldest closed, 14 open", () => {
    const conv = seed.conversations.find((c) => c.id === SEED_IDS.jorge.conversationId);
    assert.ok(conv);
    assert.equal(conv.number, 6597);
    assert.equal(conv.read, false);
    assert.deepEqual(conv.channels, ['email', 'chat']);
    const interactions = seed.interactions
      .filter((i) => i.conversationId === conv.id)
      .sort((a, b) => a.startedAt.localeCompare(b.startedAt));
    assert.equal(interactions.length, 16);
    assert.deepEqual(
      interactions.map((i) => i.status),
      ['closed', 'closed', ...Array(14).fill('open')],
    );
    assert.equal(interactions[0]!.id, SEED_IDS.jorge.firstInteractionId);
    assert.equal(interactions[15]!.id, SEED_IDS.jorge.latestInteractionId);
    const counts = interactions.map(
      (i) => seed.messages.filter((m) => m.interactionId === i.id).length,
    );
    assert.ok(counts.every((n) => n >= 1));
    assert.ok(
      interactions.some((i) => i.channel === 'chat' && (counts[interactions.indexOf(i)] ?? 0) >= 3),
    );
    const contact = seed.contacts.find((c) => c.id === SEED_IDS.jorge.contactId);
    assert.deepEqual(contact?.emails, [SEED_IDS.jorge.address]);
    assert.equal(contact?.name, 'Jorge Taype');
  });

  it("ends Jorge's case with an unread inbound email", () => {
    const latest = seed.messages
      .filter((m) => m.conversationId === SEED_IDS.jorge.conversationId)
      .sort((a, b) => a.registeredAt.localeCompare(b.registeredAt))
      .at(-1);
    assert.equal(latest?.id, SEED_IDS.jorge.latestMessageId);
    assert.equal(latest?.direction, 'inbound');
    assert.equal(latest?.channel, 'email');
    assert.equal(latest?.interactionId, SEED_IDS.jorge.latestInteractionId);
  });

  it('has the special messages the UI features need', () => {
    const get = (id: string) => byId.get(id)!;
    const inline = get(SEED_IDS.jorge.inlineImageMessageId);
    const cid = inline.attachments.find((a) => a.inline);
    assert.ok(cid?.contentId && inline.html?.includes(`cid:${cid.contentId}`));
    assert.ok(inline.attachments.some((a) => !a.inline && a.type === 'image/jpeg'));
    assert.match(
      get(SEED_IDS.jorge.remoteImagesMessageId).html ?? '',
      /<img src="https:\/\/track\./,
    );
    assert.match(get(SEED_IDS.jorge.remoteImagesMessageId).html ?? '', /url\(/);
    assert.match(get(SEED_IDS.jorge.unsafeHtmlMessageId).html ?? '', /<script>/);
    assert.match(get(SEED_IDS.jorge.unsafeHtmlMessageId).html ?? '', /onerror=/);
    assert.equal(get(SEED_IDS.jorge.plainTextMessageId).html, undefined);
    assert.ok(Date.parse(get(SEED_IDS.jorge.futureOriginMessageId).originDate) > ANCHOR);
    const cc = get(SEED_IDS.jorge.ccMessageId).cc.map((a) => a.address);
    assert.ok(cc.includes('lucia.ramos@tiendaandina.pe') && cc.length >= 2);
    assert.ok(
      get(SEED_IDS.jorge.pdfMessageId).attachments.some((a) => a.type === 'application/pdf'),
    );
    assert.ok(
      seed.messages.some(
        (m) => m.html?.includes('<div class="gmail_quote">') && m.html.includes('<blockquote'),
      ),
    );
  });

  it('has real files whose size is their byte count', () => {
    const files = seed.messages.flatMap((m) => m.attachments);
    assert.ok(files.length >= 5);
    for (const f of files) {
      const [, base64 = ''] = /^data:[^;]+;base64,(.*)$/.exec(f.url) ?? [];
      assert.equal(f.size, base64Size(base64), f.name);
      assert.equal(f.size, Buffer.from(base64, 'base64').length, f.name);
    }
    const pdf = files.find((f) => f.type === 'application/pdf')!;
    assert.equal(Buffer.from(pdf.url.split(',')[1]!, 'base64').subarray(0, 5).toString(), '%PDF-');
    const png = files.find((f) => f.type === 'image/png')!;
    assert.deepEqual(
      [...Buffer.from(png.url.split(',')[1]!, 'base64').subarray(1, 4)],
      [0x50, 0x4e, 0x47],
    );
    const jpeg = files.find((f) => f.type === 'image/jpeg')!;
    assert.deepEqual(
      [...Buffer.from(jpeg.url.split(',')[1]!, 'base64').subarray(0, 2)],
      [0xff, 0xd8],
    );
  });

  it('has valid Message-ID chains in every email thread', () => {
    const emails = seed.messages.filter((m) => m.channel === 'email');
    assert.equal(byRfc.size, emails.length, 'every email has a unique Message-ID');
    for (const m of emails) {
      assert.ok(m.messageId && !/[<>\s]/.test(m.messageId), m.id);
      if (!m.inReplyTo) {
        assert.deepEqual(m.references, [], m.id);
        continue;
      }
      const parent = byRfc.get(m.inReplyTo);
      assert.ok(parent, `${m.id} answers an unknown message`);
      assert.equal(parent.interactionId, m.interactionId, m.id);
      assert.ok(parent.registeredAt < m.registeredAt, m.id);
      assert.deepEqual(m.references, [...parent.references, parent.messageId], m.id);
    }
    for (const m of seed.messages.filter((x) => x.channel === 'chat')) {
      assert.deepEqual([m.to, m.cc, m.bcc, m.messageId], [[], [], [], undefined], m.id);
    }
  });

  it('keeps records consistent with each other', () => {
    const ids = new Set<string>();
    for (const list of [
      seed.conversations,
      seed.interactions,
      seed.messages,
      seed.contacts,
      seed.visitors,
    ]) {
      for (const r of list as { id: string }[]) {
        assert.ok(!ids.has(r.id), `duplicate id ${r.id}`);
        ids.add(r.id);
      }
    }
    const contacts = new Set(seed.contacts.map((c) => c.id));
    const emails = seed.contacts.flatMap((c) => c.emails);
    assert.equal(new Set(emails).size, emails.length, 'an address belongs to one contact');
    assert.ok(emails.every(isValidAddress));
    const numbers = seed.conversations.map((c) => c.number);
    assert.equal(new Set(numbers).size, numbers.length);
    assert.ok(seed.conversations.length >= 26);
    for (const c of seed.conversations) {
      assert.ok(contacts.has(c.contactId), c.id);
      const messages = seed.messages
        .filter((m) => m.conversationId === c.id)
        .sort((a, b) => a.registeredAt.localeCompare(b.registeredAt));
      assert.equal(c.updatedAt, messages.at(-1)?.registeredAt, c.id);
      assert.equal(c.createdAt, messages[0]?.registeredAt, c.id);
      assert.deepEqual(c.channels, [...new Set(messages.map((m) => m.channel))], c.id);
      if (c.visitorId)
        assert.ok(
          seed.visitors.some((v) => v.id === c.visitorId),
          c.id,
        );
      if (c.channels[0] === 'chat')
        assert.ok(c.visitorId, `${c.id} is a chat case without visitor`);
    }
    for (const i of seed.interactions) {
      const messages = seed.messages.filter((m) => m.interactionId === i.id);
      assert.equal(i.messageCount, messages.length, i.id);
      assert.ok(
        messages.every((m) => m.channel === i.channel && m.conversationId === i.conversationId),
        i.id,
      );
      assert.equal(
        i.lastMessageAt,
        messages
          .map((m) => m.registeredAt)
          .sort()
          .at(-1),
        i.id,
      );
    }
    for (const m of seed.messages) {
      assert.equal(m.status, 'sent', m.id);
      if (m.direction === 'outbound') {
        assert.equal(m.from.kind, 'agent', m.id);
        assert.ok(
          seed.agents.some((a) => a.id === m.from.id),
          m.id,
        );
      }
      assert.ok(
        Math.abs(Date.parse(m.originDate) - Date.parse(m.registeredAt)) < 31 * 86_400_000,
        m.id,
      );
      assert.ok(m.text.trim() !== '', m.id);
    }
    const devices = seed.visitors.map((v) => v.deviceId);
    assert.equal(new Set(devices).size, devices.length);
  });

  it('covers the kinds of cases the stories need', () => {
    const conv = (id: string) => seed.conversations.find((c) => c.id === id)!;
    const contactOf = (id: string) => seed.contacts.find((c) => c.id === conv(id).contactId)!;
    assert.equal(contactOf(SEED_IDS.anonymousChat.conversationId).emails.length, 0);
    assert.equal(contactOf(SEED_IDS.anonymousChat.conversationId).name, '');
    assert.equal(conv(SEED_IDS.anonymousChat.conversationId).read, false);
    assert.equal(contactOf(SEED_IDS.autoContactCase.conversationId).source, 'auto');
    assert.deepEqual(conv(SEED_IDS.mixedCase.conversationId).channels, ['chat', 'email']);
    assert.equal(conv(SEED_IDS.completedCase.conversationId).status, 'completed');
    assert.equal(conv(SEED_IDS.english.conversationId).campaignId, SEED_IDS.campaigns.en);
    const english = seed.messages.filter(
      (m) => m.conversationId === SEED_IDS.english.conversationId,
    );
    assert.ok(english.some((m) => m.cc.length >= 6));
    assert.equal(conv(SEED_IDS.englishChat.conversationId).campaignId, SEED_IDS.campaigns.en);
    assert.ok(seed.conversations.filter((c) => c.status === 'completed').length >= 5);
    assert.ok(seed.conversations.filter((c) => c.channels.includes('chat') && !c.read).length >= 3);
    assert.ok(seed.messages.some((m) => m.autoReply));
    for (const device of Object.values(SEED_IDS.visitors)) {
      assert.ok(
        seed.visitors.some((v) => v.deviceId === device),
        device,
      );
    }
    assert.equal(seed.drafts.length, 1);
    assert.equal(seed.drafts[0]?.conversationId, SEED_IDS.draft.conversationId);
  });

  it('has saved replies with tags and unique shortcuts', () => {
    assert.ok(seed.quickReplies.length >= 14);
    const categories = new Set(seed.quickReplies.map((q) => q.category));
    for (const c of [
      'Saludos',
      'Envíos',
      'Devoluciones',
      'Pagos',
      'Cierre',
      'Greetings',
      'Shipping',
      'Returns',
    ]) {
      assert.ok(categories.has(c), c);
    }
    const shortcuts = seed.quickReplies.flatMap((q) => (q.shortcut ? [q.shortcut] : []));
    assert.equal(new Set(shortcuts).size, shortcuts.length);
    for (const s of ['hola', 'envio', 'devolucion', 'gracias']) assert.ok(shortcuts.includes(s), s);
    const bodies = seed.quickReplies.map((q) => q.body).join('\n');
    for (const tag of [
      '{{contact.first_name|cliente}}',
      '{{agent.name}}',
      '{{conversation.number}}',
      '{{contact.email',
    ]) {
      assert.ok(bodies.includes(tag), tag);
    }
    for (const id of Object.values(SEED_IDS.quickReplies))
      assert.ok(
        seed.quickReplies.some((q) => q.id === id),
        id,
      );
  });

  it('blocks the spam address and the phishing domain', () => {
    const spam = seed.blockList.find((b) => b.address === SEED_IDS.blocked.address);
    assert.equal(spam?.reason, 'Spam publicitario');
    assert.equal(spam?.blockedBy.id, SEED_IDS.agents.supervisor);
    assert.ok(seed.blockList.some((b) => b.address === SEED_IDS.blocked.domain));
  });

  it('is consistent with the message list as a whole', () => {
    const ordered = [...seed.messages].sort((a: Message, b: Message) =>
      a.registeredAt.localeCompare(b.registeredAt),
    );
    assert.ok(Date.parse(ordered.at(-1)!.registeredAt) <= ANCHOR);
  });
});
