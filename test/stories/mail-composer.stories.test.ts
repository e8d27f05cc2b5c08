import { expect, waitUntil } from '@open-wc/testing';
import * as stories from '../../stories/mail-composer.stories.js';
import type { MailComposer } from '../../src/components/mail-composer/mail-composer.js';
import { renderStory, storiesOf, type StoryModule } from './render-story.js';

/** What each state story must show once it settles (a selector inside the composer). */
const SETTLED: Record<string, string> = {
  SendingCountdown: '[part=countdown]',
  FailedUpload: 'atento-attachment-list',
  RefusedFile: '.errors',
  Offline: '.errors',
};

function composerIn(root: HTMLElement): MailComposer | null {
  return (
    root.querySelector('mail-composer') ??
    root.querySelector('mail-thread')?.shadowRoot?.querySelector('mail-composer') ??
    null
  );
}

describe('mail-composer stories', () => {
  afterEach(() => localStorage.clear());

  for (const [name, story] of storiesOf(stories as unknown as StoryModule)) {
    it(`${name} renders and is accessible`, async () => {
      const root = await renderStory(stories as unknown as StoryModule, story);
      const el = await waitUntil(() => composerIn(root), `${name}: composer shown`, {
        timeout: 4000,
      }).then(() => composerIn(root)!);
      await el.ready;
      const settled = SETTLED[name];
      if (settled) {
        await waitUntil(() => el.shadowRoot!.querySelector(settled), `${name} settles`, {
          timeout: 4000,
        });
      }
      await expect(root).to.be.accessible();
    });
  }
});
