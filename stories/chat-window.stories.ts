import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/components/chat-widget/window/chat-window.js';
import {
  ScriptedSession,
  scriptedHistory,
} from '../src/components/chat-widget/window/scripted-session.js';
import type { ChatStateLike } from '../src/components/chat-widget/window/session-like.js';
import { toolbarValues } from '../.storybook/locale-theme.js';

interface Args {
  /** Unset: the toolbar's language (the widget sets it on the window it opens). */
  locale?: 'es' | 'en';
  'brand-name': string;
  /** The session state the story starts from (a scripted session answers sends locally). */
  state: Partial<ChatStateLike>;
  width: number;
  height: number;
}

const now = Date.now();
const minutesAgo = (minutes: number) => new Date(now - minutes * 60_000).toISOString();

/** A short conversation: yesterday's question, today's answer, a message in flight. */
const conversation: ChatStateLike['messages'] = [
  {
    id: 'm-1',
    clientId: 'c-1',
    channel: 'chat',
    direction: 'inbound',
    authorName: '',
    text: 'Hola, mi pedido 4512 no ha llegado todavía.',
    attachments: [],
    status: 'sent',
    registeredAt: minutesAgo(26 * 60),
    delivery: 'read',
  },
  {
    id: 'm-2',
    channel: 'email',
    direction: 'outbound',
    authorName: 'Lucía Ramos',
    text:
      'Buenos días. Su pedido salió ayer; puede seguirlo en https://envios.tiendaandina.example/4512.\n' +
      'Le adjunto la guía.',
    attachments: [
      {
        id: 'a-1',
        name: 'guia-4512.pdf',
        size: 182_000,
        type: 'application/pdf',
        kind: 'document',
        url: 'https://tiendaandina.example/files/guia-4512.pdf',
        inline: false,
      },
    ],
    status: 'sent',
    registeredAt: minutesAgo(30),
    delivery: 'sent',
  },
  {
    id: 'm-3',
    clientId: 'c-3',
    channel: 'chat',
    direction: 'inbound',
    authorName: '',
    text: '¡Gracias! Ya lo veo.',
    attachments: [],
    status: 'sent',
    registeredAt: minutesAgo(2),
    delivery: 'sent',
  },
  {
    id: 'local:c-4',
    clientId: 'c-4',
    channel: 'chat',
    direction: 'inbound',
    authorName: '',
    text: '¿Puedo cambiar la dirección de entrega?',
    attachments: [],
    status: 'sending',
    registeredAt: minutesAgo(0),
    delivery: 'sending',
    local: true,
  },
];

const meta: Meta<Args> = {
  title: 'Elements/chat-widget/chat-window',
  component: 'atento-chat-window',
  parameters: {
    docs: {
      description: {
        component:
          'The opened visitor chat (F-5.1, F-5.3, F-5.4, F-5.7), driven here by a scripted ' +
          'session: sending, retrying and the email form answer locally.',
      },
    },
  },
  args: { 'brand-name': '', state: {}, width: 380, height: 600 },
  argTypes: { locale: { control: 'radio', options: ['es', 'en'] } },
  render: (args, { globals }) => {
    const session = new ScriptedSession(args.state);
    return html`<div style="width: ${args.width}px; max-width: 100%; height: ${args.height}px">
      <atento-chat-window
        .session=${session}
        locale=${args.locale ?? toolbarValues(globals).locale}
        brand-name=${args['brand-name']}
      ></atento-chat-window>
    </div>`;
  },
};
export default meta;
type Story = StoryObj<Args>;

/** Agents online, a conversation over two days, an agent's email reply with a file. */
export const Open: Story = { args: { state: { messages: conversation } } };

/** A first visit: the campaign's greeting and the offer to leave an email. */
export const Greeting: Story = {};

/** The connection is gone: a banner says messages are queued; they stay "sending". */
export const Offline: Story = {
  args: { state: { status: 'offline', agentsOnline: false, messages: conversation } },
};

/** No agent online and the campaign requires an email (F-5.3): the form comes first. */
export const CaptureForm: Story = {
  args: { state: { agentsOnline: false, needsEmail: true } },
};

/** 200 messages over several days, more to load at the top. */
export const LongHistory: Story = {
  args: { state: { messages: scriptedHistory(200), hasMore: true } },
};

/** The agent is typing; one message failed with Retry and Discard. */
export const AgentTyping: Story = {
  args: {
    state: {
      agentTyping: { name: 'Lucía Ramos' },
      messages: [
        ...conversation.slice(0, 3),
        {
          ...conversation[3]!,
          delivery: 'failed',
          error: { code: 'too-large', message: 'El mensaje es demasiado largo.' },
        },
      ],
    },
  },
};

/** Loading the history. */
export const Loading: Story = { args: { state: { status: 'loading' } } };

/** Private mode: history is not persisted on this device. */
export const NotPersistent: Story = {
  args: { state: { persistent: false, messages: conversation.slice(0, 2) } },
};

/** A 360 px phone (the window goes full screen under 480 px viewport width). */
export const Mobile: Story = {
  args: { width: 360, height: 640, state: { messages: conversation } },
};

/** Dark theme (toolbar → Theme → Dark). */
export const Dark: Story = {
  args: { state: { messages: conversation, agentTyping: { name: 'Lucía Ramos' } } },
  globals: { theme: 'dark' },
};

/** In English. */
export const English: Story = {
  args: { locale: 'en', state: { agentsOnline: false, messages: conversation } },
};
