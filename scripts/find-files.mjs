// Shared by the test scripts: Node 20 has neither fs.globSync nor globs in `node --test`.
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

/** Files under `dir` (relative to the repo root) whose name ends in `suffix`, sorted. */
export function findFiles(dir, suffix) {
  const found = [];
  const walk = (abs) => {
    let entries;
    try {
      entries = readdirSync(abs, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      if (e.name === 'node_modules' || e.name.startsWith('.')) continue;
      const p = join(abs, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith(suffix)) found.push(relative(root, p));
    }
  };
  walk(join(root, dir));
  return found.sort();
}
