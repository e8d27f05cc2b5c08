/**
 * A docs page for one public element: the hand-written notes (usage, accessibility, keyboard,
 * embed snippet) around what custom-elements.json says (summary, behaviour, API tables), a
 * canvas for the live primary story and links to every story.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { keyed } from 'lit/directives/keyed.js';
import type { TypeDeclaration } from '../plugins/event-details.js';
import { apiTables } from './api-tables.js';
import { findElement, type CemManifest } from './manifest.js';
import type { ElementNotes } from './notes.js';
import { codeBlock, inline, prose } from './prose.js';

export interface StoryLink {
  id: string;
  name: string;
  description?: string;
}

export interface ElementPageInput {
  tagName: string;
  manifest: CemManifest;
  notes?: ElementNotes;
  /** The stories' component description (`parameters.docs.description.component`). */
  lead?: string;
  /** Detail type declarations by event name. */
  details?: Record<string, TypeDeclaration[]>;
  stories: StoryLink[];
  /** `exports` of package.json, for the import path. */
  packageExports?: Record<string, unknown>;
}

/** The package entry point (`atento/agent-panel`) whose types come from the element's module. */
export function importPath(
  packageExports: Record<string, unknown> | undefined,
  modulePath: string,
): string | undefined {
  const types = modulePath.replace(/^src\//, '/').replace(/\.ts$/, '.d.ts');
  for (const [key, value] of Object.entries(packageExports ?? {})) {
    const target = (value as { types?: string } | null)?.types;
    if (typeof target === 'string' && target.endsWith(types))
      return `atento${key.replace(/^\./, '')}`;
  }
  return undefined;
}

/** The id of the element the primary story is rendered into. */
export const EXAMPLE_ID = 'example-canvas';

const SECTIONS = [
  ['usage', 'Usage'],
  ['example', 'Example'],
  ['embed', 'Embed'],
  ['behaviour', 'Behaviour'],
  ['api', 'API'],
  ['accessibility', 'Accessibility'],
] as const;

function keyboardTable(notes: ElementNotes): TemplateResult {
  if (!notes.keyboard.length) return html`<p class="none">No keys of its own.</p>`;
  return html`<div class="table-scroll">
    <table>
      <caption class="visually-hidden">
        Keyboard
      </caption>
      <thead>
        <tr>
          <th scope="col">Where</th>
          <th scope="col">Keys</th>
          <th scope="col">What they do</th>
        </tr>
      </thead>
      <tbody>
        ${notes.keyboard.map(
          (row) =>
            html`<tr>
              <td>${inline(row.where)}</td>
              <th scope="row">${row.keys.map((k, i) => html`${i ? ' ' : ''}<kbd>${k}</kbd>`)}</th>
              <td>${inline(row.action)}</td>
            </tr>`,
        )}
      </tbody>
    </table>
  </div>`;
}

/** The whole page; an element missing from the manifest gets a page that says so. */
export function elementPage(input: ElementPageInput): TemplateResult {
  const found = findElement(input.manifest, input.tagName);
  if (!found)
    return html`<article class="docs" lang="en">
      <h1><code>&lt;${input.tagName}&gt;</code></h1>
      <p role="alert">
        <code>${input.tagName}</code> is not in custom-elements.json: run
        <code>npm run manifest</code>.
      </p>
    </article>`;
  const { element, path } = found;
  const notes = input.notes;
  const entry = importPath(input.packageExports, path);
  const [primary] = input.stories;
  return html`<article class="docs" lang="en" aria-labelledby="title">
    <header class="intro">
      <p class="eyebrow">Element</p>
      <h1 id="title"><code>&lt;${input.tagName}&gt;</code></h1>
      <p class="summary">${inline(element.summary)}</p>
      <dl class="facts">
        ${
          entry
            ? html`<div>
                <dt>Import</dt>
                <dd><code>import '${entry}';</code></dd>
              </div>`
            : nothing
        }
        <div>
          <dt>Class</dt>
          <dd><code>${element.name}</code></dd>
        </div>
        <div>
          <dt>Source</dt>
          <dd><code>${path}</code></dd>
        </div>
      </dl>
      <nav aria-label="On this page">
        <ul>
          ${SECTIONS.map(([id, label]) => html`<li><a href="#${id}">${label}</a></li>`)}
        </ul>
      </nav>
    </header>

    <section id="usage" aria-labelledby="usage-title">
      <h2 id="usage-title">Usage</h2>
      ${input.lead ? html`<p class="lead">${inline(input.lead)}</p>` : nothing}
      ${notes?.usage.map((p) => html`<p>${inline(p)}</p>`) ?? nothing}
    </section>

    <section id="example" aria-labelledby="example-title">
      <h2 id="example-title">Example</h2>
      ${
        primary
          ? html`<p>
              The story <a href="./?path=/story/${primary.id}" target="_top">${primary.name}</a>,
              live: the toolbar's language and theme apply to it.
            </p>`
          : nothing
      }
      ${keyed(primary?.id, html`<div id=${EXAMPLE_ID} class="example"></div>`)}
      <h3 id="stories">Stories</h3>
      <ul class="stories">
        ${input.stories.map(
          (story) =>
            html`<li>
              <a href="./?path=/story/${story.id}" target="_top">${story.name}</a>
              ${story.description ? html`<span>${inline(story.description)}</span>` : nothing}
            </li>`,
        )}
      </ul>
    </section>

    <section id="embed" aria-labelledby="embed-title">
      <h2 id="embed-title">Embed</h2>
      ${notes ? codeBlock(notes.embed, 'html') : nothing}
    </section>

    <section id="behaviour" aria-labelledby="behaviour-title">
      <h2 id="behaviour-title">Behaviour</h2>
      <p class="secondary">From the element's JSDoc.</p>
      ${prose(element.description)}
    </section>

    <section id="api" aria-labelledby="api-title">
      <h2 id="api-title">API</h2>
      <p class="secondary">Generated from <code>custom-elements.json</code>.</p>
      ${apiTables(element, input.details ?? {})}
    </section>

    <section id="accessibility" aria-labelledby="accessibility-title">
      <h2 id="accessibility-title">Accessibility</h2>
      ${
        notes
          ? html`<ul>
                ${notes.accessibility.map((point) => html`<li>${inline(point)}</li>`)}
              </ul>
              <h3 id="keyboard">Keyboard</h3>
              ${keyboardTable(notes)}`
          : nothing
      }
    </section>
  </article>`;
}
