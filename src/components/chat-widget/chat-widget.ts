import type { VisitorAdapter } from '../../adapters/adapter.js';
import type { VisitorIdentity } from '../../model/people.js';
import type { VisitorMessage } from '../../model/visitor-chat.js';
import { styles } from './chat-widget.styles.js';
import { icons, iconUrl } from './loader/icons.js';
import { historyKey, sessionKey } from './loader/keys.js';
import {
  createSession,
  pageStorage,
  preloadSession,
  type LoaderSession,
  type StartedSession,
} from './loader/session.js';
import { storedHistoryHint } from './session/storage.js';
import { closestLang, loaderStrings, widgetLocale, type WidgetLocale } from './loader/strings.js';

export interface ChatUnreadDetail {
  count: number;
}

/** The window element as the loader drives it (`window/chat-window.ts`). */
type ChatWindowElement = HTMLElement & {
  session?: LoaderSession;
  updateComplete?: Promise<unknown>;
  locale?: string;
  brandName?: string;
};

const WINDOW_TAG = 'atento-chat-window';
const ATTRIBUTES = [
  'server-url',
  'campaign',
  'locale',
  'position',
  'brand-color',
  'brand-name',
  'launcher-icon',
] as const;

/** The chat window module: requested on first open, or on hover/focus of the launcher. */
let windowModule: Promise<unknown> | null = null;
function loadWindow(): Promise<unknown> {
  windowModule ??= import('./window/chat-window.js').catch((error: unknown) => {
    windowModule = null;
    throw error;
  });
  return windowModule;
}

/** Whether this device has a conversation (or unsent messages) with `campaign` on `server`. */
function hasHistory(server: string, campaign: string): boolean {
  const storage = pageStorage();
  try {
    if (storage?.getItem(historyKey(server, campaign))) return true;
  } catch {
    return false;
  }
  return storedHistoryHint(storage, sessionKey(server, campaign));
}

/**
 * The visitor's chat for any website (F-5): a launcher bubble with an unread badge that loads the
 * chat window only when it is opened (or when the pointer or focus reaches the launcher). The
 * session (socket included) starts before the first open only when this device already has a
 * conversation. A vanilla custom element with its own shadow root, so a page's CSS cannot break it
 * and nothing leaks out.
 *
 * ```html
 * <script type="module" src="https://chat.example/atento/chat-widget.js"></script>
 * <chat-widget server-url="https://chat.example" campaign="tienda-andina"></chat-widget>
 * ```
 *
 * @summary Chat launcher and lazily loaded chat window for website visitors (F-5.1, F-5.7).
 *
 * @attr server-url - Base URL of the reference server; default the page's origin.
 * @attr campaign - The campaign id whose chat this is.
 * @attr locale - `es` or `en`; default from the closest `lang`, then `es`.
 * @attr position - `bottom-right` (default) or `bottom-left`.
 * @attr brand-color - A CSS colour for the launcher and the window's accent.
 * @attr brand-name - Name shown in the window's header; default the campaign's name.
 * @attr launcher-icon - `chat` (default), `help` or the URL of an image.
 *
 * @fires {CustomEvent<void>} chat-open - The window is about to open. Cancelable.
 * @fires {CustomEvent<void>} chat-close - The window is about to close. Cancelable.
 * @fires {CustomEvent<VisitorMessage>} chat-message - An agent's message arrived.
 * @fires {CustomEvent<ChatUnreadDetail>} chat-unread - The count of unread agent messages changed.
 *
 * @csspart launcher - The round launcher button.
 * @csspart icon - The launcher's icon (`<svg>`, or `<img>` for an image URL).
 * @csspart badge - The unread count on the launcher.
 * @csspart window - The container of the chat window.
 * @csspart status - Loading and error text shown while the window loads.
 * @csspart retry-button - "Try again" after the window failed to load.
 *
 * @cssprop --atento-font-family - Font family.
 * @cssprop --atento-color-accent - Launcher and accent colour (`brand-color` sets it).
 * @cssprop --atento-color-on-accent - Icon colour on the launcher.
 * @cssprop --atento-color-surface - Window background, badge border.
 * @cssprop --atento-color-text - Text colour.
 * @cssprop --atento-color-danger - Badge colour.
 * @cssprop --atento-color-focus - Focus ring.
 * @cssprop --atento-shadow - Launcher and window shadow.
 * @cssprop --atento-radius - Window corner radius (doubled).
 */
