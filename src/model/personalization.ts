/**
 * Personalization tags (F-3.2): `{{contact.first_name}}`, with an optional fallback after a pipe:
 * `{{contact.first_name|cliente}}`. Whitespace inside the braces is ignored.
 *
 * Resolution never drops what the author wrote:
 * - a known tag with a value becomes the value (`resolved`);
 * - a known tag without a value becomes the fallback (`fallback`), or the empty string when there
 *   is none (`missing`, flagged so the agent can fix it before sending);
 * - an unknown tag stays in the text exactly as written (`unknown`, flagged).
 */

/** Values available to tags. Every field is optional: a chat visitor may be anonymous. */
export interface PersonalizationContext {
  contact?: {
    name?: string;
    firstName?: string;
    lastName?: string;
    email?: string;
    phone?: string;
  };
  agent?: { name?: string; email?: string };
  conversation?: { number?: number; subject?: string };
  campaign?: { name?: string };
}

type Getter = (ctx: PersonalizationContext) => string | undefined;

const words = (name?: string) => name?.trim().split(/\s+/).filter(Boolean) ?? [];

/** Every supported tag and how it reads the context. */
export const PERSONALIZATION_TAGS: Readonly<Record<string, Getter>> = {
  'contact.name': (c) => c.contact?.name,
  'contact.first_name': (c) => c.contact?.firstName ?? words(c.contact?.name)[0],
  'contact.last_name': (c) =>
    c.contact?.lastName ?? (words(c.contact?.name).slice(1).join(' ') || undefined),
  'contact.email': (c) => c.contact?.email,
  'contact.phone': (c) => c.contact?.phone,
  'agent.name': (c) => c.agent?.name,
  'agent.first_name': (c) => words(c.agent?.name)[0],
  'agent.email': (c) => c.agent?.email,
  'conversation.number': (c) =>
    c.conversation?.number === undefined ? undefined : `#${c.conversation.number}`,
  'conversation.subject': (c) => c.conversation?.subject,
  'campaign.name': (c) => c.campaign?.name,
};

export type TagStatus = 'resolved' | 'fallback' | 'missing' | 'unknown';

export type TemplateSegment =
  | { kind: 'text'; text: string }
  | { kind: 'tag'; raw: string; tag: string; fallback?: string; status: TagStatus; text: string };

export interface ResolvedTemplate {
  /** The text to insert. */
  text: string;
  /** The text split into literal and tag segments, for a preview that marks each tag. */
  segments: TemplateSegment[];
  /** Tags not in `PERSONALIZATION_TAGS`, left in the text as written. */
  unknown: string[];
  /** Known tags that had neither a value nor a fallback. */
  missing: string[];
}

const TAG = /\{\{\s*([^{}|]*?)\s*(?:\|\s*([^{}]*?)\s*)?\}\}/g;

export function resolveTemplate(template: string, ctx: PersonalizationContext): ResolvedTemplate {
  const segments: TemplateSegment[] = [];
  const unknown = new Set<string>();
  const missing = new Set<string>();
  let last = 0;
  for (const match of template.matchAll(TAG)) {
    const [raw, tag = '', fallback] = match;
    if (match.index > last)
      segments.push({ kind: 'text', text: template.slice(last, match.index) });
    last = match.index + raw.length;
    const getter = PERSONALIZATION_TAGS[tag];
    if (!getter) {
      unknown.add(tag);
      segments.push({ kind: 'tag', raw, tag, fallback, status: 'unknown', text: raw });
      continue;
    }
    const value = getter(ctx)?.trim();
    if (value) segments.push({ kind: 'tag', raw, tag, fallback, status: 'resolved', text: value });
    else if (fallback !== undefined && fallback !== '')
      segments.push({ kind: 'tag', raw, tag, fallback, status: 'fallback', text: fallback });
    else {
      missing.add(tag);
      segments.push({ kind: 'tag', raw, tag, fallback, status: 'missing', text: '' });
    }
  }
  if (last < template.length) segments.push({ kind: 'text', text: template.slice(last) });
  return {
    text: segments.map((s) => s.text).join(''),
    segments,
    unknown: [...unknown],
    missing: [...missing],
  };
}
