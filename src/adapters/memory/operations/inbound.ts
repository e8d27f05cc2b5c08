import type {
  Conversation,
  Contact,
  InboundMail,
  Interaction,
  Message,
} from '../../../model/index.js';
import { localPart, normalizeAddress } from '../../../model/index.js';
import { bareMessageId, domainOf, newMessageId } from '../ids.js';
import type { Store } from '../store.js';
import { htmlToText, normalizeSubject } from '../text.js';
import { isBlocked } from './block-list.js';
import { addContact } from './contacts.js';
import { appendMessage, newConversation, newInteraction } from './messages.js';

const THIRTY_DAYS = 30 * 24 * 3600 * 1000;

interface Thread {
  conversation: Conversation;
  interaction?: Interaction;
}

/** By Message-ID: In-Reply-To, then References from the newest. */
function threadByIds(s: Store, mail: InboundMail): Thread | undefined {
  const ids = [mail.inReplyTo, ...[...(mail.references ?? [])].reverse()];
  for (const id of ids) {
    if (!id) continue;
    const parent = s.messageByRfcId(id);
    if (!parent) continue;
    const conversation = s.conversation(parent.conversationId);
    const interaction = s.interactions.get(parent.interactionId);
    return {
      conversation,
      interaction: interaction?.channel === 'email' ? interaction : undefined,
    };
  }
  return undefined;
}

/** By the same normalized subject and the same contact, active within the last 30 days. */
function threadBySubject(
  s: Store,
  contact: Contact | undefined,
  subject: string,
  now: Date,
): Thread | undefined {
  const key = normalizeSubject(subject);
  if (!contact || key === '') return undefined;
  let best: { thread: Thread; at: string } | undefined;
  for (const conversation of s.conversationsOfContact(contact.id)) {
    for (const it of s.interactionsOf(conversation.id)) {
      if (it.channel !== 'email' || normalizeSubject(it.subject) !== key) continue;
      if (now.getTime() - Date.parse(it.lastMessageAt) > THIRTY_DAYS) continue;
      if (!best || it.lastMessageAt > best.at)
        best = { thread: { conversation, interaction: it }, at: it.lastMessageAt };
    }
    if (
      normalizeSubject(conversation.subject) === key &&
      now.getTime() - Date.parse(conversation.updatedAt) <= THIRTY_DAYS
    ) {
      if (!best || conversation.updatedAt > best.at)
        best = { thread: { conversation }, at: conversation.updatedAt };
    }
  }
  return best?.thread;
}

function senderContact(s: Store, mail: InboundMail, address: string): Contact {
  return (
    s.contactByAddress(address) ??
    addContact(s, {
      name: mail.from.name?.trim() || localPart(address),
      emails: [address],
      source: 'auto',
    })
  );
}

/** The campaign whose mailbox the mail was sent to, else the default one. */
function campaignFor(s: Store, mail: InboundMail) {
  const rcpt = new Set(
    [...(mail.to ?? []), ...(mail.cc ?? [])].map((r) => normalizeAddress(r.address)),
  );
  for (const c of s.campaigns.values())
    if (rcpt.has(normalizeAddress(c.fromAddress.address))) return c;
  return s.defaultCampaign();
}

/**
 * The inbound mail pipeline (F-4.6, F-1.9): drops blocked senders (kept aside, never in an inbox),
 * skips a Message-ID already stored, threads by ids then by subject + contact, else opens a new
 * case (creating an `auto` contact for an unknown sender), and files the message as inbound.
 */
export function receiveEmail(s: Store, mail: InboundMail): Message | null {
  const now = s.now();
  const address = normalizeAddress(mail.from.address);
  const messageId =
    (mail.messageId && bareMessageId(mail.messageId)) || newMessageId(domainOf(address), now);
  const inboundMessage = (
    conversationId: string,
    interactionId: string,
    contact: Contact | undefined,
  ): Message => {
    const m: Message = {
      id: s.newId('msg'),
      conversationId,
      interactionId,
      channel: 'email',
      direction: 'inbound',
      from: {
        kind: 'contact',
        name: mail.from.name?.trim() || contact?.name || localPart(address),
        address,
      },
      to: (mail.to ?? []).map((r) => ({ ...r, address: normalizeAddress(r.address) })),
      cc: (mail.cc ?? []).map((r) => ({ ...r, address: normalizeAddress(r.address) })),
      bcc: [],
      subject: mail.subject,
      originDate: mail.date ?? now.toISOString(),
      registeredAt: now.toISOString(),
      text: mail.text || htmlToText(mail.html ?? ''),
      attachments: [],
      messageId,
      references: (mail.references ?? []).map(bareMessageId),
      status: 'sent',
    };
    if (contact) m.from.id = contact.id;
    if (mail.html) m.html = mail.html;
    if (mail.inReplyTo) m.inReplyTo = bareMessageId(mail.inReplyTo);
    if (mail.autoReply) m.autoReply = true;
    return m;
  };

  const known = s.contactByAddress(address);
  if (isBlocked(s, address)) {
    const refused = inboundMessage('', '', known);
    s.blockedMail.set(refused.id, refused);
    return null;
  }
  const existing = s.messageByRfcId(messageId);
  if (existing) return existing;

  const thread = threadByIds(s, mail) ?? threadBySubject(s, known, mail.subject, now);
  const conversation =
    thread?.conversation ??
    newConversation(
      s,
      {
        subject: mail.subject,
        contactId: senderContact(s, mail, address).id,
        campaignId: campaignFor(s, mail).id,
      },
      now.toISOString(),
    );
  const interaction = thread?.interaction ?? newInteraction(s, conversation, 'email', mail.subject);
  const m = inboundMessage(conversation.id, interaction.id, s.contactByAddress(address));
  appendMessage(s, conversation, m);
  return m;
}
