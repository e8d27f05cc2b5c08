#!/usr/bin/env node
// Full-page PNG of a URL in Debian's Chromium (playwright-core never downloads a browser):
//   node scripts/screenshot.mjs <url> <out.png> [width] [height] [--dark]
// CHROME_PATH overrides /usr/bin/chromium. --dark emulates prefers-color-scheme: dark.
import { chromium } from 'playwright-core';
import { chromeArgs, chromePath } from './chromium.mjs';

const args = process.argv.slice(2);
const dark = args.includes('--dark');
const [url, out, width = '1280', height = '800'] = args.filter((a) => a !== '--dark');
if (!url || !out) {
  console.error('usage: node scripts/screenshot.mjs <url> <out.png> [width] [height] [--dark]');
  process.exit(2);
}

const browser = await chromium.launch({
  executablePath: chromePath,
  headless: true,
  args: chromeArgs,
});
try {
  const page = await browser.newPage({
    viewport: { width: Number(width), height: Number(height) },
    colorScheme: dark ? 'dark' : 'light',
  });
  page.on('pageerror', (e) => console.error(`page error: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error' && !m.location().url.endsWith('/favicon.ico')) {
      console.error(`console error: ${m.text()} ${m.location().url}`);
    }
  });
  await page.goto(url, { waitUntil: 'networkidle' });
  await page.waitForTimeout(300);
  await page.screenshot({ path: out, fullPage: true });
  console.log(`wrote ${out}`);
} finally {
  await browser.close();
}
