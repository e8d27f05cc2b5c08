import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import '../src/components/mail-thread/mail-thread.js';
import {
  createMemoryBackend,
  createSeedData,
  generateLargeCase,
  SEED_IDS,
  type MemoryBackendOptions,
} from '../src/adapters/memory/index.js';
import type { AgentRole } from '../src/model/index.js';
import { mailThreadNotes } from './docs/mail-thread.docs.js';

const JORGE = SEED_IDS.jorge;

/** Each story gets its own in-memory backend, so states never leak between stories. */
function agentFor(
  options: MemoryBackendOptions = {},
  fault?: 'offline' | 'unavailable',
  role: AgentRole = 'agent',
) {
  const backend = createMemoryBackend(options);
  if (fault) backend.fault(fault);
  return backend.agent(role);
}

/** A case opened by a sender who was blocked afterwards (the blocked mark shows in the header). */
async function blockedCase(role: AgentRole) {
  const backend = createMemoryBackend();
  const address = 'ventas@descuentos-ya.example';
  const message = await backend.receiveEmail({
    from: { name: 'Descuentos Ya', address },
    to: [{ address: 'soporte@tiendaandina.pe' }],
    subject: '¡Solo hoy! 80 % de descuento en zapatillas',
    text: 'Compre ahora: https://descuentos-ya.example/oferta',
    html: '<h1>¡Solo hoy!</h1><p>80 % de descuento. <a href="https://descuentos-ya.example/oferta">Compre ahora</a></p><img src="https://descuentos-ya.example/pixel.gif" width="1" height="1">',
  });
  await backend.agent('agent').blockSender(address, 'Publicidad no solicitada');
  return { adapter: backend.agent(role), conversationId: message!.conversationId };
}

/** An empty case: a copy of #6597 without interactions. */
function emptyCaseAdapter() {
  const source = createSeedData().conversations.find((c) => c.id === JORGE.conversationId)!;
  const backend = createMemoryBackend();
  backend.load({ conversations: [{ ...source, id: 'conv-story-empty', number: 7001 }] });
  return backend.agent('agent');
}

interface Args {
  locale?: string;
  'conversation-id'?: string;
  'interaction-id'?: string;
  'message-id'?: string;
}

const meta: Meta<Args> = {
  title: 'Elements/mail-thread',
  component: 'mail-thread',
  tags: ['autodocs'],
  parameters: {
    docs: {
      description: {
        component:
          'A customer case (F-1): header, "Cargar historial", the "1 de 14" counter with ' +
          'previous/next (p / n), and the messages as a WAI-ARIA feed (PageUp/PageDown, ' +
          'Ctrl+Home/End). Use the toolbar to switch locale and the dark theme.',
      },
      notes: mailThreadNotes,
    },
  },
  args: { 'conversation-id': JORGE.conversationId },
  render: (args, { loaded }) => html`
    <div style="height: 760px; max-width: 1040px">
      <mail-thread
        .adapter=${loaded['adapter']}
        locale=${ifDefined(args.locale)}
        conversation-id=${ifDefined(
          (loaded['conversationId'] as string | undefined) ?? args['conversation-id'],
        )}
        interaction-id=${ifDefined(args['interaction-id'])}
        message-id=${ifDefined(args['message-id'])}
      ></mail-thread>
    </div>
  `,
  loaders: [async () => ({ adapter: agentFor() })],
};
export default meta;

type Story = StoryObj<Args>;

/** The seed's case #6597: Jorge Taype, 16 interactions (14 open), email and chat. */
export const SeedCase: Story = {};

/** Valeria's case: a chat continued by email, in one timeline (F-1.11). */
export const Default: Story = { args: { 'conversation-id': SEED_IDS.mixedCase.conversationId } };

/** An English case with a long CC list. */
export const English: Story = {
  args: { locale: 'en', 'conversation-id': SEED_IDS.english.conversationId },
};

/** 1,000 messages over many interactions: paged and windowed. */
export const LongCase: Story = {
  loaders: [
    async () => {
      const backend = createMemoryBackend();
      const large = generateLargeCase({ messages: 1000 });
      backend.load(large);
      return { adapter: backend.agent('agent'), conversationId: large.conversations![0]!.id };
    },
  ],
};

/**
 * The seed's HTML-heavy email, deep-linked with `message-id` (opened, expanded, in view): remote
 * tracking image and CSS background blocked until asked.
 */
export const HtmlHeavy: Story = { args: { 'message-id': JORGE.remoteImagesMessageId } };

/** An HTML email with an inline `cid:` image and an attachment, deep-linked with `message-id`. */
export const InlineImage: Story = { args: { 'message-id': JORGE.inlineImageMessageId } };

/** No `conversation-id` yet: the neutral "Seleccione una atención" state. */
/** The seed's case in the dark theme (toolbar → Theme → Dark), an HTML email expanded. */
export const DarkTheme: Story = {
  args: { 'message-id': JORGE.inlineImageMessageId },
  globals: { theme: 'dark' },
};

/** No `conversation-id` yet: "Seleccione una atención". */
export const NoCase: Story = { args: { 'conversation-id': undefined } };

/** A sender on the block list, seen by an agent (who cannot unblock). */
export const BlockedSender: Story = { loaders: [() => blockedCase('agent')] };

/** The same blocked sender seen by a supervisor (who may unblock from the block dialog). */
export const BlockedSenderSupervisor: Story = { loaders: [() => blockedCase('supervisor')] };

/** Signed in as a supervisor on the seed's case. */
export const AsSupervisor: Story = {
  loaders: [async () => ({ adapter: agentFor({}, undefined, 'supervisor') })],
};

/** The case has not arrived yet: the busy loading state. */
export const Loading: Story = {
  loaders: [async () => ({ adapter: agentFor({ latencyMs: 24 * 60 * 60 * 1000 }) })],
};

/** A case without messages: "Esta atención aún no tiene mensajes". */
export const Empty: Story = {
  args: { 'conversation-id': 'conv-story-empty' },
  loaders: [async () => ({ adapter: emptyCaseAdapter() })],
};

/** The case failed to load (`unavailable`): the message and "Reintentar". */
export const ErrorState: Story = {
  name: 'Error',
  loaders: [async () => ({ adapter: agentFor({}, 'unavailable') })],
};

/** Offline: retries by itself on the window's `online` event. */
export const Offline: Story = {
  loaders: [async () => ({ adapter: agentFor({}, 'offline') })],
};

/** Without the `adapter` property and no provider: the element says so instead of hanging. */
export const NoAdapter: Story = {
  loaders: [async () => ({ adapter: undefined })],
};

/** With a host editor in the `composer` slot, opened under the message answered. */
export const WithComposerSlot: Story = {
  render: (args, { loaded }) => html`
    <div style="height: 760px; max-width: 1040px">
      <mail-thread
        .adapter=${loaded['adapter']}
        conversation-id=${ifDefined(args['conversation-id'])}
        .composing=${{ messageId: JORGE.latestMessageId, mode: 'reply' }}
      >
        <textarea
          slot="composer"
          aria-label="Respuesta"
          rows="5"
          style="width: 100%; font: inherit; padding: 8px; box-sizing: border-box"
        ></textarea>
      </mail-thread>
    </div>
  `,
};
