// Debian's Chromium (never a downloaded browser) and the flags every headless run here uses: the
// browser tests (web-test-runner.config.mjs), the benchmarks (bench/browser.mjs) and
// scripts/screenshot.mjs. CHROME_PATH overrides /usr/bin/chromium.

export const chromePath = process.env.CHROME_PATH || '/usr/bin/chromium';

export const chromeArgs = [
  '--no-sandbox',
  '--headless=new',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
