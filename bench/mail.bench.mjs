// Mail-in benchmark (issue 6). A throwaway Dovecot (test/support/dovecot.ts) holds 10,000
// messages written straight into its maildir (2/3 plain text, 1/4 HTML + text, 1/12 with a PDF;
// 600 senders, replies threaded by In-Reply-To), and this one run compares, on the same mailbox:
//   - a bare imapflow FETCH of every message's source (connect, SELECT, FETCH 1:* BODY.PEEK[]),
//   - the server's initial sync of the same mailbox (connect, SEARCH, sizes of the large mail,
//     FETCH in batches, parse in worker threads, files into the file store, attachments checked
//     by content, threading, SQLite synchronous=full), from connect to the last message stored
//     (the parsing threads start with it: their start-up is inside the measure);
// and reports both throughputs and their ratio (goal ≥ 0.8×). Then new mail → live event: a
// message APPENDed by another client while the sync IDLEs, until an agent subscriber receives
// `message.created`; 10 times, budget ≤ 1 s for the slowest.
// The work runs in a child process with tsx (it imports the server's TypeScript).
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const COUNT = 10_000;
const LATENCY_SAMPLES = 10;

/** Rows for bench/run.mjs: { measure, value, unit, budget, result }. */
export async function mailBench() {
  const child = fork(fileURLToPath(import.meta.url), ['child'], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const result = await new Promise((resolve, reject) => {
    child.once('message', resolve);
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`mail bench child exited with ${code}`)));
  });
  if (result.error) throw new Error(result.error);
  const { bare, sync, latencies } = result;
  const ratio = sync.perSecond / bare.perSecond;
  const sorted = [...latencies].sort((a, b) => a - b);
  const p50 = sorted[Math.floor(sorted.length / 2)];
  const max = sorted[sorted.length - 1];
  return [
    {
      measure: `mail: bare imapflow FETCH of ${COUNT} sources (${(bare.bytes / 1048576).toFixed(1)} MB), msg/s`,
      value: Math.round(bare.perSecond),
      unit: 'msg/s',
      budget: null,
      result: '—',
    },
    {
      measure: `mail: IMAP initial sync of the same ${COUNT} messages, stored, msg/s`,
      value: Math.round(sync.perSecond),
      unit: 'msg/s',
      budget: null,
      result: '—',
    },
    {
      measure: 'mail: sync throughput ÷ bare FETCH throughput (goal ≥ 0.8)',
      value: Number(ratio.toFixed(2)),
      unit: '×',
      budget: 0.8,
      result: ratio >= 0.8 ? 'pass' : 'FAIL',
    },
    {
      measure: `mail: new mail → agent event with IDLE, p50 of ${LATENCY_SAMPLES}`,
      value: p50,
      unit: 'ms',
      budget: null,
      result: '—',
    },
    {
      measure: `mail: new mail → agent event with IDLE, slowest of ${LATENCY_SAMPLES}`,
      value: max,
      unit: 'ms',
      budget: 1000,
      result: max <= 1000 ? 'pass' : 'FAIL',
    },
  ];
}

/** 10,000 realistic messages. */
function corpus() {
  const pdf = Buffer.concat([
    Buffer.from('%PDF-1.4\n'),
    Buffer.alloc(20_000, 0x20),
    Buffer.from('\n%%EOF\n'),
  ]).toString('base64');
  const paragraph =
    'Hola, hice un pedido la semana pasada y todavía no me llega. El número de seguimiento no ' +
    'muestra movimiento desde hace cuatro días. ¿Me podrían confirmar la fecha de entrega? ';
  const raws = [];
  for (let i = 0; i < COUNT; i++) {
    const sender = `cliente${i % 600}@example.com`;
    const head = [
      `From: Cliente ${i % 600} <${sender}>`,
      'To: Soporte Tienda Andina <soporte@tiendaandina.pe>',
      `Subject: ${i % 5 === 4 ? 'Re: ' : ''}Pedido TA-${40000 + (i % 3000)}`,
      `Date: ${new Date(Date.now() - (COUNT - i) * 60_000).toUTCString()}`,
      `Message-ID: <bench-${i}@example.com>`,
      ...(i % 5 === 4 ? [`In-Reply-To: <bench-${i - 600 >= 0 ? i - 600 : 0}@example.com>`] : []),
      'MIME-Version: 1.0',
    ];
    const text = paragraph.repeat(1 + (i % 6));
    let body;
    if (i % 12 === 0) {
      head.push('Content-Type: multipart/mixed; boundary="mix"');
      body = `--mix\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n${text}\r\n--mix\r\nContent-Type: application/pdf; name="boleta-${i}.pdf"\r\nContent-Transfer-Encoding: base64\r\nContent-Disposition: attachment; filename="boleta-${i}.pdf"\r\n\r\n${pdf.match(/.{1,76}/g).join('\r\n')}\r\n--mix--\r\n`;
    } else if (i % 4 === 1) {
      head.push('Content-Type: multipart/alternative; boundary="alt"');
      body = `--alt\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n${text}\r\n--alt\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<html><body><p>${text}</p><p style="color:#555">Enviado desde mi teléfono</p></body></html>\r\n--alt--\r\n`;
    } else {
      head.push('Content-Type: text/plain; charset=utf-8', 'Content-Transfer-Encoding: 8bit');
      body = `${text}\r\n`;
    }
    raws.push(Buffer.from(`${head.join('\r\n')}\r\n\r\n${body}`));
  }
  return raws;
}

