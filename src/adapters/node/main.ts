/**
 * Command-line entry of the reference server:
 *
 * ```sh
 * node --import tsx src/adapters/node/main.ts [config.json]
 * ```
 *
 * Settings come from the environment (see `config.ts`; `ATENTO_CONFIG` may name the JSON file
 * instead of the argument). SIGINT / SIGTERM shut down gracefully: no new connections, sockets
 * closed with `CLOSE_SHUTDOWN`, requests in flight finished, the store closed; a second signal
 * exits at once.
 */
import { API_PREFIX } from '../contract/index.js';
import { AGENTS } from '../memory/seed/people.js';
import { loadConfig } from './config.js';
import { startServer } from './server.js';

async function main(): Promise<void> {
  const config = loadConfig(process.env, process.argv[2] ?? process.env['ATENTO_CONFIG']);
  const server = await startServer(config);
  const lines = [
    `atento server listening on ${server.url}`,
    `  API        ${server.url}${API_PREFIX}`,
    `  data       ${config.dataDir}`,
  ];
  if (config.staticDir) {
    lines.push(`  agent app  ${server.url}/  (${config.staticDir})`);
    lines.push(`  shop page  ${server.url}/shop.html  (a customer website with <chat-widget>)`);
  }
  const smtpPort = server.mail.listenerPort;
  if (smtpPort !== null) {
    const host = config.mail.inboundSmtp?.host ?? '127.0.0.1';
    lines.push(
      `  mail in    smtp://${host}:${smtpPort}  (try: npm run mail -- --port ${smtpPort})`,
    );
  }
  const relayed = config.mail.mailboxes.some((m) => m.smtp);
  lines.push(
    relayed
      ? `  mail out   through the SMTP relays of ATENTO_MAIL_CONFIG`
      : `  mail out   recorded, not sent: ${server.url}/dev/mail  (sign in as an agent)`,
  );
  if (config.staticDir || server.credentials.seeded) {
    const note = server.credentials.seeded ? '' : ', as set on first run';
    lines.push(`  demo logins (password "${config.demoPassword}"${note}):`);
    for (const agent of AGENTS) lines.push(`    ${agent.email.padEnd(34)} ${agent.role}`);
  }
  process.stdout.write(lines.join('\n') + '\n');

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) process.exit(1);
    stopping = true;
    server.app.log.info({ signal }, 'shutting down');
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        server.app.log.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((error: unknown) => {
  process.stderr.write(`atento server could not start: ${(error as Error).message}\n`);
  process.exit(1);
});
