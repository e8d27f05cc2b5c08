// `npm run bench`: runs every benchmark and prints one table (measure, value, budget, result),
// also written as JSON to bench/results/<date>.json. Budgets come from the issues; a missed budget
// is reported, never tuned away.
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { composerBench } from './composer.bench.mjs';
import { emailBench } from './email.bench.mjs';
import { listBench } from './list.bench.mjs';
import { mailBench } from './mail.bench.mjs';
import { serverBench } from './server.bench.mjs';
import { sizes } from './sizes.mjs';
import { threadBench } from './thread.bench.mjs';

/** Budgets in bytes (gzip) by measure name; measures without one are reported only. */
const budgets = {
  'mail-composer.js (with imports)': 90 * 1024,
  'chat-widget.js (with imports)': 8 * 1024,
  'chat-widget opened (loader, window, session, HTTP adapter; no emoji)': 45 * 1024,
};

const rows = sizes().map((r) => {
  const budget = budgets[r.measure];
  return {
    measure: `size ${r.measure} (gzip)`,
    value: r.gzip,
    unit: 'B',
    brotli: r.brotli,
    budget: budget ?? null,
    result: budget === undefined ? '—' : r.gzip <= budget ? 'pass' : 'FAIL',
  };
});

/** Browser measures: { measure, value, unit, budget, result }. */
const browserRows = [
  ...(await threadBench()),
  ...(await listBench()),
  ...(await emailBench()),
  ...(await composerBench()),
  ...(await serverBench()),
  ...(await mailBench()),
];

const kB = (bytes) => `${(bytes / 1024).toFixed(1)} kB`;
const fmt = (v, unit) =>
  unit === 'ms'
    ? `${v.toFixed(1)} ms`
    : unit === 'B'
      ? `${(v / 1024 / 1024).toFixed(2)} MB`
      : unit === 'kB'
        ? `${v.toFixed(1)} kB`
        : String(v);
// One table: sizes (gzip, with brotli beside it) then timings and server measures.
console.table([
  ...rows.map((r) => ({
    measure: r.measure,
    value: `${kB(r.value)} (br ${kB(r.brotli)})`,
    budget: r.budget === null ? '—' : kB(r.budget),
    result: r.result,
  })),
  ...browserRows.map((r) => ({
    measure: r.measure,
    value: fmt(r.value, r.unit),
    budget: r.budget === null ? '—' : fmt(r.budget, r.unit),
    result: r.result,
  })),
]);
rows.push(...browserRows);
const dir = resolve(import.meta.dirname, 'results');
mkdirSync(dir, { recursive: true });
const file = resolve(dir, `${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
writeFileSync(file, JSON.stringify({ date: new Date().toISOString(), rows }, null, 2));
console.log(`written ${file}`);
if (rows.some((r) => r.result === 'FAIL')) process.exitCode = 1;
