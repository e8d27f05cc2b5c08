/**
 * Storybook's docs renderer for the `autodocs` pages, in Lit: @storybook/addon-docs (React, MDX)
 * is not installed, so `parameters.docs.renderer` points here. Each page is built from
 * custom-elements.json, the event detail types read from the source, and the stories'
 * `parameters.docs` (`description.component`, `notes`, story descriptions).
 */
import { render, nothing } from 'lit';
import eventDetails from 'virtual:atento-event-details';
import manifest from '../../custom-elements.json';
import pkg from '../../package.json';
import { applyToDocument } from '../locale-theme.js';
import { docsStyles } from './docs.styles.js';
import { EXAMPLE_ID, elementPage } from './element-page.js';
import type { CemManifest } from './manifest.js';
import type { ElementNotes } from './notes.js';

/** The parts of Storybook's `DocsContext` and prepared stories used here. */
interface PreparedStory {
  id: string;
  name: string;
  component?: unknown;
  parameters: {
    docs?: {
      description?: { component?: string; story?: string };
      notes?: ElementNotes;
    };
  };
}
interface DocsContextLike {
  storyById(id?: string): PreparedStory;
  componentStories(): PreparedStory[];
  getStoryContext(story: PreparedStory): { globals: Record<string, unknown> };
  renderStoryToElement(
    story: PreparedStory,
    element: HTMLElement,
    callbacks: {
      showMain(): void;
      showError(error: { title: string; description: string }): void;
      showException(error: Error): void;
    },
    options: { autoplay: boolean; forceInitialArgs: boolean },
  ): () => Promise<void>;
}

let styled = false;
function adoptStyles() {
  if (styled) return;
  styled = true;
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, docsStyles.styleSheet!];
}

/** The live story in each docs root: which story, in which canvas, and how to remove it. */
const mounted = new WeakMap<
  HTMLElement,
  { storyId: string; canvas: HTMLElement; teardown: () => Promise<void> }
>();

function mountExample(context: DocsContextLike, story: PreparedStory, root: HTMLElement) {
  const canvas = root.querySelector<HTMLElement>(`#${EXAMPLE_ID}`);
  const current = mounted.get(root);
  if (!canvas || (current?.storyId === story.id && current.canvas === canvas)) return;
  void current?.teardown();
  const fail = (message: string) => {
    const alert = document.createElement('p');
    alert.setAttribute('role', 'alert');
    alert.textContent = message;
    canvas.replaceChildren(alert);
  };
  const teardown = context.renderStoryToElement(
    story,
    canvas,
    {
      showMain: () => undefined,
      showError: ({ title, description }) => fail(`${title} ${description}`),
      showException: (error) => fail(error.message),
    },
    { autoplay: true, forceInitialArgs: false },
  );
  mounted.set(root, { storyId: story.id, canvas, teardown });
}

export const atentoDocsRenderer = {
  render(context: DocsContextLike, _parameters: unknown, root: HTMLElement): Promise<void> {
    adoptStyles();
    const primary = context.storyById();
    applyToDocument(context.getStoryContext(primary).globals);
    const docs = primary.parameters.docs ?? {};
    render(
      elementPage({
        tagName: String(primary.component ?? ''),
        manifest: manifest as CemManifest,
        notes: docs.notes,
        lead: docs.description?.component,
        details: eventDetails[String(primary.component)] ?? {},
        stories: context.componentStories().map((story) => ({
          id: story.id,
          name: story.name,
          description: story.parameters.docs?.description?.story,
        })),
        packageExports: pkg.exports,
      }),
      root,
    );
    mountExample(context, primary, root);
    return Promise.resolve();
  },
  unmount(root: HTMLElement): void {
    void mounted.get(root)?.teardown();
    mounted.delete(root);
    render(nothing, root);
  },
};
