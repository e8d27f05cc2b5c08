import { expect, waitUntil } from '@open-wc/testing';
import * as stories from '../../stories/conversation-list.stories.js';
import { renderStory, storiesOf, type StoryModule } from './render-story.js';

const storyModule = stories as unknown as StoryModule;

/** Every story renders its state and passes axe: stories cannot rot silently. */
describe('conversation-list stories', () => {
  for (const [name, story] of storiesOf(storyModule)) {
    it(`${name} renders and is accessible`, async function () {
      // Busy generates 10,000 cases first.
      this.timeout(20_000);
      const root = await renderStory(storyModule, story);
      const el = root.querySelector('conversation-list')!;
      await waitUntil(
        () =>
          name === 'Loading'
            ? el.shadowRoot!.querySelector('[part=state][aria-busy=true]')
            : el.shadowRoot!.querySelector(
                '[role=option], [part=state]:not([aria-busy]), [role=alert]',
              ),
        `${name} settles`,
        { timeout: 10_000 },
      );
      await el.updateComplete;
      await expect(root).to.be.accessible();
    });
  }

  it('Busy lists 10,000 generated cases with a bounded DOM', async function () {
    this.timeout(20_000);
    const root = await renderStory(storyModule, storyModule['Busy']!);
    const el = root.querySelector('conversation-list')!;
    await waitUntil(() => el.shadowRoot!.querySelector('[role=option]'), 'rows', {
      timeout: 10_000,
    });
    const options = el.shadowRoot!.querySelectorAll('[role=option]');
    expect(Number(options[0]!.getAttribute('aria-setsize'))).to.be.greaterThan(5_000);
    expect(options.length).to.be.at.most(40);
  });

  it('Filters shows only unread open chats', async () => {
    const root = await renderStory(storyModule, storyModule['Filters']!);
    const el = root.querySelector('conversation-list')!;
    await waitUntil(() => el.shadowRoot!.querySelector('[role=option]'), 'rows');
    const rows = [...el.shadowRoot!.querySelectorAll('[role=option]')];
    expect(rows.length).to.be.greaterThan(0);
    expect(rows.every((r) => r.classList.contains('unread'))).to.equal(true);
    expect(
      rows.every((r) => r.querySelector('[part=channels]')!.textContent!.includes('Chat')),
    ).to.equal(true);
    const pressed = [...el.shadowRoot!.querySelectorAll('[part~=toggle][aria-pressed=true]')];
    expect(pressed.map((b) => b.textContent!.trim())).to.deep.equal(['No leídas', 'Chat']);
  });
});
