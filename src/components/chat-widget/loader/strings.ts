/**
 * The loader's own strings (the shared i18n catalog is far over the loader's size budget; the
 * window has its own table in `../strings.ts`).
 */
export type WidgetLocale = 'es' | 'en';

export interface LoaderStrings {
  open: string;
  close: string;
  unread: (count: number) => string;
  loading: string;
  failed: string;
  retry: string;
}

export const loaderStrings: Record<WidgetLocale, LoaderStrings> = {
  es: {
    open: 'Abrir chat',
    close: 'Cerrar chat',
    unread: (n) => (n === 1 ? '1 mensaje sin leer' : `${n} mensajes sin leer`),
    loading: 'Cargando el chat…',
    failed: 'No se pudo cargar el chat.',
    retry: 'Reintentar',
  },
  en: {
    open: 'Open chat',
    close: 'Close chat',
    unread: (n) => (n === 1 ? '1 unread message' : `${n} unread messages`),
    loading: 'Loading the chat…',
    failed: 'The chat could not be loaded.',
    retry: 'Try again',
  },
};

/** `es` or `en` from a language tag (`en-GB` → `en`); anything else is `undefined`. */
export function widgetLocale(tag: string | null | undefined): WidgetLocale | undefined {
  const language = tag?.trim().toLowerCase().split(/[-_]/)[0];
  return language === 'es' || language === 'en' ? language : undefined;
}

/** The `lang` of the closest ancestor that has one, walking out of shadow roots. */
export function closestLang(element: Element): string | null {
  let node: Node | null = element;
  while (node) {
    if (node instanceof Element && node.hasAttribute('lang')) return node.getAttribute('lang');
    node = node.parentNode ?? (node instanceof ShadowRoot ? node.host : null);
  }
  return null;
}
