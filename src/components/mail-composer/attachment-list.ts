import { html, nothing, svg } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { styleMap } from 'lit/directives/style-map.js';
import { DEFAULT_ATTACHMENT_LIMITS, extensionOf, type AttachmentKind } from '../../model/index.js';
import { buttons } from '../../styles/controls.js';
import { AtentoElement, emit } from '../internal/atento-element.js';
import { ATTACHMENT_ICONS, icon } from '../internal/icons.js';
import { isSafeAttachmentUrl } from '../mail-thread/email-html/policy.js';
import { styles } from './attachment-list.styles.js';
import type { AttachmentItem } from './upload-queue.js';

export interface AttachmentKeyDetail {
  /** The `key` of the item. */
  key: string;
}

const CROSS = svg`<path d="m7 7 10 10M17 7 7 17"/>`;
const WARNING = svg`<path d="M12 4 2.5 20h19z"/><path d="M12 10v4.5M12 17.5v.01"/>`;

/** The icon's kind: the stored one, else from the MIME type, else from the extension. */
function kindOf(item: AttachmentItem): AttachmentKind {
  if (item.attachment) return item.attachment.kind;
  const major = item.type.split('/')[0] as AttachmentKind;
  if (major in ATTACHMENT_ICONS && major !== 'document') return major;
  const extension = extensionOf(item.name);
  const table = DEFAULT_ATTACHMENT_LIMITS.attachment.extensions;
  const kinds = Object.keys(table) as AttachmentKind[];
  return kinds.find((k) => table[k]?.includes(extension)) ?? 'document';
}

/**
 * The attachments of a message being written, at the end of the composer: a file-type icon,
 * the name (ellipsized; the full name in its tooltip; a download link once uploaded), the size,
 * a progress bar while uploading, why an upload failed with a "Retry" button, and a remove
 * button revealed on hover and on keyboard focus (always in the tab order). Renders nothing when
 * empty. The list only shows `items`; its owner (an `UploadQueue`) acts on the events.
 *
 * @summary Attachments of the composer with upload progress (internal part of `<mail-composer>`,
 *   F-2.5).
 *
 * @fires {CustomEvent<AttachmentKeyDetail>} attachment-remove - The remove button of an item was
 *   pressed.
 * @fires {CustomEvent<AttachmentKeyDetail>} attachment-retry - The "Retry" button of a failed
 *   item was pressed.
 *
 * @csspart list - The `role=list`.
 * @csspart item - One attachment; also `item-uploading`, `item-done` or `item-failed`.
 * @csspart icon - The file-type icon.
 * @csspart name - The file name (a link once uploaded).
 * @csspart size - The size and upload state.
 * @csspart progress - The progress bar of an upload.
 * @csspart error - Why an upload failed.
 * @csspart retry - The "Retry" button.
 * @csspart remove - The remove button.
 *
 * @cssprop --atento-color-surface-raised - Background of an item.
 * @cssprop --atento-color-border - Item border and progress track.
 * @cssprop --atento-color-accent - Icons, links and progress.
 * @cssprop --atento-color-danger - Failed items.
 * @cssprop --atento-color-text-muted - Size and state.
 * @cssprop --atento-color-focus - Focus ring.
 * @cssprop --atento-radius-small - Corners.
 * @cssprop --atento-space - Spacing unit.
 */
@customElement('atento-attachment-list')
export class AttachmentList extends AtentoElement {
  static override styles = [...AtentoElement.styles, buttons, styles];

  /** The rows to show (from `UploadQueue.items`). */
  @property({ attribute: false }) items: readonly AttachmentItem[] = [];

  /** Shows the list without remove and retry buttons (a sent message, a read-only draft). */
  @property({ type: Boolean, reflect: true }) readonly = false;

  override render() {
    if (this.items.length === 0) return nothing;
    return html`<ul part="list" class="list" aria-label=${this.i18n.t('attachments.list')}>
      ${repeat(
        this.items,
        (item) => item.key,
        (item) => this.renderItem(item),
      )}
    </ul>`;
  }

  private renderItem(item: AttachmentItem) {
    const url = item.status === 'done' ? item.attachment?.url : undefined;
    return html`<li
      part="item item-${item.status}"
      class="item ${item.status}"
      aria-busy=${item.status === 'uploading' ? 'true' : 'false'}
    >
      ${
        item.status === 'failed'
          ? icon(WARNING, { className: 'icon', part: 'icon' })
          : icon(ATTACHMENT_ICONS[kindOf(item)], {
              strokeWidth: 1.6,
              className: 'icon',
              part: 'icon',
            })
      }
      <span class="text">
        ${
          url && isSafeAttachmentUrl(url)
            ? html`<a
                part="name"
                class="name"
                href=${url}
                download=${item.name}
                rel="noopener"
                title=${item.name}
                >${item.name}</a
              >`
            : html`<span part="name" class="name" title=${item.name}>${item.name}</span>`
        }
        <span part="size" class="size">${this.renderState(item)}</span>
      </span>
      ${this.renderActions(item)}
      ${item.status === 'uploading' ? this.renderProgress(item) : nothing}
      ${
        item.status === 'failed' && item.error
          ? html`<p part="error" class="error">${item.error}</p>`
          : nothing
      }
    </li>`;
  }

  private renderState(item: AttachmentItem) {
    const size = this.i18n.fileSize(item.size);
    if (item.status !== 'uploading') return size;
    const state =
      item.progress === null
        ? this.i18n.t('attachments.waiting')
        : this.i18n.number(item.progress, { style: 'percent' });
    return `${size} · ${state}`;
  }

  private renderProgress(item: AttachmentItem) {
    const percent = item.progress === null ? null : Math.round(item.progress * 100);
    return html`<div
      part="progress"
      class="progress ${percent === null ? 'indeterminate' : ''}"
      role="progressbar"
      aria-label=${this.i18n.t('attachments.uploading', { name: item.name })}
      aria-valuemin="0"
      aria-valuemax="100"
      aria-valuenow=${percent ?? nothing}
    >
      <span class="bar" style=${styleMap({ inlineSize: `${percent ?? 0}%` })}></span>
    </div>`;
  }

  private renderActions(item: AttachmentItem) {
    if (this.readonly) return nothing;
    return html`<span class="actions">
      ${
        item.status === 'failed' && item.retryable !== false && item.file
          ? html`<button
              part="retry"
              class="button small retry"
              type="button"
              aria-label=${this.i18n.t('attachments.retryFile', { name: item.name })}
              @click=${() => emit(this, 'attachment-retry', { key: item.key })}
            >
              ${this.i18n.t('attachments.retry')}
            </button>`
          : nothing
      }
      <button
        part="remove"
        class="remove"
        type="button"
        aria-label=${this.i18n.t('attachments.remove', { name: item.name })}
        title=${this.i18n.t('attachments.remove', { name: item.name })}
        @click=${() => emit(this, 'attachment-remove', { key: item.key })}
      >
        ${icon(CROSS, { strokeWidth: 2 })}
      </button>
    </span>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'atento-attachment-list': AttachmentList;
  }
  interface GlobalEventHandlersEventMap {
    'attachment-remove': CustomEvent<AttachmentKeyDetail>;
    'attachment-retry': CustomEvent<AttachmentKeyDetail>;
  }
}
