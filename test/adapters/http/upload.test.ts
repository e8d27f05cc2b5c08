/**
 * Uploads over HTTP: progress in bytes of the file, monotonic and complete once at the end;
 * aborting mid-upload; the fetch fallback; refusals as `AdapterError`s with their limits.
 */
import { expect } from '@open-wc/testing';
import { AdapterError } from '../../../src/adapters/adapter.js';
import { createHttpAgentAdapter } from '../../../src/adapters/http/index.js';
import { SEED_IDS } from '../../../src/adapters/memory/index.js';
import { stopWorker } from '../../conformance/msw-worker.js';
import { namedBlob, pdfFile, pngFile } from '../../conformance/uploads.js';
import { httpFixture, rawRequest, type HttpFixture } from './fixture.js';

const MB = 1024 * 1024;
const conversationId = SEED_IDS.jorge.conversationId;

/**
 * An XMLHttpRequest that reports upload progress in multipart-body bytes (`bodySize`, larger than
 * the file) and answers with a canned attachment — what a browser does against a real server.
 */
function fakeXhr(record: { headers: Record<string, string>; form?: FormData }, bodySize: number) {
  return class FakeXhr {
    status = 0;
    responseText = '';
    upload: { onprogress: ((e: ProgressEvent) => void) | null } = { onprogress: null };
    onload: (() => void) | null = null;
    onerror: (() => void) | null = null;
    ontimeout: (() => void) | null = null;
    onabort: (() => void) | null = null;
    open() {}
    setRequestHeader(name: string, value: string) {
      record.headers[name] = value;
    }
    abort() {}
    send(form: FormData) {
      record.form = form;
      const steps = [0.1, 0.05, 0.5, 1];
      steps.forEach((share, i) =>
        setTimeout(() => {
          const loaded = Math.round(bodySize * share);
          this.upload.onprogress?.(
            new ProgressEvent('progress', { lengthComputable: true, loaded, total: bodySize }),
          );
          if (i === steps.length - 1) {
            this.status = 200;
            this.responseText = JSON.stringify({ id: 'att-1', name: 'a.pdf' });
            this.onload?.();
          }
        }, i * 5),
      );
    }
  } as unknown as typeof XMLHttpRequest;
}

