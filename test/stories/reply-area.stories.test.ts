import { expect, waitUntil } from '@open-wc/testing';
import * as stories from '../../stories/reply-area.stories.js';
import type { ReplyArea } from '../../src/components/agent-panel/reply/reply-area.js';
import { renderStory, storiesOf, type StoryModule } from './render-story.js';

const inArea = (el: ReplyArea, selector: string) => el.shadowRoot!.querySelector(selector);
const menuOf = (el: ReplyArea) => el.shadowRoot!.querySelector('atento-channel-menu');

/** What each story must show once it settles. */
const SETTLED: Record<string, (el: ReplyArea) => unknown> = {
  ChatOnline: (el) => el.channel === 'chat' && inArea(el, 'atento-chat-composer'),
  ChatOfflineVisitor: (el) => el.channel === 'email' && inArea(el, '[part=transcript-note]'),
  NoEmailKnown: (el) => menuOf(el)?.open === true && el.channel === 'chat',
  EmailCase: (el) =>
    (inArea(el, 'mail-composer') as HTMLElement | null)?.shadowRoot?.querySelector(
      'atento-rich-editor',
    ),
  VisitorTyping: (el) => /está escribiendo/.test(inArea(el, '[part=typing]')?.textContent ?? ''),
  VisitorLeftMidReply: (el) => inArea(el, '[part=notice]'),
  Dark: (el) => inArea(el, 'atento-chat-composer'),
};

/** Every story renders its state and passes axe: stories cannot rot silently. */
describe('reply-area stories', () => {
  afterEach(() => localStorage.clear());

  for (const [name, story] of storiesOf(stories as unknown as StoryModule)) {
    it(`${name} renders and is accessible`, async () => {
      const root = await renderStory(stories as unknown as StoryModule, story);
      const el = root.querySelector('atento-reply-area')!;
      const settled = SETTLED[name];
      expect(settled, `${name} has a settled state`).to.be.a('function');
      await waitUntil(() => settled!(el), `${name} settles`, { timeout: 4000 });
      await expect(root).to.be.accessible();
    });
  }
});
