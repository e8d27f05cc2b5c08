import type { Id } from './common.js';

/**
 * A saved response (F-3.1). `body` is plain text with line breaks and personalization tags
 * (`{{contact.first_name|cliente}}`), resolved on insert (F-3.2). `shortcut` is what follows `/`
 * in a composer (F-3.3), unique when present. Like Help Scout's saved replies, a reply
 * belongs to one campaign (and speaks its language) or to all of them.
 */
export interface QuickReply {
  id: Id;
  title: string;
  category: string;
  body: string;
  shortcut?: string;
  /** The campaign (inbox) the reply belongs to; absent for replies shared by every campaign. */
  campaignId?: Id;
}

export type QuickReplyInput = Omit<QuickReply, 'id'> & { id?: Id };
