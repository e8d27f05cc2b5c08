#!/usr/bin/env node
// `npm test`: lint, type check, manifest freshness, browser tests, node tests — every step runs
// even when an earlier one fails. Tool output streams as it comes. The run ends with
//   wtr: N passed, N failed, N skipped
//   node: N passed, N failed
//   N passed, N failed
// where lint, typecheck and manifest count as one check each. Exit code 1 if anything failed.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { findFiles } from './find-files.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = (name) => `${root}node_modules/.bin/${name}`;
const env = { ...process.env, ...(process.stdout.isTTY ? { FORCE_COLOR: '1' } : {}) };

/** Runs a command, streaming its output; resolves with its exit code and stdout text. */
function run(command, args) {
  console.log(`\n$ ${[command.replace(root, ''), ...args].join(' ')}`);
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    child.stdout.on('data', (chunk) => {
      process.stdout.write(chunk);
      stdout += chunk.toString();
    });
    child.stderr.on('data', (chunk) => process.stderr.write(chunk));
    child.on('error', (error) => {
      console.error(`${command}: ${error.message}`);
      resolve({ code: 1, stdout });
    });
    child.on('close', (code, signal) => resolve({ code: code ?? (signal ? 1 : 0), stdout }));
  });
}

/** The last `<label>: N passed, N failed[, N skipped]` line of a step's output. */
function closingLine(label, stdout) {
  // eslint-disable-next-line no-control-regex
  const plain = stdout.replace(/\x1b\[[0-9;]*[A-Za-z]/g, '');
  const re = new RegExp(`^${label}: (\\d+) passed, (\\d+) failed(?:, (\\d+) skipped)?\\s*$`, 'gm');
  let last = null;
  for (const m of plain.matchAll(re)) last = m;
  return last && { passed: +last[1], failed: +last[2], skipped: +(last[3] ?? 0) };
}

/** A step that is one check: passed when every command exits 0. */
const check = (name, commands) => ({
  name,
  async run() {
    let ok = true;
    for (const [command, args] of commands) ok = (await run(command, args)).code === 0 && ok;
    return { passed: ok ? 1 : 0, failed: ok ? 0 : 1, skipped: 0 };
  },
});

/** A step that runs tests and prints its own `<name>: N passed, N failed` closing line. */
const tests = (name, command, args, hasTests) => ({
  name,
  counted: true,
  async run() {
    if (!hasTests()) {
      console.log(`\n${name}: no test files`);
      return { passed: 0, failed: 0, skipped: 0 };
    }
    const { code, stdout } = await run(command, args);
    const counts = closingLine(name, stdout) ?? { passed: 0, failed: 0, skipped: 0 };
    // A runner that failed without reporting a failing test still fails the run.
    if (code !== 0 && counts.failed === 0) counts.failed = 1;
    return counts;
  },
});

const steps = [
  check('lint', [
    [bin('eslint'), ['.']],
    [bin('prettier'), ['--check', '.']],
  ]),
  check('typecheck', [[bin('tsc'), ['--noEmit']]]),
  check('manifest', [[process.execPath, ['scripts/check-manifest.mjs']]]),
  tests('wtr', bin('wtr'), [], () =>
    findFiles('test', '.test.ts').some((f) => !f.endsWith('.node.test.ts')),
  ),
  tests(
    'node',
    process.execPath,
    ['scripts/test-node.mjs'],
    () => findFiles('test', '.node.test.ts').length > 0,
  ),
];

const results = [];
for (const step of steps) {
  console.log(`\n━━ ${step.name} ${'━'.repeat(Math.max(0, 70 - step.name.length))}`);
  const started = performance.now();
  const counts = await step.run();
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const ok = counts.failed === 0;
  console.log(`\n${ok ? '✔' : '✖'} ${step.name} ${ok ? 'passed' : 'FAILED'} (${seconds}s)`);
  results.push({ ...step, counts, ok, seconds });
}

console.log(`\n━━ summary ${'━'.repeat(63)}`);
for (const r of results) {
  const detail = r.counted ? ` — ${r.counts.passed} passed, ${r.counts.failed} failed` : '';
  console.log(`${r.ok ? '✔' : '✖'} ${r.name.padEnd(10)} ${r.seconds.padStart(6)}s${detail}`);
}
console.log('');
for (const r of results.filter((r) => r.counted)) {
  const skipped = r.name === 'wtr' ? `, ${r.counts.skipped} skipped` : '';
  console.log(`${r.name}: ${r.counts.passed} passed, ${r.counts.failed} failed${skipped}`);
}
const passed = results.reduce((n, r) => n + r.counts.passed, 0);
const failed = results.reduce((n, r) => n + r.counts.failed, 0);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
