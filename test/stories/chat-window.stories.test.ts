import { expect, waitUntil } from '@open-wc/testing';
import * as stories from '../../stories/chat-window.stories.js';
import { renderStory, storiesOf, type StoryModule } from './render-story.js';

/** Every story renders its state and passes axe: stories cannot rot silently. */
describe('chat-window stories', () => {
  for (const [name, story] of storiesOf(stories as unknown as StoryModule)) {
    it(`${name} renders and is accessible`, async () => {
      const root = await renderStory(stories as unknown as StoryModule, story);
      const el = root.querySelector('atento-chat-window')!;
      await waitUntil(
        () => el.shadowRoot!.querySelector('[role=log], .skeleton'),
        `${name} renders`,
      );
      if (name === 'LongHistory')
        expect(el.shadowRoot!.querySelectorAll('[part~=message]')).to.have.length(200);
      if (name === 'CaptureForm') expect(el.shadowRoot!.querySelector('form')).to.not.equal(null);
      if (name === 'Offline') expect(el.shadowRoot!.querySelector('.offline')).to.not.equal(null);
      if (name === 'AgentTyping')
        expect(el.shadowRoot!.querySelector('.typing')).to.not.equal(null);
      await expect(root).to.be.accessible();
    });
  }
});
