/**
 * The embedded inbound SMTP listener and the mail settings: it takes mail for the desk's
 * addresses only (550 otherwise), refuses mail over the size limit with 552 whether the client
 * announced the size or not, keeps the raw source byte for byte, stores attachments and inline
 * images checked by content and serves them, survives a taken port, and the settings parse from
 * the environment and the config file. `scripts/send-test-mail.mjs` drops a mail into it.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, connect, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { promisify } from 'node:util';
import nodemailer from 'nodemailer';
import { storeOf } from '../../../../src/adapters/memory/backend.js';
import { SEED_IDS } from '../../../../src/adapters/memory/index.js';
import { DEFAULT_CONFIG, loadConfig } from '../../../../src/adapters/node/config.js';
import { readSource } from '../../../../src/adapters/node/mail/inbound/mail-files.js';
import { PNG } from '../../../fixtures/mime/hostile-corpus.js';
import { PDF } from '../helpers.js';
import { DESK, mailServer, rawMail, smtpSend, type MailTestServer } from './inbound-helpers.js';

const run = promisify(execFile);
const LIMIT = 64 * 1024;

/** A bare SMTP dialogue (no SIZE announced), returning the reply to the end of DATA. */
async function rawSmtp(port: number, body: Buffer): Promise<string> {
  const socket = connect({ host: '127.0.0.1', port });
  let buffer = '';
  const waitFor = (code: RegExp) =>
    new Promise<string>((resolve, reject) => {
      const check = () => {
        const lines = buffer.split('\r\n');
        const done = lines.find((l) => /^\d{3} /.test(l));
        if (done) {
          buffer = lines.slice(lines.indexOf(done) + 1).join('\r\n');
          socket.off('data', onData);
          if (code.test(done)) resolve(done);
          else reject(new Error(done));
        }
      };
      const onData = (chunk: Buffer) => {
        buffer += chunk.toString();
        check();
      };
      socket.on('data', onData);
      check();
    });
  try {
    await waitFor(/^220/);
    socket.write('EHLO test\r\n');
    await waitFor(/^250/);
    socket.write('MAIL FROM:<cliente@example.com>\r\n');
    await waitFor(/^250/);
    socket.write(`RCPT TO:<${DESK}>\r\n`);
    await waitFor(/^250/);
    socket.write('DATA\r\n');
    await waitFor(/^354/);
    socket.write(body);
    socket.write('\r\n.\r\n');
    return await waitFor(/^\d/);
  } finally {
    socket.destroy();
  }
}

