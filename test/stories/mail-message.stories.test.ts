import { expect, waitUntil } from '@open-wc/testing';
import * as stories from '../../stories/mail-message.stories.js';
import { renderStory, storiesOf, type StoryModule } from './render-story.js';

/** Every story renders its state and passes axe: stories cannot rot silently. */
describe('mail-message stories', () => {
  for (const [name, story] of storiesOf(stories as unknown as StoryModule)) {
    it(`${name} renders and is accessible`, async () => {
      const root = await renderStory(stories as unknown as StoryModule, story);
      const cards = [...root.querySelectorAll('mail-message')];
      expect(cards.length).to.be.greaterThan(0);
      await waitUntil(
        () =>
          cards.every((card) => {
            const shadow = card.shadowRoot!;
            if (!shadow.querySelector('[part=summary], [part=bubble]')) return false;
            const body = shadow.querySelector('atento-mail-body');
            return (
              !body || body.shadowRoot!.querySelector('iframe[style*="block-size"], [part=empty]')
            );
          }),
        `${name} settles`,
      );
      await expect(root).to.be.accessible();
    });
  }
});
