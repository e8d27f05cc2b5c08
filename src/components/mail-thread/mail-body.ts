import { html, nothing, type PropertyValues } from 'lit';
import { customElement, property, query } from 'lit/decorators.js';
import type { Attachment, Message } from '../../model/index.js';
import { AtentoElement, emit } from '../internal/atento-element.js';
import { ATTACHMENT_ICONS, icon, SHIELD } from '../internal/icons.js';
import {
  baseCss,
  isSafeAttachmentUrl,
  prepareEmailHtml,
  type PreparedEmail,
} from './email-html/index.js';
import { styles } from './mail-body.styles.js';

export interface MailShowImagesDetail {
  message: Message;
  /** The sender's address, so that a host can remember the choice per sender. */
  sender?: string;
}

function hasBody(message: Message): boolean {
  return Boolean(message.html?.trim() || message.text?.trim());
}

/**
 * The body of one email, safe to show: sanitized HTML (or linkified plain text) in an
 * `<iframe sandbox srcdoc>` without `allow-scripts` or `allow-same-origin` and with a CSP meta,
 * remote images blocked until "Show images", quoted history folded behind "…", `cid:` images
 * resolved from the message's own attachments, then the list of attachments. An internal part of
 * `<mail-thread>` (F-1.10).
 *
 * Auto-height: the frame is opaque-origin and script-less, so its content cannot be measured and
 * cannot report its size. The element lays the same sanitized body (always with remote resources
 * removed) out in a hidden, inert, paint-contained copy inside a closed shadow root, with the
 * frame's base stylesheet and at the frame's width, and gives the frame that height. It measures
 * again when its width changes and when images of the copy load. Where the copy cannot match
 * (remote images without width and height, a quote opened inside the frame, CSS aimed at
 * `body`), the frame scrolls internally; `--atento-mail-body-max-height` caps it on purpose.
 *
 * @summary A sanitized, sandboxed email body with remote content blocked, and its attachments.
 *
 * @fires {CustomEvent<MailShowImagesDetail>} mail-show-images - "Show images" was chosen.
 *   Cancelable: unless cancelled, the element sets `show-remote`. A host may remember the choice
 *   for `detail.sender` and set `show-remote` itself next time.
 *
 * @csspart base - The outer wrapper.
 * @csspart remote-notice - The "images are blocked" bar.
 * @csspart show-images-button - Its "Show images" button.
 * @csspart frame - The sandboxed `<iframe>` holding the body.
 * @csspart empty - Shown when the message has no text.
 * @csspart attachments - The attachment section.
 * @csspart attachment - One attachment.
 * @csspart attachment-icon - Its icon (by kind).
 * @csspart attachment-name - Its file name.
 * @csspart attachment-meta - Its size and type.
 * @csspart download - Its download link.
 *
 * @cssprop --atento-mail-body-max-height - Tallest the frame grows before scrolling inside
 *   (default: no limit).
 * @cssprop --atento-color-text - Text colour.
 * @cssprop --atento-color-text-muted - Secondary text colour.
 * @cssprop --atento-color-surface-raised - Background of an attachment.
 * @cssprop --atento-color-border - Borders.
 * @cssprop --atento-color-accent - Attachment icons and download links.
 * @cssprop --atento-color-warning - Text of the blocked-content bar.
 * @cssprop --atento-color-warning-soft - Background of the blocked-content bar.
 * @cssprop --atento-radius-small - Corner radius.
 * @cssprop --atento-space - Spacing unit.
 */
@customElement('atento-mail-body')
export class MailBody extends AtentoElement {
  static override styles = [...AtentoElement.styles, styles];

  /** The message to show. */
  @property({ attribute: false }) message?: Message;

  /** Let remote images and CSS backgrounds load. */
  @property({ type: Boolean, reflect: true, attribute: 'show-remote' }) showRemote = false;

