import { expect, waitUntil } from '@open-wc/testing';
import * as stories from '../../stories/mail-body.stories.js';
import { renderStory, storiesOf, type StoryModule } from './render-story.js';

/** Every story renders its state and passes axe: stories cannot rot silently. */
describe('mail-body stories', () => {
  for (const [name, story] of storiesOf(stories as unknown as StoryModule)) {
    it(`${name} renders and is accessible`, async () => {
      const root = await renderStory(stories as unknown as StoryModule, story);
      const el = root.querySelector('atento-mail-body')!;
      await waitUntil(
        () => el.shadowRoot!.querySelector('iframe[style*="block-size"], [part=empty]'),
        `${name} settles`,
      );
      await expect(root).to.be.accessible();
    });
  }
});
