#!/usr/bin/env node
// Node tests: `node --import tsx --test` over test/**/*.node.test.ts (Node 20 has no globs in
// --test, so the files are found here). Extra arguments go to node, e.g.
//   node scripts/test-node.mjs --test-name-pattern=drafts
// The output streams as it comes; the run ends with a line `node: N passed, N failed`.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { findFiles } from './find-files.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));

const files = findFiles('test', '.node.test.ts');
if (files.length === 0) {
  console.log('no test/**/*.node.test.ts files');
  console.log('node: 0 passed, 0 failed');
  process.exit(0);
}

const child = spawn(
  process.execPath,
  ['--import', 'tsx', '--test', ...process.argv.slice(2), ...files],
  { cwd: root, stdio: ['inherit', 'pipe', 'inherit'] },
);

const counts = { pass: 0, fail: 0, cancelled: 0 };
let pending = '';
child.stdout.on('data', (chunk) => {
  process.stdout.write(chunk);
  pending += chunk.toString();
  const lines = pending.split('\n');
  pending = lines.pop() ?? '';
  for (const line of lines) readSummary(line);
});
child.on('close', (code, signal) => {
  readSummary(pending);
  let failed = counts.fail + counts.cancelled;
  if (code !== 0 && failed === 0) failed = 1; // the runner itself failed
  console.log(`\nnode: ${counts.pass} passed, ${failed} failed`);
  process.exit(code ?? (signal ? 1 : 0));
});

/** Node's closing summary: `# pass 3` (TAP, when piped) or `ℹ pass 3` (spec, on a terminal). */
function readSummary(line) {
  // eslint-disable-next-line no-control-regex
  const m = /^(?:#|ℹ) (pass|fail|cancelled) (\d+)\s*$/.exec(line.replace(/\x1b\[[0-9;]*m/g, ''));
  if (m) counts[m[1]] = Number(m[2]);
}
