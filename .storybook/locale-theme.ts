import type { Decorator } from '@storybook/web-components-vite';
import { html } from 'lit';

export type Locale = 'es' | 'en';
export type Theme = 'light' | 'dark';

/** The toolbar's values, with the defaults of a fresh Storybook. */
export function toolbarValues(globals: Record<string, unknown> | undefined): {
  locale: Locale;
  theme: Theme;
} {
  return {
    locale: globals?.['locale'] === 'en' ? 'en' : 'es',
    theme: globals?.['theme'] === 'dark' ? 'dark' : 'light',
  };
}

/**
 * Applies the toolbar's locale and theme to the document: `lang` (elements without their own
 * `locale` follow it, and re-render when it changes), `data-theme` and `color-scheme` (the
 * tokens use `light-dark()`).
 */
export function applyToDocument(globals: Record<string, unknown> | undefined): void {
  const { locale, theme } = toolbarValues(globals);
  const root = document.documentElement;
  root.lang = locale;
  root.dataset['theme'] = theme;
  root.style.colorScheme = theme;
}

/** Every story: the document follows the toolbar, and the story sits in a `lang` wrapper. */
export const withLocaleAndTheme: Decorator = (story, context) => {
  applyToDocument(context.globals);
  return html`<div lang=${toolbarValues(context.globals).locale}>${story()}</div>`;
};
