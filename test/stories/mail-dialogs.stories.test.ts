import { expect, waitUntil } from '@open-wc/testing';
import * as stories from '../../stories/mail-dialogs.stories.js';
import type { AtentoDialog } from '../../src/components/internal/atento-dialog.js';
import { renderStory, storiesOf, type StoryModule } from './render-story.js';

/** Every story renders its state and passes axe: stories cannot rot silently. */
describe('mail-thread dialogs stories', () => {
  for (const [name, story] of storiesOf(stories as unknown as StoryModule)) {
    it(`${name} renders and is accessible`, async () => {
      const root = await renderStory(stories as unknown as StoryModule, story);
      const host = root.querySelector('mail-detail-dialog, mail-contact-dialog, mail-block-dialog');
      if (host) {
        const dialog = () => host.shadowRoot?.querySelector<AtentoDialog>('atento-dialog');
        await waitUntil(
          () => dialog()?.open && !host.shadowRoot!.querySelector('.skeleton'),
          `${name} opens and loads`,
        );
        const native = dialog()!.shadowRoot!.querySelector('dialog')!;
        await Promise.all(native.getAnimations().map((a) => a.finished));
      } else {
        await waitUntil(() => root.querySelector('atento-menu-button')?.shadowRoot, name);
      }
      await expect(root).to.be.accessible();
    });
  }
});
