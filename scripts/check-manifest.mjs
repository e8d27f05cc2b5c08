#!/usr/bin/env node
// Fails when custom-elements.json differs from what the analyzer generates now.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
// The analyzer joins --outdir to the working directory, so the scratch dir lives in the repo.
const scratch = 'node_modules/.cache/atento-manifest-check';
const cem = fileURLToPath(
  new URL('../node_modules/@custom-elements-manifest/analyzer/cem.js', import.meta.url),
);

rmSync(root + scratch, { recursive: true, force: true });
const run = spawnSync(process.execPath, [cem, 'analyze', '--outdir', scratch, '--quiet'], {
  cwd: root,
  stdio: 'inherit',
});
if (run.status !== 0) {
  console.error('manifest: the analyzer failed');
  process.exit(1);
}

const fresh = readFileSync(`${root}${scratch}/custom-elements.json`, 'utf8');
const committed = existsSync(`${root}custom-elements.json`)
  ? readFileSync(`${root}custom-elements.json`, 'utf8')
  : null;
rmSync(root + scratch, { recursive: true, force: true });

if (committed !== fresh) {
  console.error('custom-elements.json is stale: run npm run manifest');
  process.exit(1);
}
console.log('custom-elements.json is fresh');
