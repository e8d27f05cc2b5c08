/**
 * atento: registers every element and re-exports the public types and helpers. Hosts that want
 * only one element import its own module instead (`atento/quick-replies`).
 */
import './components/quick-replies/quick-replies.js';
import './components/mail-thread/mail-thread.js';
import './components/mail-composer/mail-composer.js';
import './components/conversation-list/conversation-list.js';
import './components/agent-panel/agent-panel.js';

export {
  QuickReplies,
  type QuickReplySelectDetail,
} from './components/quick-replies/quick-replies.js';
export {
  MailThread,
  type MailInteractionChangeDetail,
  type ThreadComposing,
} from './components/mail-thread/mail-thread.js';
export {
  MailComposer,
  type ComposerValue,
  type MailCloseDetail,
  type MailDiscardDetail,
  type MailDraftSaveDetail,
  type MailSendDetail,
  type MailSentDetail,
} from './components/mail-composer/mail-composer.js';
export {
  ConversationList,
  type ConversationListFilter,
  type ConversationNewChatDetail,
  type ConversationSelectDetail,
} from './components/conversation-list/conversation-list.js';
export { AgentPanel, type PanelNavigateDetail } from './components/agent-panel/agent-panel.js';
export type {
  MailStatusChangeDetail,
  MailStatusChangedDetail,
} from './components/mail-thread/mail-thread.js';
export * from './adapters/adapter.js';
export * from './model/index.js';
export * from './context/index.js';
export { LOCALES, toLocale, type Locale } from './i18n/index.js';
