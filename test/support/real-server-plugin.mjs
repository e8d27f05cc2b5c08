// A @web/test-runner plugin that starts reference servers for browser tests (test/support/
// real-server.ts calls it through `executeServerCommand`). Each server is a child process
// (test/support/real-server-process.ts) so the TypeScript server code runs under tsx, apart
// from the test runner; every server still running is stopped when the run ends.
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const script = fileURLToPath(new URL('./real-server-process.ts', import.meta.url));

/** Waits for the child's next IPC message of a type. */
function next(child, type, timeoutMs = 20_000) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => done(new Error(`real server: no "${type}" in ${timeoutMs} ms`)),
      timeoutMs,
    );
    const onMessage = (message) => message?.type === type && done(null, message);
    const onExit = (code) => done(new Error(`real server exited (${code}) before "${type}"`));
    function done(error, value) {
      clearTimeout(timer);
      child.off('message', onMessage);
      child.off('exit', onExit);
      if (error) reject(error);
      else resolve(value);
    }
    child.on('message', onMessage);
    child.once('exit', onExit);
  });
}

export function realServerPlugin() {
  const servers = new Map();
  let ids = 0;
  return {
    name: 'atento-real-server',
    async executeCommand({ command, payload }) {
      if (command === 'atento-server-start') {
        const child = fork(script, [JSON.stringify(payload ?? {})], {
          execArgv: ['--import', 'tsx'],
          stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
        });
        const ready = await next(child, 'ready');
        const id = String(++ids);
        servers.set(id, child);
        return { id, url: ready.url };
      }
      const child = servers.get(payload?.id);
      if (command === 'atento-server-stop') {
        if (!child) return true;
        servers.delete(payload.id);
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.send({ type: 'stop' });
        await exited;
        return true;
      }
      if (command === 'atento-server-mail') {
        if (!child) throw new Error(`real server ${payload?.id} is not running`);
        const answer = next(child, 'mail');
        child.send({ type: 'mail', mail: payload.mail });
        return (await answer).messageId;
      }
      if (command === 'atento-server-drop-sockets') {
        if (!child) throw new Error(`real server ${payload?.id} is not running`);
        const answer = next(child, 'dropped');
        child.send({ type: 'drop-sockets' });
        await answer;
        return true;
      }
      return undefined;
    },
    async serverStop() {
      for (const child of servers.values()) child.kill();
      servers.clear();
    },
  };
}
