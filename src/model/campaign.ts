import type { AttachmentLimits } from './attachment.js';
import type { EmailAddress, Id } from './common.js';

/**
 * Settings of an inbox/campaign.
 * - `greeting` and `signature` start every composed email (F-2.7); they may hold personalization
 *   tags.
 * - `undoSendSeconds`: the undo window (F-2.9); `0` sends at once with no way back.
 * - `chatFallbackToEmail`: whether an agent may answer a chat by email (F-4.4).
 */
export interface CampaignSettings {
  id: Id;
  name: string;
  fromAddress: EmailAddress;
  greeting: string;
  signature: string;
  undoSendSeconds: number;
  attachments: AttachmentLimits;
  chatFallbackToEmail: boolean;
}