export class ChatWidget extends HTMLElement {
  static get observedAttributes(): readonly string[] {
    return ATTRIBUTES;
  }

  private readonly root: ShadowRoot;
  private readonly base: HTMLDivElement;
  private readonly launcher: HTMLButtonElement;
  private readonly badge: HTMLSpanElement;
  private readonly iconSlot: HTMLSpanElement;
  private readonly container: HTMLDivElement;
  private isOpen = false;
  private explicitLocale: WidgetLocale | null = null;
  private visitorAdapter: VisitorAdapter | null = null;
  private started: StartedSession | null = null;
  private sessionPending: Promise<LoaderSession> | null = null;
  private stops: Array<() => void> = [];
  private windowEl: ChatWindowElement | null = null;
  private loading: Promise<void> | null = null;
  private unreadCount = 0;
  private seen = new Set<string>();
  private identities: Array<{
    identity: VisitorIdentity;
    resolve: () => void;
    reject: (error: unknown) => void;
  }> = [];

  constructor() {
    super();
    this.root = this.attachShadow({ mode: 'open' });
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(styles);
    this.root.adoptedStyleSheets = [sheet];
    this.base = document.createElement('div');
    this.base.className = 'base';
    this.base.setAttribute('part', 'base');
    this.launcher = document.createElement('button');
    this.launcher.type = 'button';
    this.launcher.className = 'launcher';
    this.launcher.setAttribute('part', 'launcher');
    this.launcher.setAttribute('aria-controls', 'window');
    this.iconSlot = document.createElement('span');
    this.iconSlot.style.display = 'contents';
    this.badge = document.createElement('span');
    this.badge.className = 'badge';
    this.badge.setAttribute('part', 'badge');
    this.badge.setAttribute('aria-hidden', 'true');
    this.badge.hidden = true;
    this.launcher.append(this.iconSlot, this.badge);
    this.container = document.createElement('div');
    this.container.id = 'window';
    this.container.className = 'window';
    this.container.setAttribute('part', 'window');
    this.container.hidden = true;
    this.base.append(this.launcher, this.container);
    this.root.append(this.base);

    this.launcher.addEventListener('click', () => this.toggle());
    this.launcher.addEventListener('pointerenter', this.preload);
    this.launcher.addEventListener('focus', this.preload);
    this.container.addEventListener('keydown', (event) => {
      if (event.key === 'Escape' && !event.defaultPrevented) {
        event.preventDefault();
        this.close();
      }
    });
    this.container.addEventListener('chat-window-close', () => this.close());
  }

  connectedCallback(): void {
    this.render();
    this.applyBrandColor();
    this.maybeResume();
  }

  disconnectedCallback(): void {
    // Moving the element (disconnect then connect in one task) keeps the session.
    queueMicrotask(() => {
      if (!this.isConnected) this.teardown();
    });
  }

  /** Stops the session (socket, retries) and forgets the window; the next open starts over. */
  private teardown(): void {
    for (const stop of this.stops.splice(0)) stop();
    this.started?.dispose();
    this.started = null;
    this.sessionPending = null;
    this.seen.clear();
    this.windowEl = null;
    this.container.replaceChildren();
    this.container.hidden = true;
    this.isOpen = false;
    this.setUnread(0);
    this.render();
  }

