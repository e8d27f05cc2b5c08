import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { ref } from 'lit/directives/ref.js';
import '../src/components/mail-composer/mail-composer.js';
import type { MailComposer } from '../src/components/mail-composer/mail-composer.js';
import '../src/components/mail-thread/mail-thread.js';
import { AdapterError, type AgentAdapter } from '../src/adapters/adapter.js';
import { createMemoryBackend, SEED_IDS, type MemoryBackend } from '../src/adapters/memory/index.js';
import type { ComposeMode, Message } from '../src/model/index.js';
import { mailComposerNotes } from './docs/mail-composer.docs.js';

const JORGE = SEED_IDS.jorge;

/** The seed message a story answers (the memory adapter lists it from its interaction). */
async function seedMessage(agent: AgentAdapter, id: string): Promise<Message> {
  const interactionId = id.replace(/^msg-(\d+-\d+)-\d+$/, 'int-$1');
  const page = await agent.listMessages(interactionId, { limit: 200 });
  return page.items.find((m) => m.id === id)!;
}

/** A loader: a fresh backend per story, and the message answered. */
function answering(messageId: string | null, options: { undoSendSeconds?: number } = {}) {
  return async () => {
    const backend = createMemoryBackend({ undoSendSeconds: options.undoSendSeconds ?? 10 });
    const adapter = backend.agent('agent');
    const message = messageId ? await seedMessage(adapter, messageId) : undefined;
    return { backend, adapter, message };
  };
}

/** An adapter whose uploads stop halfway with a dropped connection (F-2.5 bad input). */
function failingUploads(adapter: AgentAdapter): AgentAdapter {
  return new Proxy(adapter, {
    get(target, prop, receiver) {
      if (prop !== 'upload') return Reflect.get(target, prop, receiver) as unknown;
      const upload: AgentAdapter['upload'] = (file, options) => {
        options.onProgress?.(file.size / 2, file.size);
        return Promise.reject(new AdapterError('offline', 'The connection dropped.'));
      };
      return upload;
    },
  });
}

interface Args {
  mode: ComposeMode;
  locale?: string;
  disabled?: boolean;
  readonly?: boolean;
}

type Loaded = { adapter?: AgentAdapter; message?: Message; backend?: MemoryBackend };

const composer = (args: Args, loaded: Loaded, after?: (el: MailComposer) => void) => html`
  <div style="max-width: 760px">
    <mail-composer
      .adapter=${loaded.adapter}
      conversation-id=${JORGE.conversationId}
      mode=${args.mode}
      .message=${loaded.message}
      locale=${ifDefined(args.locale)}
      ?disabled=${args.disabled ?? false}
      ?readonly=${args.readonly ?? false}
      ${ref((el) => {
        if (el && after) void (el as MailComposer).ready.then(() => after(el as MailComposer));
      })}
    ></mail-composer>
  </div>
`;

const meta: Meta<Args> = {
  title: 'Elements/mail-composer',
  component: 'mail-composer',
  tags: ['autodocs'],
  parameters: {
    docs: {
      description: {
        component:
          'The agent’s email editor (F-2): Reply, Reply all, Forward or New, To/CC/BCC with ' +
          'contact search, rich text, inline images, attachments, emoji, quick replies (toolbar ' +
          'or `/shortcut`), greeting and signature, drafts saved as you type, and send with an ' +
          'undo countdown. Ctrl/⌘+Enter sends.',
      },
      notes: mailComposerNotes,
    },
  },
  args: { mode: 'reply' },
  argTypes: { mode: { control: 'select', options: ['reply', 'replyAll', 'forward', 'new'] } },
  render: (args, { loaded }) => composer(args, loaded as Loaded),
  loaders: [answering(JORGE.latestMessageId)],
};
export default meta;

type Story = StoryObj<Args>;

/** Reply to Jorge's latest email: greeting and signature from the campaign, caret between. */
export const Reply: Story = {};

/** Reply all on an email copied to others: CC filled, the agent's own addresses left out. */
export const ReplyAll: Story = {
  args: { mode: 'replyAll' },
  loaders: [answering(JORGE.ccMessageId)],
};

/** Forward: empty To, the original's block and content, its PDF carried over (removable). */
export const ForwardWithAttachments: Story = {
  args: { mode: 'forward' },
  loaders: [answering(JORGE.pdfMessageId)],
};

/** A new message on the case: addressed to its customer, with the case subject, greeting and signature. */
export const NewMessage: Story = { args: { mode: 'new' }, loaders: [answering(null)] };

/** In English: the composer's labels, buttons and placeholders. */
export const English: Story = { args: { locale: 'en' } };

/** Forwarding a message with a PDF, in the dark theme (toolbar → Theme → Dark). */
export const DarkTheme: Story = {
  args: { mode: 'forward' },
  loaders: [answering(JORGE.pdfMessageId)],
  globals: { theme: 'dark' },
};

/** Sent with an undo window of a minute: the countdown with "Cancelar envío". */
export const SendingCountdown: Story = {
  loaders: [answering(JORGE.latestMessageId, { undoSendSeconds: 60 })],
  render: (args, { loaded }) => composer(args, loaded as Loaded, (el) => void el.send()),
};

/** An attachment whose upload failed halfway: the reason and "Retry". */
export const FailedUpload: Story = {
  loaders: [
    async () => {
      const loaded = await answering(JORGE.latestMessageId)();
      return { ...loaded, adapter: failingUploads(loaded.adapter) };
    },
  ],
  render: (args, { loaded }) =>
    composer(args, loaded as Loaded, (el) =>
      el.attach([
        new File(['%PDF-1.4 presupuesto'], 'presupuesto.pdf', { type: 'application/pdf' }),
      ]),
    ),
};

/** A refused file: a program is not an accepted attachment type. */
export const RefusedFile: Story = {
  render: (args, { loaded }) =>
    composer(args, loaded as Loaded, (el) =>
      el.attach([new File(['MZ'], 'instalador.exe', { type: 'application/octet-stream' })]),
    ),
};

/** The backend went offline: the draft cannot be saved (retrying) and Send says why. */
export const Offline: Story = {
  render: (args, { loaded }) =>
    composer(args, loaded as Loaded, (el) => {
      (loaded as Loaded).backend!.fault('offline');
      void el.send();
    }),
};

/** `disabled`: nothing can be edited or sent, and nothing is saved. */
export const Disabled: Story = { args: { disabled: true } };

/** `readonly`: the message is shown, the actions are hidden. */
export const Readonly: Story = { args: { readonly: true } };

/** Inside `<mail-thread>`: "Responder" opens the composer under the message it answers. */
export const InThread: Story = {
  render: (_args, { loaded }) => html`
    <div style="height: 760px; max-width: 1040px">
      <mail-thread
        .adapter=${(loaded as Loaded).adapter}
        conversation-id=${JORGE.conversationId}
        .composing=${{ messageId: JORGE.latestMessageId, mode: 'reply' }}
      ></mail-thread>
    </div>
  `,
};
