import { expect, fixture, html } from '@open-wc/testing';
import { elementPage } from '../../.storybook/docs/element-page.js';
import { propertyRows, type CemManifest } from '../../.storybook/docs/manifest.js';
import type { ElementNotes } from '../../.storybook/docs/notes.js';
import { docsStyles } from '../../.storybook/docs/docs.styles.js';
import { storiesOf, type StoryModule } from './render-story.js';
import { storyModules } from './story-modules.js';

interface DocsMeta {
  component?: string;
  tags?: string[];
  parameters?: { docs?: { notes?: ElementNotes; description?: { component?: string } } };
}

const load = async (path: string) => (await fetch(path)).json();
const manifest = (await load('/custom-elements.json')) as CemManifest;
const pkg = (await load('/package.json')) as { exports: Record<string, unknown> };

/** The modules whose element gets an autodocs page. */
const documented = storyModules.filter(([, module]) =>
  (module.default as DocsMeta).tags?.includes('autodocs'),
);

function page(module: StoryModule) {
  const meta = module.default as DocsMeta;
  return elementPage({
    tagName: meta.component!,
    manifest,
    notes: meta.parameters?.docs?.notes,
    lead: meta.parameters?.docs?.description?.component,
    details: {
      // One declaration, as the Storybook plugin would read it from the source.
      [`${meta.component}-event`]: [{ name: 'Example', path: 'src/x.ts', text: 'interface X {}' }],
    },
    stories: storiesOf(module).map(([name]) => ({ id: `story--${name}`, name })),
    packageExports: pkg.exports,
  });
}

const texts = (root: Element, selector: string) =>
  [...root.querySelectorAll(selector)].map((el) => el.textContent!.replace(/\s+/g, ' ').trim());

/** The table (or the "No …" note) under the heading `#id`. */
const tableAfter = (root: Element, id: string) => {
  let el = root.querySelector(`#${id}`)!.nextElementSibling;
  while (el && !el.querySelector('table') && !el.matches('p.none')) el = el.nextElementSibling;
  return el!;
};

describe('element docs pages', () => {
  before(() => {
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, docsStyles.styleSheet!];
  });

  it('exist for the six public elements', () => {
    expect(documented.map(([, m]) => (m.default as DocsMeta).component).sort()).to.deep.equal([
      'agent-panel',
      'chat-widget',
      'conversation-list',
      'mail-composer',
      'mail-thread',
      'quick-replies',
    ]);
  });

  for (const [file, module] of documented) {
    const tag = (module.default as DocsMeta).component!;
    it(`${tag}: usage, example, embed, API from the manifest, accessibility — axe light and dark`, async () => {
      const root = await fixture(html`<div>${page(module)}</div>`);
      const element = manifest.modules
        .flatMap((m) => m.declarations ?? [])
        .find((d) => d.tagName === tag)!;
      const notes = (module.default as DocsMeta).parameters!.docs!.notes!;

      expect(root.querySelector('h1')!.textContent).to.equal(`<${tag}>`);
      expect(texts(root, '.facts dd')[0]).to.equal(`import 'atento/${tag}';`);
      expect(texts(root, 'h2')).to.deep.equal([
        'Usage',
        'Example',
        'Embed',
        'Behaviour',
        'API',
        'Accessibility',
      ]);
      expect(root.querySelector('#usage')!.textContent).to.contain(
        notes.usage[0]!.replace(/`/g, '').slice(0, 30),
      );
      expect(root.querySelector('#embed pre')!.textContent).to.contain(`<${tag}`);
      expect(texts(root, '.stories a')).to.deep.equal(storiesOf(module).map(([n]) => n));

      const cells = (id: string) => texts(tableAfter(root, id), 'tbody th');
      const properties = cells('properties').join(' ');
      for (const row of propertyRows(element))
        expect(properties, `${tag} property table`).to.contain(row.attribute ?? row.property);
      expect(cells('events')).to.deep.equal((element.events ?? []).map((e) => e.name));
      expect(cells('parts')).to.deep.equal((element.cssParts ?? []).map((p) => p.name));
      expect(cells('css-properties')).to.deep.equal(
        (element.cssProperties ?? []).map((p) => p.name),
      );
      if (element.slots?.length)
        expect(cells('slots')).to.deep.equal(element.slots.map((s) => s.name || '(default)'));
      expect(root.querySelectorAll('#accessibility li')).to.have.length(notes.accessibility.length);
      expect(texts(tableAfter(root, 'keyboard'), 'tbody tr')).to.have.length(notes.keyboard.length);
      // No undocumented field of the analyzer (a vanilla element's `this.root.adoptedStyleSheets`).
      expect(properties).to.not.contain('adoptedStyleSheets');
      await expect(root).to.be.accessible();
      // As in Storybook's dark theme: the page's canvas is dark.
      (root as HTMLElement).style.cssText = 'color-scheme: dark; background: Canvas';
      await expect(root).to.be.accessible();
      expect(file).to.equal(tag);
    });
  }

  it('shows the detail types of the events', async () => {
    const [, module] = documented.find(([f]) => f === 'chat-widget')!;
    const meta = module.default as DocsMeta;
    const root = await fixture(
      html`<div>
        ${elementPage({
          tagName: 'chat-widget',
          manifest,
          notes: meta.parameters!.docs!.notes,
          details: {
            'chat-unread': [
              {
                name: 'ChatUnreadDetail',
                path: 'src/components/chat-widget/chat-widget.ts',
                text: 'export interface ChatUnreadDetail {\n  count: number;\n}',
              },
            ],
          },
          stories: [],
        })}
      </div>`,
    );
    expect(root.querySelector('#detail-types')).to.not.equal(null);
    expect(texts(root, 'figure.declaration figcaption')).to.deep.equal([
      'ChatUnreadDetail src/components/chat-widget/chat-widget.ts',
    ]);
    expect(root.querySelector('figure.declaration pre')!.textContent).to.contain('count: number');
    await expect(root).to.be.accessible();
  });

  it('says so when the manifest lacks the element', async () => {
    const root = await fixture(
      html`<div>${elementPage({ tagName: 'not-there', manifest, stories: [] })}</div>`,
    );
    expect(root.querySelector('[role=alert]')!.textContent).to.contain('npm run manifest');
  });
});