async function child() {
  const { mkdtemp, rm } = await import('node:fs/promises');
  const { tmpdir } = await import('node:os');
  const { join } = await import('node:path');
  const { ImapFlow } = await import('imapflow');
  const { startDovecot } = await import('../test/support/dovecot.ts');
  const { DEFAULT_CONFIG } = await import('../src/adapters/node/config.ts');
  const { createServer } = await import('../src/adapters/node/server.ts');
  const { MailService } = await import('../src/adapters/node/mail/mail-service.ts');
  const { SILENT_LOG } = await import('../src/adapters/node/mail/inbound/mail-log.ts');

  const dovecot = await startDovecot({ users: [{ user: 'bench', pass: 'bench' }] });
  const dir = await mkdtemp(join(tmpdir(), 'atento-mail-bench-'));
  let server;
  let mail;
  try {
    const raws = corpus();
    await dovecot.writeMaildir(raws, { user: 'bench' });

    const bareFetch = async () => {
      const started = performance.now();
      const client = new ImapFlow({ ...connection(dovecot), logger: false, disableAutoIdle: true });
      await client.connect();
      const lock = await client.getMailboxLock('INBOX');
      let n = 0;
      let bytes = 0;
      for await (const m of client.fetch('1:*', { uid: true, source: true }, { uid: true })) {
        n++;
        bytes += m.source.length;
      }
      lock.release();
      const ms = performance.now() - started;
      await client.logout();
      if (n !== COUNT) throw new Error(`bare FETCH got ${n} messages`);
      return { ms, bytes, perSecond: (n / ms) * 1000 };
    };
    await bareFetch(); // Dovecot indexes the maildir; both runs then read an indexed mailbox
    const bare = [await bareFetch(), await bareFetch()].sort((a, b) => a.ms - b.ms)[0];

    server = await createServer({ ...DEFAULT_CONFIG, dataDir: dir, port: 0, logLevel: 'silent' });
    mail = new MailService({
      config: {
        mailboxes: [
          {
            id: 'bench',
            address: 'soporte@tiendaandina.pe',
            imap: { ...dovecot.imap('bench'), syncDays: 30 },
          },
        ],
        inboundSmtp: null,
      },
      backend: server.backend,
      files: server.files,
      fileUrl: (id) => server.fileUrls.url(id),
      log: SILENT_LOG,
    });
    const sync = mail.syncs.get('bench');
    let connecting = 0;
    sync.once('state', () => (connecting = performance.now()));
    const done = new Promise((resolve) => sync.on('synced', (r) => r.full && resolve(r)));
    mail.start();
    const report = await done;
    const ms = performance.now() - connecting;
    if (report.stored !== COUNT) throw new Error(`sync stored ${report.stored}`);
    const syncResult = { ms, perSecond: (COUNT / ms) * 1000 };

    // New mail → live event, with the sync idling.
    const agent = server.backend.agent('agent');
    const arrivals = new Map();
    const unsubscribe = agent.subscribe((e) => {
      if (e.type === 'message.created') arrivals.set(e.message.messageId, performance.now());
    });
    const latencies = [];
    for (let i = 0; i < LATENCY_SAMPLES; i++) {
      while (sync.status !== 'idle') await new Promise((r) => setTimeout(r, 20));
      await new Promise((r) => setTimeout(r, 300)); // IDLE is running
      const id = `live-${i}@example.com`;
      const sent = performance.now();
      await dovecot.append(
        `From: vivo@example.com\r\nTo: soporte@tiendaandina.pe\r\nSubject: En vivo ${i}\r\nMessage-ID: <${id}>\r\n\r\nHola\r\n`,
        { user: 'bench' },
      );
      while (!arrivals.has(id)) {
        if (performance.now() - sent > 10_000) throw new Error('no live event within 10 s');
        await new Promise((r) => setTimeout(r, 5));
      }
      latencies.push(Math.round(arrivals.get(id) - sent));
    }
    unsubscribe();
    process.send({ bare, sync: syncResult, latencies });
  } catch (error) {
    process.send({ error: String(error?.stack ?? error) });
  } finally {
    await mail?.stop();
    await server?.close();
    await dovecot.stop();
    await rm(dir, { recursive: true, force: true });
    process.disconnect();
  }
}

function connection(dovecot) {
  const imap = dovecot.imap('bench');
  return { host: imap.host, port: imap.port, secure: false, auth: imap.auth };
}

if (process.argv[2] === 'child') await child();
else if (import.meta.url === `file://${process.argv[1]}`) {
  // `node bench/mail.bench.mjs`: this benchmark alone.
  console.table(await mailBench());
}
