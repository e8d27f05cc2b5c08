import { html, nothing } from 'lit';
import type { LocalizeController } from '../../i18n/localize-controller.js';
import type { Attachment, Message } from '../../model/index.js';
import { linkify } from '../internal/linkify.js';
import { isSafeAttachmentUrl } from './email-html/index.js';
import { renderChannelTag, renderDate, renderPaperclip, renderStatus } from './message-meta.js';

/** A chat message (F-1.11): the agent's name, a bubble of linkified text and attachments, meta. */

export function renderChat(i18n: LocalizeController, message: Message) {
  const outbound = message.direction === 'outbound';
  const showAuthor = message.from.kind === 'agent' && message.from.name.trim();
  return html`<div class="chat ${outbound ? 'outbound' : 'inbound'}">
    ${
      showAuthor
        ? html`<span part="author" class="author" dir="auto">${message.from.name}</span>`
        : nothing
    }
    <div part="bubble" class="bubble">
      ${
        message.text.trim()
          ? html`<p part="text" class="text" dir="auto">${linkify(message.text)}</p>`
          : nothing
      }
      ${
        message.attachments.length
          ? html`<ul class="chat-attachments">
              ${message.attachments.map((a) => renderChatAttachment(i18n, a))}
            </ul>`
          : nothing
      }
    </div>
    <div part="meta" class="meta">
      ${renderChannelTag(i18n, message)} ${renderDate(i18n, message)}
      ${outbound ? renderStatus(i18n, message, true) : nothing}
    </div>
  </div>`;
}

function renderChatAttachment(i18n: LocalizeController, attachment: Attachment) {
  const text = i18n.t('message.attachmentLink', {
    name: attachment.name,
    size: i18n.fileSize(attachment.size),
  });
  return html`<li>
    ${renderPaperclip()}
    ${
      isSafeAttachmentUrl(attachment.url)
        ? html`<a
            part="attachment"
            href=${attachment.url}
            target="_blank"
            rel="noopener noreferrer"
            download=${attachment.name}
            dir="auto"
            >${text}</a
          >`
        : html`<span part="attachment" dir="auto">${text}</span>`
    }
  </li>`;
}
