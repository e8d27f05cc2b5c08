import type {
  AgentAdapter,
  AgentEvent,
  CallOptions,
  CaseActivity,
  ConversationQuery,
  MessageQuery,
  UploadFile,
  UploadOptions,
} from '../adapter.js';
import { AdapterError } from '../adapter.js';
import type {
  Agent,
  ContactInput,
  ConversationStatus,
  DraftInput,
  DraftKey,
  Id,
  OutgoingMessage,
  QuickReplyInput,
} from '../../model/index.js';
import { run } from './call.js';
import type { Store } from './store.js';
import * as blocks from './operations/block-list.js';
import * as contacts from './operations/contacts.js';
import * as conversations from './operations/conversations.js';
import * as drafts from './operations/drafts.js';
import * as replies from './operations/quick-replies.js';
import * as sending from './operations/sending.js';
import { agentTyping } from './operations/typing.js';
import { upload } from './operations/uploads.js';
import { announce } from './operations/viewers.js';

/** The agent side, signed in as one agent; every call goes through `run` (latency, faults, copies). */
export class MemoryAgentAdapter implements AgentAdapter {
  constructor(
    private readonly s: Store,
    private readonly agentId: Id,
  ) {}

  private actor(): Agent {
    const agent = this.s.agents.get(this.agentId);
    if (!agent) throw new AdapterError('forbidden', `Agent ${this.agentId} no longer exists.`);
    return agent;
  }

  me(o?: CallOptions) {
    return run(this.s, o, () => this.actor());
  }

  listConversations(query?: ConversationQuery, o?: CallOptions) {
    return run(this.s, o, () => conversations.listConversations(this.s, this.actor(), query));
  }

  getConversation(id: Id, o?: CallOptions) {
    return run(this.s, o, () => conversations.getConversation(this.s, id));
  }

  listMessages(interactionId: Id, query?: MessageQuery, o?: CallOptions) {
    return run(this.s, o, () => conversations.listMessages(this.s, interactionId, query));
  }

  markRead(conversationId: Id, o?: CallOptions) {
    return run(this.s, o, () => conversations.markRead(this.s, conversationId));
  }

  setStatus(conversationId: Id, status: ConversationStatus, o?: CallOptions) {
    return run(this.s, o, () => conversations.setStatus(this.s, conversationId, status));
  }

  getDraft(key: DraftKey, o?: CallOptions) {
    return run(this.s, o, () => drafts.getDraft(this.s, key));
  }

  saveDraft(draft: DraftInput, o?: CallOptions) {
    return run(this.s, o, () => drafts.saveDraft(this.s, draft));
  }

  deleteDraft(key: DraftKey, o?: CallOptions) {
    return run(this.s, o, () => drafts.deleteDraft(this.s, key));
  }

  send(message: OutgoingMessage, o?: CallOptions) {
    return run(this.s, o, () => sending.send(this.s, this.actor(), message));
  }

  cancelSend(messageId: Id, o?: CallOptions) {
    return run(this.s, o, () => sending.cancelSend(this.s, messageId));
  }

  searchRecipients(query: string, o?: CallOptions) {
    return run(this.s, o, () => contacts.searchRecipients(this.s, query));
  }

  findContacts(address: string, o?: CallOptions) {
    return run(this.s, o, () => contacts.findContacts(this.s, address));
  }

  createContact(input: ContactInput, o?: CallOptions) {
    return run(this.s, o, () => contacts.createContact(this.s, input));
  }

  linkContact(contactId: Id, address: string, o?: CallOptions) {
    return run(this.s, o, () => contacts.linkContact(this.s, contactId, address));
  }

  listBlocked(o?: CallOptions) {
    return run(this.s, o, () => blocks.listBlocked(this.s));
  }

  blockSender(address: string, reason: string, o?: CallOptions) {
    return run(this.s, o, () => blocks.blockSender(this.s, this.actor(), address, reason));
  }

  unblockSender(address: string, o?: CallOptions) {
    return run(this.s, o, () => blocks.unblockSender(this.s, this.actor(), address));
  }

  listQuickReplies(o?: CallOptions & { campaignId?: Id }) {
    return run(this.s, o, () => replies.listQuickReplies(this.s, o?.campaignId));
  }

  saveQuickReply(reply: QuickReplyInput, o?: CallOptions) {
    return run(this.s, o, () => replies.saveQuickReply(this.s, this.actor(), reply));
  }

  deleteQuickReply(id: Id, o?: CallOptions) {
    return run(this.s, o, () => replies.deleteQuickReply(this.s, this.actor(), id));
  }

  upload(file: UploadFile, options: UploadOptions) {
    return run(this.s, options, () => {
      const { conversationId } = options;
      const campaign =
        conversationId === undefined
          ? this.s.defaultCampaign()
          : this.s.campaignOfConversation(conversationId);
      return upload(this.s, file, options, campaign, { kind: 'agents' });
    });
  }

  campaign(conversationId: Id, o?: CallOptions) {
    return run(this.s, o, () => this.s.settings(this.s.campaignOfConversation(conversationId)));
  }

  setTyping(conversationId: Id, typing: boolean, o?: CallOptions) {
    return run(this.s, o, () => agentTyping(this.s, this.actor(), conversationId, typing));
  }

  announce(conversationId: Id, activity: CaseActivity | null, o?: CallOptions) {
    return run(this.s, o, () => announce(this.s, this.actor(), conversationId, activity));
  }

  subscribe(listener: (event: AgentEvent) => void) {
    return this.s.hub.subscribeAgent(this.agentId, listener);
  }
}
