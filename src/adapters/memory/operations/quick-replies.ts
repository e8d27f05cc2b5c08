import { AdapterError } from '../../adapter.js';
import type { Agent, Id, QuickReply, QuickReplyInput } from '../../../model/index.js';
import { isManager } from '../../../model/index.js';
import type { Store } from '../store.js';

/** By category, then title (F-3.1); a campaign sees its own replies and the shared ones. */
export function listQuickReplies(s: Store, campaignId?: Id): QuickReply[] {
  return [...s.quickReplies.values()]
    .filter(
      (r) => campaignId === undefined || r.campaignId === undefined || r.campaignId === campaignId,
    )
    .sort(
      (a, b) =>
        a.category.localeCompare(b.category) ||
        a.title.localeCompare(b.title) ||
        (a.id < b.id ? -1 : 1),
    );
}

function requireManager(me: Agent): void {
  if (!isManager(me.role))
    throw new AdapterError('forbidden', 'Only a supervisor or coordinator manages saved replies.');
}

/** `/envio` → `envio`; empty → undefined. */
function normalizeShortcut(shortcut: string | undefined): string | undefined {
  const s = String(shortcut ?? '')
    .trim()
    .replace(/^\/+/, '')
    .toLowerCase();
  return s === '' ? undefined : s;
}

export function saveQuickReply(s: Store, me: Agent, input: QuickReplyInput): QuickReply {
  requireManager(me);
  const title = String(input?.title ?? '').trim();
  const body = String(input?.body ?? '');
  if (title === '')
    throw new AdapterError('invalid', 'A saved reply needs a title.', { field: 'title' });
  if (body.trim() === '')
    throw new AdapterError('invalid', 'A saved reply needs a body.', { field: 'body' });
  if (input.id !== undefined && !s.quickReplies.has(input.id)) {
    throw new AdapterError('not-found', `No saved reply ${input.id}.`);
  }
  const shortcut = normalizeShortcut(input.shortcut);
  if (shortcut !== undefined) {
    for (const other of s.quickReplies.values()) {
      if (other.id !== input.id && other.shortcut?.toLowerCase() === shortcut) {
        throw new AdapterError(
          'conflict',
          `The shortcut /${shortcut} is used by “${other.title}”.`,
          { field: 'shortcut' },
        );
      }
    }
  }
  const reply: QuickReply = {
    id: input.id ?? s.newId('qr'),
    title,
    category: String(input.category ?? '').trim(),
    body,
  };
  if (input.campaignId !== undefined) {
    if (!s.campaigns.has(input.campaignId))
      throw new AdapterError('not-found', `No campaign ${input.campaignId}.`, {
        field: 'campaignId',
      });
    reply.campaignId = input.campaignId;
  }
  if (shortcut !== undefined) reply.shortcut = shortcut;
  s.quickReplies.set(reply.id, reply);
  return reply;
}

export function deleteQuickReply(s: Store, me: Agent, id: Id): void {
  requireManager(me);
  if (!s.quickReplies.delete(id)) throw new AdapterError('not-found', `No saved reply ${id}.`);
}
