import { en, type Catalog, type MessageKey, type MessageParams } from './en.js';
import { es } from './es.js';
import type { Locale } from './locale.js';

export const catalogs: Record<Locale, Catalog> = { es, en };

/** Looks a message up in a locale's catalog and applies its parameters. */
export function translate<K extends MessageKey>(
  locale: Locale,
  key: K,
  ...params: MessageParams<K>
): string {
  const message = catalogs[locale][key] as string | ((p: unknown) => string);
  return typeof message === 'function' ? message(params[0]) : message;
}
