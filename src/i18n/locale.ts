/** The UI languages atento ships. */
export type Locale = 'es' | 'en';

export const LOCALES: readonly Locale[] = ['es', 'en'];

/** Maps any BCP 47 tag (`es-PE`, `en-GB`, `pt`) to a shipped locale; unknown languages get `en`. */
export function toLocale(tag: string | null | undefined): Locale | undefined {
  if (!tag) return undefined;
  const language = tag.trim().toLowerCase().split(/[-_]/)[0];
  return LOCALES.find((l) => l === language) ?? 'en';
}

/**
 * The `lang` of the closest ancestor that has one, walking out of shadow roots, like the CSS
 * `:lang()` inheritance authors expect.
 */
export function closestLang(element: Element): string | undefined {
  let node: Node | null = element;
  while (node) {
    if (node instanceof Element) {
      const lang = node.getAttribute('lang');
      if (lang) return lang;
    }
    node = node.parentNode ?? (node instanceof ShadowRoot ? node.host : null);
  }
  return undefined;
}
