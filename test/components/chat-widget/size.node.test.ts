import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build, type Metafile } from 'esbuild';

const BUDGET = 8 * 1024;
const root = fileURLToPath(new URL('../../../', import.meta.url));
const entry = 'src/components/chat-widget/chat-widget.ts';

/**
 * The loader's weight as a page downloads it before the first open (F-5.1, issue 8's size
 * budget): the entry chunk plus every chunk it imports statically, minified and gzipped one by
 * one. Dynamic imports (the window, the session, the HTTP adapter) are split out and not counted.
 */
describe('<chat-widget> loader size', () => {
  it(`is at most ${BUDGET} bytes gzipped, without lit nor the i18n catalog`, async () => {
    const result = await build({
      absWorkingDir: root,
      entryPoints: [entry],
      bundle: true,
      minify: true,
      format: 'esm',
      splitting: true,
      outdir: 'out',
      write: false,
      metafile: true,
      target: 'es2022',
      logLevel: 'silent',
    });
    const outputs = result.metafile.outputs;
    const files = new Map(result.outputFiles.map((f) => [f.path.slice(root.length), f.contents]));
    const entryOut = Object.keys(outputs).find((name) => outputs[name]!.entryPoint === entry);
    assert.ok(entryOut, 'the entry chunk');

    const loaded = new Set<string>();
    const visit = (name: string) => {
      if (loaded.has(name)) return;
      loaded.add(name);
      for (const i of outputs[name]!.imports) if (i.kind === 'import-statement') visit(i.path);
    };
    visit(entryOut);

    let gzip = 0;
    let raw = 0;
    const inputs = new Set<string>();
    for (const name of loaded) {
      const contents = files.get(name);
      assert.ok(contents, `output ${name}`);
      raw += contents.byteLength;
      gzip += gzipSync(contents, { level: 9 }).byteLength;
      for (const input of Object.keys((outputs[name] as Metafile['outputs'][string]).inputs))
        inputs.add(input);
    }
    const dynamic = Object.values(outputs).flatMap((o) =>
      o.imports.filter((i) => i.kind === 'dynamic-import').map((i) => i.path),
    );
    console.log(
      `<chat-widget> loader: ${loaded.size} chunk(s), ${raw} bytes minified, ${gzip} bytes gzip ` +
        `(budget ${BUDGET}); lazy chunks: ${new Set(dynamic).size}`,
    );

    const heavy = [...inputs].filter((i) => /node_modules\/(lit|@lit)|src\/i18n\//.test(i));
    assert.deepEqual(heavy, [], 'the loader imports neither lit nor the i18n catalog');
    assert.ok(
      ![...inputs].some((i) => i.includes('chat-widget/window/')),
      'the window is not in the loader',
    );
    assert.ok(gzip <= BUDGET, `loader is ${gzip} bytes gzip, over the ${BUDGET}-byte budget`);
  });
});