  @query('iframe') private frame?: HTMLIFrameElement;
  @query('.measure') private measureHost?: HTMLElement;

  private cache = new Map<string, { message: Message; prepared: PreparedEmail }>();
  private measureRoot?: ShadowRoot;
  private measureBody?: HTMLElement;
  private measuredSource?: string;
  private resizeObserver?: ResizeObserver;
  private lastWidth = 0;
  private measureQueued = false;

  /** The prepared body for the current message, remote setting and locale (memoized). */
  private prepare(showRemote: boolean): PreparedEmail | undefined {
    const message = this.message;
    if (!message || !hasBody(message)) return undefined;
    const quoteLabel = this.i18n.t('mailBody.quoteToggle');
    const colorScheme = this.colorScheme();
    const key = `${showRemote}|${quoteLabel}|${colorScheme}`;
    const hit = this.cache.get(key);
    if (hit?.message === message) return hit.prepared;
    if (hit) this.cache.clear();
    const prepared = prepareEmailHtml(message, { showRemote, quoteLabel, colorScheme });
    this.cache.set(key, { message, prepared });
    return prepared;
  }

  /**
   * The page's scheme as the frame should use it: a dark page gets a dark frame even when the OS
   * is light. Read on every render (cheap once styles are clean); a host that switches theme
   * without re-rendering the thread can call `requestUpdate()`.
   */
  private colorScheme(): 'light' | 'dark' | 'light dark' {
    const scheme = this.isConnected ? getComputedStyle(this).colorScheme : '';
    const light = /\blight\b/.test(scheme);
    const dark = /\bdark\b/.test(scheme);
    return light && dark ? 'light dark' : dark ? 'dark' : 'light';
  }

  override connectedCallback() {
    super.connectedCallback();
    this.resizeObserver ??= new ResizeObserver(() => {
      if (this.offsetWidth !== this.lastWidth) this.queueMeasure();
    });
    this.resizeObserver.observe(this);
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    this.resizeObserver?.disconnect();
  }

  protected override willUpdate(changed: PropertyValues) {
    if (changed.has('message')) this.cache.clear();
  }

  protected override updated() {
    this.queueMeasure();
  }

  private queueMeasure() {
    if (this.measureQueued) return;
    this.measureQueued = true;
    requestAnimationFrame(() => {
      this.measureQueued = false;
      this.measureFrame();
    });
  }

  /**
   * Sizes the frame from a hidden copy of the body (see the class comment). The copy comes from
   * the remote-blocked preparation, so it never fetches anything the agent did not allow; it is
   * inert (no focus, no pointer) and paint-contained (nothing it does can show on the page).
   */
  private measureFrame() {
    const frame = this.frame;
    const host = this.measureHost;
    const source = this.prepare(false)?.srcdoc;
    if (!frame || !host || !source) return;
    const width = frame.clientWidth;
    this.lastWidth = this.offsetWidth;
    if (!width) return;
    if (!this.measureRoot) {
      // Closed: axe and anything else walking this element's shadow tree must not take the copy
      // (the email's own ids, images without alt…) for the element's content.
      // eslint-disable-next-line wc/no-closed-shadow-root
      this.measureRoot = host.attachShadow({ mode: 'closed' });
      this.measureRoot.addEventListener('load', () => this.queueMeasure(), true);
    }
    if (this.measuredSource !== source) {
      const parsed = new DOMParser().parseFromString(source, 'text/html');
      const style = document.createElement('style');
      style.textContent = `${baseCss(':host', 'body')} body { display: flow-root; }`;
      // The parsed <body> itself, so that the email's own `body { … }` rules apply as in the frame.
      const body = document.adoptNode(parsed.body);
      this.measureRoot.replaceChildren(style, body);
      this.measureBody = body;
      this.measuredSource = source;
    }
    host.style.inlineSize = `${width}px`;
    const body = this.measureBody!;
    let height = Math.max(body.getBoundingClientRect().height, body.scrollHeight);
    // A horizontal scrollbar (a 600 px newsletter table in a narrow column) takes height too.
    if (body.scrollWidth > width + 1) height += 16;
    const next = `${Math.ceil(height) + 2}px`;
    if (frame.style.blockSize !== next) frame.style.blockSize = next;
  }

