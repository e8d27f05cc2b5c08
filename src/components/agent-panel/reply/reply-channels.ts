/**
 * Which channels a reply to a case may use, and which one the reply area picks by itself
 * (F-4.4): chat while the visitor is online, email otherwise; email only when an address is known
 * and the campaign lets chats be answered by email; chat only when the case has a visitor. Pure
 * functions of the case; the element only calls them.
 */
import type {
  CampaignSettings,
  Channel,
  ConversationDetail,
  EmailAddress,
} from '../../../model/index.js';
import { normalizeAddress } from '../../../model/index.js';

/** Why a channel cannot be used for this case. */
export type ChannelBlock =
  /** Email: neither the contact nor the visitor left an address. */
  | 'no-email'
  /** Email: the campaign does not answer chats by email (`chatFallbackToEmail` off). */
  | 'no-fallback'
  /** Chat: the case came by email; there is no website visitor to chat with. */
  | 'no-visitor';

export interface ChannelOption {
  channel: Channel;
  /** Set when the channel cannot be used, with the reason to show. */
  blocked?: ChannelBlock;
}

export interface ReplyChannels {
  chat: ChannelOption;
  email: ChannelOption;
  /** Whether the case's visitor is connected right now. */
  online: boolean;
}

/** A case that started on the website chat (the server's rule for the email fallback). */
export function isChatCase(detail: ConversationDetail): boolean {
  return detail.conversation.channels[0] === 'chat';
}

/** Whether the case has chat messages (its email replies then carry the transcript, F-4.5). */
export function hasChatMessages(detail: ConversationDetail): boolean {
  return (
    detail.conversation.channels.includes('chat') ||
    detail.interactions.some((i) => i.channel === 'chat' && i.messageCount > 0)
  );
}

/**
 * The case's known addresses, primary first, without duplicates: the contact's (the summary's
 * copy is the freshest, live events update it), then the visitor's own.
 */
export function knownAddresses(detail: ConversationDetail): string[] {
  const all = [
    ...detail.conversation.contact.emails,
    ...detail.contact.emails,
    ...(detail.visitor?.email ? [detail.visitor.email] : []),
  ];
  return [...new Set(all.map(normalizeAddress).filter(Boolean))];
}

/** To of a new email on the case: the contact's primary address, with the contact's name. */
export function caseRecipient(detail: ConversationDetail): EmailAddress | undefined {
  const address = knownAddresses(detail)[0];
  if (!address) return undefined;
  const name = detail.conversation.contact.name || detail.visitor?.name || '';
  return name ? { name, address } : { address };
}

/** Whether the case's visitor is online (the detail's visitor, else the summary's green dot). */
export function visitorOnline(detail: ConversationDetail): boolean {
  return detail.visitor?.online ?? detail.conversation.visitorOnline;
}

/** What each channel allows for this case. `campaign` is optional until it has loaded. */
export function replyChannels(
  detail: ConversationDetail,
  campaign?: Pick<CampaignSettings, 'chatFallbackToEmail'>,
): ReplyChannels {
  const hasVisitor = Boolean(detail.visitor ?? detail.conversation.visitorId);
  const chat: ChannelOption = hasVisitor
    ? { channel: 'chat' }
    : { channel: 'chat', blocked: 'no-visitor' };
  let email: ChannelOption = { channel: 'email' };
  if (knownAddresses(detail).length === 0) email = { channel: 'email', blocked: 'no-email' };
  else if (isChatCase(detail) && campaign && !campaign.chatFallbackToEmail)
    email = { channel: 'email', blocked: 'no-fallback' };
  return { chat, email, online: hasVisitor && visitorOnline(detail) };
}

/**
 * The channel the reply area picks by itself: chat while the visitor is online, else email when
 * it may be used, else chat (the message waits in the widget's history), else email.
 */
export function automaticChannel(channels: ReplyChannels): Channel {
  if (channels.online && !channels.chat.blocked) return 'chat';
  if (!channels.email.blocked) return 'email';
  if (!channels.chat.blocked) return 'chat';
  return 'email';
}