describe('HTTP adapter: uploads', () => {
  let fixture: HttpFixture;
  beforeEach(async () => {
    fixture = await httpFixture();
  });
  afterEach(async () => fixture.close());
  after(stopWorker);

  it('maps XMLHttpRequest progress to bytes of the file, never backwards, complete once', async () => {
    const record: { headers: Record<string, string>; form?: FormData } = { headers: {} };
    const file = pdfFile('contrato.pdf', 1000);
    const adapter = createHttpAgentAdapter({
      baseUrl: fixture.baseUrl,
      token: 'tok',
      XMLHttpRequest: fakeXhr(record, 1200),
    });
    const progress: Array<[number, number]> = [];
    const stored = await adapter.upload(file, {
      purpose: 'inline',
      conversationId,
      onProgress: (loaded, total) => progress.push([loaded, total]),
    });
    expect(stored).to.deep.equal({ id: 'att-1', name: 'a.pdf' });
    // 10 % then 5 % (ignored: backwards), 50 %, 100 % of 1200 body bytes → file bytes.
    expect(progress).to.deep.equal([
      [100, 1000],
      [500, 1000],
      [1000, 1000],
    ]);
    expect(record.headers['authorization']).to.equal('Bearer tok');
    expect(record.form?.get('purpose')).to.equal('inline');
    expect(record.form?.get('conversationId')).to.equal(conversationId);
    expect((record.form?.get('file') as File).name).to.equal('contrato.pdf');
    adapter.close();
  });

  it('uploads through the handlers with XMLHttpRequest and ends at 100 %', async () => {
    const { adapter } = await fixture.agent('agent');
    const file = pdfFile('factura.pdf', 2 * MB);
    const progress: Array<[number, number]> = [];
    const stored = await adapter.upload(file, {
      purpose: 'attachment',
      conversationId,
      onProgress: (loaded, total) => progress.push([loaded, total]),
    });
    expect(stored).to.include({ name: 'factura.pdf', size: file.size, kind: 'document' });
    expect(progress.at(-1)).to.deep.equal([file.size, file.size]);
    const { message } = await adapter.send({
      conversationId,
      mode: 'reply',
      channel: 'email',
      inReplyToMessageId: SEED_IDS.jorge.latestMessageId,
      to: [{ address: SEED_IDS.jorge.address }],
      cc: [],
      bcc: [],
      subject: 'Factura',
      html: '<p>Adjunto</p>',
      text: 'Adjunto',
      attachmentIds: [stored.id],
    });
    expect(message.attachments.map((a) => a.id)).to.deep.equal([stored.id]);
  });

  it('without XMLHttpRequest, uploads with fetch and reports progress once', async () => {
    const { token } = await fixture.agent('agent');
    const adapter = createHttpAgentAdapter({
      baseUrl: fixture.baseUrl,
      token,
      XMLHttpRequest: null,
    });
    const file = pngFile('logo.png', 4096);
    const progress: Array<[number, number]> = [];
    const stored = await adapter.upload(file, {
      purpose: 'inline',
      onProgress: (loaded, total) => progress.push([loaded, total]),
    });
    expect(stored).to.include({ name: 'logo.png', inline: true });
    expect(progress).to.deep.equal([[4096, 4096]]);
    adapter.close();
  });

  it('aborting mid-upload rejects at once with an AbortError, with or without XMLHttpRequest', async () => {
    await fixture.close();
    fixture = await httpFixture({ backend: { latencyMs: 300 } });
    const { token } = await fixture.agent('agent');
    for (const XMLHttpRequest of [undefined, null]) {
      const adapter = createHttpAgentAdapter({ baseUrl: fixture.baseUrl, token, XMLHttpRequest });
      const controller = new AbortController();
      const started = performance.now();
      const upload = adapter.upload(pdfFile('grande.pdf', MB), {
        purpose: 'attachment',
        signal: controller.signal,
      });
      setTimeout(() => controller.abort(), 20);
      const error = await upload.catch((e: unknown) => e);
      const via = XMLHttpRequest === null ? 'fetch' : 'XMLHttpRequest';
      expect((error as DOMException).name, via).to.equal('AbortError');
      expect(performance.now() - started, via).to.be.below(250, 'without waiting for the answer');
      adapter.close();
    }
  });

  it('refusals keep their codes and limits; a malformed upload is invalid', async () => {
    const { adapter, token } = await fixture.agent('agent');
    const big = await adapter
      .upload(pdfFile('enorme.pdf', 10 * MB + 1), { purpose: 'attachment', conversationId })
      .catch((e: unknown) => e);
    expect(big).to.be.instanceOf(AdapterError);
    expect(big).to.include({ code: 'too-large', limit: 10 * MB });
    const exe = await adapter
      .upload(namedBlob('setup.exe', 'application/octet-stream', [0x4d, 0x5a]), {
        purpose: 'attachment',
      })
      .catch((e: unknown) => e);
    expect(exe).to.include({ code: 'unsupported-type' });
    const purpose = await adapter
      .upload(pdfFile(), { purpose: 'banner' as 'inline' })
      .catch((e: unknown) => e);
    expect(purpose).to.include({ code: 'invalid', field: 'purpose' });
    const notMultipart = await rawRequest(fixture, token, 'POST', '/uploads', '{"file":1}');
    expect(notMultipart.status).to.equal(400);
    expect(notMultipart.body.error?.code).to.equal('invalid');
    const noFile = new FormData();
    noFile.append('purpose', 'attachment');
    const response = await fetch(`${fixture.baseUrl}/api/v1/uploads`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
      body: noFile,
    });
    expect(response.status).to.equal(400);
    expect((await response.json()).error).to.include({ code: 'invalid', field: 'file' });
  });

  it('a visitor uploads with their device token', async () => {
    const visitor = fixture.visitor();
    await visitor.identify({ email: 'adjunto@example.com' });
    const stored = await visitor.upload(pngFile('foto.png'), { purpose: 'attachment' });
    const message = await visitor.send({ clientId: 'c1', text: '', attachmentIds: [stored.id] });
    expect(message.attachments.map((a) => a.id)).to.deep.equal([stored.id]);
  });
});