  private onShowImages() {
    const message = this.message;
    if (!message) return;
    const detail: MailShowImagesDetail = { message, sender: message.from.address };
    if (!emit(this, 'mail-show-images', detail, { cancelable: true })) return;
    this.showRemote = true;
  }

  override render() {
    const message = this.message;
    if (!message) return html`<div part="base" class="base"></div>`;
    const prepared = this.prepare(this.showRemote);
    const subject = message.subject.trim();
    return html`<div part="base" class="base">
      ${prepared && prepared.remoteBlocked > 0 ? this.renderNotice(prepared.remoteBlocked) : nothing}
      ${
        prepared
          ? html`<iframe
              part="frame"
              class="frame"
              sandbox="allow-popups allow-popups-to-escape-sandbox"
              referrerpolicy="no-referrer"
              title=${
                subject
                  ? this.i18n.t('mailBody.frameTitle', { subject })
                  : this.i18n.t('mailBody.frameTitleNoSubject')
              }
              .srcdoc=${prepared.srcdoc}
            ></iframe>`
          : html`<p part="empty" class="empty">${this.i18n.t('mailBody.empty')}</p>`
      }
      ${this.renderAttachments(message, prepared)}
      <div class="measure" inert aria-hidden="true"></div>
    </div>`;
  }

  private renderNotice(count: number) {
    return html`<div part="remote-notice" class="notice">
      <span class="notice-text">
        ${icon(SHIELD)}
        <span>${this.i18n.t('mailBody.remoteBlocked', { count })}</span>
      </span>
      <button part="show-images-button" class="button" type="button" @click=${this.onShowImages}>
        ${this.i18n.t('mailBody.showImages')}
      </button>
    </div>`;
  }

  private renderAttachments(message: Message, prepared: PreparedEmail | undefined) {
    const shownInline = new Set(prepared?.inlineUsed ?? []);
    const listed = message.attachments.filter((a) => !shownInline.has(a.id));
    if (listed.length === 0) return nothing;
    return html`<section part="attachments" class="attachments" aria-labelledby="attachments-title">
      <p id="attachments-title" class="attachments-title">
        ${this.i18n.t('mailBody.attachments', { count: listed.length })}
      </p>
      <ul class="attachment-list">
        ${listed.map((a) => this.renderAttachment(a))}
      </ul>
    </section>`;
  }

  private renderAttachment(attachment: Attachment) {
    const safe = isSafeAttachmentUrl(attachment.url);
    return html`<li part="attachment" class="attachment">
      ${icon(ATTACHMENT_ICONS[attachment.kind] ?? ATTACHMENT_ICONS.document, {
        strokeWidth: 1.6,
        className: 'attachment-icon',
        part: 'attachment-icon',
      })}
      <span class="attachment-text">
        <span part="attachment-name" class="attachment-name" title=${attachment.name}
          >${attachment.name}</span
        >
        <span part="attachment-meta" class="attachment-meta"
          >${this.i18n.fileSize(attachment.size)} · ${attachment.type}</span
        >
      </span>
      ${
        safe
          ? html`<a
              part="download"
              class="download"
              href=${attachment.url}
              download=${attachment.name}
              rel="noopener"
              aria-label=${this.i18n.t('mailBody.downloadFile', { name: attachment.name })}
              >${this.i18n.t('mailBody.download')}</a
            >`
          : nothing
      }
    </li>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'atento-mail-body': MailBody;
  }
  interface GlobalEventHandlersEventMap {
    'mail-show-images': CustomEvent<MailShowImagesDetail>;
  }
}
