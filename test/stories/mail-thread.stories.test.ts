import { expect, waitUntil } from '@open-wc/testing';
import * as stories from '../../stories/mail-thread.stories.js';
import { renderStory, storiesOf, type StoryModule } from './render-story.js';

/** Every story renders its state and passes axe: stories cannot rot silently. */
describe('mail-thread stories', () => {
  for (const [name, story] of storiesOf(stories as unknown as StoryModule)) {
    it(`${name} renders and is accessible`, async () => {
      const root = await renderStory(stories as unknown as StoryModule, story);
      const el = root.querySelector('mail-thread')!;
      await waitUntil(
        () =>
          name === 'Loading'
            ? el.shadowRoot!.querySelector('[part=state][aria-busy=true]')
            : el.shadowRoot!.querySelector(
                'mail-message, [part=state]:not([aria-busy]), [role=alert]',
              ),
        `${name} settles`,
      );
      await el.updateComplete;
      await expect(root).to.be.accessible();
    });
  }
});
