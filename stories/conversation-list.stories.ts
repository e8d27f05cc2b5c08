import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import '../src/components/conversation-list/conversation-list.js';
import type { ConversationListFilter } from '../src/components/conversation-list/conversation-list.js';
import {
  createMemoryBackend,
  createSeedData,
  generateConversations,
  SEED_IDS,
  type MemoryBackendOptions,
} from '../src/adapters/memory/index.js';
import { conversationListNotes } from './docs/conversation-list.docs.js';

/** Each story gets its own in-memory backend, so states never leak between stories. */
function agentFor(options: MemoryBackendOptions = {}, fault?: 'offline' | 'unavailable') {
  const backend = createMemoryBackend(options);
  if (fault) backend.fault(fault);
  return backend.agent('agent');
}

interface Args {
  locale?: string;
  selected?: string;
  search: string;
  filter: ConversationListFilter;
}

const meta: Meta<Args> = {
  title: 'Elements/conversation-list',
  component: 'conversation-list',
  tags: ['autodocs'],
  parameters: {
    docs: {
      description: {
        component:
          'The unified inbox (F-4.1): chat and email cases, newest first, with unread and online ' +
          'dots, check marks, filters, search, paging and virtualization, live updates and the ' +
          'new-chat indicator. Keyboard: ↑ ↓ Home End PageUp PageDown, Enter/Space selects.',
      },
      notes: conversationListNotes,
    },
  },
  args: { search: '', filter: { status: 'open' }, selected: SEED_IDS.jorge.conversationId },
  render: (args, { loaded }) => html`
    <div style="height: 760px; max-width: 420px">
      <conversation-list
        .adapter=${loaded['adapter']}
        .filter=${args.filter}
        locale=${ifDefined(args.locale)}
        selected=${ifDefined(args.selected)}
        search=${args.search}
      ></conversation-list>
    </div>
  `,
  loaders: [async () => ({ adapter: agentFor() })],
};
export default meta;

type Story = StoryObj<Args>;

/** The seed's open cases, case #6597 selected. */
export const Default: Story = {};

/** No case matches the filters: says so, with "Borrar filtros". */
export const Empty: Story = {
  args: { filter: { status: 'completed', unread: true, channel: 'chat' }, selected: undefined },
};

/** An inbox without any case yet. */
export const EmptyInbox: Story = {
  args: { selected: undefined },
  loaders: [
    async () => ({
      adapter: agentFor({
        seed: {
          ...createSeedData(),
          conversations: [],
          interactions: [],
          messages: [],
          drafts: [],
        },
      }),
    }),
  ],
};

/** The first page has not arrived yet: skeleton rows, the list marked busy. */
export const Loading: Story = {
  loaders: [async () => ({ adapter: agentFor({ latencyMs: 24 * 60 * 60 * 1000 }) })],
};

/** 10,000 generated cases on top of the seed: paged by 50 and virtualized. */
export const Busy: Story = {
  loaders: [
    async () => {
      const backend = createMemoryBackend();
      backend.load(generateConversations({ count: 10_000 }));
      return { adapter: backend.agent('agent') };
    },
  ],
};

/** Unread open chats only ("No leídas" + "Chat"). */
export const Filters: Story = {
  args: { filter: { status: 'open', unread: true, channel: 'chat' }, selected: undefined },
};

/** A search by case number. */
export const Search: Story = { args: { search: '#6597', filter: {} } };

/** The first page failed (`unavailable`): the message and "Reintentar". */
export const ErrorState: Story = {
  name: 'Error',
  loaders: [async () => ({ adapter: agentFor({}, 'unavailable') })],
};

/** Offline: retries by itself on the window's `online` event. */
export const Offline: Story = {
  loaders: [async () => ({ adapter: agentFor({}, 'offline') })],
};

/** The dark theme (toolbar → Theme → Dark), every case listed. */
export const Dark: Story = { args: { filter: {} }, globals: { theme: 'dark' } };

/** In English, on Emily's chat in the Northwind campaign. */
export const English: Story = { args: { locale: 'en', selected: SEED_IDS.english.conversationId } };

/** Without the `adapter` property and no provider: the element says so instead of hanging. */
export const NoAdapter: Story = {
  loaders: [async () => ({ adapter: undefined })],
};
