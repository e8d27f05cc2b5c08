import { fixture, html } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import { applyToDocument, toolbarValues } from '../../.storybook/locale-theme.js';

/** The parts of a CSF story module this renderer uses (Storybook itself is not loaded). */
type Loader = () => Promise<Record<string, unknown>>;
export interface StoryContextLike {
  args: Record<string, unknown>;
  loaded: Record<string, unknown>;
  /** Toolbar values: `locale` (`es` unless a story says otherwise) and `theme`. */
  globals: Record<string, unknown>;
}
export interface StoryLike {
  args?: Record<string, unknown>;
  /** Toolbar values; `theme: 'dark'` renders the story in the dark colour scheme. */
  globals?: Record<string, unknown>;
  loaders?: Loader[];
  render?: (args: Record<string, unknown>, context: StoryContextLike) => unknown;
}
export interface StoryModule {
  default: StoryLike & { title: string; component?: string };
  [name: string]: unknown;
}

/** Story exports of a module, by name (CSF: every named export except `__namedExportsOrder`). */
export function storiesOf(module: StoryModule): Array<[string, StoryLike]> {
  return Object.entries(module)
    .filter(([name]) => name !== 'default' && !name.startsWith('__'))
    .map(([name, story]) => [name, story as StoryLike]);
}

/**
 * Renders a story as Storybook would: component then story args and loaders, the toolbar's
 * globals applied to the document as the preview's decorator does, then `render`.
 */
export async function renderStory(module: StoryModule, story: StoryLike): Promise<HTMLElement> {
  const meta = module.default;
  const args = { ...meta.args, ...story.args };
  const loaded: Record<string, unknown> = {};
  for (const loader of [...(meta.loaders ?? []), ...(story.loaders ?? [])]) {
    Object.assign(loaded, await loader());
  }
  const render = story.render ?? meta.render;
  if (!render) throw new Error(`${meta.title} has no render function`);
  const globals = { locale: 'es', theme: 'light', ...meta.globals, ...story.globals };
  applyToDocument(globals);
  const { locale, theme } = toolbarValues(globals);
  return fixture(
    html`<div lang=${locale} style="color-scheme: ${theme}; background: Canvas; color: CanvasText">
      ${render(args, { args, loaded, globals }) as TemplateResult}
    </div>`,
  );
}
