import {
  setCustomElementsManifest,
  type Decorator,
  type Preview,
} from '@storybook/web-components-vite';
import { html } from 'lit';
import customElements from '../custom-elements.json';

// Controls and docs come from the generated manifest (`npm run manifest`).
setCustomElementsManifest(customElements);

type Locale = 'es' | 'en';
type Theme = 'light' | 'dark';

/** Applies the toolbar's locale and theme: `lang` on a wrapper and the document, theme on <html>. */
const withLocaleAndTheme: Decorator = (story, context) => {
  const locale = (context.globals['locale'] ?? 'es') as Locale;
  const theme = (context.globals['theme'] ?? 'light') as Theme;
  const root = document.documentElement;
  root.lang = locale;
  root.dataset['theme'] = theme;
  root.style.colorScheme = theme;
  return html`<div lang=${locale}>${story()}</div>`;
};

const preview: Preview = {
  globalTypes: {
    locale: {
      description: 'Locale',
      toolbar: {
        title: 'Locale',
        icon: 'globe',
        items: [
          { value: 'es', title: 'Español' },
          { value: 'en', title: 'English' },
        ],
        dynamicTitle: true,
      },
    },
    theme: {
      description: 'Theme',
      toolbar: {
        title: 'Theme',
        icon: 'contrast',
        items: [
          { value: 'light', title: 'Light', icon: 'sun' },
          { value: 'dark', title: 'Dark', icon: 'moon' },
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { locale: 'es', theme: 'light' },
  decorators: [withLocaleAndTheme],
  parameters: {
    controls: { expanded: true },
  },
};

export default preview;
