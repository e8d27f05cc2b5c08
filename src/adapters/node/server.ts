/**
 * The reference server (issue 5): Fastify serving the HTTP + WebSocket contract
 * (adapters/contract) over the backend of `backend.ts`, plus sign-in, uploads, signed file
 * downloads and, optionally, a static directory (the built demo) at `/`.
 *
 * ```ts
 * const server = await startServer(loadConfig());
 * // … later
 * await server.close(); // sockets closed with CLOSE_SHUTDOWN, requests finished, store closed
 * ```
 */
import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import fastifyCors from '@fastify/cors';
import fastifyMultipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import fastifyWebsocket from '@fastify/websocket';
import Fastify, { type FastifyInstance } from 'fastify';
import { CLOSE_SHUTDOWN } from '../contract/index.js';
import type { MemoryBackend, MemoryBackendOptions } from '../memory/index.js';
import { AGENTS } from '../memory/seed/people.js';
import { Credentials } from './auth/credentials.js';
import { decorateCallers } from './auth/guards.js';
import { identityVerifier } from './auth/identity.js';
import { deriveKeys, resolveSecret } from './auth/keys.js';
import { registerSessionRoutes } from './auth/session-routes.js';
import { Tokens } from './auth/tokens.js';
import { openBackend } from './backend.js';
import type { ServerConfig } from './config.js';
import { installErrorHandling } from './errors.js';
import { AgentLive } from './live/agent-socket.js';
import { registerLiveRoutes } from './live/live-routes.js';
import { SocketRegistry } from './live/socket-registry.js';
import { VisitorLive } from './live/visitor-socket.js';
import { loggerOptions } from './logger.js';
import { registerAdapterRoutes } from './routes.js';
import type { MailLog } from './mail/inbound/mail-log.js';
import { MailService, type MailServiceTuning } from './mail/mail-service.js';
import { createOutbound, type Outbound } from './mail/outbound/outbound.js';
import { registerSentMailRoutes } from './mail/outbound/sent-mail-route.js';
import { FileStore } from './uploads/file-store.js';
import { FileUrls } from './uploads/file-urls.js';
import { registerFilesRoute } from './uploads/files-route.js';
import { registerUploadRoutes } from './uploads/upload-route.js';

export interface CreateServerOptions {
  /** Extra backend options (tests and benches: seed, clock). */
  backend?: MemoryBackendOptions;
  /** The clock of tokens and file URLs; default the system's. */
  now?: () => Date;
  /** Where log lines go instead of stdout. */
  logStream?: { write(line: string): void };
  /** Mail-in tuning (tests and benches: IMAP backoff, IDLE delay, batch sizes, limits). */
  mail?: MailServiceTuning;
}

export interface AtentoServer {
  app: FastifyInstance;
  backend: MemoryBackend;
  config: ServerConfig;
  /** Issues tokens without a login (the conformance harness, benches, admin scripts). */
  tokens: Tokens;
  credentials: Credentials;
  files: FileStore;
  fileUrls: FileUrls;
  live: { agents: AgentLive; visitors: VisitorLive; sockets: SocketRegistry };
  /** Mail out: the delivery hook of the backend and the record of mail sent without a relay. */
  outbound: Outbound;
  /** Stops accepting, closes sockets with `CLOSE_SHUTDOWN`, finishes requests, closes the store. */
  close(): Promise<void>;
}

/** Maximum WebSocket frame from a client: only `ping` and `resume` frames are expected. */
const MAX_CLIENT_FRAME = 4096;

