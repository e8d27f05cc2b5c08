import type { BlockListEntry, Draft } from '../../../model/index.js';
import { ago } from './builders.js';
import { englishCases } from './conversations-en.js';
import { spanishCases } from './conversations-es.js';
import { jorgeCase, jorgeContact, jorgeVisitor } from './jorge-case.js';
import { ANA, AGENTS, CAMPAIGNS, MARCO } from './people.js';
import { QUICK_REPLIES } from './quick-replies.js';
import { SEED_IDS } from './seed-ids.js';
import type { SeedData } from './types.js';
import { copy } from '../copy.js';

export interface SeedOptions {
  /** The instant every seed date is computed from; default `2026-11-20T15:00:00.000Z`. */
  now?: Date;
}

export const SEED_ANCHOR = '2026-11-20T15:00:00.000Z';

/**
 * The deterministic seed: two companies (Tienda Andina in Spanish, Northwind Outfitters in
 * English), three agents, Jorge's case of seed 000 and 25 more cases, saved replies, a block
 * list and website visitors. The same `now` always gives byte-for-byte the same data; the demo
 * passes the real clock so that the cases look recent.
 */
export function createSeedData(options: SeedOptions = {}): SeedData {
  const anchor = (options.now ?? new Date(SEED_ANCHOR)).getTime();
  const iso = (minutesAgo: number) => new Date(anchor - minutesAgo * 60_000).toISOString();
  const jorge = jorgeCase(anchor);
  const es = spanishCases(anchor);
  const en = englishCases(anchor);

  const drafts: Draft[] = [
    {
      conversationId: SEED_IDS.draft.conversationId,
      mode: SEED_IDS.draft.mode,
      inReplyToMessageId: 'msg-6611-01-01',
      channel: 'email',
      to: [{ name: 'Sarah Mitchell', address: 'sarah.mitchell@gmail.com' }],
      cc: [],
      bcc: [],
      subject: 'Re: Where is my order NW-20931?',
      html: '<p>Hi Sarah,</p><p>I checked with the carrier and</p>',
      text: 'Hi Sarah,\n\nI checked with the carrier and',
      attachments: [],
      revision: SEED_IDS.draft.revision,
      updatedAt: iso(ago(0, 0, 25)),
    },
  ];

  const blockList: BlockListEntry[] = [
    {
      address: SEED_IDS.blocked.domain,
      reason: 'Suplantación de identidad (phishing)',
      blockedBy: { id: ANA.id, name: ANA.name },
      blockedAt: iso(ago(29, 18, 0)),
    },
    {
      address: SEED_IDS.blocked.address,
      reason: 'Spam publicitario',
      blockedBy: { id: MARCO.id, name: MARCO.name },
      blockedAt: iso(ago(13, 21, 0)),
    },
  ];

  return copy({
    agents: [...AGENTS],
    campaigns: [...CAMPAIGNS],
    contacts: [jorgeContact(anchor), ...es.contacts, ...en.contacts],
    conversations: [jorge.conversation, ...es.conversations, ...en.conversations],
    interactions: [...jorge.interactions, ...es.interactions, ...en.interactions],
    messages: [...jorge.messages, ...es.messages, ...en.messages],
    drafts,
    quickReplies: [...QUICK_REPLIES],
    blockList,
    visitors: [jorgeVisitor(anchor), ...es.visitors, ...en.visitors],
  });
}
