import { ContextConsumer } from '@lit/context';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { localeContext } from '../context/keys.js';
import { translate } from './catalogs.js';
import type { MessageKey, MessageParams } from './en.js';
import { formatDate, formatFileSize, formatNumber } from './format.js';
import { closestLang, toLocale, type Locale } from './locale.js';

type Host = ReactiveControllerHost & HTMLElement & { locale?: string };

/** Hosts re-render when any document's `lang` changes (a Storybook toolbar, a host app switch). */
const hosts = new Set<Host>();
let observer: MutationObserver | undefined;
function watchLang(host: Host) {
  hosts.add(host);
  observer ??= new MutationObserver(() => hosts.forEach((h) => h.requestUpdate()));
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'] });
}

/**
 * Gives an element its locale and translations. The locale is, in order: the element's own
 * `locale` property/attribute, a `localeContext` provided above it, the closest `lang` attribute
 * (crossing shadow roots), the browser's language. Dates and numbers go through `Intl`.
 */
export class LocalizeController implements ReactiveController {
  private readonly host: Host;
  private readonly provided: ContextConsumer<typeof localeContext, Host>;

  constructor(host: Host) {
    this.host = host;
    this.provided = new ContextConsumer(host, { context: localeContext, subscribe: true });
    host.addController(this);
  }

  hostConnected() {
    watchLang(this.host);
  }

  hostDisconnected() {
    hosts.delete(this.host);
  }

  /** Resolved once per update, not once per string. */
  private resolved?: Locale;

  hostUpdate() {
    this.resolved = this.resolve();
  }

  get locale(): Locale {
    return this.resolved ?? this.resolve();
  }

  private resolve(): Locale {
    return (
      toLocale(this.host.locale) ??
      this.provided.value ??
      toLocale(closestLang(this.host)) ??
      toLocale(globalThis.navigator?.language) ??
      'en'
    );
  }

  t<K extends MessageKey>(key: K, ...params: MessageParams<K>): string {
    return translate(this.locale, key, ...params);
  }

  date(date: string | Date, options?: Intl.DateTimeFormatOptions): string {
    return formatDate(this.locale, date, options);
  }

  number(n: number, options?: Intl.NumberFormatOptions): string {
    return formatNumber(this.locale, n, options);
  }

  fileSize(bytes: number): string {
    return formatFileSize(this.locale, bytes);
  }
}
