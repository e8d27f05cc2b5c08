/* global window */
// Browser benchmark of <mail-thread> (issue 3): a Vite dev server over the project serves
// bench/pages/thread.ts, headless Chromium (Debian's, never a downloaded one) mounts the thread on
// a memory backend holding a generated case, and the page reports:
//   - time from mount to the first paint of the messages (double rAF), median of 5 runs, for
//     1,000 and 10,000 messages;
//   - <mail-message> elements and iframes in the DOM;
//   - long tasks (> 50 ms) while scrolling to the top for 3 s, loading older pages.
import { fileURLToPath } from 'node:url';
import { benchPage, median } from './browser.mjs';

const RUNS = 5;

/** Rows for bench/run.mjs: { measure, value, unit, budget, result }. */
export function threadBench() {
  const viewport = { width: 1100, height: 900 };
  return benchPage('thread', { viewport, host: { width: 1000 } }, async (page, row) => {
    // One warm-up open so that module compilation is not measured.
    await page.evaluate(() => window.bench.open(50));
    // Many short interactions (a customer's long history), then every message in one
    // interaction (one marathon email thread): the first page is then a full page of cards.
    const scenarios = [
      { messages: 1000, label: '1,000 msgs' },
      { messages: 10000, label: '10,000 msgs' },
      { messages: 1000, perInteraction: 1000, label: '1,000 msgs in one thread' },
      { messages: 10000, perInteraction: 10000, label: '10,000 msgs in one thread' },
    ];
    for (const { messages, perInteraction, label: name } of scenarios) {
      const runs = [];
      for (let i = 0; i < RUNS; i++)
        runs.push(
          await page.evaluate(([n, per]) => window.bench.open(n, per), [messages, perInteraction]),
        );
      const paint = median(runs.map((r) => r.paintMs));
      const label = name;
      row(`thread ${label}: first paint (median of ${RUNS})`, paint, 'ms', 50, paint <= 50);
      const last = runs[runs.length - 1];
      row(
        `thread ${label}: <mail-message> after open`,
        last.cards,
        'count',
        300,
        last.cards <= 300,
      );
      row(`thread ${label}: iframes after open`, last.iframes, 'count', null, true);
      const scroll = await page.evaluate(() => window.bench.scrollUp(3000));
      row(
        `thread ${label}: long tasks > 50 ms scrolling up 3 s`,
        scroll.longTasks,
        'count',
        0,
        scroll.longTasks === 0,
      );
      row(`thread ${label}: longest task scrolling`, scroll.longestTask, 'ms', null, true);
      row(`thread ${label}: messages loaded after scrolling`, scroll.loaded, 'count', null, true);
      row(
        `thread ${label}: max <mail-message> while scrolling`,
        scroll.maxCards,
        'count',
        300,
        scroll.maxCards <= 300,
      );
      row(`thread ${label}: iframes after scrolling`, scroll.iframes, 'count', null, true);
    }
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  console.table(await threadBench());
}