  attributeChangedCallback(name: string, old: string | null, value: string | null): void {
    if (old === value) return;
    if (name === 'brand-color') this.applyBrandColor();
    if (name === 'locale') this.explicitLocale = widgetLocale(value) ?? null;
    if (name === 'brand-name' && this.windowEl) this.windowEl.brandName = value ?? undefined;
    this.render();
    if ((name === 'server-url' || name === 'campaign') && this.isConnected) this.maybeResume();
  }

  /** Base URL of the reference server (`server-url`); the page's origin when unset. */
  get serverUrl(): string {
    return this.getAttribute('server-url') || location.origin;
  }
  set serverUrl(value: string) {
    this.setAttribute('server-url', value);
  }

  /** The campaign id (`campaign`). */
  get campaign(): string {
    return this.getAttribute('campaign') ?? '';
  }
  set campaign(value: string) {
    this.setAttribute('campaign', value);
  }

  /** `es` or `en`: the `locale` attribute, else the closest `lang`, else `es`. */
  get locale(): WidgetLocale {
    return this.explicitLocale ?? widgetLocale(closestLang(this)) ?? 'es';
  }
  set locale(value: string) {
    this.setAttribute('locale', value);
  }

  /** `bottom-right` (default) or `bottom-left`. */
  get position(): 'bottom-right' | 'bottom-left' {
    return this.getAttribute('position') === 'bottom-left' ? 'bottom-left' : 'bottom-right';
  }
  set position(value: 'bottom-right' | 'bottom-left') {
    this.setAttribute('position', value);
  }

  /** A CSS colour for the launcher and the window's accent (`brand-color`). */
  get brandColor(): string | null {
    return this.getAttribute('brand-color');
  }
  set brandColor(value: string | null) {
    if (value == null) this.removeAttribute('brand-color');
    else this.setAttribute('brand-color', value);
  }

  /** Name shown in the window's header (`brand-name`). */
  get brandName(): string | null {
    return this.getAttribute('brand-name');
  }
  set brandName(value: string | null) {
    if (value == null) this.removeAttribute('brand-name');
    else this.setAttribute('brand-name', value);
  }

  /** `chat`, `help` or an image URL (`launcher-icon`). */
  get launcherIcon(): string {
    return this.getAttribute('launcher-icon') ?? 'chat';
  }
  set launcherIcon(value: string) {
    this.setAttribute('launcher-icon', value);
  }

  /**
   * The visitor adapter to use instead of the HTTP adapter for `server-url` (tests, Storybook,
   * msw). Set it before the first open.
   */
  get adapter(): VisitorAdapter | null {
    return this.visitorAdapter;
  }
  set adapter(value: VisitorAdapter | null) {
    this.visitorAdapter = value;
    if (this.isConnected) this.maybeResume();
  }

  /** Whether the chat window is open. */
  get opened(): boolean {
    return this.isOpen;
  }

  /** Unread agent messages (shown on the launcher's badge). */
  get unread(): number {
    return this.unreadCount;
  }

  /** Opens the chat window, loading it on first use. Does nothing when `chat-open` is cancelled. */
  open(): void {
    if (this.isOpen || !this.emit('chat-open', undefined, true)) return;
    this.isOpen = true;
    this.container.hidden = false;
    this.started?.session.open();
    this.setUnread(0);
    this.render();
    void this.mountWindow(true);
  }

  /** Closes the chat window and returns focus to the launcher when it was inside the window. */
  close(): void {
    if (!this.isOpen || !this.emit('chat-close', undefined, true)) return;
    const focusInside = this.container.contains(this.root.activeElement);
    this.isOpen = false;
    this.container.hidden = true;
    this.started?.session.close();
    this.render();
    if (focusInside) this.launcher.focus();
  }

  /** Opens the window when closed, closes it when open. */
  toggle(): void {
    if (this.isOpen) this.close();
    else this.open();
  }

  /** Links the visitor to a contact; waits for the session (history, or the first open). */
  identify(identity: VisitorIdentity): Promise<void> {
    return new Promise((resolve, reject) => {
      this.identities.push({ identity, resolve, reject });
      if (this.started) this.flushIdentities(this.started.session);
    });
  }

