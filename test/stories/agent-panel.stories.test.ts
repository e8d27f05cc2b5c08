import { expect, waitUntil } from '@open-wc/testing';
import * as stories from '../../stories/agent-panel.stories.js';
import { renderStory, storiesOf, type StoryModule } from './render-story.js';

const module = stories as unknown as StoryModule;

/** Every story renders the list and its case (or the empty state), and passes axe. */
describe('agent-panel stories', () => {
  for (const [name, story] of storiesOf(module)) {
    it(`${name} renders and is accessible`, async () => {
      const root = await renderStory(module, story);
      const panel = root.querySelector('agent-panel')!;
      const inPanel = (selector: string) => panel.shadowRoot!.querySelector<HTMLElement>(selector);
      const list = () => inPanel('conversation-list');
      await waitUntil(
        () => list()?.shadowRoot!.querySelector('[role=option]'),
        `${name}: the list shows its cases`,
      );
      const id = story.args?.['conversation-id'] as string | undefined;
      if (id) {
        const thread = inPanel('mail-thread')!;
        await waitUntil(
          () => thread.shadowRoot!.querySelector('mail-message'),
          `${name}: the case shows its messages`,
        );
        const reply = inPanel('atento-reply-area')!;
        await waitUntil(
          () => reply.shadowRoot!.querySelector('atento-channel-menu'),
          `${name}: the reply area shows its channel menu`,
        );
        expect(thread.getAttribute('conversation-id')).to.equal(id);
        const complete = thread.shadowRoot!.querySelector('[part=status-button]')!;
        // The panel's `locale` reaches the thread through context.
        expect(complete.textContent!.trim()).to.equal(
          name === 'English' ? 'Complete' : 'Completar',
        );
        if (name === 'ChatCase')
          await waitUntil(
            () =>
              thread.shadowRoot!.querySelector('[part=viewers]')!.textContent!.trim() ===
              'Marco Díaz también está viendo esta atención',
            'the collision hint names Marco',
          );
      } else {
        expect(inPanel('[part=empty]')?.textContent).to.contain('Seleccione una conversación');
      }
      if (story.args?.['width'] === '400px') {
        expect(inPanel('[part=list-pane]')!.hidden).to.equal(true);
        expect(inPanel('[part=back]')?.textContent?.trim()).to.equal('Volver');
      }
      await expect(root).to.be.accessible();
    });
  }
});
