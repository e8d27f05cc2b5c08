import type {
  Agent,
  Attachment,
  Channel,
  Contact,
  Conversation,
  ConversationStatus,
  DeliveryStatus,
  EmailAddress,
  Id,
  Interaction,
  Message,
} from '../../../model/index.js';
import { escapeHtml } from '../../../model/escape-html.js';
import { domainOf, referencesOf } from '../ids.js';
import { hashString, token } from './prng.js';
import type { CampaignRecord, VisitorRecord } from './types.js';

/**
 * A small language for writing seed cases: interactions and messages are declared with times
 * in minutes before an anchor; ids, dates, recipients, Message-ID chains, HTML bodies and Gmail
 * style quotes are derived, so every case is consistent by construction.
 */

export type Lang = 'es' | 'en';

/** Minutes before the anchor. */
export function ago(days: number, hours = 0, minutes = 0): number {
  return days * 1440 + hours * 60 + minutes;
}

export interface MessageSpec {
  dir: 'in' | 'out';
  /** Registration time, in minutes before the anchor. */
  at: number;
  /** Outbound author; default the case's agent. */
  agent?: Agent;
  /** Inbound sender when it is not the case's contact (someone in CC answering). */
  from?: EmailAddress;
  to?: EmailAddress[];
  cc?: EmailAddress[];
  bcc?: EmailAddress[];
  subject?: string;
  text: string;
  /** Explicit HTML; `false` for a plain-text-only email; default: the text as paragraphs. */
  html?: string | false;
  /** Append the previous message of the interaction as a quote (Gmail style). */
  quote?: boolean;
  attachments?: Attachment[];
  /** `originDate - registeredAt` in seconds; default by channel and direction. */
  originOffsetSeconds?: number;
  status?: DeliveryStatus;
  autoReply?: boolean;
}

export interface InteractionSpec {
  channel: Channel;
  status?: 'open' | 'closed';
  subject?: string;
  messages: MessageSpec[];
}

export interface CaseSpec {
  id?: Id;
  number: number;
  lang: Lang;
  campaign: CampaignRecord;
  contact: Contact;
  subject: string;
  status?: ConversationStatus;
  read?: boolean;
  visitorId?: Id;
  /** Default author of outbound messages. */
  agent: Agent;
  interactions: InteractionSpec[];
}

