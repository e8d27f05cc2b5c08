/**
 * Reads the mail part of the server's settings (see `config.ts`):
 *
 * | env var | file key | default | meaning |
 * | --- | --- | --- | --- |
 * | `ATENTO_MAIL_CONFIG` | `mail.mailboxes` | none | JSON file: `{ "mailboxes": [MailboxConfig…] }` (or the bare list) |
 * | `ATENTO_SMTP_PORT` | `mail.inboundSmtp.port` | `2525` | the embedded inbound SMTP listener; `0` or `off` disables it |
 * | `ATENTO_SMTP_HOST` | `mail.inboundSmtp.host` | `127.0.0.1` | its interface |
 *
 * In code (tests), `inboundSmtp.port: 0` picks a free port and `inboundSmtp: null` disables it.
 * Every value is checked and a wrong one throws naming where it was, so a typo stops the start;
 * passwords and tokens are never part of an error message.
 */
import { readFileSync } from 'node:fs';
import { isValidAddress, normalizeAddress } from '../../../model/index.js';
import type {
  ImapSettings,
  MailAuth,
  MailboxConfig,
  MailConfig,
  SmtpSettings,
  TlsMode,
} from './mailbox-config.js';

export const DEFAULT_MAIL_CONFIG: MailConfig = {
  mailboxes: [],
  inboundSmtp: { host: '127.0.0.1', port: 2525 },
};

type Json = Record<string, unknown>;

function object(value: unknown, where: string): Json {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new Error(`${where} must be an object.`);
  return value as Json;
}

function only(o: Json, keys: readonly string[], where: string): void {
  for (const key of Object.keys(o))
    if (!keys.includes(key)) throw new Error(`Unknown key "${key}" in ${where}.`);
}

function text(o: Json, key: string, where: string, required: true): string;
function text(o: Json, key: string, where: string, required?: false): string | undefined;
function text(o: Json, key: string, where: string, required = false): string | undefined {
  const value = o[key];
  if (value === undefined && !required) return undefined;
  if (typeof value !== 'string' || value.trim() === '')
    throw new Error(`${where}.${key} must be a non-empty string.`);
  return value;
}

function port(value: unknown, where: string, allowZero = false): number {
  if (
    typeof value !== 'number' ||
    !Number.isInteger(value) ||
    value < (allowZero ? 0 : 1) ||
    value > 65535
  )
    throw new Error(`${where} must be a port number (${allowZero ? 0 : 1}–65535).`);
  return value;
}

function tls(value: unknown, fallback: TlsMode, where: string): TlsMode {
  if (value === undefined) return fallback;
  if (value !== 'none' && value !== 'starttls' && value !== 'tls')
    throw new Error(`${where} must be "none", "starttls" or "tls".`);
  return value;
}

function auth(value: unknown, where: string): MailAuth {
  const o = object(value, where);
  only(o, ['user', 'pass', 'accessToken'], where);
  const out: MailAuth = { user: text(o, 'user', where, true) };
  const pass = o['pass'];
  const token = o['accessToken'];
  if (pass !== undefined) {
    if (typeof pass !== 'string') throw new Error(`${where}.pass must be a string.`);
    out.pass = pass;
  }
  if (token !== undefined) {
    if (typeof token !== 'string' || token === '')
      throw new Error(`${where}.accessToken must be a non-empty string.`);
    out.accessToken = token;
  }
  if (out.pass === undefined && out.accessToken === undefined)
    throw new Error(`${where} needs a pass or an accessToken.`);
  return out;
}

function imapSettings(value: unknown, where: string): ImapSettings {
  const o = object(value, where);
  only(o, ['host', 'port', 'tls', 'auth', 'mailbox', 'sentMailbox', 'syncDays', 'markSeen'], where);
  const p = o['port'] === undefined ? undefined : port(o['port'], `${where}.port`);
  const mode = tls(o['tls'], p === undefined || p === 993 ? 'tls' : 'starttls', `${where}.tls`);
  const out: ImapSettings = {
    host: text(o, 'host', where, true),
    port: p ?? (mode === 'tls' ? 993 : 143),
    tls: mode,
    auth: auth(o['auth'], `${where}.auth`),
  };
  const mailbox = text(o, 'mailbox', where);
  if (mailbox !== undefined) out.mailbox = mailbox;
  const sent = text(o, 'sentMailbox', where);
  if (sent !== undefined) out.sentMailbox = sent;
  if (o['syncDays'] !== undefined) {
    const days = o['syncDays'];
    if (typeof days !== 'number' || !(days > 0) || days > 36500)
      throw new Error(`${where}.syncDays must be a positive number of days.`);
    out.syncDays = days;
  }
  if (o['markSeen'] !== undefined) {
    if (typeof o['markSeen'] !== 'boolean')
      throw new Error(`${where}.markSeen must be true or false.`);
    out.markSeen = o['markSeen'];
  }
  return out;
}

