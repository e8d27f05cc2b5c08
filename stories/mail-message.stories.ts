import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import '../src/components/mail-thread/message-card.js';
import { createSeedData, SEED_IDS } from '../src/adapters/memory/index.js';
import type { Message } from '../src/model/index.js';

/** The seed's messages (deterministic), looked up by id. */
const seed = createSeedData();
const ID = SEED_IDS.jorge;
function seedMessage(id: string): Message {
  const message = seed.messages.find((m) => m.id === id);
  if (!message) throw new Error(`The seed has no message ${id}`);
  return message;
}

/** Lucía Ramos (agent): her own address and the shared support mailboxes decide "to me". */
const AGENT_ADDRESSES = [
  'lucia.ramos@tiendaandina.pe',
  'soporte@tiendaandina.pe',
  'support@northwind.example',
];

const inbound = seedMessage(ID.plainTextMessageId);
const agentReply = seedMessage(ID.pdfMessageId);

const scheduled: Message = {
  ...seedMessage('msg-6597-16-02'),
  id: 'story-scheduled',
  status: 'scheduled',
};
const failed: Message = {
  ...seedMessage('msg-6597-15-06'),
  id: 'story-failed',
  status: 'failed',
  error: '550 5.1.1 Mailbox unavailable',
};

const chatLink: Message = {
  ...seedMessage('msg-6597-04-03'),
  id: 'story-chat-link',
  text: '¿Es este el enlace? https://olvacourier.example/seguimiento?codigo=OL-7734988',
};
const chatAgent: Message = {
  ...seedMessage('msg-6597-04-02'),
  id: 'story-chat-agent',
  attachments: seedMessage(ID.pdfMessageId).attachments,
};
const chatSending: Message = {
  ...seedMessage('msg-6597-04-04'),
  id: 'story-chat-sending',
  status: 'sending',
};

const people = (n: number, domain: string) =>
  Array.from({ length: n }, (_, i) => ({
    name: `Persona ${i + 1}`,
    address: `persona.${i + 1}@${domain}`,
  }));

const noSubject: Message = {
  ...inbound,
  id: 'story-no-subject',
  subject: '',
  from: { kind: 'contact', name: '', address: 'p.salazar.r@outlook.com' },
  text: '',
  html: undefined,
};
const noSender: Message = {
  ...inbound,
  id: 'story-no-sender',
  from: { kind: 'contact', name: '' },
  text: `Texto con una palabra larguísima ${'sinespacios'.repeat(30)} al final.`,
  html: undefined,
};
const manyRecipients: Message = {
  ...seedMessage('msg-6597-13-04'),
  id: 'story-200',
  to: people(150, 'empresa.example'),
  cc: people(50, 'proveedor.example'),
};
const rtl: Message = {
  ...inbound,
  id: 'story-rtl',
  subject: 'طلب رقم TA-48213',
  from: { kind: 'contact', name: 'خورخي تايبي', address: 'jorge.taype96@gmail.com' },
  html: undefined,
  text: 'مرحبا، وصلني الحذاء بمقاس 40 بدلاً من 42. هل يمكنكم استبداله؟ رقم الطلب TA-48213.',
};
const rtlChat: Message = { ...seedMessage('msg-6597-04-03'), id: 'story-rtl-chat', text: rtl.text };

interface Args {
  message: Message;
  expanded: boolean;
  'show-remote': boolean;
  composing: boolean;
  locale?: string;
}

const card = (args: Args, message = args.message, expanded = args.expanded) => html`
  <mail-message
    .message=${message}
    .agentAddresses=${AGENT_ADDRESSES}
    ?expanded=${expanded}
    ?show-remote=${args['show-remote']}
    ?composing=${args.composing}
    locale=${ifDefined(args.locale)}
  ></mail-message>
`;

const column = (content: unknown) =>
  html`<div style="max-width: 760px; display: grid; gap: 8px">${content}</div>`;

