/* global window */
// Browser benchmark of <mail-composer> (issue 4): keystroke to paint-ready in a ~100 KB body.
// Playwright types real keys into headless Chromium; the page measures keydown → transaction
// applied → style and layout recomputed, for each key (see bench/pages/composer.ts).
import { benchPage, median } from './browser.mjs';

const KEYS = 'Gracias por escribirnos, ya revisamos su pedido. '.repeat(3);

/** Rows for bench/run.mjs: { measure, value, unit, budget, result }. */
export function composerBench() {
  const viewport = { width: 1000, height: 900 };
  return benchPage('composer', { viewport, host: { width: 900 } }, async (page, row) => {
    await page.keyboard.type('calentando ');
    await page.evaluate(() => window.bench.keystrokes());
    await page.keyboard.type(KEYS, { delay: 20 });
    const samples = await page.evaluate(() => window.bench.keystrokes());
    const bytes = await page.evaluate(() => window.bench.bodyBytes());
    const sorted = [...samples].sort((a, b) => a - b);
    const p95 = sorted[Math.floor(sorted.length * 0.95)];
    const med = median(samples);
    row('composer body size for the keystroke bench', bytes, 'B', null);
    row(`composer keystroke → paint-ready, median of ${samples.length}`, med, 'ms', 8);
    row('composer keystroke → paint-ready, p95', p95, 'ms', null);
  });
}
