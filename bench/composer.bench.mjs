/* global window */
// Browser benchmark of <mail-composer> (issue 4): keystroke to paint-ready in a ~100 KB body.
// Playwright types real keys into headless Chromium; the page measures keydown → transaction
// applied → style and layout recomputed, for each key (see bench/pages/composer.ts).
import { median, startBrowser } from './browser.mjs';

const KEYS = 'Gracias por escribirnos, ya revisamos su pedido. '.repeat(3);

export async function composerBench() {
  const { server, port, browser } = await startBrowser();
  try {
    const page = await browser.newPage({ viewport: { width: 1000, height: 900 } });
    page.on('pageerror', (e) => console.error(`bench page error: ${e.message}`));
    await page.goto(`http://127.0.0.1:${port}/bench/pages/composer.html`);
    await page.waitForFunction(() => window.benchReady === true, null, { timeout: 60_000 });
    await page.keyboard.type('calentando ');
    await page.evaluate(() => window.bench.keystrokes());
    await page.keyboard.type(KEYS, { delay: 20 });
    const samples = await page.evaluate(() => window.bench.keystrokes());
    const bytes = await page.evaluate(() => window.bench.bodyBytes());
    const sorted = [...samples].sort((a, b) => a - b);
    const p95 = sorted[Math.floor(sorted.length * 0.95)];
    const med = median(samples);
    return [
      {
        measure: 'composer body size for the keystroke bench',
        value: bytes,
        unit: 'B',
        budget: null,
        result: '—',
      },
      {
        measure: `composer keystroke → paint-ready, median of ${samples.length}`,
        value: med,
        unit: 'ms',
        budget: 8,
        result: med <= 8 ? 'pass' : 'FAIL',
      },
      {
        measure: 'composer keystroke → paint-ready, p95',
        value: p95,
        unit: 'ms',
        budget: null,
        result: '—',
      },
    ];
  } finally {
    await browser.close();
    await server.close();
  }
}
