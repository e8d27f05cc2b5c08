import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { LIST_FILE, storyFiles, storyModulesSource } from './story-list.js';

test('test/stories/story-modules.ts lists every stories/**/*.stories.ts', async () => {
  const files = storyFiles();
  assert.ok(files.length > 0, 'stories/ has stories');
  const expected = await storyModulesSource(files);
  assert.equal(
    readFileSync(LIST_FILE, 'utf8'),
    expected,
    'test/stories/story-modules.ts is stale: run `node --import tsx test/stories/story-list.ts`',
  );
  for (const file of files)
    assert.ok(expected.includes(`'../../${file.replace(/\.ts$/, '.js')}'`), `${file} is imported`);
});

test('the list follows the directory: a new stories file changes it', async () => {
  const files = storyFiles();
  const withNew = await storyModulesSource([...files, 'stories/new-thing.stories.ts'].sort());
  assert.ok(withNew.includes("import * as newThing from '../../stories/new-thing.stories.js';"));
  assert.ok(withNew.includes("['new-thing', newThing as unknown as StoryModule]"));
  assert.notEqual(withNew, readFileSync(LIST_FILE, 'utf8'));
});

test('every shard of the every-story browser test has its test file', () => {
  const source = readFileSync(new URL('./every-story.ts', import.meta.url), 'utf8');
  const shards = Number(/export const SHARDS = (\d+);/.exec(source)?.[1]);
  assert.ok(shards >= 1, 'SHARDS is set');
  for (let i = 1; i <= shards; i++) {
    const file = new URL(`./every-story-${i}.test.ts`, import.meta.url);
    assert.match(readFileSync(file, 'utf8'), new RegExp(`describeEveryStory\\(${i - 1}\\);`));
  }
});
