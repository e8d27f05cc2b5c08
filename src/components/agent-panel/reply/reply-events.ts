import type { Channel, Id, Message } from '../../../model/index.js';

/** `reply-send`: a chat message is about to be sent. */
export interface ReplySendDetail {
  conversationId: Id;
  channel: Channel;
  /** The text as it will be sent. */
  text: string;
}

/** `reply-sent`: a reply left (a chat message at once; an email once out of its undo window). */
export interface ReplySentDetail {
  message: Message;
}

/** `reply-channel-change`: the reply area is about to switch channel. */
export interface ReplyChannelChangeDetail {
  channel: Channel;
  /** `true` when the reply area switched by itself (the visitor's presence changed). */
  automatic: boolean;
}

declare global {
  interface GlobalEventHandlersEventMap {
    'reply-send': CustomEvent<ReplySendDetail>;
    'reply-sent': CustomEvent<ReplySentDetail>;
    'reply-channel-change': CustomEvent<ReplyChannelChangeDetail>;
  }
}
