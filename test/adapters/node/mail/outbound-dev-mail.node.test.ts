/**
 * The embedded default (no SMTP relay configured): the server records what it would have sent
 * in `dataDir/sent-mail`, and `/dev/mail` shows it to agents. Through the whole server: upload
 * and send over HTTP, read the page over HTTP.
 */
import assert from 'node:assert/strict';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import PostalMime from 'postal-mime';
import { API_PREFIX } from '../../../../src/adapters/contract/index.js';
import type { Attachment, Message } from '../../../../src/model/index.js';
import { bearer, multipart, PDF, testServer, type TestServer } from '../helpers.js';
import { jorge, replyToJorge, sleep, waitForStatus } from './outbound-helpers.js';

const basic = (user: string, pass: string) => ({
  authorization: `Basic ${Buffer.from(`${user}:${pass}`).toString('base64')}`,
});

describe('sent mail recorded without a relay, and the /dev/mail page', () => {
  let server: TestServer;
  let token: string;
  let sent: Message;

  before(async () => {
    server = await testServer({
      undoSendSeconds: 0.2,
      mail: { mailboxes: [], inboundSmtp: null },
    });
    token = await server.login('agent');
    const form = await multipart(
      { purpose: 'attachment', conversationId: jorge.conversationId },
      { name: 'Guía de envío.pdf', bytes: PDF, type: 'application/pdf' },
    );
    const uploaded = await server.request({
      method: 'POST',
      url: `${API_PREFIX}/uploads`,
      headers: { ...bearer(token), ...form.headers },
      payload: form.payload,
    });
    assert.equal(uploaded.statusCode, 200, uploaded.body);
    const pdf = uploaded.json<Attachment>();
    const res = await server.request({
      method: 'POST',
      url: `${API_PREFIX}/messages`,
      headers: bearer(token),
      payload: replyToJorge({
        bcc: [{ address: 'auditoria@tiendaandina.pe' }],
        html: '<p>Le adjunto la guía <b>&lt;script&gt;</b>.</p>',
        text: 'Le adjunto la guía <script>.',
        attachmentIds: [pdf.id],
      }),
    });
    assert.equal(res.statusCode, 200, res.body);
    const { message } = res.json<{ message: Message }>();
    sent = await waitForStatus(server.backend, message, 'sent');
  });
  after(() => server.stop());

  it('records the MIME and its envelope in dataDir/sent-mail', async () => {
    const files = await readdir(join(server.dir, 'sent-mail'));
    assert.deepEqual(files.sort(), [`${sent.id}.eml`, `${sent.id}.json`]);
    const raw = await server.outbound.sentMail.raw(sent.id);
    const parsed = await PostalMime.parse(raw!);
    assert.equal(parsed.messageId, `<${sent.messageId}>`);
    assert.deepEqual(parsed.from, { name: 'Lucía Ramos', address: 'soporte@tiendaandina.pe' });
    assert.equal(parsed.inReplyTo?.startsWith('<'), true);
    assert.equal(parsed.attachments[0]?.filename, 'Guía de envío.pdf');
    const [record] = await server.outbound.sentMail.list();
    assert.deepEqual(record!.envelope, {
      from: 'soporte@tiendaandina.pe',
      to: [jorge.address, 'auditoria@tiendaandina.pe'],
    });
  });

  it('is for agents only: Basic with an agent’s sign-in, or a bearer token', async () => {
    const anonymous = await server.request({ url: '/dev/mail' });
    assert.equal(anonymous.statusCode, 401);
    assert.match(String(anonymous.headers['www-authenticate']), /^Basic realm=/);
    const wrong = await server.request({
      url: '/dev/mail',
      headers: basic('lucia.ramos@tiendaandina.pe', 'nope'),
    });
    assert.equal(wrong.statusCode, 401);
    const device = await server.device();
    const visitor = await server.request({ url: '/dev/mail', headers: bearer(device.token) });
    assert.equal(visitor.statusCode, 401, 'a visitor token is not an agent token');
    const eml = await server.request({ url: `/dev/mail/${sent.id}.eml` });
    assert.equal(eml.statusCode, 401);
    const ok = await server.request({
      url: '/dev/mail',
      headers: basic('lucia.ramos@tiendaandina.pe', 'demo'),
    });
    assert.equal(ok.statusCode, 200);
    const byToken = await server.request({ url: '/dev/mail', headers: bearer(token) });
    assert.equal(byToken.statusCode, 200);
  });

  it('lists sent mail newest first, linking each message and its .eml', async () => {
    const later = await server.backend.agent('agent').send({
      conversationId: jorge.conversationId,
      mode: 'new',
      channel: 'email',
      to: [{ address: jorge.address }],
      cc: [],
      bcc: [],
      subject: 'Encuesta <b>de satisfacción</b>',
      html: '<p>¿Cómo le fue?</p>',
      text: '¿Cómo le fue?',
      attachmentIds: [],
    });
    await waitForStatus(server.backend, later.message, 'sent');
    const page = await server.request({ url: '/dev/mail', headers: bearer(token) });
    assert.equal(page.statusCode, 200);
    assert.match(String(page.headers['content-type']), /^text\/html/);
    assert.match(String(page.headers['content-security-policy']), /default-src 'none'/);
    const body = page.body;
    assert.ok(body.includes('Encuesta &lt;b&gt;de satisfacción&lt;/b&gt;'), 'subjects are escaped');
    assert.ok(!body.includes('<b>de satisfacción'));
    const newer = body.indexOf(`/dev/mail/${later.message.id}"`);
    const older = body.indexOf(`/dev/mail/${sent.id}"`);
    assert.ok(newer !== -1 && older !== -1 && newer < older, 'newest first');
    assert.ok(body.includes(`href="/dev/mail/${sent.id}.eml"`));
  });

  it('shows one message (headers, text, attachments) and serves its .eml', async () => {
    const view = await server.request({ url: `/dev/mail/${sent.id}`, headers: bearer(token) });
    assert.equal(view.statusCode, 200);
    assert.ok(view.body.includes(`&lt;${sent.messageId}&gt;`), 'its Message-ID');
    assert.ok(view.body.includes('Le adjunto la guía &lt;script&gt;.'), 'its text, escaped');
    assert.ok(!view.body.includes('<script>'));
    assert.ok(view.body.includes('Guía de envío.pdf — application/pdf'));
    assert.ok(view.body.includes('auditoria@tiendaandina.pe'), 'the envelope shows the BCC');

    const eml = await server.request({ url: `/dev/mail/${sent.id}.eml`, headers: bearer(token) });
    assert.equal(eml.statusCode, 200);
    assert.equal(eml.headers['content-type'], 'message/rfc822');
    assert.match(String(eml.headers['content-disposition']), /^attachment;/);
    const raw = await server.outbound.sentMail.raw(sent.id);
    assert.ok(Buffer.from(eml.rawPayload).equals(raw!));

    for (const bad of ['nope', '..%2Fsecret', 'msg_1.json']) {
      const res = await server.request({ url: `/dev/mail/${bad}`, headers: bearer(token) });
      assert.equal(res.statusCode, 404, bad);
    }
  });

  it('a restart neither loses nor repeats recorded mail', async () => {
    await sleep(50);
    // A redelivery would write the record again: the same id, a new `recordedAt`.
    const records = async () =>
      (await server.outbound.sentMail.list()).map((r) => `${r.id} ${r.recordedAt}`);
    const before = await records();
    assert.equal(before.length, 2);
    const dir = server.dir;
    await server.close();
    server = await testServer(
      { undoSendSeconds: 0.2, mail: { mailboxes: [], inboundSmtp: null } },
      { dir },
    );
    await sleep(200);
    assert.deepEqual(await records(), before);
  });
});