const meta: Meta<Args> = {
  title: 'Internal/mail-message',
  component: 'mail-message',
  parameters: {
    docs: {
      description: {
        component:
          'One message of `<mail-thread>`: an email summary that expands (disclosure button) ' +
          'to the sender, recipients, "Reply", "More options" and the sandboxed body; or a chat ' +
          'bubble (F-1.4–F-1.6, F-1.11).',
      },
    },
  },
  args: { message: inbound, expanded: false, 'show-remote': false, composing: false },
  argTypes: { message: { control: false } },
  render: (args) => column(card(args)),
};
export default meta;

type Story = StoryObj<Args>;

/** Jorge's first mail, collapsed: name, "Para mí", snippet and date. */
export const CollapsedCustomerEmail: Story = {};

/** Jorge's photo of the wrong size label, expanded: actions, recipients, inline image, files. */
export const ExpandedWithAttachments: Story = {
  args: { message: seedMessage(ID.inlineImageMessageId), expanded: true },
};

/** An agent's reply with a PDF: "(Agente)" and the customer's local part; 4 menu options. */
export const AgentEmail: Story = {
  render: (args) => column(html`${card(args, agentReply, false)} ${card(args, agentReply, true)}`),
};

/** Outbound mail waiting out the undo window, and one the server refused. */
export const ScheduledAndFailed: Story = {
  render: (args) => column(html`${card(args, scheduled, false)} ${card(args, failed, true)}`),
};

/** The composer slot under an expanded message (the thread forwards the host's editor). */
export const Composing: Story = {
  args: { message: seedMessage(ID.latestMessageId), expanded: true, composing: true },
  render: (args) =>
    column(
      html`<mail-message
        .message=${args.message}
        .agentAddresses=${AGENT_ADDRESSES}
        expanded
        composing
        locale=${ifDefined(args.locale)}
      >
        <textarea
          slot="composer"
          aria-label="Respuesta"
          rows="4"
          style="width: 100%; box-sizing: border-box"
        ></textarea>
      </mail-message>`,
    ),
};

/** A customer's chat messages: left-aligned bubbles, the URL as a link, "Chat web". */
export const ChatInbound: Story = {
  render: (args) =>
    column(html`${card(args, seedMessage('msg-6597-04-01'))} ${card(args, chatLink)}`),
};

/** The agent's chat messages: right-aligned, tinted, with author, file and delivery status. */
export const ChatOutbound: Story = {
  render: (args) => column(html`${card(args, chatAgent)} ${card(args, chatSending)}`),
};

/** No subject, no text, no name (the address shows); no sender at all; a very long word. */
export const NoSubjectNoSender: Story = {
  render: (args) =>
    column(
      html`${card(args, noSubject, false)} ${card(args, noSender, false)}
      ${card(args, noSender, true)}`,
    ),
};

/** 200 recipients: "+199" collapsed, three and "y 197 más" expanded. */
export const ManyRecipients: Story = {
  render: (args) =>
    column(html`${card(args, manyRecipients, false)} ${card(args, manyRecipients, true)}`),
};

/** Arabic name and text, in a card and in a bubble: each takes its own direction. */
export const RightToLeft: Story = {
  render: (args) =>
    column(html`${card(args, rtl, false)} ${card(args, rtl, true)} ${card(args, rtlChat)}`),
};

/** In English: a customer email, an agent reply and a chat message. */
export const English: Story = {
  args: { locale: 'en' },
  render: (args) =>
    column(
      html`${card(args, inbound, false)} ${card(args, agentReply, true)}
      ${card(args, seedMessage('msg-6597-04-02'))}`,
    ),
};

/** Dark theme (toolbar → Theme → Dark). */
export const DarkTheme: Story = {
  args: { message: seedMessage(ID.latestMessageId), expanded: true },
  globals: { theme: 'dark' },
  render: (args) =>
    column(html`${card(args, inbound, false)} ${card(args)} ${card(args, chatAgent)}`),
};
