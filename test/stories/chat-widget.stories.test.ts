import { expect, waitUntil } from '@open-wc/testing';
import * as stories from '../../stories/chat-widget.stories.js';
import { renderStory, storiesOf, type StoryModule } from './render-story.js';

/** Every story renders its state and passes axe: stories cannot rot silently. */
describe('chat-widget stories', () => {
  afterEach(() => {
    for (const key of Object.keys(localStorage))
      if (key.includes('story-')) localStorage.removeItem(key);
  });

  for (const [name, story] of storiesOf(stories as unknown as StoryModule)) {
    it(`${name} renders and is accessible`, async () => {
      const root = await renderStory(stories as unknown as StoryModule, story);
      const el = root.querySelector('chat-widget')!;
      const launcher = el.shadowRoot!.querySelector<HTMLButtonElement>('[part=launcher]')!;
      expect(launcher.getAttribute('aria-label')).to.match(/^(Abrir|Cerrar) chat/);
      if (name === 'WithUnreadBadge' || name === 'Dark') {
        await waitUntil(() => el.unread === 2, `${name} shows the unread count`);
        expect(launcher.getAttribute('aria-label')).to.equal('Abrir chat, 2 mensajes sin leer');
      }
      if (name === 'Mobile') {
        await waitUntil(
          () =>
            el
              .shadowRoot!.querySelector('atento-chat-window')
              ?.shadowRoot?.querySelector('textarea'),
          'the window opens',
          { timeout: 4000 },
        );
      }
      await expect(root).to.be.accessible();
      el.remove();
    });
  }
});
