/**
 * Vite plugin for Storybook's docs pages: serves `virtual:atento-event-details` (the events'
 * detail types, read from the source) and adds the story descriptions from JSDoc.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Plugin } from 'vite';
import { eventDetails, type EventDetails } from './event-details.js';
import { withStoryDescriptions } from './story-descriptions.js';

const VIRTUAL = 'virtual:atento-event-details';
const RESOLVED = `\0${VIRTUAL}`;

export function atentoDocs(root: string): Plugin {
  let details: EventDetails | undefined;
  const stories = resolve(root, 'stories');
  return {
    name: 'atento-docs',
    // Before TypeScript is stripped, so the JSDoc comments are still there.
    enforce: 'pre',
    resolveId: (id) => (id === VIRTUAL ? RESOLVED : undefined),
    load(id) {
      if (id !== RESOLVED) return undefined;
      const manifest = JSON.parse(readFileSync(resolve(root, 'custom-elements.json'), 'utf8'));
      details ??= eventDetails(manifest, root);
      return `export default ${JSON.stringify(details)};`;
    },
    transform(code, id) {
      const file = id.split('?')[0]!;
      if (!file.startsWith(stories) || !file.endsWith('.stories.ts')) return undefined;
      return { code: withStoryDescriptions(code), map: null };
    },
    // `storybook dev`: a changed element or manifest re-reads the detail types.
    handleHotUpdate({ file, server }) {
      if (!file.startsWith(resolve(root, 'src')) && !file.endsWith('custom-elements.json')) return;
      details = undefined;
      const module = server.moduleGraph.getModuleById(RESOLVED);
      if (module) server.moduleGraph.invalidateModule(module);
    },
  };
}
