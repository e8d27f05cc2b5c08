import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import '../src/components/quick-replies/quick-replies.js';
import {
  createMemoryBackend,
  createSeedData,
  SEED_IDS,
  type MemoryBackendOptions,
} from '../src/adapters/memory/index.js';
import type { QuickReply } from '../src/model/index.js';
import { quickRepliesNotes } from './docs/quick-replies.docs.js';

/** Each story gets its own in-memory backend, so states never leak between stories. */
function agentFor(options: MemoryBackendOptions = {}, fault?: 'offline' | 'unavailable') {
  const backend = createMemoryBackend(options);
  if (fault) backend.fault(fault);
  return backend.agent('agent');
}

/** Replies whose tags the preview must flag: an unknown tag and a tag without value or fallback. */
const flaggedReplies: QuickReply[] = [
  {
    id: 'qr-flag-1',
    title: 'Seguimiento de pedido',
    category: 'Envíos',
    shortcut: 'seguimiento',
    body:
      'Hola {{contact.first_name}},\n\nSu pedido {{order.tracking_code}} ya salió de nuestro almacén.' +
      '\nLe escribiremos a {{contact.email}} cuando llegue.\n\n{{agent.name}}',
  },
  {
    id: 'qr-flag-2',
    title: 'Saludo con valor por defecto',
    category: 'Saludos',
    body: 'Hola {{contact.first_name|cliente}}, gracias por escribirnos.',
  },
];

interface Args {
  locale?: string;
  category: string;
  query: string;
  'conversation-id'?: string;
}

const meta: Meta<Args> = {
  title: 'Elements/quick-replies',
  component: 'quick-replies',
  tags: ['autodocs'],
  parameters: {
    docs: {
      description: {
        component:
          'Saved responses by category with search, keyboard navigation (↑ ↓ Home End Enter Esc) ' +
          'and a preview that resolves personalization tags before inserting (F-3.1, F-3.2).',
      },
      notes: quickRepliesNotes,
    },
  },
  args: { category: '', query: '', 'conversation-id': SEED_IDS.jorge.conversationId },
  render: (args, { loaded }) => html`
    <div style="max-width: 760px">
      <quick-replies
        .adapter=${loaded['adapter']}
        locale=${ifDefined(args.locale)}
        conversation-id=${ifDefined(args['conversation-id'])}
        category=${args.category}
        query=${args.query}
      ></quick-replies>
    </div>
  `,
  loaders: [async () => ({ adapter: agentFor() })],
};
export default meta;

type Story = StoryObj<Args>;

/** The seed's case #6597: tags resolve to Jorge Taype and the signed-in agent. */
export const Default: Story = {};

/** Opened from a composer after typing `/env`: filtered by shortcut (F-3.3). */
export const ShortcutFilter: Story = { args: { query: '/env' } };

/** Only the "Envíos" category. */
export const CategorySelected: Story = { args: { category: 'Envíos' } };

/** A search nothing matches: says so, naming the search. */
export const NoMatch: Story = { args: { query: 'reembolso en criptomonedas' } };

/** Unknown tags stay as written and are flagged; tags without value and fallback are flagged. */
export const FlaggedTags: Story = {
  args: { 'conversation-id': SEED_IDS.anonymousChat.conversationId },
  loaders: [
    async () => ({
      adapter: agentFor({ seed: { ...createSeedData(), quickReplies: flaggedReplies } }),
    }),
  ],
};

/** No case: only agent tags resolve, the rest use fallbacks. */
export const WithoutCase: Story = { args: { 'conversation-id': undefined } };

/** In English, for Emily's case in the Northwind campaign. */
export const English: Story = {
  args: { locale: 'en', 'conversation-id': SEED_IDS.english.conversationId },
};

/** The replies have not arrived yet: skeleton rows. */
export const Loading: Story = {
  loaders: [async () => ({ adapter: agentFor({ latencyMs: 24 * 60 * 60 * 1000 }) })],
};

/** A campaign without saved replies: "Aún no hay respuestas guardadas". */
export const Empty: Story = {
  loaders: [
    async () => ({ adapter: agentFor({ seed: { ...createSeedData(), quickReplies: [] } }) }),
  ],
};

/** The backend is offline: the reason and "Reintentar". */
export const Offline: Story = {
  loaders: [async () => ({ adapter: agentFor({}, 'offline') })],
};

/** The backend failed (`unavailable`): the reason and "Reintentar". */
export const Unavailable: Story = {
  loaders: [async () => ({ adapter: agentFor({}, 'unavailable') })],
};

/** Without the `adapter` property and no provider: the element says so instead of hanging. */
export const NoAdapter: Story = {
  loaders: [async () => ({ adapter: undefined })],
};

/** With `for`, a chosen reply is inserted at the caret of the textarea. */
export const InsertIntoTextarea: Story = {
  render: (args, { loaded }) => html`
    <div style="display:grid; gap:12px; max-width:760px">
      <label for="reply" style="font-weight:600">Respuesta</label>
      <textarea id="reply" rows="6" style="font:inherit; padding:8px"></textarea>
      <quick-replies
        for="reply"
        .adapter=${loaded['adapter']}
        conversation-id=${ifDefined(args['conversation-id'])}
      ></quick-replies>
    </div>
  `,
};
