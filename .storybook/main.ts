import { fileURLToPath } from 'node:url';
import type { StorybookConfig } from '@storybook/web-components-vite';
import { atentoDocs } from './plugins/atento-docs.js';

const root = fileURLToPath(new URL('..', import.meta.url));

const config: StorybookConfig = {
  stories: ['../stories/**/*.stories.ts'],
  framework: { name: '@storybook/web-components-vite', options: {} },
  core: { disableTelemetry: true },
  // Turns the `autodocs` tag into a "Docs" entry per element; the pages are rendered by
  // .storybook/docs/ (addon-docs is not installed).
  docs: {},
  viteFinal: (vite) => ({ ...vite, plugins: [...(vite.plugins ?? []), atentoDocs(root)] }),
};

export default config;
