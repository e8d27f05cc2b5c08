#!/usr/bin/env node
// `npm start`: builds the demo pages (demo/ → build/demo/) and starts the reference server on its
// embedded default — SQLite under ./data, seeded with the demo data on first run — serving the
// API and the demo at http://127.0.0.1:3000/ (PORT, HOST and the ATENTO_* variables of
// src/adapters/node/config.ts override it). Ctrl+C stops it gracefully.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const root = fileURLToPath(new URL('..', import.meta.url));
await build({ configFile: `${root}vite.demo.config.ts`, logLevel: 'warn' });

const server = spawn(process.execPath, ['--import', 'tsx', `${root}src/adapters/node/main.ts`], {
  stdio: 'inherit',
  cwd: root,
  env: { ...process.env, ATENTO_STATIC_DIR: process.env.ATENTO_STATIC_DIR ?? `${root}build/demo` },
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
