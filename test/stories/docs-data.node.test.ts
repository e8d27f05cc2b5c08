import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import {
  detailTypeText,
  eventDetails,
  referencedTypeNames,
} from '../../.storybook/plugins/event-details.js';
import {
  storyDescriptions,
  withStoryDescriptions,
} from '../../.storybook/plugins/story-descriptions.js';
import {
  documentedManifest,
  findElement,
  type CemManifest,
} from '../../.storybook/docs/manifest.js';
import { importPath } from '../../.storybook/docs/element-page.js';
import { storyFiles } from './story-list.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const read = (path: string) =>
  readFileSync(new URL(path, new URL('../../', import.meta.url)), 'utf8');
const manifest = JSON.parse(read('custom-elements.json')) as CemManifest;
const pkg = JSON.parse(read('package.json')) as { exports: Record<string, unknown> };

/** The elements a package entry point exports: the public ones, each with a docs page. */
const publicElements = manifest.modules.flatMap((mod) =>
  (mod.declarations ?? []).flatMap((d) =>
    d.tagName && importPath(pkg.exports, mod.path) ? [{ tag: d.tagName, element: d }] : [],
  ),
);

test('the public elements are the package entry points', () => {
  assert.deepEqual(publicElements.map((p) => p.tag).sort(), [
    'agent-panel',
    'chat-widget',
    'conversation-list',
    'mail-composer',
    'mail-thread',
    'quick-replies',
  ]);
});

test('every public element has a docs page: autodocs, a description and notes', () => {
  for (const { tag } of publicElements) {
    const file = `stories/${tag}.stories.ts`;
    const source = read(file);
    assert.match(source, new RegExp(`component: '${tag}',\\s*tags: \\['autodocs'\\]`), file);
    assert.match(source, /description: \{\s*component:/, `${file} describes the element`);
    assert.match(source, /notes: \w+Notes/, `${file} sets parameters.docs.notes`);
  }
});

test('event detail types resolve to their declarations for every public element', () => {
  const details = eventDetails(manifest, root);
  for (const { tag, element } of publicElements) {
    assert.ok(element.events?.length, `${tag} has events`);
    for (const event of element.events ?? []) {
      const detail = detailTypeText(event.type?.text);
      assert.ok(detail, `${tag} ${event.name}: the manifest types it as CustomEvent<…>`);
      const named = referencedTypeNames(detail).filter((n) => !['void', 'null'].includes(n));
      const found = details[tag]?.[event.name] ?? [];
      for (const name of named) {
        const declaration = found.find((d) => d.name === name);
        assert.ok(declaration, `${tag} ${event.name}: ${name} is found in the source`);
        assert.match(declaration.text, new RegExp(`(interface|type) ${name}\\b`));
        assert.match(declaration.path, /^src\//);
      }
    }
  }
  // Inline detail types show the types they use; named ones show themselves first.
  assert.deepEqual(referencedTypeNames('{conversation: ConversationSummary}'), [
    'ConversationSummary',
  ]);
  assert.equal(details['mail-composer']?.['mail-send']?.[0]?.name, 'MailSendDetail');
  assert.ok(details['mail-composer']?.['mail-send']?.some((d) => d.name === 'OutgoingMessage'));
  assert.deepEqual(details['chat-widget']?.['chat-open'], []);
});

test('every story has a description (its JSDoc), which the docs pages list', () => {
  for (const file of storyFiles()) {
    const source = read(file);
    const exported = [...source.matchAll(/^export const (\w+)/gm)].map((m) => m[1]!);
    const described = storyDescriptions(source);
    assert.ok(exported.length > 0, `${file} has stories`);
    for (const name of exported) assert.ok(described.get(name), `${file}: ${name} has a JSDoc`);
  }
  const source = '/** Closed, as a first-time visitor sees it. */\nexport const Closed = {};\n';
  assert.equal(
    withStoryDescriptions(source).split('\n').at(-2),
    'Closed.parameters = { ...Closed.parameters, docs: { ...Closed.parameters?.docs, ' +
      'description: { story: "Closed, as a first-time visitor sees it.", ' +
      '...Closed.parameters?.docs?.description } } };',
  );
});

test('stories never point at a real host: URLs in story data use reserved names', () => {
  const reserved = /(^|\.)(example|test|invalid|localhost)$/;
  for (const file of [...storyFiles(), 'stories/theming/token-list.ts']) {
    for (const [url] of read(file).matchAll(/\b(?:https?|wss?):\/\/[^\s'"`)<>\\]+/g)) {
      const host = new URL(url.replace(/[.,;:]+$/, '')).hostname;
      assert.ok(reserved.test(host), `${file}: ${url} is not on a reserved host`);
    }
  }
});

test('the docs page of an element comes from its manifest entry', () => {
  assert.equal(
    findElement(manifest, 'agent-panel')?.path,
    'src/components/agent-panel/agent-panel.ts',
  );
  assert.equal(
    importPath(pkg.exports, 'src/components/agent-panel/agent-panel.ts'),
    'atento/agent-panel',
  );
  assert.equal(importPath(pkg.exports, 'src/components/mail-thread/mail-body.ts'), undefined);
});

test('controls come from documented members only', () => {
  const members = (m: CemManifest) =>
    findElement(m, 'chat-widget')!.element.members!.map((member) => member.name);
  const before = members(manifest);
  const after = members(documentedManifest(manifest));
  // The analyzer reads `this.root.adoptedStyleSheets = …` in the vanilla element as fields; the
  // manifest config drops them at the source, and the docs never show undocumented fields.
  for (const noise of ['adoptedStyleSheets', 'className', 'display'])
    assert.ok(!before.includes(noise) && !after.includes(noise), noise);
  for (const api of ['serverUrl', 'campaign', 'adapter', 'open', 'identify'])
    assert.ok(after.includes(api), api);
  const panel = findElement(documentedManifest(manifest), 'agent-panel')!.element.members!;
  assert.ok(panel.every((m) => m.kind === 'method' || (!m.privacy && !m.static)));
  assert.deepEqual(
    panel.filter((m) => m.kind === 'field').map((m) => m.name),
    ['conversationId', 'completeMovesNext', 'hasNew', 'adapter', 'locale'],
  );
});
