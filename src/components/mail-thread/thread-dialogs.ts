/** The dialogs `<mail-thread>` hosts in its shadow root (F-1.7, F-1.8, F-1.9). */
import { html } from 'lit';
import type { AgentAdapter } from '../../adapters/adapter.js';
import type { Message } from '../../model/index.js';
import './block-dialog.js';
import './contact-dialog.js';
import './detail-dialog.js';
import type { MailMessageActionDetail } from './message-card.js';

/** The dialogs' shared shape (`<mail-detail-dialog>`, `<mail-contact-dialog>`, `<mail-block-dialog>`). */
type Dialog = HTMLElement & {
  show?: () => void;
  message?: Message;
  address?: string;
  name?: string;
};

const TAGS = {
  detail: 'mail-detail-dialog',
  addContact: 'mail-contact-dialog',
  block: 'mail-block-dialog',
} as const satisfies Record<MailMessageActionDetail['action'], string>;

/** The three dialogs; `onBlockChange` runs when a sender is blocked or unblocked. */
export function renderDialogs(adapter: AgentAdapter | undefined, onBlockChange: () => void) {
  return html`
    <mail-detail-dialog .adapter=${adapter}></mail-detail-dialog>
    <mail-contact-dialog .adapter=${adapter}></mail-contact-dialog>
    <mail-block-dialog
      .adapter=${adapter}
      @mail-sender-blocked=${onBlockChange}
      @mail-sender-unblocked=${onBlockChange}
    ></mail-block-dialog>
  `;
}

function dialogIn(root: ParentNode, tag: string): Dialog | null {
  const dialog = root.querySelector<Dialog>(tag);
  return dialog && typeof dialog.show === 'function' ? dialog : null;
}

/** Opens the dialog of a message action (Detail, Add contact, Add to block list). */
export function openActionDialog(root: ParentNode, { action, message }: MailMessageActionDetail) {
  const dialog = dialogIn(root, TAGS[action]);
  if (!dialog) return;
  if (action === 'detail') dialog.message = message;
  else {
    dialog.address = message.from.address ?? '';
    if (action === 'addContact') dialog.name = message.from.name;
  }
  dialog.show!();
}

/** Opens the block dialog on an address already blocked (from the header's mark). */
export function openBlockDialog(root: ParentNode, address: string) {
  const dialog = dialogIn(root, TAGS.block);
  if (!dialog) return;
  dialog.address = address;
  dialog.show!();
}