describe('mail in: SMTP listener', { timeout: 60_000 }, () => {
  let server: MailTestServer;
  before(async () => {
    server = await mailServer({
      overrides: {
        mail: {
          mailboxes: [
            { id: 'ventas', address: 'ventas@tiendaandina.pe', campaignId: SEED_IDS.campaigns.en },
          ],
          inboundSmtp: { host: '127.0.0.1', port: 0 },
        },
      },
      options: { mail: { limits: { maxMessageBytes: LIMIT } } },
    });
  });
  after(() => server?.stop());

  it('accepts mail for the campaigns and the configured mailboxes, keeping the raw source', async () => {
    const raw = rawMail({ id: 'listener-1@example.com', subject: 'Hola desde SMTP' });
    const reply = await smtpSend(server.mail.listenerPort!, raw);
    assert.match(reply, /^250 .*<listener-1@example\.com>/);
    const m = storeOf(server.backend).messageByRfcId('listener-1@example.com')!;
    assert.equal(m.subject, 'Hola desde SMTP');
    const source = server.backend.mailIn.source(m.id)!;
    assert.equal(source.via, 'smtp');
    assert.equal(String(await readSource(server.files, source)), raw, 'byte for byte');

    await smtpSend(
      server.mail.listenerPort!,
      rawMail({ id: 'listener-2@example.com', to: 'ventas@tiendaandina.pe' }),
      {
        from: 'cliente@example.com',
        to: ['Ventas@TiendaAndina.pe'],
      },
    );
    const sales = storeOf(server.backend).messageByRfcId('listener-2@example.com')!;
    assert.equal(server.backend.mailIn.source(sales.id)!.mailboxId, 'ventas');
    assert.equal(
      (await server.backend.agent('agent').campaign(sales.conversationId)).id,
      SEED_IDS.campaigns.en,
      "the mailbox's campaign",
    );
  });

  it('refuses recipients that are not the desk (no open relay)', async () => {
    await assert.rejects(
      smtpSend(server.mail.listenerPort!, rawMail({ id: 'relay@example.com' }), {
        from: 'cliente@example.com',
        to: ['alguien@otro-dominio.example'],
      }),
      (error: { responseCode?: number }) => error.responseCode === 550,
    );
    assert.equal(server.backend.mailIn.known('relay@example.com'), null);
  });

  it('refuses mail over the size limit with 552, announced or not', async () => {
    const big = rawMail({ id: 'big@example.com', body: 'x'.repeat(LIMIT + 10) });
    await assert.rejects(
      smtpSend(server.mail.listenerPort!, big),
      (error: { responseCode?: number }) => error.responseCode === 552,
    );
    const reply = await rawSmtp(server.mail.listenerPort!, Buffer.from(big));
    assert.match(reply, /^552 /);
    assert.ok(
      server.logs.some((l) => l['msg'] === 'inbound mail refused' && l['reason'] === 'too-large'),
      'logged',
    );
    assert.equal(server.backend.mailIn.known('big@example.com'), null);
    assert.match(
      await rawSmtp(server.mail.listenerPort!, Buffer.from(rawMail({ id: 'small@example.com' }))),
      /^250 /,
    );
  });

  it('stores attachments and inline images checked by content, and serves them', async () => {
    const transport = nodemailer.createTransport({
      host: '127.0.0.1',
      port: server.mail.listenerPort!,
      secure: false,
      ignoreTLS: true,
    });
    try {
      await transport.sendMail({
        from: 'Rosa Ccori <rosa.ccori@example.com>',
        to: DESK,
        subject: 'Foto del producto',
        messageId: '<fotos@example.com>',
        html: '<p>Así llegó:</p><img src="cid:foto@example.com">',
        text: 'Así llegó',
        attachments: [
          { filename: 'foto.png', content: PNG, cid: 'foto@example.com' },
          { filename: 'boleta.pdf', content: Buffer.from(PDF) },
          { filename: 'virus.jpg', content: Buffer.from('MZ\x90\x00 not a jpeg', 'latin1') },
        ],
      });
    } finally {
      transport.close();
    }
    const m = storeOf(server.backend).messageByRfcId('fotos@example.com')!;
    const byName = new Map(m.attachments.map((a) => [a.name, a]));
    const photo = byName.get('foto.png')!;
    assert.equal(photo.inline, true);
    assert.equal(photo.type, 'image/png');
    assert.equal(photo.contentId, 'foto@example.com');
    assert.ok(m.html!.includes(`src="${photo.url.replace(/&/g, '&amp;')}"`), m.html);
    assert.equal(byName.get('boleta.pdf')!.type, 'application/pdf');
    assert.equal(byName.get('boleta.pdf')!.inline, false);
    assert.equal(byName.get('virus.jpg')!.type, 'application/octet-stream', 'a liar is a download');

    const served = await server.request({ url: photo.url });
    assert.equal(served.statusCode, 200);
    assert.equal(served.headers['content-type'], 'image/png');
    assert.deepEqual(served.rawPayload, PNG);
    const liar = await server.request({ url: byName.get('virus.jpg')!.url });
    assert.match(String(liar.headers['content-disposition']), /^attachment/);
  });

  it('scripts/send-test-mail.mjs drops a mail into the running server', async () => {
    const { stdout } = await run(process.execPath, [
      'scripts/send-test-mail.mjs',
      '--port',
      String(server.mail.listenerPort),
      '--subject',
      'Prueba del script',
    ]);
    assert.match(stdout, /250/);
    const id = /sent <([^>]+)>/.exec(stdout)![1]!;
    assert.equal(storeOf(server.backend).messageByRfcId(id)!.subject, 'Prueba del script');
  });

  it('a taken port leaves the listener off, logged, and the server up', async () => {
    const blocker: Server = createServer();
    await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', () => r()));
    const port = (blocker.address() as { port: number }).port;
    try {
      const other = await mailServer({
        overrides: { mail: { mailboxes: [], inboundSmtp: { host: '127.0.0.1', port } } },
      });
      try {
        assert.equal(other.mail.listenerPort, null);
        assert.ok(
          other.logs.some((l) => l['level'] === 50 && /could not start/.test(String(l['msg']))),
        );
        assert.ok((await other.login()).length > 10, 'the server serves');
      } finally {
        await other.stop();
      }
    } finally {
      blocker.close();
    }
  });
});