export async function createServer(
  config: ServerConfig,
  options: CreateServerOptions = {},
): Promise<AtentoServer> {
  await mkdir(config.dataDir, { recursive: true });
  const keys = deriveKeys(await resolveSecret(config.dataDir, config.secret));
  const tokens = new Tokens(
    keys,
    { agentSeconds: config.tokenTtlSeconds, deviceSeconds: config.deviceTokenTtlSeconds },
    options.now,
  );
  const fileUrls = new FileUrls(
    keys.fileUrl,
    config.fileUrlTtlSeconds,
    config.publicUrl,
    options.now,
  );
  const fileUrl = (id: string) => fileUrls.url(id);
  const files = new FileStore(config.dataDir);
  await files.open();
  const credentials = await Credentials.open(
    join(config.dataDir, 'credentials.json'),
    AGENTS.map((a) => ({ email: a.email, agentId: a.id })),
    config.demoPassword,
  );
  // Mail out (F-6.5): committed emails leave through their mailbox's SMTP relay, or are recorded
  // in dataDir/sent-mail (shown at /dev/mail) when it has none; a copy goes to its IMAP Sent.
  const outbound = createOutbound({
    mailboxes: config.mail.mailboxes,
    files,
    dataDir: config.dataDir,
  });
  const handle = await openBackend({
    dataDir: config.dataDir,
    store: config.store,
    undoSendSeconds: config.undoSendSeconds,
    options: { verifyIdentity: identityVerifier(config.identitySecret), ...options.backend },
    delivery: { deliver: outbound.deliver },
  });
  const { backend } = handle;

  const app = Fastify({
    logger: loggerOptions(config.logLevel, options.logStream),
    bodyLimit: config.bodyLimit,
    ajv: {
      customOptions: {
        coerceTypes: false,
        removeAdditional: false,
        allErrors: false,
        useDefaults: false,
      },
    },
  });
  const sockets = new SocketRegistry(config.heartbeatTimeoutMs);
  const agents = new AgentLive(backend, sockets, config.eventBufferSize, config.agentGraceMs);
  const visitors = new VisitorLive(backend, sockets);
  outbound.setLog(app.log.child({ component: 'mail-out' }));

  try {
    acceptEmptyJsonBodies(app);
    decorateCallers(app);
    installErrorHandling(app, config.bodyLimit);
    app.addHook('onSend', async (_request, reply) => {
      reply.header('x-content-type-options', 'nosniff');
    });
    await app.register(fastifyCors, {
      origin: config.allowedOrigins.length ? config.allowedOrigins : false,
      methods: ['GET', 'POST', 'PUT', 'DELETE'],
      allowedHeaders: ['authorization', 'content-type'],
      maxAge: 600,
    });
    await app.register(fastifyMultipart);
    await app.register(fastifyWebsocket, {
      options: { maxPayload: MAX_CLIENT_FRAME },
      preClose(done) {
        sockets.closeAll(CLOSE_SHUTDOWN, 'The server is shutting down.');
        done();
      },
    });
    registerSessionRoutes(app, { backend, tokens, credentials });
    registerAdapterRoutes(app, backend, tokens);
    registerUploadRoutes(app, { backend, tokens, files, fileUrl });
    registerFilesRoute(app, files, fileUrls);
    registerLiveRoutes(app, { backend, tokens, agents, visitors });
    registerSentMailRoutes(app, { sentMail: outbound.sentMail, tokens, credentials });
    if (config.staticDir) {
      await app.register(fastifyStatic, { root: resolve(config.staticDir), prefix: '/' });
    }
    await app.ready();
  } catch (error) {
    await app.close().catch(() => {});
    await handle.close();
    await outbound.close(0);
    throw error;
  }

  let closing: Promise<void> | undefined;
  return {
    app,
    backend,
    config,
    tokens,
    credentials,
    files,
    fileUrls,
    live: { agents, visitors, sockets },
    outbound,
    close() {
      closing ??= (async () => {
        sockets.closeAll(CLOSE_SHUTDOWN, 'The server is shutting down.');
        try {
          await app.close();
        } finally {
          agents.dispose();
          await handle.close();
          await outbound.close(5000);
        }
      })();
      return closing;
    },
  };
}

/** Creates the server and listens on `config.host:config.port`; `url` is where it listens. */
export async function startServer(
  config: ServerConfig,
  options: CreateServerOptions = {},
): Promise<AtentoServer & { url: string; mail: MailService }> {
  const server = await createServer(config, options);
  const mail = new MailService({
    config: config.mail,
    backend: server.backend,
    files: server.files,
    fileUrl: (id) => server.fileUrls.url(id),
    log: mailLog(server.app),
    tuning: options.mail,
  });
  try {
    await server.app.listen({ port: config.port, host: config.host });
    await mail.start();
  } catch (error) {
    await mail.stop();
    await server.close();
    throw error;
  }
  const address = server.app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const host = config.host.includes(':') ? `[${config.host}]` : config.host;
  let closing: Promise<void> | undefined;
  return {
    ...server,
    url: `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${port}`,
    mail,
    close() {
      // Mail in stops first: nothing is filed into a store that is closing.
      closing ??= mail.stop().finally(() => server.close());
      return closing;
    },
  };
}

/** The mail-in side's logger: the server's, tagged `component: mail`. */
function mailLog(app: FastifyInstance): MailLog {
  const log = app.log.child({ component: 'mail' });
  return {
    debug: (fields, message) => log.debug(fields, message),
    info: (fields, message) => log.info(fields, message),
    warn: (fields, message) => log.warn(fields, message),
    error: (fields, message) => log.error(fields, message),
  };
}

/**
 * Fastify refuses an empty body declared as JSON; a `POST` without arguments (`/read`,
 * `/cancel`) sent by a client that always sets the header is accepted as having no body.
 */
function acceptEmptyJsonBodies(app: FastifyInstance): void {
  const parse = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    if (body === '') done(null, undefined);
    else parse(request, body as string, done);
  });
}
