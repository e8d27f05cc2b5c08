/**
 * A second process for the SQLite store tests: `open-child.ts <path> hold|open [busyTimeoutMs]`.
 * `hold` opens the store, prints `ready` and keeps it open until stdin closes; `open` tries to
 * open it and prints `{"ok":true}` or `{"error":"…"}`.
 */
import { openSqliteStore } from '../../../../src/adapters/node/store/index.js';

const [path = '', mode = 'open', timeout = '100'] = process.argv.slice(2);
try {
  const store = openSqliteStore(path, { busyTimeoutMs: Number(timeout) });
  if (mode === 'hold') {
    console.log('ready');
    process.stdin.resume();
    process.stdin.on('end', () => store.close());
  } else {
    store.close();
    console.log(JSON.stringify({ ok: true }));
  }
} catch (error) {
  console.log(JSON.stringify({ error: (error as Error).message }));
}
