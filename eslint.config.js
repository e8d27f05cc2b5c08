// ESLint flat config: typescript-eslint (syntax-only, fast), Lit, web-component and Lit a11y rules.
import js from '@eslint/js';
import litA11y from 'eslint-plugin-lit-a11y';
import lit from 'eslint-plugin-lit';
import wc from 'eslint-plugin-wc';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import { defineConfig } from 'eslint/config';

/** Code that runs in the browser (elements, stories, demo pages, browser tests). */
const browserFiles = [
  'src/**/*.ts',
  'stories/**/*.ts',
  'demo/**/*.{ts,js}',
  'test/**/*.ts',
  '.storybook/**/*.ts',
];

export default defineConfig(
  {
    ignores: [
      'dist/',
      'build/',
      'data/',
      'storybook-static/',
      'node_modules/',
      'coverage/',
      'custom-elements.json',
    ],
  },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' },
      ],
    },
  },
  {
    files: browserFiles,
    languageOptions: { globals: { ...globals.browser, ...globals.mocha } },
  },
  {
    files: browserFiles,
    ...lit.configs['flat/recommended'],
  },
  {
    files: browserFiles,
    ...wc.configs['flat/recommended'],
  },
  {
    files: browserFiles,
    ...wc.configs['flat/best-practice'],
  },
  {
    files: browserFiles,
    ...litA11y.configs.recommended,
  },
  {
    files: browserFiles,
    // Let the wc rules recognise Lit elements (add project base classes here).
    settings: { wc: { elementBaseClasses: ['LitElement', 'AtentoElement'] } },
    rules: {
      // LitElement always implements the lifecycle callbacks; guarding super calls is noise.
      'wc/guard-super-call': 'off',
    },
  },
  {
    // Node code: the reference server, scripts, configs, node tests.
    files: [
      'src/adapters/node/**/*.ts',
      'test/**/*.node.test.ts',
      'scripts/**/*.{js,mjs}',
      'test/reporters/**/*.mjs',
      'test/support/**/*.mjs',
      'bench/**/*.{ts,mjs}',
      '*.{js,mjs,ts}',
      '.storybook/main.ts',
    ],
    languageOptions: { globals: globals.node },
  },
);
