import { AdapterError } from '../../adapter.js';
import type { Draft, DraftInput, DraftKey, EmailAddress } from '../../../model/index.js';
import type { Store } from '../store.js';
import { copy } from '../copy.js';
import { checkChannel, checkMode } from './validation.js';

function addresses(list: unknown, field: string): EmailAddress[] {
  if (list === undefined) return [];
  if (!Array.isArray(list) || !list.every((a) => typeof a?.address === 'string')) {
    throw new AdapterError('invalid', `${field} must be a list of addresses.`, { field });
  }
  return list.map((a: EmailAddress) =>
    a.name ? { name: a.name, address: a.address } : { address: a.address },
  );
}

/** The draft fields of an input, shape-checked and copied (unfinished content is allowed). */
function draftFields(input: DraftInput): Omit<Draft, 'revision' | 'updatedAt'> {
  checkMode(input.mode);
  checkChannel(input.channel);
  const fields: Omit<Draft, 'revision' | 'updatedAt'> = {
    conversationId: input.conversationId,
    mode: input.mode,
    channel: input.channel,
    to: addresses(input.to, 'to'),
    cc: addresses(input.cc, 'cc'),
    bcc: addresses(input.bcc, 'bcc'),
    subject: String(input.subject ?? ''),
    html: String(input.html ?? ''),
    text: String(input.text ?? ''),
    attachments: copy(Array.isArray(input.attachments) ? input.attachments : []),
  };
  if (input.inReplyToMessageId !== undefined) fields.inReplyToMessageId = input.inReplyToMessageId;
  return fields;
}

export function getDraft(s: Store, key: DraftKey): Draft | null {
  s.conversation(key.conversationId);
  checkMode(key.mode);
  return s.draft(key) ?? null;
}

/** Saves a draft under optimistic concurrency (see `Draft`), emitting `draft.saved`. */
export function saveDraft(s: Store, input: DraftInput): Draft {
  s.conversation(input.conversationId);
  const fields = draftFields(input);
  const existing = s.draft(fields);
  if (existing ? input.baseRevision !== existing.revision : input.baseRevision !== undefined) {
    throw new AdapterError(
      'conflict',
      existing
        ? `The draft is at revision ${existing.revision}, not ${String(input.baseRevision)}.`
        : 'The draft no longer exists (sent or deleted elsewhere).',
    );
  }
  return store(s, {
    ...fields,
    revision: existing ? existing.revision + 1 : 1,
    updatedAt: s.nowIso(),
  });
}

/**
 * Puts content back as the draft of its key (cancelled send), one revision past the last one
 * that draft ever had, so a tab still holding the deleted draft gets `conflict`.
 */
export function restoreDraft(s: Store, fields: Omit<Draft, 'revision' | 'updatedAt'>): Draft {
  const revision = s.lastDraftRevision(fields) + 1;
  return store(s, { ...fields, revision, updatedAt: s.nowIso() });
}

function store(s: Store, draft: Draft): Draft {
  s.setDraft(draft);
  s.hub.toAgents({ type: 'draft.saved', draft });
  return draft;
}

export function deleteDraft(s: Store, key: DraftKey): void {
  s.conversation(key.conversationId);
  checkMode(key.mode);
  s.deleteDraft(key);
}
