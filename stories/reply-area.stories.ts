import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { ref } from 'lit/directives/ref.js';
import '../src/components/agent-panel/reply/reply-area.js';
import type { ReplyArea } from '../src/components/agent-panel/reply/reply-area.js';
import type { AgentAdapter, VisitorAdapter } from '../src/adapters/adapter.js';
import { createMemoryBackend, SEED_IDS, type MemoryBackend } from '../src/adapters/memory/index.js';

interface Args {
  'conversation-id': string;
  locale?: string;
}

interface Loaded {
  backend: MemoryBackend;
  adapter: AgentAdapter;
  /** The visitor's widget, connected (online) when the story says so. */
  visitor?: VisitorAdapter;
  /** Closes the visitor's widget (the visitor goes offline). */
  leave?: () => void;
}

/** A fresh backend per story; with `online`, the visitor of that device has the widget open. */
function backendWith(online?: string) {
  return async (): Promise<Loaded> => {
    const backend = createMemoryBackend();
    const adapter = backend.agent('agent');
    if (!online) return { backend, adapter };
    const visitor = backend.visitor(online);
    const leave = visitor.subscribe(() => {});
    return { backend, adapter, visitor, leave };
  };
}

/** Runs `after` once the reply area has loaded the case. */
function whenLoaded(after: (el: ReplyArea) => void) {
  return ref((el) => {
    if (!el) return;
    const area = el as ReplyArea;
    const wait = () => {
      if (area.shadowRoot?.querySelector('atento-channel-menu')) after(area);
      else setTimeout(wait, 20);
    };
    wait();
  });
}

/** The reply area at the foot of a case, with room above it for the saved-replies popover. */
const frame = (args: Args, loaded: Loaded, after?: (el: ReplyArea) => void) => html`
  <div
    style="max-width: 760px; min-height: 460px; display: flex; flex-direction: column; justify-content: flex-end"
  >
    <atento-reply-area
      .adapter=${loaded.adapter}
      conversation-id=${args['conversation-id']}
      locale=${ifDefined(args.locale)}
      ${after ? whenLoaded(after) : ref(() => {})}
    ></atento-reply-area>
  </div>
`;

const meta: Meta<Args> = {
  title: 'Internal/reply-area',
  component: 'atento-reply-area',
  parameters: {
    docs: {
      description: {
        component:
          'Where the agent answers a case (F-4.4, F-4.5): the channel dropdown "Chat web" / ' +
          '"Correo electrónico", chosen from the visitor’s presence, a light chat composer ' +
          '(Enter sends, Shift+Enter new line, `/` saved replies, emoji, files) and the email ' +
          'composer, collapsed to one line until needed.',
      },
    },
  },
  args: { 'conversation-id': SEED_IDS.knownChat.conversationId },
  render: (args, { loaded }) => frame(args, loaded as Loaded),
  loaders: [backendWith(SEED_IDS.visitors.known)],
};
export default meta;

type Story = StoryObj<Args>;

/** Carla is on the website: "Chat web" is chosen, the green dot shows she is online. */
export const ChatOnline: Story = {};

/** Carla left the website: email is chosen (collapsed), with the transcript note (F-4.5). */
export const ChatOfflineVisitor: Story = { loaders: [backendWith()] };

/** An anonymous visitor who left no address: email is unavailable and the dropdown says why. */
export const NoEmailKnown: Story = {
  args: { 'conversation-id': SEED_IDS.anonymousChat.conversationId },
  loaders: [backendWith()],
  render: (args, { loaded }) =>
    frame(args, loaded as Loaded, (el) => {
      const menu = el.shadowRoot!.querySelector('atento-channel-menu')!;
      void menu.show('last');
    }),
};

/** Valeria's case went on by email: the email composer answers her newest email. */
export const EmailCase: Story = {
  args: { 'conversation-id': SEED_IDS.mixedCase.conversationId },
  loaders: [backendWith()],
  render: (args, { loaded }) =>
    frame(args, loaded as Loaded, (el) => {
      const open = () => {
        const button = el.shadowRoot!.querySelector<HTMLButtonElement>('[part=email-open]');
        if (button && !button.disabled) button.click();
        else setTimeout(open, 20);
      };
      open();
    }),
};

/** Carla is typing in the widget: "Carla está escribiendo…" next to the channel. */
export const VisitorTyping: Story = {
  render: (args, { loaded }) =>
    frame(args, loaded as Loaded, (el) => {
      const { visitor } = loaded as Loaded;
      // The widget repeats its signal while the visitor types; the story keeps typing forever.
      const type = () => {
        if (!el.isConnected) return;
        void visitor?.typing(true);
        setTimeout(type, 4000);
      };
      type();
    }),
};

/** Carla left while the agent was typing: the channel stays, the agent is asked. */
export const VisitorLeftMidReply: Story = {
  render: (args, { loaded }) =>
    frame(args, loaded as Loaded, (el) => {
      const chat = el.shadowRoot!.querySelector('atento-chat-composer')!;
      const area = chat.shadowRoot!.querySelector('textarea')!;
      area.value = 'Sí, todavía se puede cambiar. ¿Me indica la nueva dirección?';
      area.dispatchEvent(new InputEvent('input', { bubbles: true }));
      (loaded as Loaded).leave?.();
    }),
};

/** The dark theme (toolbar → Theme → Dark). */
export const Dark: Story = { globals: { theme: 'dark' } };