export interface BuiltCase {
  conversation: Conversation;
  interactions: Interaction[];
  messages: Message[];
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** Paragraphs separated by blank lines become `<p>`, single line breaks `<br>`. */
export function textToHtml(text: string): string {
  const paragraphs = text
    .split(/\n{2,}/)
    .map((p) => `<p>${escapeHtml(p).replace(/\n/g, '<br>')}</p>`);
  return `<div dir="ltr">${paragraphs.join('')}</div>`;
}

/** A Message-ID in the style of the sender's provider. */
function rfcMessageId(key: string, address: string): string {
  const domain = domainOf(address);
  if (domain === 'gmail.com') return `CA${token(key, 40)}@mail.gmail.com`;
  if (/^(hotmail|outlook|live)\./.test(domain)) {
    return `${token(key, 20, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789')}@SJ0PR11MB5678.namprd11.prod.outlook.com`;
  }
  return `${token(key, 24, 'abcdefghijklmnopqrstuvwxyz0123456789')}@${domain}`;
}

const DAYS = {
  es: ['dom', 'lun', 'mar', 'mié', 'jue', 'vie', 'sáb'],
  en: ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'],
};
const MONTHS = {
  es: ['ene', 'feb', 'mar', 'abr', 'may', 'jun', 'jul', 'ago', 'sept', 'oct', 'nov', 'dic'],
  en: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'],
};

/** A date as mail clients write it, in Lima time (UTC-5): `jue, 15 oct 2026 a las 10:12`. */
export function mailDate(lang: Lang, iso: string): string {
  const d = new Date(Date.parse(iso) - 5 * 3600_000);
  const day = DAYS[lang][d.getUTCDay()];
  const month = MONTHS[lang][d.getUTCMonth()];
  if (lang === 'es') {
    return `${day}, ${d.getUTCDate()} ${month} ${d.getUTCFullYear()} a las ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
  }
  const h = d.getUTCHours() % 12 || 12;
  const ampm = d.getUTCHours() < 12 ? 'AM' : 'PM';
  return `${day}, ${month} ${d.getUTCDate()}, ${d.getUTCFullYear()} at ${h}:${pad(d.getUTCMinutes())} ${ampm}`;
}

/** `El jue, 15 oct 2026 a las 10:12, Name (<a@b>) escribió:` / `On Thu, Oct 15, … wrote:`. */
function attribution(lang: Lang, iso: string, from: EmailAddress): string {
  const name = from.name ?? from.address;
  return lang === 'es'
    ? `El ${mailDate(lang, iso)}, ${name} (<${from.address}>) escribió:`
    : `On ${mailDate(lang, iso)} ${name} <${from.address}> wrote:`;
}

function quoteHtml(lang: Lang, previous: Message): string {
  const from = { name: previous.from.name, address: previous.from.address ?? '' };
  const quoted = previous.html ?? textToHtml(previous.text);
  return (
    '<br><div class="gmail_quote"><div dir="ltr" class="gmail_attr">' +
    `${escapeHtml(attribution(lang, previous.originDate, from))}<br></div>` +
    '<blockquote class="gmail_quote" style="margin:0px 0px 0px 0.8ex;border-left:1px solid rgb(204,204,204);padding-left:1ex">' +
    `${quoted}</blockquote></div>`
  );
}

function quoteText(lang: Lang, previous: Message): string {
  const from = { name: previous.from.name, address: previous.from.address ?? '' };
  const lines = previous.text.split('\n').map((l) => (l ? `> ${l}` : '>'));
  return `\n\n${attribution(lang, previous.originDate, from)}\n${lines.join('\n')}`;
}

function defaultOriginOffset(
  key: string,
  channel: Channel,
  dir: 'in' | 'out',
  campaign: CampaignRecord,
): number {
  const jitter = hashString(key) % 100;
  if (channel === 'chat') return -(1 + (jitter % 3));
  return dir === 'in' ? -(8 + jitter) : campaign.undoSendSeconds;
}

/** Builds one case: its conversation, interactions (oldest first) and messages. */
export function buildCase(anchor: number, spec: CaseSpec): BuiltCase {
  const iso = (minutesAgo: number, seconds = 0) =>
    new Date(anchor - minutesAgo * 60_000 + seconds * 1000).toISOString();
  const conversationId = spec.id ?? `conv-${spec.number}`;
  const mailbox = spec.campaign.fromAddress;
  const customer: EmailAddress | undefined = spec.contact.emails[0]
    ? { name: spec.contact.name || undefined, address: spec.contact.emails[0] }
    : undefined;
  const clean = (a: EmailAddress): EmailAddress =>
    a.name ? { name: a.name, address: a.address } : { address: a.address };

  const interactions: Interaction[] = [];
  const messages: Message[] = [];
  spec.interactions.forEach((ispec, ii) => {
    const interactionId = `int-${spec.number}-${pad(ii + 1)}`;
    const subject = ispec.channel === 'email' ? (ispec.subject ?? spec.subject) : '';
    const built: Message[] = [];
    ispec.messages.forEach((mspec, mi) => {
      const id = `msg-${spec.number}-${pad(ii + 1)}-${pad(mi + 1)}`;
      const registeredAt = iso(mspec.at, hashString(id) % 50);
      const offset =
        mspec.originOffsetSeconds ??
        defaultOriginOffset(id, ispec.channel, mspec.dir, spec.campaign);
      const agent = mspec.agent ?? spec.agent;
      const previous = built[built.length - 1];
      const email = ispec.channel === 'email';
      const sender = mspec.dir === 'in' ? (mspec.from ?? customer) : mailbox;
      const m: Message = {
        id,
        conversationId,
        interactionId,
        channel: ispec.channel,
        direction: mspec.dir === 'in' ? 'inbound' : 'outbound',
        from:
          mspec.dir === 'out'
            ? { kind: 'agent', id: agent.id, name: agent.name }
            : { kind: 'contact', name: sender?.name ?? spec.contact.name },
        to: [],
        cc: [],
        bcc: [],
        subject: '',
        originDate: new Date(Date.parse(registeredAt) + offset * 1000).toISOString(),
        registeredAt,
        text: mspec.text,
        attachments: mspec.attachments ?? [],
        references: [],
        status: mspec.status ?? 'sent',
      };
      if (mspec.dir === 'in' && (!mspec.from || spec.contact.emails.includes(mspec.from.address)))
        m.from.id = spec.contact.id;
      if (sender && (email || mspec.dir === 'in')) m.from.address = sender.address;
      if (email) {
        m.to = (mspec.to ?? (mspec.dir === 'in' ? [mailbox] : customer ? [customer] : [])).map(
          clean,
        );
        m.cc = (mspec.cc ?? []).map(clean);
        m.bcc = (mspec.bcc ?? []).map(clean);
        m.subject =
          mspec.subject ??
          (previous
            ? `${spec.lang === 'es' && mspec.dir === 'in' && /outlook|hotmail/.test(sender?.address ?? '') ? 'RE:' : 'Re:'} ${subject}`
            : subject);
        m.messageId = rfcMessageId(id, sender?.address ?? mailbox.address);
        if (previous?.messageId) {
          m.inReplyTo = previous.messageId;
          m.references = referencesOf(previous.references, previous.messageId);
        }
        if (mspec.html !== false) {
          m.html =
            (mspec.html ?? textToHtml(mspec.text)) +
            (mspec.quote && previous ? quoteHtml(spec.lang, previous) : '');
        }
        if (mspec.quote && previous) m.text = mspec.text + quoteText(spec.lang, previous);
      }
      if (mspec.autoReply) m.autoReply = true;
      built.push(m);
    });
    const first = built[0];
    const last = built[built.length - 1];
    interactions.push({
      id: interactionId,
      conversationId,
      channel: ispec.channel,
      status: ispec.status ?? 'open',
      subject,
      startedAt: first?.registeredAt ?? iso(0),
      lastMessageAt: last?.registeredAt ?? iso(0),
      messageCount: built.length,
    });
    messages.push(...built);
  });

  const ordered = [...messages].sort((a, b) =>
    a.registeredAt < b.registeredAt ? -1 : a.registeredAt > b.registeredAt ? 1 : 0,
  );
  const channels: Channel[] = [];
  for (const m of ordered) if (!channels.includes(m.channel)) channels.push(m.channel);
  const conversation: Conversation = {
    id: conversationId,
    number: spec.number,
    subject: spec.subject,
    contactId: spec.contact.id,
    campaignId: spec.campaign.id,
    status: spec.status ?? 'open',
    channels,
    read: spec.read ?? true,
    createdAt: ordered[0]?.registeredAt ?? iso(0),
    updatedAt: ordered[ordered.length - 1]?.registeredAt ?? iso(0),
  };
  if (spec.visitorId) conversation.visitorId = spec.visitorId;
  return { conversation, interactions, messages };
}

/** A case with its people, for the case lists (`conversations-es.ts`, `conversations-en.ts`). */
export interface CaseDef extends Omit<
  CaseSpec,
  'contact' | 'visitorId' | 'campaign' | 'lang' | 'agent'
> {
  contact: Omit<Contact, 'createdAt' | 'source'> & { source?: Contact['source'] };
  /** The website visitor of a chat case. */
  visitor?: { id: Id; deviceId: string; name?: string; email?: string };
  agent?: Agent;
}

export interface BuiltCases {
  contacts: Contact[];
  visitors: VisitorRecord[];
  conversations: Conversation[];
  interactions: Interaction[];
  messages: Message[];
}

/** Builds a list of cases of one campaign; contacts and visitors are dated by their case. */
export function buildCases(
  anchor: number,
  lang: Lang,
  campaign: CampaignRecord,
  agent: Agent,
  defs: CaseDef[],
): BuiltCases {
  const out: BuiltCases = {
    contacts: [],
    visitors: [],
    conversations: [],
    interactions: [],
    messages: [],
  };
  for (const def of defs) {
    const { contact: c, visitor: v, agent: caseAgent, ...rest } = def;
    const record: Contact = { ...c, source: c.source ?? 'manual', createdAt: '' };
    const built = buildCase(anchor, {
      ...rest,
      lang,
      campaign,
      agent: caseAgent ?? agent,
      contact: record,
      visitorId: v?.id,
    });
    record.createdAt = built.conversation.createdAt;
    out.contacts.push(record);
    if (v) {
      const visitor: VisitorRecord = {
        id: v.id,
        deviceId: v.deviceId,
        contactId: record.id,
        lastSeenAt: built.conversation.updatedAt,
      };
      if (v.name) visitor.name = v.name;
      if (v.email) visitor.email = v.email;
      out.visitors.push(visitor);
    }
    out.conversations.push(built.conversation);
    out.interactions.push(...built.interactions);
    out.messages.push(...built.messages);
  }
  return out;
}
