import type { QuickReply } from '../../model/index.js';

/** Lower-case, accent-free text, so `envio` finds "Envío". */
export function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/**
 * Replies in `category` ('' for all) matching every word of `query` in the title, body, category
 * or shortcut. A query starting with `/` matches shortcuts by prefix (F-3.3).
 */
export function filterReplies(
  replies: QuickReply[],
  category: string,
  query: string,
): QuickReply[] {
  const inCategory = category ? replies.filter((r) => r.category === category) : replies;
  const q = fold(query.trim());
  if (!q) return inCategory;
  if (q.startsWith('/')) {
    const prefix = q.slice(1);
    return inCategory.filter((r) => r.shortcut && fold(r.shortcut).startsWith(prefix));
  }
  const words = q.split(/\s+/);
  return inCategory.filter((r) => {
    const haystack = fold(`${r.title}\n${r.category}\n${r.shortcut ?? ''}\n${r.body}`);
    return words.every((w) => haystack.includes(w));
  });
}

/** Categories in first-appearance order (the adapter sorts replies by category, then title). */
export function categoriesOf(replies: QuickReply[]): string[] {
  return [...new Set(replies.map((r) => r.category))];
}

export function groupByCategory(replies: QuickReply[]): Array<[string, QuickReply[]]> {
  const groups = new Map<string, QuickReply[]>();
  for (const reply of replies) {
    const group = groups.get(reply.category);
    if (group) group.push(reply);
    else groups.set(reply.category, [reply]);
  }
  return [...groups];
}
