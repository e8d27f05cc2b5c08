import { setCustomElementsManifest, type Preview } from '@storybook/web-components-vite';
import customElements from '../custom-elements.json';
import { atentoDocsRenderer } from './docs/docs-renderer.js';
import { documentedManifest } from './docs/manifest.js';
import { withLocaleAndTheme } from './locale-theme.js';

// Controls come from the generated manifest (`npm run manifest`), documented members only.
setCustomElementsManifest(documentedManifest(customElements));

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
    // The `autodocs` pages of the public elements (.storybook/docs/).
    docs: { renderer: () => Promise.resolve(atentoDocsRenderer) },
  },
};

export default preview;
