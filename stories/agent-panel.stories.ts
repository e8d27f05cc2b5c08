import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import '../src/components/agent-panel/agent-panel.js';
import { createMemoryBackend, SEED_IDS } from '../src/adapters/memory/index.js';
import { agentPanelNotes } from './docs/agent-panel.docs.js';

/**
 * Each story gets its own in-memory backend. `online` connects the seed's website visitors
 * (Carla, the anonymous visitor, Emily) so their cases show the green dot and answer by chat.
 */
function panelBackend(online = false) {
  const backend = createMemoryBackend();
  if (online) {
    for (const device of [
      SEED_IDS.visitors.known,
      SEED_IDS.visitors.anonymous,
      SEED_IDS.visitors.english,
    ])
      backend.visitor(device).subscribe(() => undefined);
  }
  return { backend, adapter: backend.agent('agent') };
}

interface Args {
  locale?: string;
  'conversation-id'?: string;
  'complete-moves-next'?: boolean;
  /** Width of the frame the panel sits in (the layout follows the panel's own width). */
  width?: string;
}

const meta: Meta<Args> = {
  title: 'Elements/agent-panel',
  component: 'agent-panel',
  tags: ['autodocs'],
  parameters: {
    layout: 'fullscreen',
    docs: {
      description: {
        component:
          'The unified inbox (F-4, seed 002): the list, the case and the reply area. Under 900 px ' +
          'of its own width the panes stack with a "Volver" button. Shortcuts: j / k, e, r, /, ?.',
      },
      notes: agentPanelNotes,
    },
  },
  args: { width: '100%' },
  render: (args, { loaded }) => html`
    <div style="height: 760px; width: ${args.width ?? '100%'}; max-width: 100%">
      <agent-panel
        .adapter=${loaded['adapter']}
        locale=${ifDefined(args.locale)}
        conversation-id=${ifDefined(args['conversation-id'])}
        ?complete-moves-next=${args['complete-moves-next'] ?? false}
      ></agent-panel>
    </div>
  `,
  loaders: [async () => panelBackend(true)],
};
export default meta;

type Story = StoryObj<Args>;

/** Three panes on a wide screen: the list and the seed's case #6597 with its reply area. */
export const Wide: Story = { args: { 'conversation-id': SEED_IDS.jorge.conversationId } };

/** A narrow frame (400 px): the case stacked over the list, with "Volver". */
export const Narrow: Story = {
  args: { width: '400px', 'conversation-id': SEED_IDS.jorge.conversationId },
};

/**
 * Carla's chat while she is online: green dot, "Chat web" selected in the reply area; Marco Díaz
 * (supervisor) is on the case too, so the collision hint shows under the header.
 */
export const ChatCase: Story = {
  args: { 'conversation-id': SEED_IDS.knownChat.conversationId, 'complete-moves-next': true },
  loaders: [
    async () => {
      const { backend, adapter } = panelBackend(true);
      const marco = backend.agent('supervisor');
      marco.subscribe(() => undefined);
      await marco.announce(SEED_IDS.knownChat.conversationId, 'viewing');
      return { adapter };
    },
  ],
};

/** An email case (the visitor is offline): "Correo electrónico" in the reply area. */
export const EmailCase: Story = {
  args: { 'conversation-id': SEED_IDS.autoContactCase.conversationId },
  loaders: [async () => panelBackend(false)],
};

/** Nothing selected yet: "Seleccione una conversación". */
export const Empty: Story = {};

/** The wide panel in the dark theme (toolbar → Theme → Dark). */
export const Dark: Story = {
  args: { 'conversation-id': SEED_IDS.mixedCase.conversationId },
  globals: { theme: 'dark' },
};

/** English, on Emily's chat in the Northwind campaign. */
export const English: Story = {
  args: { locale: 'en', 'conversation-id': SEED_IDS.englishChat.conversationId },
};
