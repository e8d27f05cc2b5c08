import { expect, waitUntil } from '@open-wc/testing';
import { SEED_IDS } from '../../src/adapters/memory/index.js';
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

  for (const [name, id] of [
    ['HtmlHeavy', SEED_IDS.jorge.remoteImagesMessageId],
    ['InlineImage', SEED_IDS.jorge.inlineImageMessageId],
  ] as const) {
    it(`${name} shows its message expanded`, async () => {
      const root = await renderStory(
        stories as unknown as StoryModule,
        (stories as unknown as StoryModule)[name]!,
      );
      const el = root.querySelector('mail-thread')!;
      const card = () =>
        [
          ...el.shadowRoot!.querySelectorAll<HTMLElement & { message: { id: string } }>(
            'mail-message',
          ),
        ].find((c) => c.message.id === id);
      await waitUntil(() => card(), `${name} opens the message's interaction`);
      expect((card() as unknown as { expanded: boolean }).expanded).to.equal(true);
    });
  }
});