function smtpSettings(value: unknown, where: string): SmtpSettings {
  const o = object(value, where);
  only(o, ['host', 'port', 'tls', 'auth'], where);
  const p = o['port'] === undefined ? undefined : port(o['port'], `${where}.port`);
  const mode = tls(o['tls'], p === 465 ? 'tls' : 'starttls', `${where}.tls`);
  const out: SmtpSettings = {
    host: text(o, 'host', where, true),
    port: p ?? (mode === 'tls' ? 465 : 587),
    tls: mode,
  };
  if (o['auth'] !== undefined) out.auth = auth(o['auth'], `${where}.auth`);
  return out;
}

function mailbox(value: unknown, where: string): MailboxConfig {
  const o = object(value, where);
  only(o, ['id', 'address', 'campaignId', 'imap', 'smtp'], where);
  const address = normalizeAddress(text(o, 'address', where, true));
  if (!isValidAddress(address)) throw new Error(`${where}.address is not an email address.`);
  const out: MailboxConfig = { id: text(o, 'id', where, true), address };
  const campaign = text(o, 'campaignId', where);
  if (campaign !== undefined) out.campaignId = campaign;
  if (o['imap'] !== undefined) out.imap = imapSettings(o['imap'], `${where}.imap`);
  if (o['smtp'] !== undefined) out.smtp = smtpSettings(o['smtp'], `${where}.smtp`);
  return out;
}

/** The mailboxes of a JSON value: `{ "mailboxes": [...] }` or the bare list. */
export function parseMailboxes(value: unknown, where: string): MailboxConfig[] {
  let list = value;
  if (!Array.isArray(value)) {
    const o = object(value, where);
    only(o, ['mailboxes'], where);
    list = o['mailboxes'];
    where = `${where}.mailboxes`;
  }
  if (!Array.isArray(list)) throw new Error(`${where} must be a list of mailboxes.`);
  const out = list.map((m, i) => mailbox(m, `${where}[${i}]`));
  const ids = new Set<string>();
  for (const m of out) {
    if (ids.has(m.id)) throw new Error(`${where}: the mailbox id "${m.id}" is used twice.`);
    ids.add(m.id);
  }
  return out;
}

/** The `mail` key of the config file: `{ mailboxes?, inboundSmtp? }`. */
export function parseMailConfig(
  value: unknown,
  where: string,
  base = DEFAULT_MAIL_CONFIG,
): MailConfig {
  const o = object(value, where);
  only(o, ['mailboxes', 'inboundSmtp'], where);
  const out: MailConfig = { ...base };
  if (o['mailboxes'] !== undefined)
    out.mailboxes = parseMailboxes(o['mailboxes'], `${where}.mailboxes`);
  if (o['inboundSmtp'] === null) out.inboundSmtp = null;
  else if (o['inboundSmtp'] !== undefined) {
    const s = object(o['inboundSmtp'], `${where}.inboundSmtp`);
    only(s, ['host', 'port'], `${where}.inboundSmtp`);
    out.inboundSmtp = {
      host: text(s, 'host', `${where}.inboundSmtp`) ?? base.inboundSmtp?.host ?? '127.0.0.1',
      port: port(s['port'] ?? base.inboundSmtp?.port ?? 2525, `${where}.inboundSmtp.port`, true),
    };
  }
  return out;
}

/** Applies `ATENTO_MAIL_CONFIG`, `ATENTO_SMTP_PORT` and `ATENTO_SMTP_HOST` over `base`. */
export function mailConfigFromEnv(
  env: Record<string, string | undefined>,
  base: MailConfig,
): MailConfig {
  const out: MailConfig = { ...base };
  const file = env['ATENTO_MAIL_CONFIG'];
  if (file !== undefined && file !== '') {
    let parsed: unknown;
    try {
      parsed = JSON.parse(readFileSync(file, 'utf8'));
    } catch (error) {
      throw new Error(
        `Cannot read the mail config ${file} (ATENTO_MAIL_CONFIG): ${(error as Error).message}`,
      );
    }
    out.mailboxes = parseMailboxes(parsed, file);
  }
  const rawPort = env['ATENTO_SMTP_PORT'];
  const host = env['ATENTO_SMTP_HOST'];
  if (rawPort !== undefined && rawPort !== '') {
    const value = rawPort.trim().toLowerCase();
    if (value === 'off' || value === '0') out.inboundSmtp = null;
    else {
      const n = Number(value);
      if (!Number.isInteger(n) || n < 1 || n > 65535)
        throw new Error(`ATENTO_SMTP_PORT must be a port number or "off", not "${rawPort}".`);
      out.inboundSmtp = { host: host || out.inboundSmtp?.host || '127.0.0.1', port: n };
    }
  } else if (host !== undefined && host !== '' && out.inboundSmtp) {
    out.inboundSmtp = { ...out.inboundSmtp, host };
  }
  return out;
}