  /** Changes the UI language (`es` or `en`). */
  setLocale(locale: string): void {
    this.locale = locale;
  }

  /** Fetches the window and session modules ahead of the first open (nothing is started). */
  private readonly preload = () => {
    Promise.all([loadWindow(), preloadSession()]).catch(() => {
      // Reported when the visitor opens the window.
    });
  };

  private emit(type: string, detail: unknown, cancelable = false): boolean {
    return this.dispatchEvent(
      new CustomEvent(type, { detail, bubbles: true, composed: true, cancelable }),
    );
  }

  private render(): void {
    const t = loaderStrings[this.locale];
    const count = this.unreadCount;
    const name = this.isOpen ? t.close : t.open;
    this.launcher.setAttribute('aria-label', count ? `${name}, ${t.unread(count)}` : name);
    this.launcher.setAttribute('aria-expanded', String(this.isOpen));
    this.badge.hidden = count === 0;
    this.badge.textContent = count > 99 ? '99+' : String(count);
    this.base.classList.toggle('start', this.position === 'bottom-left');
    this.base.classList.toggle('open', this.isOpen);
    const url = this.isOpen ? null : iconUrl(this.getAttribute('launcher-icon'));
    const icon = this.isOpen
      ? 'close'
      : url
        ? `url:${url}`
        : this.launcherIcon === 'help'
          ? 'help'
          : 'chat';
    if (this.iconSlot.dataset['icon'] !== icon) {
      this.iconSlot.dataset['icon'] = icon;
      if (url) {
        const img = document.createElement('img');
        img.className = 'image';
        img.setAttribute('part', 'icon');
        img.alt = '';
        img.src = url;
        this.iconSlot.replaceChildren(img);
      } else {
        this.iconSlot.innerHTML = icons[icon as keyof typeof icons];
      }
    }
    if (this.windowEl) this.windowEl.locale = this.locale;
    const status = this.container.querySelector('.status');
    if (status && this.loading) status.firstElementChild!.textContent = t.loading;
  }

  private applyBrandColor(): void {
    const color = this.getAttribute('brand-color');
    const style = this.base.style;
    if (color && CSS.supports('color', color)) {
      style.setProperty('--atento-color-accent', color);
      const onAccent = contrastingText(this.root, color);
      if (onAccent) style.setProperty('--atento-color-on-accent', onAccent);
      else style.removeProperty('--atento-color-on-accent');
    } else {
      style.removeProperty('--atento-color-accent');
      style.removeProperty('--atento-color-on-accent');
    }
  }

  private setUnread(count: number): void {
    if (this.isOpen) count = 0;
    if (count === this.unreadCount) return;
    this.unreadCount = count;
    this.render();
    this.emit('chat-unread', { count } satisfies ChatUnreadDetail);
  }

  /** Starts the session before the first open only when this device has a conversation. */
  private maybeResume(): void {
    if (this.sessionPending || !this.campaign) return;
    if (hasHistory(this.serverUrl, this.campaign)) void this.ensureSession().catch(() => {});
  }

  private ensureSession(): Promise<LoaderSession> {
    this.sessionPending ??= createSession({
      adapter: this.visitorAdapter,
      serverUrl: this.serverUrl,
      campaign: this.campaign,
    }).then(
      (started) => {
        if (!this.isConnected) {
          started.dispose();
          throw new Error('disconnected');
        }
        const { session } = started;
        this.started = started;
        this.stops.push(
          session.subscribe((state) => this.setUnread(state.unread)),
          session.onMessage((message) => this.onMessage(message)),
        );
        if (this.isOpen) session.open();
        void session.start();
        this.flushIdentities(session);
        return session;
      },
      (error: unknown) => {
        this.sessionPending = null;
        throw error;
      },
    );
    return this.sessionPending;
  }

  private flushIdentities(session: LoaderSession): void {
    for (const { identity, resolve, reject } of this.identities.splice(0)) {
      session.identify(identity).then(() => resolve(), reject);
    }
  }

