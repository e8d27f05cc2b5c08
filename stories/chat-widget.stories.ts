import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { ref } from 'lit/directives/ref.js';
import '../src/components/chat-widget/chat-widget.js';
import type { ChatWidget } from '../src/components/chat-widget/chat-widget.js';
import { historyKey } from '../src/components/chat-widget/loader/keys.js';
import { createMemoryBackend } from '../src/adapters/memory/index.js';
import type { VisitorAdapter } from '../src/adapters/adapter.js';
import { chatReply } from '../src/model/index.js';
import { toolbarValues } from '../.storybook/locale-theme.js';
import { chatWidgetNotes } from './docs/chat-widget.docs.js';

let stories = 0;
/** A campaign id of its own per render, so stored history and outboxes never leak between stories. */
const freshCampaign = (name: string) => `story-${name}-${Date.now().toString(36)}-${++stories}`;

/** A new visitor on a memory backend with an agent online: the widget starts closed and empty. */
async function newVisitor() {
  const backend = createMemoryBackend();
  backend.agent('agent').subscribe(() => {});
  return {
    adapter: backend.visitor(`device-${freshCampaign('new')}`),
    campaign: freshCampaign('new'),
  };
}

/**
 * A returning visitor whom an agent answered twice since the last visit: the widget starts its
 * session at load (stored history flag) and shows 2 unread messages on the launcher.
 */
async function visitorWithUnread() {
  const backend = createMemoryBackend();
  const agent = backend.agent('agent');
  agent.subscribe(() => {});
  const deviceId = `device-${freshCampaign('unread')}`;
  const visitor = backend.visitor(deviceId);
  await visitor.send({ clientId: `c-${deviceId}`, text: 'Hola, ¿hacen envíos a Arequipa?' });
  const conversationId = (await visitor.resume()).conversation!.id;
  const answer = (text: string, n: number) =>
    agent.send(chatReply(conversationId, text, { clientId: `a${n}-${deviceId}` }));
  await answer('¡Hola! Sí, enviamos a todo el Perú.', 1);
  await answer('El envío a Arequipa tarda de 2 a 3 días hábiles.', 2);
  const campaign = freshCampaign('unread');
  localStorage.setItem(historyKey(location.origin, campaign), '1');
  return { adapter: visitor, campaign };
}

interface Args {
  locale?: string;
  position?: 'bottom-right' | 'bottom-left';
  'brand-color'?: string;
  'brand-name'?: string;
  'launcher-icon'?: string;
  /** Open the window once rendered. */
  opened?: boolean;
}

const meta: Meta<Args> = {
  title: 'Elements/chat-widget',
  component: 'chat-widget',
  tags: ['autodocs'],
  parameters: {
    layout: 'fullscreen',
    docs: {
      description: {
        component:
          'The visitor chat for any website (F-5): a launcher bubble at a corner of the page with ' +
          'an unread badge. The chat window loads only on first open (or on hover/focus of the ' +
          'launcher). Stories use the in-memory backend through the `adapter` property; a real ' +
          'page sets `server-url` and `campaign` instead.',
      },
      notes: chatWidgetNotes,
    },
  },
  args: { position: 'bottom-right' },
  argTypes: {
    position: { control: 'radio', options: ['bottom-right', 'bottom-left'] },
    'brand-color': { control: 'color' },
    'launcher-icon': { control: 'text' },
  },
  render: (args, { loaded, globals }) => html`
    <div style="min-height: 560px; padding: 24px; font: 16px system-ui">
      <p>
        ${
          toolbarValues(globals).locale === 'en'
            ? 'The shop’s own page. The chat is in the corner.'
            : 'Página del sitio de la tienda. El chat está en la esquina.'
        }
      </p>
      <chat-widget
        .adapter=${loaded['adapter'] as VisitorAdapter}
        campaign=${ifDefined(loaded['campaign'] as string | undefined)}
        locale=${ifDefined(args.locale)}
        position=${ifDefined(args.position)}
        brand-color=${ifDefined(args['brand-color'])}
        brand-name=${ifDefined(args['brand-name'])}
        launcher-icon=${ifDefined(args['launcher-icon'])}
        ${ref((el) => {
          if (args.opened && el) queueMicrotask(() => (el as ChatWidget).open());
        })}
      ></chat-widget>
    </div>
  `,
  loaders: [newVisitor],
};
export default meta;

type Story = StoryObj<Args>;

/** Closed, as a first-time visitor sees it: only the launcher, nothing else loaded. */
export const Closed: Story = {};

/** A returning visitor with 2 agent answers unread: the badge and the launcher's name say so. */
export const WithUnreadBadge: Story = { loaders: [visitorWithUnread] };

/** Brand colour, the help icon and the left corner. */
export const Branded: Story = {
  args: {
    position: 'bottom-left',
    'brand-color': '#0f7b5f',
    'brand-name': 'Tienda Andina',
    'launcher-icon': 'help',
  },
};

/** Dark page (toolbar → Theme → Dark), unread badge. */
export const Dark: Story = { loaders: [visitorWithUnread], globals: { theme: 'dark' } };

/** On a phone: the open window takes the whole screen (under 480 px). */
export const Mobile: Story = {
  args: { opened: true },
  globals: { viewport: { value: 'mobile1', isRotated: false } },
};
