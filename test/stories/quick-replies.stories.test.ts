import { expect, waitUntil } from '@open-wc/testing';
import * as stories from '../../stories/quick-replies.stories.js';
import { renderStory, storiesOf, type StoryModule } from './render-story.js';

/** Every story renders its state and passes axe: stories cannot rot silently. */
describe('quick-replies stories', () => {
  for (const [name, story] of storiesOf(stories as unknown as StoryModule)) {
    it(`${name} renders and is accessible`, async () => {
      const root = await renderStory(stories as unknown as StoryModule, story);
      const el = root.querySelector('quick-replies')!;
      await waitUntil(
        () =>
          name === 'Loading'
            ? el.shadowRoot!.querySelector('.loading')
            : el.shadowRoot!.querySelector(
                '[role=option], [part=status]:not(.loading), [role=alert]',
              ),
        `${name} settles`,
      );
      await expect(root).to.be.accessible();
    });
  }
});
