import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import '../src/components/mail-thread/mail-body.js';
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

/** A reply of case #6597 whose HTML quotes the previous message (Gmail style). */
const quoted = seed.messages.find(
  (m) =>
    m.conversationId === ID.conversationId &&
    m.html?.includes('gmail_quote') &&
    !m.html.includes('Forwarded'),
)!;

const plain = seedMessage(ID.plainTextMessageId);

const plainWithLinks: Message = {
  ...plain,
  id: 'story-plain-links',
  text:
    'Hola:\n\nEl courier dice que lo entregó; el detalle está en https://olvacourier.example/seguimiento?codigo=OL-7734988.\n' +
    'Cualquier cosa, escríbanle a mi esposa: maria.quispe.r@hotmail.com\n\nJorge\n\n' +
    'El mar, 4 nov 2026 a las 09:12, Lucía Ramos <soporte@tiendaandina.pe> escribió:\n' +
    '> Hola Jorge,\n> ¿nos confirma si recibió el paquete?\n>\n> Saludos cordiales,\n> Lucía',
};

const rtl: Message = {
  ...plain,
  id: 'story-rtl',
  subject: 'طلب رقم TA-48213',
  html:
    '<div dir="rtl"><p>مرحبا،</p><p>وصلني الحذاء بمقاس 40 بدلاً من 42. هل يمكنكم استبداله؟ رقم الطلب TA-48213.</p>' +
    '<p>שלום, גם אני קיבלתי מידה לא נכונה.</p><p>شكراً<br>خورخي</p></div>' +
    '<p>Mixed paragraph: العربية first, then English.</p>',
  text: 'مرحبا، وصلني الحذاء بمقاس 40 بدلاً من 42.',
};

const attachmentsOnly: Message = {
  ...plain,
  id: 'story-attachments-only',
  text: '',
  html: undefined,
  attachments: [
    ...seedMessage(ID.inlineImageMessageId).attachments.map((a) => ({
      ...a,
      inline: false,
      contentId: undefined,
    })),
    ...seed.messages.filter((m) => m.attachments.some((a) => a.type === 'application/pdf'))[0]!
      .attachments,
  ],
};

interface Args {
  message: Message;
  'show-remote': boolean;
  locale?: string;
}

const meta: Meta<Args> = {
  title: 'Internal/mail-body',
  component: 'atento-mail-body',
  parameters: {
    docs: {
      description: {
        component:
          'The safe body of one email inside `<mail-thread>` (F-1.10): sanitized HTML in a ' +
          'sandboxed `srcdoc` frame with a CSP, remote content blocked until "Show images", ' +
          'quoted history folded behind "…", `cid:` images resolved, attachments listed.',
      },
    },
  },
  args: { message: seedMessage(ID.inlineImageMessageId), 'show-remote': false },
  argTypes: { message: { control: false } },
  render: (args) => html`
    <div style="max-width: 720px">
      <atento-mail-body
        .message=${args.message}
        ?show-remote=${args['show-remote']}
        locale=${ifDefined(args.locale)}
      ></atento-mail-body>
    </div>
  `,
};
export default meta;

type Story = StoryObj<Args>;

/** Jorge's photo of the wrong size label, sent inline (`cid:`), plus an attached JPEG. */
export const InlineImage: Story = {};

/** A forwarded courier notification: remote images and CSS backgrounds are blocked. */
export const RemoteImagesBlocked: Story = {
  args: { message: seedMessage(ID.remoteImagesMessageId) },
};

/** The same after "Show images" (remote hosts do not exist here, so images show their alt). */
export const RemoteImagesShown: Story = {
  args: { message: seedMessage(ID.remoteImagesMessageId), 'show-remote': true },
};

/** A review pasted from a web form: `<script>`, `onerror=` and a `javascript:` link, all inert. */
export const UnsafeHtml: Story = { args: { message: seedMessage(ID.unsafeHtmlMessageId) } };

/** A plain-text mail: escaped text, line breaks kept. */
export const PlainText: Story = { args: { message: plain } };

/** Plain text with a URL, an address and a `>` quote folded behind "…". */
export const PlainTextWithLinksAndQuote: Story = { args: { message: plainWithLinks } };

/** A reply whose Gmail quote of the previous message is folded behind "…". */
export const QuotedHistory: Story = { args: { message: quoted } };

/** Arabic and Hebrew: each paragraph takes its direction from its own text. */
export const RightToLeft: Story = { args: { message: rtl } };

/** No text at all, only files. */
export const AttachmentsOnly: Story = { args: { message: attachmentsOnly } };

/** In English: the remote-content notice and "Show images". */
export const English: Story = {
  args: { message: seedMessage(ID.remoteImagesMessageId), locale: 'en' },
};

/**
 * Dark theme (toolbar → Theme → Dark): mails without colours of their own follow the theme;
 * mails that set colours (most HTML newsletters) keep a light "paper" so they stay legible.
 */
export const DarkTheme: Story = {
  args: { message: plainWithLinks },
  globals: { theme: 'dark' },
};
