/**
 * Uploads and signed downloads (F-2.4, F-2.5, F-5.7, F-6.6): content checked by magic bytes, size
 * enforced while streaming, nothing left on disk after a refusal, downloads only by signature.
 */
import assert from 'node:assert/strict';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { API_PREFIX } from '../../../src/adapters/contract/index.js';
import { SEED_IDS } from '../../../src/adapters/memory/index.js';
import type { Attachment } from '../../../src/model/index.js';
import {
  assertError,
  bearer,
  multipart,
  padded,
  PDF,
  PNG,
  testServer,
  type TestServer,
} from './helpers.js';

const MB = 1024 * 1024;
const JORGE = SEED_IDS.jorge.conversationId;

describe('server: uploads and files', () => {
  let server: TestServer;
  let agent: string;
  let now = new Date();

  before(async () => {
    server = await testServer({ fileUrlTtlSeconds: 3600 }, { listen: true, now: () => now });
    agent = await server.login('agent');
  });
  after(() => server.stop());

  async function upload(
    token: string,
    fields: Record<string, string>,
    file?: { name: string; bytes: Uint8Array<ArrayBuffer>; type?: string },
    path = '/uploads',
  ) {
    const { payload, headers } = await multipart(fields, file);
    return server.request({
      method: 'POST',
      url: `${API_PREFIX}${path}`,
      headers: { ...headers, ...bearer(token) },
      payload,
    });
  }
  const leftovers = async () => [
    ...(await readdir(join(server.dir, 'tmp'))),
    ...(await readdir(join(server.dir, 'files'))),
  ];

  it('stores a PDF, returns a signed url, and serves it as a download', async () => {
    const res = await upload(
      agent,
      { purpose: 'attachment', conversationId: JORGE },
      { name: 'Factura «junio».pdf', bytes: PDF, type: 'application/pdf' },
    );
    assert.equal(res.statusCode, 200, res.body);
    const attachment = res.json<Attachment>();
    assert.equal(attachment.name, 'Factura «junio».pdf');
    assert.equal(attachment.size, PDF.length);
    assert.equal(attachment.type, 'application/pdf');
    assert.equal(attachment.kind, 'document');
    assert.match(attachment.url, /^\/api\/v1\/files\/f[0-9a-f]{32}\?exp=\d+&sig=[\w-]+$/);
    const stored = await readdir(join(server.dir, 'files'));
    assert.ok(
      stored.every((name) => /^f[0-9a-f]{32}(\.json)?$/.test(name)),
      'never the client name',
    );

    const file = await server.request({ url: attachment.url });
    assert.equal(file.statusCode, 200);
    assert.deepEqual(new Uint8Array(file.rawPayload), PDF);
    assert.equal(file.headers['content-type'], 'application/pdf');
    assert.equal(file.headers['x-content-type-options'], 'nosniff');
    assert.match(String(file.headers['cache-control']), /private/);
    assert.equal(
      file.headers['content-disposition'],
      `attachment; filename="Factura _junio_.pdf"; filename*=UTF-8''Factura%20%C2%ABjunio%C2%BB.pdf`,
    );

    // It can be sent: the backend knows the attachment.
    const draft = await server.request({
      method: 'POST',
      url: `${API_PREFIX}/messages`,
      headers: bearer(agent),
      payload: {
        conversationId: JORGE,
        mode: 'new',
        channel: 'email',
        to: [{ address: SEED_IDS.jorge.address }],
        cc: [],
        bcc: [],
        subject: 'Su factura',
        html: '<p>Adjunto.</p>',
        text: 'Adjunto.',
        attachmentIds: [attachment.id],
      },
    });
    assert.equal(draft.statusCode, 200, draft.body);
  });

  it('serves inline images inline, and text as text', async () => {
    const image = await upload(
      agent,
      { purpose: 'inline', conversationId: JORGE },
      { name: 'logo.png', bytes: PNG },
    );
    assert.equal(image.statusCode, 200, image.body);
    const served = await server.request({ url: image.json<Attachment>().url });
    assert.match(String(served.headers['content-disposition']), /^inline; /);
    assert.equal(served.headers['content-type'], 'image/png');
    const text = await upload(
      agent,
      { purpose: 'attachment' },
      {
        name: 'pedido.csv',
        bytes: new TextEncoder().encode('pedido;talla\nTA-48213;42\n'),
      },
    );
    assert.equal(text.statusCode, 200, text.body);
    assert.equal(text.json<Attachment>().kind, 'text');
    const csv = await server.request({ url: text.json<Attachment>().url });
    assert.equal(csv.headers['content-type'], 'text/csv; charset=utf-8');
    assert.match(String(csv.headers['content-disposition']), /^attachment; /);
  });

  it('a visitor uploads under the campaign’s rules', async () => {
    const { token } = await server.device();
    const res = await upload(
      token,
      { purpose: 'attachment' },
      { name: 'comprobante.png', bytes: PNG },
      '/visitor/uploads',
    );
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.json<Attachment>().kind, 'image');
    const withConversation = await upload(
      token,
      { purpose: 'attachment', conversationId: JORGE },
      { name: 'x.png', bytes: PNG },
      '/visitor/uploads',
    );
    assertError(withConversation, 400, 'invalid', { field: 'conversationId' });
    const asAgent = await upload(token, { purpose: 'attachment' }, { name: 'x.png', bytes: PNG });
    assertError(asAgent, 401, 'unauthorized');
  });

  it('refuses a file whose extension lies about its content → 415', async () => {
    const before = await leftovers();
    const res = await upload(
      agent,
      { purpose: 'attachment', conversationId: JORGE },
      { name: 'contrato.pdf', bytes: padded(PNG, 2000), type: 'application/pdf' },
    );
    assertError(res, 415, 'unsupported-type', { field: 'file', message: /image\/png/ });
    const exe = await upload(
      agent,
      { purpose: 'attachment' },
      {
        name: 'foto.jpg',
        bytes: Uint8Array.from([0x4d, 0x5a, 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, 0xff, 0xff]),
      },
    );
    assertError(exe, 415, 'unsupported-type');
    const binaryText = await upload(
      agent,
      { purpose: 'attachment' },
      {
        name: 'notas.txt',
        bytes: Uint8Array.from([0x68, 0x6f, 0x6c, 0x61, 0x00, 0x01, 0xfe]),
      },
    );
    assertError(binaryText, 415, 'unsupported-type');
    const pngAsText = await upload(
      agent,
      { purpose: 'attachment' },
      { name: 'notas.txt', bytes: PNG },
    );
    assertError(pngAsText, 415, 'unsupported-type');
    const byName = await upload(
      agent,
      { purpose: 'attachment' },
      { name: 'setup.exe', bytes: PDF },
    );
    assertError(byName, 415, 'unsupported-type', { message: /\.exe/ });
    const inlinePdf = await upload(agent, { purpose: 'inline' }, { name: 'a.pdf', bytes: PDF });
    assertError(inlinePdf, 415, 'unsupported-type');
    assert.deepEqual(await leftovers(), before, 'nothing left on disk');
  });

  it('refuses an empty file → 400, and malformed upload requests', async () => {
    const before = await leftovers();
    const empty = await upload(
      agent,
      { purpose: 'attachment' },
      { name: 'vacio.pdf', bytes: new Uint8Array(0) },
    );
    assertError(empty, 400, 'invalid', { field: 'file', message: /empty/ });
    const noPurpose = await upload(agent, {}, { name: 'a.pdf', bytes: PDF });
    assertError(noPurpose, 400, 'invalid', { field: 'purpose' });
    const badPurpose = await upload(agent, { purpose: 'avatar' }, { name: 'a.pdf', bytes: PDF });
    assertError(badPurpose, 400, 'invalid', { field: 'purpose' });
    const noFile = await upload(agent, { purpose: 'attachment' });
    assertError(noFile, 400, 'invalid', { field: 'file' });
    const json = await server.request({
      method: 'POST',
      url: `${API_PREFIX}/uploads`,
      headers: bearer(agent),
      payload: { file: 'x' },
    });
    assertError(json, 400, 'invalid', { field: 'file' });
    const form = new FormData();
    form.append('purpose', 'attachment');
    form.append('file', new Blob([PDF]), 'a.pdf');
    form.append('file', new Blob([PDF]), 'b.pdf');
    const twoFiles = new Response(form);
    const two = await server.request({
      method: 'POST',
      url: `${API_PREFIX}/uploads`,
      headers: { 'content-type': twoFiles.headers.get('content-type')!, ...bearer(agent) },
      payload: Buffer.from(await twoFiles.arrayBuffer()),
    });
    assertError(two, 400, 'invalid', { message: /exactly one file/ });
    const unknownCase = await upload(
      agent,
      { purpose: 'attachment', conversationId: 'conv-nope' },
      { name: 'a.pdf', bytes: PDF },
    );
    assertError(unknownCase, 404, 'not-found');
    assert.deepEqual(await leftovers(), before, 'nothing left on disk');
  });

  it('cuts an oversized upload while streaming → 413 with the limit, nothing on disk', async () => {
    const before = await leftovers();
    const big = await upload(
      agent,
      { purpose: 'inline', conversationId: JORGE },
      { name: 'foto.png', bytes: padded(PNG, 5 * MB + 1) },
    );
    assertError(big, 413, 'too-large', { field: 'file', limit: 5 * MB });
    const atLimit = await upload(
      agent,
      { purpose: 'inline', conversationId: JORGE },
      { name: 'foto.png', bytes: padded(PNG, 5 * MB) },
    );
    assert.equal(atLimit.statusCode, 200, 'exactly at the limit is accepted');
    assert.equal((await leftovers()).length, before.length + 2, 'only the accepted file');

    // Over a real connection: the client gets the 413 although it was still sending.
    const { token } = await server.device();
    const form = new FormData();
    form.append('purpose', 'attachment');
    form.append('file', new Blob([padded(PDF, 30 * MB)]), 'enorme.pdf');
    const res = await fetch(`${server.url}${API_PREFIX}/visitor/uploads`, {
      method: 'POST',
      headers: bearer(token),
      body: form,
    });
    assert.equal(res.status, 413);
    const body = (await res.json()) as { error: { code: string; limit: number } };
    assert.equal(body.error.code, 'too-large');
    assert.equal(body.error.limit, 10 * MB);
    assert.equal((await leftovers()).length, before.length + 2, 'the cut upload left nothing');
  });

  it('serves files only with a valid, unexpired signature → 403 otherwise', async () => {
    const res = await upload(agent, { purpose: 'attachment' }, { name: 'a.pdf', bytes: PDF });
    const url = res.json<Attachment>().url;
    const [path, query] = url.split('?');
    const params = new URLSearchParams(query);
    const noSig = await server.request({ url: path! });
    assertError(noSig, 403, 'forbidden');
    const badSig = await server.request({
      url: `${path}?exp=${params.get('exp')}&sig=${'A'.repeat(43)}`,
    });
    assertError(badSig, 403, 'forbidden', { message: /not valid/ });
    const longer = await server.request({
      url: `${path}?exp=${Number(params.get('exp')) + 3600}&sig=${params.get('sig')}`,
    });
    assertError(longer, 403, 'forbidden', { message: /not valid/ });
    const otherFile = await server.request({
      url: `${API_PREFIX}/files/f${'0'.repeat(32)}?${query}`,
    });
    assertError(otherFile, 403, 'forbidden');
    const unknown = server.fileUrls.url(`f${'0'.repeat(32)}`);
    assertError(await server.request({ url: unknown }), 404, 'not-found');
    now = new Date(now.getTime() + 3601 * 1000);
    try {
      const expired = await server.request({ url });
      assertError(expired, 403, 'forbidden', { message: /expired/ });
    } finally {
      now = new Date();
    }
  });
});