  /** An agent's message arrived live: `chat-message`, once per message. */
  private onMessage(message: VisitorMessage): void {
    if (message.direction !== 'outbound' || this.seen.has(message.id)) return;
    this.seen.add(message.id);
    this.emit('chat-message', message);
  }

  private mountWindow(focus: boolean): Promise<void> {
    this.loading ??= this.loadAndMount()
      .then(() => {
        if (focus) this.focusWindow();
      })
      .finally(() => {
        this.loading = null;
      });
    return this.loading;
  }

  /**
   * Moves focus into the window (its message box or capture form) as soon as it has one, unless
   * the visitor has moved focus elsewhere meanwhile.
   */
  private focusWindow(): void {
    const win = this.windowEl;
    const session = this.started?.session;
    if (!win || !session) return;
    const attempt = async (): Promise<boolean> => {
      await win.updateComplete;
      const active = this.root.activeElement;
      if (!this.isOpen || this.container.contains(active)) return true;
      const page = document.activeElement;
      const waiting =
        page === document.body || page === null || (page === this && active === this.launcher);
      if (!waiting) return true;
      win.focus();
      return this.container.contains(this.root.activeElement);
    };
    void attempt().then((done) => {
      if (done) return;
      const retry = () => void attempt().then((ok) => ok && stop());
      const stop = session.subscribe(retry);
      // The state may have changed while the first attempt waited for the window to render.
      retry();
    });
  }

  private async loadAndMount(): Promise<void> {
    if (this.windowEl) return;
    const t = () => loaderStrings[this.locale];
    const status = document.createElement('div');
    status.className = 'status';
    status.setAttribute('part', 'status');
    status.setAttribute('role', 'status');
    const text = document.createElement('p');
    text.textContent = t().loading;
    status.append(text);
    this.container.replaceChildren(status);
    try {
      const [session] = await Promise.all([this.ensureSession(), loadWindow()]);
      const win = document.createElement(WINDOW_TAG) as ChatWindowElement;
      win.session = session;
      win.locale = this.locale;
      if (this.brandName) win.brandName = this.brandName;
      this.windowEl = win;
      this.container.replaceChildren(win);
    } catch (error) {
      console.warn('<chat-widget>: the chat window could not be loaded', error);
      text.textContent = t().failed;
      const retry = document.createElement('button');
      retry.type = 'button';
      retry.className = 'retry';
      retry.setAttribute('part', 'retry-button');
      retry.textContent = t().retry;
      retry.addEventListener('click', () => void this.mountWindow(true));
      status.append(retry);
      retry.focus();
    }
  }
}

/** Black or white, whichever reads better on `color` (`null` when the colour is not sRGB). */
function contrastingText(root: ShadowRoot, color: string): string | null {
  const probe = document.createElement('i');
  probe.style.color = color;
  probe.style.display = 'none';
  root.append(probe);
  const value = getComputedStyle(probe).color;
  probe.remove();
  const rgb = /^rgba?\((\d+(?:\.\d+)?)[, ]+(\d+(?:\.\d+)?)[, ]+(\d+(?:\.\d+)?)/.exec(value);
  if (!rgb) return null;
  const [r, g, b] = rgb.slice(1).map((c) => {
    const s = Number(c) / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  const luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  // Contrast against white vs against black: pick the larger.
  return 1.05 / (luminance + 0.05) >= (luminance + 0.05) / 0.05 ? '#ffffff' : '#000000';
}

if (!customElements.get('chat-widget')) customElements.define('chat-widget', ChatWidget);

declare global {
  interface HTMLElementTagNameMap {
    'chat-widget': ChatWidget;
  }
  interface GlobalEventHandlersEventMap {
    'chat-open': CustomEvent<void>;
    'chat-close': CustomEvent<void>;
    'chat-message': CustomEvent<VisitorMessage>;
    'chat-unread': CustomEvent<ChatUnreadDetail>;
  }
}
