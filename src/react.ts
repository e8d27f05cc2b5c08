/**
 * Typed JSX for React 19, which sets custom elements' properties and listens to their events
 * natively (`on` + the event name). Import it once for its types:
 *
 * ```tsx
 * import type {} from 'atento/react';
 *
 * <agent-panel
 *   adapter={adapter}
 *   conversationId={id}
 *   onpanel-navigate={(e) => navigate(e.detail.conversationId)}
 * />
 * ```
 *
 * Properties are typed from the element classes (objects such as `adapter` go as properties,
 * never as attributes); `on<event>` handlers get the element's typed `CustomEvent`. Kebab-case
 * attributes (`conversation-id`, `server-url`) are accepted as strings too.
 */
import type { DetailedHTMLProps, HTMLAttributes } from 'react';
import type { LitElement } from 'lit';
import type { AgentPanel } from './components/agent-panel/agent-panel.js';
import type { ChatWidget } from './components/chat-widget/chat-widget.js';
import type { ConversationList } from './components/conversation-list/conversation-list.js';
import type { MailComposer } from './components/mail-composer/mail-composer.js';
import type { MailThread } from './components/mail-thread/mail-thread.js';
import type { QuickReplies } from './components/quick-replies/quick-replies.js';

const COMPOSER_EVENTS = [
  'mail-send',
  'mail-sent',
  'mail-draft-save',
  'mail-discard',
  'mail-close',
] as const;
const THREAD_EVENTS = [
  'mail-interaction-change',
  'mail-reply',
  'mail-show-images',
  'mail-status-change',
  'mail-status-changed',
  // Its built-in composer's events bubble out of it.
  ...COMPOSER_EVENTS,
] as const;
const LIST_EVENTS = ['conversation-select', 'conversation-new-chat'] as const;

/**
 * The events each public element fires (its own and those that bubble out of its parts), which
 * React can listen to as `on<event>`. Checked against `custom-elements.json` by the tests.
 */
export const ELEMENT_EVENTS = {
  'agent-panel': ['panel-navigate', ...LIST_EVENTS, ...THREAD_EVENTS],
  'chat-widget': ['chat-open', 'chat-close', 'chat-message', 'chat-unread'],
  'conversation-list': LIST_EVENTS,
  'mail-composer': COMPOSER_EVENTS,
  'mail-thread': THREAD_EVENTS,
  'quick-replies': ['quick-reply-select', 'quick-reply-dismiss'],
} as const satisfies Record<string, readonly string[]>;

type EventOf<N extends string> = N extends keyof GlobalEventHandlersEventMap
  ? GlobalEventHandlersEventMap[N]
  : CustomEvent<unknown>;

/** `on<event>` listeners for the events `N`. */
type Handlers<N extends string> = { [K in N as `on${K}`]?: (event: EventOf<K>) => void };

/** The element's own settable data properties (no methods, nothing from HTMLElement or Lit). */
type Properties<E> = {
  -readonly [
    K in keyof E as K extends keyof HTMLElement | keyof LitElement
      ? never
      : E[K] extends (...args: never[]) => unknown
        ? never
        : K
  ]?: E[K];
};

/** JSX props of an atento element: its properties, its events, HTML attributes and `ref`. */
export type AtentoElementProps<E extends HTMLElement, N extends string> = Properties<E> &
  Handlers<N> &
  Omit<DetailedHTMLProps<HTMLAttributes<E>, E>, keyof Properties<E>> & {
    class?: string;
    [attribute: `${string}-${string}`]: string | number | boolean | undefined;
  };

type Events<T extends keyof typeof ELEMENT_EVENTS> = (typeof ELEMENT_EVENTS)[T][number];

export interface AtentoIntrinsicElements {
  'agent-panel': AtentoElementProps<AgentPanel, Events<'agent-panel'>>;
  'chat-widget': AtentoElementProps<ChatWidget, Events<'chat-widget'>>;
  'conversation-list': AtentoElementProps<ConversationList, Events<'conversation-list'>>;
  'mail-composer': AtentoElementProps<MailComposer, Events<'mail-composer'>>;
  'mail-thread': AtentoElementProps<MailThread, Events<'mail-thread'>>;
  'quick-replies': AtentoElementProps<QuickReplies, Events<'quick-replies'>>;
}

declare module 'react' {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace JSX {
    // eslint-disable-next-line @typescript-eslint/no-empty-object-type
    interface IntrinsicElements extends AtentoIntrinsicElements {}
  }
}
