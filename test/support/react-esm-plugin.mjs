// A @web/test-runner plugin serving React 19 as one ES module at `/__react-esm.js` (React ships
// CommonJS only, which a browser cannot import): esbuild bundles it once, on first request.
// test/interop/react.test.ts imports it.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const ENTRY = `
import * as React from 'react';
import * as ReactDOMClient from 'react-dom/client';
import { flushSync } from 'react-dom';
export { React, ReactDOMClient, flushSync };
`;

export function reactEsmPlugin() {
  let bundle;
  return {
    name: 'atento-react-esm',
    async serve(context) {
      if (context.path !== '/__react-esm.js') return undefined;
      bundle ??= build({
        stdin: { contents: ENTRY, resolveDir: root, loader: 'js' },
        bundle: true,
        format: 'esm',
        platform: 'browser',
        write: false,
        define: { 'process.env.NODE_ENV': '"development"' },
        logLevel: 'silent',
      }).then((result) => result.outputFiles[0].text);
      return { body: await bundle, type: 'js' };
    },
  };
}
