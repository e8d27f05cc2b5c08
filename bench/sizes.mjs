// Bundle sizes of the library build: each entry module with everything it imports (its static
// import graph inside dist/), and each shared chunk on its own, raw, gzip and brotli.
// Run `npm run build` first; `npm run bench` does both.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const dist = resolve(import.meta.dirname, '../dist');

function files(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'types' ? [] : files(path);
    return path.endsWith('.js') ? [path] : [];
  });
}

/** Static imports of a built module, resolved to files in dist/. */
function imports(path) {
  const code = readFileSync(path, 'utf8');
  const specs = [
    ...code.matchAll(/(?:^|[;\s}])(?:import|export)\s*(?:[^'";]*?from\s*)?["']([^"']+)["']/g),
  ];
  return specs
    .map((m) => m[1])
    .filter((s) => s.startsWith('.'))
    .map((s) => resolve(dirname(path), s));
}

function graph(entry, seen = new Set()) {
  if (seen.has(entry)) return seen;
  seen.add(entry);
  for (const dep of imports(entry)) graph(dep, seen);
  return seen;
}

function measure(paths) {
  const source = Buffer.concat([...paths].map((p) => readFileSync(p)));
  return {
    raw: source.length,
    gzip: gzipSync(source, { level: 9 }).length,
    brotli: brotliCompressSync(source, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11 },
    }).length,
  };
}

/** Dynamic imports of a built module, resolved to files in dist/. */
function dynamicImports(path) {
  const code = readFileSync(path, 'utf8');
  return [...code.matchAll(/import\(\s*[`'"](\.[^`'"]+)[`'"]\s*\)/g)].map((m) =>
    resolve(dirname(path), m[1]),
  );
}

/**
 * Everything an opened <chat-widget> loads: the loader, then what it imports on open (window,
 * session, HTTP adapter) with their static imports — not the emoji picker, loaded only if used.
 */
function openedWidget() {
  const files = graph(resolve(dist, 'chat-widget.js'));
  for (const lazy of dynamicImports(resolve(dist, 'chat-widget.js'))) graph(lazy, files);
  return [...files];
}

/** Every module reachable from `entry`, static and dynamic imports alike (what an app can load). */
function everything(entry, seen = new Set()) {
  if (seen.has(entry)) return seen;
  seen.add(entry);
  for (const dep of [...imports(entry), ...dynamicImports(entry)]) everything(dep, seen);
  return seen;
}

export function sizes() {
  const all = files(dist);
  const chunks = all.filter((p) => relative(dist, p).startsWith('chunks/'));
  const entries = all.filter((p) => !chunks.includes(p));
  const rows = [];
  for (const entry of entries) {
    const own = measure([entry]);
    const total = measure(graph(entry));
    rows.push({ measure: `${relative(dist, entry)} (own)`, ...own });
    rows.push({ measure: `${relative(dist, entry)} (with imports)`, ...total });
  }
  for (const chunk of chunks) rows.push({ measure: relative(dist, chunk), ...measure([chunk]) });
  rows.push({
    measure: 'chat-widget opened (loader, window, session, HTTP adapter; no emoji)',
    ...measure(openedWidget()),
  });
  rows.push({
    measure: 'agent bundle (agent-panel and every module it can load, emoji picker included)',
    ...measure(everything(resolve(dist, 'agent-panel.js'))),
  });
  return rows;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const kb = (n) => `${(n / 1024).toFixed(1)} kB`;
  console.table(
    sizes().map((r) => ({
      module: r.measure,
      raw: kb(r.raw),
      gzip: kb(r.gzip),
      brotli: kb(r.brotli),
    })),
  );
}
