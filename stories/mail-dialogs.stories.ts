import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/components/internal/menu-button.js';
import '../src/components/mail-thread/detail-dialog.js';
import '../src/components/mail-thread/contact-dialog.js';
import '../src/components/mail-thread/block-dialog.js';
import type { MenuItem } from '../src/components/internal/menu-button.js';
import { createMemoryBackend, SEED_IDS } from '../src/adapters/memory/index.js';
import type { AgentRole, Message } from '../src/model/index.js';
import { translate, type Locale } from '../src/i18n/index.js';
import { toolbarValues } from '../.storybook/locale-theme.js';

/**
 * The dialogs and the "More options" menu button `<mail-thread>` uses (F-1.6 – F-1.9). Each dialog
 * story sets the dialogs' `open` attribute, which shows the dialog on first render (what a host
 * does with `show()`).
 */
const meta: Meta = {
  title: 'Internal/mail-thread dialogs',
  parameters: {
    docs: {
      description: {
        component:
          '`<mail-detail-dialog>`, `<mail-contact-dialog>`, `<mail-block-dialog>` on ' +
          '`<atento-dialog>` (native modal `<dialog>`, focus return), and `<atento-menu-button>` ' +
          '(APG menu button: ↑ ↓ Home End, letters, Enter/Space, Esc, Tab).',
      },
    },
  },
};
export default meta;

type Story = StoryObj;

function agentFor(role: AgentRole = 'agent', fault?: 'offline' | 'unavailable') {
  const backend = createMemoryBackend();
  if (fault) backend.fault(fault);
  return backend.agent(role);
}

async function seedMessage(id: string): Promise<Message> {
  const interactionId = id.replace(/^msg-(\d+-\d+)-\d+$/, 'int-$1');
  const page = await agentFor().listMessages(interactionId, { limit: 200 });
  return page.items.find((m) => m.id === id)!;
}

/** Jorge's latest message (seed #6597). */
export const Detail: Story = {
  loaders: [async () => ({ message: await seedMessage(SEED_IDS.jorge.latestMessageId) })],
  render: (_args, { loaded }) =>
    html`<mail-detail-dialog open .message=${loaded['message'] as Message}></mail-detail-dialog>`,
};

/** The sender's clock was wrong: origin and registration dates differ, with a note. */
export const DetailSenderClockWrong: Story = {
  loaders: [async () => ({ message: await seedMessage(SEED_IDS.jorge.futureOriginMessageId) })],
  render: Detail.render!,
};

/** The address already belongs to a contact (Jorge Taype). */
export const ContactWithMatch: Story = {
  loaders: [async () => ({ adapter: agentFor() })],
  render: (_args, { loaded }) =>
    html`<mail-contact-dialog
      open
      address=${SEED_IDS.jorge.address}
      name="Jorge Taype"
      .adapter=${loaded['adapter']}
    ></mail-contact-dialog>`,
};

/** An unknown sender: link to a contact found by searching, or create one. */
export const ContactWithoutMatch: Story = {
  loaders: [async () => ({ adapter: agentFor() })],
  render: (_args, { loaded }) =>
    html`<mail-contact-dialog
      open
      address="rosa.huaman@outlook.com"
      name="Rosa Huamán"
      .adapter=${loaded['adapter']}
    ></mail-contact-dialog>`,
};

/** The lookup failed (offline): the error and "Reintentar". */
export const ContactError: Story = {
  loaders: [async () => ({ adapter: agentFor('agent', 'offline') })],
  render: ContactWithoutMatch.render!,
};

const blockRender =
  (address: string): Story['render'] =>
  (_args, { loaded }) =>
    html`<mail-block-dialog
      open
      address=${address}
      .adapter=${loaded['adapter']}
    ></mail-block-dialog>`;

/** The reason form ("Razón", "Bloquear todo el dominio", "Bloquear"). */
export const BlockForm: Story = {
  loaders: [async () => ({ adapter: agentFor('agent') })],
  render: blockRender(SEED_IDS.jorge.address),
};

/** Already blocked, seen by an agent: who, when, why, and "pídalo a un coordinador o supervisor". */
export const BlockedSeenByAgent: Story = {
  loaders: [async () => ({ adapter: agentFor('agent') })],
  render: blockRender(SEED_IDS.blocked.address),
};

/** Already blocked, seen by a supervisor: "Quitar de la lista negra". */
export const BlockedSeenBySupervisor: Story = {
  loaders: [async () => ({ adapter: agentFor('supervisor') })],
  render: blockRender(SEED_IDS.blocked.address),
};

/** The menu of an expanded customer message, in the toolbar's language. */
const menuItems = (locale: Locale): MenuItem[] => [
  { id: 'reply', label: translate(locale, 'message.reply') },
  { id: 'replyAll', label: translate(locale, 'message.replyAll') },
  { id: 'forward', label: translate(locale, 'message.forward') },
  { id: 'detail', label: translate(locale, 'message.detail') },
  { id: 'contact', label: translate(locale, 'message.addContact') },
  { id: 'block', label: translate(locale, 'message.block'), danger: true },
];

/** The "Más opciones" menu button of an expanded customer message; click it or press ↓. */
export const MenuButton: Story = {
  render: (_args, { globals }) => {
    const { locale } = toolbarValues(globals);
    return html`<div style="display:flex; justify-content:flex-end; gap:8px; max-width:480px">
      <span style="align-self:center">${translate(locale, 'message.reply')}</span>
      <atento-menu-button
        label=${translate(locale, 'message.more')}
        .items=${menuItems(locale)}
      ></atento-menu-button>
    </div>`;
  },
};
