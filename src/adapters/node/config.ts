/**
 * The reference server's settings (issue 5). Every setting has a default, may come from a JSON
 * file, and is overridden by an environment variable:
 *
 * | env var | file key | default | meaning |
 * | --- | --- | --- | --- |
 * | `PORT` | `port` | `3000` | TCP port (`0` picks a free one) |
 * | `HOST` | `host` | `127.0.0.1` | interface to listen on (`0.0.0.0` for every one) |
 * | `ATENTO_DATA_DIR` | `dataDir` | `./data` | store, uploaded files, credentials, the secret |
 * | `ATENTO_STORE` | `store` | `sqlite` | `sqlite` (`dataDir/atento.db`) or `memory` (not kept) |
 * | `ATENTO_SECRET` | `secret` | generated | HMAC key of tokens and file URLs (≥ 32 chars) |
 * | `ATENTO_ALLOWED_ORIGINS` | `allowedOrigins` | none | comma list of origins allowed by CORS |
 * | `ATENTO_BODY_LIMIT` | `bodyLimit` | 16 MiB | largest JSON body, in bytes |
 * | `ATENTO_STATIC_DIR` | `staticDir` | none | directory served at `/` (the built demo) |
 * | `ATENTO_PUBLIC_URL` | `publicUrl` | `''` | origin put before file URLs (`''`: relative) |
 * | `ATENTO_LOG_LEVEL` | `logLevel` | `info` | pino level (`silent` turns logging off) |
 * | `ATENTO_TOKEN_TTL` | `tokenTtlSeconds` | 12 h | lifetime of an agent's token |
 * | `ATENTO_DEVICE_TOKEN_TTL` | `deviceTokenTtlSeconds` | 365 d | lifetime of a device token |
 * | `ATENTO_FILE_URL_TTL` | `fileUrlTtlSeconds` | 365 d | lifetime of a signed file URL |
 * | `ATENTO_UNDO_SEND_SECONDS` | `undoSendSeconds` | campaign's | overrides every undo window |
 * | `ATENTO_DEMO_PASSWORD` | `demoPassword` | `demo` | seeds agents' passwords on first run |
 * | `ATENTO_IDENTITY_SECRET` | `identitySecret` | none | verifies widget `identityHash`es (HMAC-SHA256 of the email, hex) |
 *
 * Mail (see `mail/mail-service-config.ts`): `ATENTO_MAIL_CONFIG` names a JSON file of mailboxes
 * (IMAP and SMTP settings), `ATENTO_SMTP_PORT` (default `2525`; `0` or `off` disables) and
 * `ATENTO_SMTP_HOST` (default `127.0.0.1`) place the embedded inbound SMTP listener; the file key
 * `mail` holds `{ mailboxes, inboundSmtp }`. The listener is on by default for `loadConfig` (the
 * command line) only: `DEFAULT_CONFIG` opens no SMTP port.
 *
 * When no secret is configured, one is generated on first run and kept in `dataDir/secret`
 * (mode 0600), so tokens survive restarts; it is never logged.
 */
import { readFileSync } from 'node:fs';
import type { MailConfig } from './mail/mailbox-config.js';
import {
  DEFAULT_MAIL_CONFIG as CLI_MAIL_CONFIG,
  mailConfigFromEnv,
  parseMailConfig,
} from './mail/mail-service-config.js';

export interface ServerConfig {
  port: number;
  host: string;
  dataDir: string;
  /** Where the records live: `sqlite` (durable) or `memory` (lost on exit). */
  store: 'sqlite' | 'memory';
  /** Absent: read from, or generated into, `dataDir/secret`. */
  secret?: string;
  allowedOrigins: string[];
  bodyLimit: number;
  staticDir?: string;
  publicUrl: string;
  logLevel: string;
  tokenTtlSeconds: number;
  deviceTokenTtlSeconds: number;
  /**
   * File URLs are minted once, at upload, and stored inside messages, so they must outlive the
   * session that uploaded them by far: the signature proves the server minted the link, the
   * expiry bounds a leaked one. (Signing at read time would allow short lifetimes; the backend
   * has no hook for it yet.)
   */
  fileUrlTtlSeconds: number;
  undoSendSeconds?: number;
  /** Password given to every seed agent when `credentials.json` does not exist yet. */
  demoPassword: string;
  /**
   * The key a host site signs its visitors' emails with (`identityHash` = hex HMAC-SHA256 of the
   * email): with it a wrong hash is refused and a right one marks the visitor verified.
   */
  identitySecret?: string;
  /** Sockets silent for longer are closed (tests shorten it). */
  heartbeatTimeoutMs: number;
  /** Agent events kept for `resume`; older ones answer `reset`. */
  eventBufferSize: number;
  /**
   * How long the server keeps listening to agent events after the last agent socket closed, so
   * an agent whose connection dropped resumes without losing events. The agent counts as online
   * (for visitors and other agents) during that time too.
   */
  agentGraceMs: number;
  /** Mailboxes (IMAP in, SMTP out) and the embedded inbound SMTP listener (F-6.4, F-6.5). */
  mail: MailConfig;
}

const MiB = 1024 * 1024;

export const DEFAULT_CONFIG: ServerConfig = {
  port: 3000,
  host: '127.0.0.1',
  dataDir: './data',
  store: 'sqlite',
  allowedOrigins: [],
  bodyLimit: 16 * MiB,
  publicUrl: '',
  logLevel: 'info',
  tokenTtlSeconds: 12 * 3600,
  deviceTokenTtlSeconds: 365 * 24 * 3600,
  fileUrlTtlSeconds: 365 * 24 * 3600,
  demoPassword: 'demo',
  heartbeatTimeoutMs: 50_000,
  eventBufferSize: 5000,
  agentGraceMs: 25_000,
  mail: { mailboxes: [], inboundSmtp: null },
};

