import { expect } from '@open-wc/testing';
import { watchNetwork } from './network-guard.js';
import { renderStory, storiesOf } from './render-story.js';
import { composedElements, settle } from './settle.js';
import { storyModules } from './story-modules.js';

/** How many test files share the stories (each browser page must finish within a time limit). */
export const SHARDS = 3;

/**
 * Every story of every stories module (the generated list, checked against stories/ by
 * story-list.node.test.ts): it renders its component, settles, passes axe with no violation, and
 * requests nothing off this machine. The per-element story tests add what each state must show.
 * Module `i` of the list belongs to shard `i % SHARDS`, so a new module lands in one of them.
 */
export function describeEveryStory(shard: number): void {
  describe(`every story (${shard + 1} of ${SHARDS})`, () => {
    // Stories keep drafts, outboxes and chat history in localStorage.
    afterEach(() => localStorage.clear());

    for (const [file, module] of storyModules.filter((_, i) => i % SHARDS === shard)) {
      describe(`${file} (${module.default.title})`, () => {
        const stories = storiesOf(module);
        it('has stories', () => expect(stories.length).to.be.greaterThan(0));

        for (const [name, story] of stories) {
          it(`${name} renders, settles and is accessible`, async function () {
            // A few stories generate thousands of cases first.
            this.timeout(20_000);
            const network = watchNetwork();
            try {
              const root = await renderStory(module, story);
              const tag = module.default.component;
              if (tag)
                expect(
                  [...composedElements(root)].some((el) => el.localName === tag),
                  `${name} renders <${tag}>`,
                ).to.equal(true);
              await settle(root);
              await expect(root).to.be.accessible();
            } finally {
              network.stop();
            }
            expect(network.offMachine, `${name} requests nothing off this machine`).to.deep.equal(
              [],
            );
          });
        }
      });
    }
  });
}
