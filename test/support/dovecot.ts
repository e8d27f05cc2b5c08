/**
 * A throwaway Dovecot IMAP server for the mail tests and the mail bench (TOOLCHAIN.md, Dovecot).
 *
 *   const dovecot = await startDovecot({ users: [{ user: 'soporte', pass: 'secreto' }] });
 *   try { … dovecot.imap('soporte') … await dovecot.append(raw) … } finally { await dovecot.stop(); }
 *
 * Each instance lives in its own temp dir (config, passwd file, sockets, logs, maildirs), listens
 * on a free high port on 127.0.0.1, speaks plain IMAP only, and creates `Sent` (`\Sent`) and
 * `Drafts` (`\Drafts`) for every user. As root (CI) the mail processes run as uid/gid 65534,
 * because Dovecot refuses uid 0; as another user, as that user.
 *
 * `down()`/`up()` stop and start the daemon keeping the mail (a dropped server, for reconnect
 * tests); `stop()` stops it and deletes everything, and is safe to call twice — put it in an
 * `after` hook. Instances still running when the process exits are sent SIGTERM.
 */
import { spawn, execFile, type ChildProcess } from 'node:child_process';
import { chmod, chown, mkdir, mkdtemp, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { createServer, connect } from 'node:net';
import { hostname, tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { ImapFlow } from 'imapflow';
import type { ImapSettings } from '../../src/adapters/node/mail/mailbox-config.js';

const run = promisify(execFile);

export const DOVECOT_BIN = process.env.DOVECOT_BIN ?? '/usr/sbin/dovecot';
export const DOVEADM_BIN = process.env.DOVEADM_BIN ?? '/usr/bin/doveadm';

export interface DovecotUser {
  user: string;
  pass: string;
}

export interface DovecotOptions {
  /** Default: one user, `soporte` / `secreto`. */
  users?: DovecotUser[];
  /** Extra folders created (and subscribed) for every user, besides INBOX, Sent and Drafts. */
  folders?: string[];
}

export interface AppendOptions {
  /** Default: the first user. */
  user?: string;
  /** Default: `INBOX`. */
  mailbox?: string;
  flags?: string[];
  /** The INTERNALDATE (what `SINCE` searches); default now. */
  date?: Date;
}

export interface MaildirOptions {
  user?: string;
  mailbox?: string;
  /** Written as already read (`\Seen`). */
  seen?: boolean;
  /** The INTERNALDATE of every message (file mtime); default now. */
  date?: Date;
}

export interface Dovecot {
  readonly host: string;
  readonly port: number;
  readonly users: readonly DovecotUser[];
  /** The instance's temp dir (config, `dovecot.log`, `home/<user>/Maildir`). */
  readonly dir: string;
  /** Whether the daemon is up. */
  readonly running: boolean;
  /** Settings for `MailboxConfig.imap` (plain, no TLS). */
  imap(user?: string, extra?: Partial<ImapSettings>): ImapSettings;
  /** A connected imapflow client (log out when done). */
  client(user?: string): Promise<ImapFlow>;
  /** APPEND one raw message; its UID and the mailbox's UIDVALIDITY. */
  append(
    raw: string | Uint8Array,
    options?: AppendOptions,
  ): Promise<{ uid: number; uidValidity: number }>;
  /** APPEND many raw messages over one connection, in order; their UIDs. */
  appendMany(raws: Iterable<string | Uint8Array>, options?: AppendOptions): Promise<number[]>;
  /** Writes messages straight into the maildir (fast bulk seeding); Dovecot indexes them on next SELECT. */
  writeMaildir(raws: Iterable<string | Uint8Array>, options?: MaildirOptions): Promise<number>;
  /** Sets a new, higher UIDVALIDITY on a mailbox (doveadm); returns it. The daemon must be up. */
  changeUidValidity(options?: { user?: string; mailbox?: string }): Promise<number>;
  /** UIDVALIDITY, message count and next UID of a mailbox (doveadm). */
  status(options?: {
    user?: string;
    mailbox?: string;
  }): Promise<{ uidValidity: number; messages: number; uidNext: number }>;
  /** Stops the daemon, keeping the mail (clients see the connection drop). */
  down(): Promise<void>;
  /** Starts the daemon again on the same port. */
  up(): Promise<void>;
  /** `down()` then `up()`. */
  restart(): Promise<void>;
  /** Stops the daemon and removes the temp dir. Idempotent. */
  stop(): Promise<void>;
  /** Dovecot's own log, for failure messages. */
  log(): Promise<string>;
}

const live = new Set<ChildProcess>();
let exitHookInstalled = false;

function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.once('exit', () => {
    for (const child of live) signalGroup(child, 'SIGTERM');
  });
}

function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    // The daemon leads its own process group (spawned detached): its workers get the signal too,
    // which makes shutdown take milliseconds instead of the master's ~2 s drain.
    process.kill(-child.pid, signal);
  } catch {
    // already gone
  }
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function canConnect(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function checkName(kind: string, value: string): void {
  if (!/^[A-Za-z0-9._@+-]+$/.test(value))
    throw new Error(`dovecot: unusable ${kind} ${JSON.stringify(value)}`);
}

function configText(o: {
  dir: string;
  port: number;
  uid: number;
  gid: number;
  internalUser: string | undefined;
  folders: string[];
}): string {
  const folder = (name: string, specialUse?: string) =>
    [
      `  mailbox ${name} {`,
      ...(specialUse ? [`    special_use = ${specialUse}`] : []),
      '    auto = subscribe',
      '  }',
    ].join('\n');
  return `# written by test/support/dovecot.ts
protocols = imap
listen = 127.0.0.1
base_dir = ${o.dir}/run
state_dir = ${o.dir}/state
log_path = ${o.dir}/dovecot.log
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
mail_location = maildir:~/Maildir
mail_fsync = never
first_valid_uid = 1
first_valid_gid = 1
mail_max_userip_connections = 100
${o.internalUser ? `default_internal_user = ${o.internalUser}\ndefault_login_user = ${o.internalUser}\n` : ''}passdb {
  driver = passwd-file
  args = scheme=PLAIN ${o.dir}/passwd
}
userdb {
  driver = static
  args = uid=${o.uid} gid=${o.gid} home=${o.dir}/home/%u
}
service imap-login {
  inet_listener imap {
    port = ${o.port}
  }
  inet_listener imaps {
    port = 0
  }
}
namespace inbox {
  inbox = yes
${folder('Sent', '\\Sent')}
${folder('Drafts', '\\Drafts')}
${o.folders.map((f) => folder(f)).join('\n')}
}
`;
}

export async function startDovecot(options: DovecotOptions = {}): Promise<Dovecot> {
  const users = options.users ?? [{ user: 'soporte', pass: 'secreto' }];
  if (users.length === 0) throw new Error('dovecot: at least one user');
  for (const u of users) {
    checkName('user', u.user);
    checkName('password', u.pass);
  }
  for (const f of options.folders ?? []) checkName('folder', f);

  const root = process.getuid?.() === 0;
  const uid = root ? 65534 : (process.getuid?.() ?? 65534);
  const gid = root ? 65534 : (process.getgid?.() ?? 65534);
  const dir = await mkdtemp(join(tmpdir(), 'atento-dovecot-'));
  await chmod(dir, 0o755); // the mail processes (uid 65534) walk into home/
  await mkdir(join(dir, 'run'));
  await mkdir(join(dir, 'state'));
  await mkdir(join(dir, 'home'));
  for (const u of users) {
    await mkdir(join(dir, 'home', u.user));
    if (root) await chown(join(dir, 'home', u.user), uid, gid);
  }
  await chown(join(dir, 'home'), uid, gid).catch(() => undefined);
  await writeFile(join(dir, 'passwd'), users.map((u) => `${u.user}:{PLAIN}${u.pass}\n`).join(''));
  const host = '127.0.0.1';
  const configFile = join(dir, 'dovecot.conf');
  let port = 0;
  let child: ChildProcess | undefined;
  let stopped = false;

  const writeConfig = () =>
    writeFile(
      configFile,
      configText({
        dir,
        port,
        uid,
        gid,
        internalUser: root ? undefined : userInfo().username,
        folders: options.folders ?? [],
      }),
    );

  /** Starts the daemon on `port`; false if it exited before listening (e.g. port taken). */
  async function launch(): Promise<boolean> {
    const proc = spawn(DOVECOT_BIN, ['-F', '-c', configFile], {
      detached: true,
      stdio: 'ignore',
    });
    let exited = false;
    proc.once('exit', () => {
      exited = true;
      live.delete(proc);
    });
    proc.once('error', () => {
      exited = true;
    });
    live.add(proc);
    installExitHook();
    const deadline = Date.now() + 10_000;
    while (Date.now() < deadline) {
      if (exited) return false;
      if (await canConnect(host, port)) {
        child = proc;
        return true;
      }
      await sleep(15);
    }
    signalGroup(proc, 'SIGKILL');
    throw new Error(`dovecot: not listening on ${port} after 10 s\n${await readLog()}`);
  }

  const readLog = () => readFile(join(dir, 'dovecot.log'), 'utf8').catch(() => '(no log)');

  async function down(): Promise<void> {
    const proc = child;
    child = undefined;
    if (!proc || proc.exitCode !== null || proc.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
    signalGroup(proc, 'SIGTERM');
    const timer = setTimeout(() => signalGroup(proc, 'SIGKILL'), 3000);
    await exited;
    clearTimeout(timer);
    // Workers (imap, auth) get the signal with the master; wait until the port is really closed.
    for (let i = 0; i < 100 && (await canConnect(host, port)); i++) await sleep(10);
  }

  async function up(): Promise<void> {
    if (stopped) throw new Error('dovecot: stopped for good');
    if (child) return;
    for (let i = 0; i < 20; i++) {
      if (await launch()) return;
      await sleep(100);
    }
    throw new Error(`dovecot: could not start on port ${port}\n${await readLog()}`);
  }

  try {
    for (let attempt = 0; ; attempt++) {
      port = await freePort();
      await writeConfig();
      if (await launch()) break;
      if (attempt >= 5) throw new Error(`dovecot: did not start\n${await readLog()}`);
    }
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }

  const userOf = (user?: string) => {
    const found = user === undefined ? users[0]! : users.find((u) => u.user === user);
    if (!found) throw new Error(`dovecot: no user ${user}`);
    return found;
  };

  const client = async (user?: string) => {
    const u = userOf(user);
    const c = new ImapFlow({
      host,
      port,
      secure: false,
      auth: { user: u.user, pass: u.pass },
      logger: false,
      disableAutoIdle: true,
    });
    c.on('error', () => undefined); // a dropped connection surfaces on the next command
    await c.connect();
    return c;
  };

  const doveadm = async (args: string[]) => {
    const { stdout } = await run(DOVEADM_BIN, ['-c', configFile, ...args]);
    return stdout;
  };

  const status = async (o: { user?: string; mailbox?: string } = {}) => {
    const out = await doveadm([
      'mailbox',
      'status',
      '-u',
      userOf(o.user).user,
      'uidvalidity messages uidnext',
      o.mailbox ?? 'INBOX',
    ]);
    const field = (name: string) => Number(new RegExp(`${name}=(\\d+)`).exec(out)?.[1] ?? NaN);
    return {
      uidValidity: field('uidvalidity'),
      messages: field('messages'),
      uidNext: field('uidnext'),
    };
  };

  let maildirSeq = 0;

  return {
    host,
    get port() {
      return port;
    },
    users,
    dir,
    get running() {
      return child !== undefined;
    },
    imap(user, extra = {}) {
      const u = userOf(user);
      return { host, port, tls: 'none', auth: { user: u.user, pass: u.pass }, ...extra };
    },
    client,
    async append(raw, o = {}) {
      const c = await client(o.user);
      try {
        const res = await c.append(o.mailbox ?? 'INBOX', Buffer.from(raw), o.flags, o.date);
        if (!res || res.uid === undefined) throw new Error('dovecot: APPEND returned no UID');
        return { uid: res.uid, uidValidity: Number(res.uidValidity) };
      } finally {
        await c.logout().catch(() => undefined);
      }
    },
    async appendMany(raws, o = {}) {
      const c = await client(o.user);
      const uids: number[] = [];
      try {
        for (const raw of raws) {
          const res = await c.append(o.mailbox ?? 'INBOX', Buffer.from(raw), o.flags, o.date);
          if (!res || res.uid === undefined) throw new Error('dovecot: APPEND returned no UID');
          uids.push(res.uid);
        }
        return uids;
      } finally {
        await c.logout().catch(() => undefined);
      }
    },
    async writeMaildir(raws, o = {}) {
      const u = userOf(o.user);
      const mailbox = o.mailbox ?? 'INBOX';
      const base = join(dir, 'home', u.user, 'Maildir');
      const folder = mailbox === 'INBOX' ? base : join(base, `.${mailbox}`);
      for (const sub of ['', 'cur', 'new', 'tmp']) {
        const path = join(folder, sub);
        await mkdir(path, { recursive: true });
        if (root) await chown(path, uid, gid);
      }
      if (root) await chown(base, uid, gid);
      const when = o.date ?? new Date();
      const seconds = Math.floor(when.getTime() / 1000);
      const host = hostname().replace(/[/:]/g, '_');
      let count = 0;
      let batch: Promise<void>[] = [];
      for (const raw of raws) {
        const bytes = Buffer.from(raw);
        const name = `${seconds}.M${++maildirSeq}P${process.pid}.${host},S=${bytes.length}:2,${o.seen ? 'S' : ''}`;
        const path = join(folder, 'cur', name);
        batch.push(
          (async () => {
            await writeFile(path, bytes);
            if (root) await chown(path, uid, gid);
            await utimes(path, when, when);
          })(),
        );
        count++;
        if (batch.length >= 64) {
          await Promise.all(batch);
          batch = [];
        }
      }
      await Promise.all(batch);
      return count;
    },
    async changeUidValidity(o = {}) {
      const before = await status(o);
      const next = Math.max(before.uidValidity + 1, Math.floor(Date.now() / 1000));
      await doveadm([
        'mailbox',
        'update',
        '-u',
        userOf(o.user).user,
        '--uid-validity',
        String(next),
        o.mailbox ?? 'INBOX',
      ]);
      return next;
    },
    status,
    down,
    up,
    async restart() {
      await down();
      await up();
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      await down();
      await rm(dir, { recursive: true, force: true });
    },
    log: readLog,
  };
}