describe('mail in: settings', () => {
  it('the command line listens on 127.0.0.1:2525; a server started from code opens no port', () => {
    assert.deepEqual(loadConfig({}).mail, {
      mailboxes: [],
      inboundSmtp: { host: '127.0.0.1', port: 2525 },
    });
    assert.deepEqual(DEFAULT_CONFIG.mail, { mailboxes: [], inboundSmtp: null });
  });

  it('reads ATENTO_MAIL_CONFIG, ATENTO_SMTP_PORT and ATENTO_SMTP_HOST, and the file key mail', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'atento-mail-config-'));
    try {
      const mailboxes = join(dir, 'mailboxes.json');
      await writeFile(
        mailboxes,
        JSON.stringify({
          mailboxes: [
            {
              id: 'soporte',
              address: 'Soporte@TiendaAndina.pe',
              imap: {
                host: 'imap.example.com',
                auth: { user: 'soporte', pass: 's3creto' },
                markSeen: true,
              },
              smtp: {
                host: 'smtp.example.com',
                port: 465,
                auth: { user: 'soporte', accessToken: 'tok' },
              },
            },
          ],
        }),
      );
      const config = loadConfig({
        ATENTO_MAIL_CONFIG: mailboxes,
        ATENTO_SMTP_PORT: '2626',
        ATENTO_SMTP_HOST: '0.0.0.0',
      });
      assert.deepEqual(config.mail.inboundSmtp, { host: '0.0.0.0', port: 2626 });
      assert.deepEqual(config.mail.mailboxes[0], {
        id: 'soporte',
        address: 'soporte@tiendaandina.pe',
        imap: {
          host: 'imap.example.com',
          port: 993,
          tls: 'tls',
          auth: { user: 'soporte', pass: 's3creto' },
          markSeen: true,
        },
        smtp: {
          host: 'smtp.example.com',
          port: 465,
          tls: 'tls',
          auth: { user: 'soporte', accessToken: 'tok' },
        },
      });
      assert.equal(loadConfig({ ATENTO_SMTP_PORT: 'off' }).mail.inboundSmtp, null);
      assert.equal(loadConfig({ ATENTO_SMTP_PORT: '0' }).mail.inboundSmtp, null);

      const file = join(dir, 'config.json');
      await writeFile(file, JSON.stringify({ mail: { inboundSmtp: { port: 2727 } } }));
      assert.deepEqual(loadConfig({}, file).mail.inboundSmtp, { host: '127.0.0.1', port: 2727 });
      assert.equal(
        loadConfig({ ATENTO_SMTP_PORT: 'off' }, file).mail.inboundSmtp,
        null,
        'env wins',
      );
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('refuses wrong mail settings, naming them and never the password', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'atento-mail-config-'));
    const write = async (value: unknown) => {
      const path = join(dir, `m${Math.random()}.json`);
      await writeFile(path, JSON.stringify(value));
      return path;
    };
    try {
      assert.throws(
        () => loadConfig({ ATENTO_SMTP_PORT: 'veinte' }),
        /ATENTO_SMTP_PORT must be a port/,
      );
      assert.throws(
        () => loadConfig({ ATENTO_MAIL_CONFIG: join(dir, 'none.json') }),
        /Cannot read the mail config/,
      );
      const cases: Array<[unknown, RegExp]> = [
        [[{ id: 'a', address: 'no-es-direccion' }], /\[0\]\.address is not an email address/],
        [
          [
            { id: 'a', address: 'a@b.pe' },
            { id: 'a', address: 'c@b.pe' },
          ],
          /"a" is used twice/,
        ],
        [
          [{ id: 'a', address: 'a@b.pe', imap: { host: 'h', auth: { user: 'u' } } }],
          /imap\.auth needs a pass or an accessToken/,
        ],
        [
          [
            {
              id: 'a',
              address: 'a@b.pe',
              imap: { host: 'h', port: 99999, auth: { user: 'u', pass: 'clave-secreta' } },
            },
          ],
          /imap\.port must be a port/,
        ],
        [
          [
            {
              id: 'a',
              address: 'a@b.pe',
              imap: { host: 'h', tls: 'ssl', auth: { user: 'u', pass: 'clave-secreta' } },
            },
          ],
          /imap\.tls must be/,
        ],
        [
          [
            {
              id: 'a',
              address: 'a@b.pe',
              imap: { host: 'h', auth: { user: 'u', pass: 'clave-secreta' }, sincDays: 3 },
            },
          ],
          /Unknown key "sincDays"/,
        ],
      ];
      for (const [value, pattern] of cases) {
        const path = await write(value);
        assert.throws(
          () => loadConfig({ ATENTO_MAIL_CONFIG: path }),
          (error: Error) => pattern.test(error.message) && !error.message.includes('clave-secreta'),
          String(pattern),
        );
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