type Kind = 'int' | 'string' | 'list' | 'number';

const ENV: ReadonlyArray<[string, keyof ServerConfig, Kind]> = [
  ['PORT', 'port', 'int'],
  ['HOST', 'host', 'string'],
  ['ATENTO_DATA_DIR', 'dataDir', 'string'],
  ['ATENTO_STORE', 'store', 'string'],
  ['ATENTO_SECRET', 'secret', 'string'],
  ['ATENTO_ALLOWED_ORIGINS', 'allowedOrigins', 'list'],
  ['ATENTO_BODY_LIMIT', 'bodyLimit', 'int'],
  ['ATENTO_STATIC_DIR', 'staticDir', 'string'],
  ['ATENTO_PUBLIC_URL', 'publicUrl', 'string'],
  ['ATENTO_LOG_LEVEL', 'logLevel', 'string'],
  ['ATENTO_TOKEN_TTL', 'tokenTtlSeconds', 'int'],
  ['ATENTO_DEVICE_TOKEN_TTL', 'deviceTokenTtlSeconds', 'int'],
  ['ATENTO_FILE_URL_TTL', 'fileUrlTtlSeconds', 'int'],
  ['ATENTO_UNDO_SEND_SECONDS', 'undoSendSeconds', 'number'],
  ['ATENTO_DEMO_PASSWORD', 'demoPassword', 'string'],
  ['ATENTO_IDENTITY_SECRET', 'identitySecret', 'string'],
];

const KINDS: Record<string, Kind> = Object.fromEntries(ENV.map(([, key, kind]) => [key, kind]));
KINDS['heartbeatTimeoutMs'] = 'int';
KINDS['eventBufferSize'] = 'int';
KINDS['agentGraceMs'] = 'int';

/**
 * Defaults, then the JSON file (when given), then environment variables. Throws an `Error`
 * naming the variable or key for any value of the wrong shape, so a typo stops the start.
 */
export function loadConfig(
  env: Record<string, string | undefined> = process.env,
  file?: string,
): ServerConfig {
  // The command line listens for mail on 2525 unless told otherwise; a server started from code
  // (tests, an embedding app) opens no SMTP port unless its config asks for one.
  const config: Record<string, unknown> = { ...DEFAULT_CONFIG, mail: CLI_MAIL_CONFIG };
  if (file) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(readFileSync(file, 'utf8'));
    } catch (error) {
      throw new Error(`Cannot read the config file ${file}: ${(error as Error).message}`);
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
      throw new Error(`The config file ${file} must hold a JSON object.`);
    for (const [key, value] of Object.entries(parsed)) {
      if (key === 'mail') {
        config['mail'] = parseMailConfig(value, `${file}: mail`);
        continue;
      }
      const kind = KINDS[key];
      if (!kind) throw new Error(`Unknown key "${key}" in ${file}.`);
      config[key] = fromFile(value, kind, `${file}: ${key}`);
    }
  }
  for (const [name, key, kind] of ENV) {
    const raw = env[name];
    if (raw !== undefined && raw !== '') config[key] = fromEnv(raw, kind, name);
  }
  config['mail'] = mailConfigFromEnv(env, config['mail'] as MailConfig);
  return checked(config as unknown as ServerConfig);
}

function fromEnv(raw: string, kind: Kind, name: string): unknown {
  if (kind === 'string') return raw;
  if (kind === 'list')
    return raw
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
  const value = Number(raw);
  if (!Number.isFinite(value) || (kind === 'int' && !Number.isInteger(value)))
    throw new Error(`${name} must be ${kind === 'int' ? 'an integer' : 'a number'}, not "${raw}".`);
  return value;
}

function fromFile(value: unknown, kind: Kind, where: string): unknown {
  const ok =
    kind === 'string'
      ? typeof value === 'string'
      : kind === 'list'
        ? Array.isArray(value) && value.every((v) => typeof v === 'string')
        : typeof value === 'number' && (kind === 'number' || Number.isInteger(value));
  if (!ok)
    throw new Error(`${where} must be ${kind === 'list' ? 'a list of strings' : `a ${kind}`}.`);
  return value;
}

function checked(config: ServerConfig): ServerConfig {
  if (config.port < 0 || config.port > 65535)
    throw new Error(`PORT ${config.port} is out of range.`);
  for (const key of [
    'bodyLimit',
    'tokenTtlSeconds',
    'deviceTokenTtlSeconds',
    'fileUrlTtlSeconds',
    'heartbeatTimeoutMs',
    'eventBufferSize',
  ] as const) {
    if (!(config[key] > 0)) throw new Error(`${key} must be positive.`);
  }
  if (!(config.agentGraceMs >= 0)) throw new Error('agentGraceMs cannot be negative.');
  if (config.secret !== undefined && config.secret.length < 32)
    throw new Error('ATENTO_SECRET must be at least 32 characters long.');
  if (config.store !== 'sqlite' && config.store !== 'memory')
    throw new Error(`ATENTO_STORE must be sqlite or memory, not "${String(config.store)}".`);
  if (config.undoSendSeconds !== undefined && config.undoSendSeconds < 0)
    throw new Error('undoSendSeconds cannot be negative.');
  for (const origin of config.allowedOrigins) {
    if (!/^https?:\/\/[^/\s]+$/.test(origin))
      throw new Error(`Allowed origin "${origin}" must look like https://host[:port].`);
  }
  return config;
}
