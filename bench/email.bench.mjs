/* global window */
// Browser benchmark of preparing very large emails (issue 3: huge bodies render legibly): the page
// bench/pages/email.ts runs `prepareEmailHtml` (DOMPurify pass, CSS cleaning, quote folding,
// serialization into the frame's srcdoc) on the generators of test/fixtures/huge-emails.ts, and
// reports the median of 5 runs after one warm-up:
//   - the 5 MB realistic mix (pasted screenshots + a long newsletter), budget 1,000 ms;
//   - the 5 MB dense table (~120k elements), the worst case for any DOM sanitizer: reported only.
import { fileURLToPath } from 'node:url';
import { benchPage, median } from './browser.mjs';

const RUNS = 5;

/** Rows for bench/run.mjs: { measure, value, unit, budget, result }. */
export function emailBench() {
  return benchPage('email', {}, async (page, row) => {
    for (const [kind, label, budget] of [
      ['huge', '5 MB realistic mix', 1000],
      ['dense', '5 MB dense table (worst case)', null],
    ]) {
      // One warm-up run so that compilation and the first DOMPurify instance are not measured.
      await page.evaluate((k) => window.bench.prepare(k), kind);
      const runs = [];
      for (let i = 0; i < RUNS; i++)
        runs.push(await page.evaluate((k) => window.bench.prepare(k), kind));
      row(
        `email ${label}: prepareEmailHtml (median of ${RUNS})`,
        median(runs.map((r) => r.ms)),
        'ms',
        budget,
      );
      const last = runs[runs.length - 1];
      row(`email ${label}: input`, last.inputBytes, 'B', null);
      row(`email ${label}: srcdoc`, last.srcdocBytes, 'B', null);
    }
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  console.table(await emailBench());
}
