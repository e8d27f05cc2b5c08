import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys, sendMouse } from '@web/test-runner-commands';
import {
  AdapterError,
  type AgentAdapter,
  type UploadOptions,
} from '../../../src/adapters/adapter.js';
import { createMemoryBackend, SEED_IDS } from '../../../src/adapters/memory/index.js';
import { AtentoElement } from '../../../src/components/internal/atento-element.js';
import '../../../src/components/mail-composer/attachment-list.js';
import {
  refusalMessage,
  type Localizer,
} from '../../../src/components/mail-composer/file-refusal.js';
import { UploadQueue } from '../../../src/components/mail-composer/upload-queue.js';
import { formatFileSize, translate, type Locale } from '../../../src/i18n/index.js';
import {
  DEFAULT_ATTACHMENT_LIMITS,
  type Attachment,
  type FileRule,
} from '../../../src/model/index.js';

const JORGE = SEED_IDS.jorge.conversationId;
const MB = 1024 * 1024;

/** A host element like the composer: a queue, and the list rendering its items. */
class UploadHost extends AtentoElement {
  adapter?: AgentAdapter;
  rule: FileRule = DEFAULT_ATTACHMENT_LIMITS.attachment;
  /** Every progress value rendered while uploading. */
  progressSeen: number[] = [];

  readonly queue = new UploadQueue(this, {
    i18n: this.i18n,
    adapter: () => this.adapter,
    conversationId: () => JORGE,
    limits: () => this.rule,
  });

  override render() {
    for (const item of this.queue.items)
      if (item.progress !== null && item.status === 'uploading')
        this.progressSeen.push(item.progress);
    return html`<atento-attachment-list
      .items=${this.queue.items}
      @attachment-remove=${(e: CustomEvent<{ key: string }>) => this.queue.remove(e.detail.key)}
      @attachment-retry=${(e: CustomEvent<{ key: string }>) => this.queue.retry(e.detail.key)}
    ></atento-attachment-list>`;
  }
}
customElements.define('test-upload-host', UploadHost);

function file(name: string, size = 64, type = ''): File {
  return new File([new Uint8Array(size)], name, { type });
}

/** The memory adapter, counting upload calls. */
function countingAgent() {
  const backend = createMemoryBackend();
  const agent = backend.agent('agent');
  const calls: string[] = [];
  const adapter: AgentAdapter = Object.assign(Object.create(agent) as AgentAdapter, {
    upload: (f: File, o: UploadOptions) => {
      calls.push(f.name);
      return agent.upload(f, o);
    },
  });
  return { backend, adapter, calls };
}

/** A controllable adapter: each upload call waits for the test to settle it. */
function manualAdapter() {
  const calls: Array<{
    name: string;
    options: UploadOptions;
    resolve: (a: Attachment) => void;
    reject: (e: unknown) => void;
  }> = [];
  const adapter = {
    upload: (f: File, options: UploadOptions) =>
      new Promise<Attachment>((resolve, reject) => {
        calls.push({ name: f.name, options, resolve, reject });
        options.signal?.addEventListener('abort', () => reject(options.signal!.reason));
      }),
  } as unknown as AgentAdapter;
  const attachment = (name: string): Attachment => ({
    id: `att-${name}`,
    name,
    size: 64,
    type: 'application/pdf',
    kind: 'document',
    url: '/files/' + name,
    inline: false,
  });
  return { adapter, calls, attachment };
}

/** A stand-in for an element's LocalizeController. */
function localizer(locale: Locale): Localizer {
  return {
    locale,
    t: ((...args: unknown[]) =>
      (translate as (...a: unknown[]) => string)(locale, ...args)) as Localizer['t'],
    fileSize: (bytes: number) => formatFileSize(locale, bytes),
  };
}

async function mount(adapter?: AgentAdapter, lang = 'es') {
  const host = await fixture<UploadHost>(
    html`<test-upload-host lang=${lang} .adapter=${adapter}></test-upload-host>`,
  );
  return host;
}

const list = (host: UploadHost) => host.shadowRoot!.querySelector('atento-attachment-list')!;
const inList = (host: UploadHost, selector: string) =>
  list(host).shadowRoot!.querySelector<HTMLElement>(selector);
const settled = (host: UploadHost) =>
  waitUntil(() => !host.queue.pending, 'uploads settled', { timeout: 3000 });

async function click(element: Element) {
  const r = element.getBoundingClientRect();
  await sendMouse({
    type: 'click',
    position: [Math.round(r.x + r.width / 2), Math.round(r.y + r.height / 2)],
  });
}

describe('UploadQueue', () => {
  it('uploads an accepted file with the memory adapter: progress, then done with its id', async () => {
    const { adapter, calls } = countingAgent();
    const host = await mount(adapter);
    const problems = host.queue.add([file('contrato.pdf', 2048, 'application/pdf')]);
    expect(problems).to.deep.equal([]);
    expect(host.queue.pending).to.equal(true);
    expect(host.queue.items[0]!.status).to.equal('uploading');
    await settled(host);

    const [item] = host.queue.items;
    expect(item!.status).to.equal('done');
    expect(item!.attachment!.name).to.equal('contrato.pdf');
    expect(item!.attachment!.kind).to.equal('document');
    expect(host.queue.attachmentIds).to.deep.equal([item!.attachment!.id]);
    expect(item!.file, 'the file is not kept once stored').to.equal(undefined);
    expect(calls).to.deep.equal(['contrato.pdf']);
    expect(
      host.progressSeen.some((p) => p > 0 && p < 1),
      'intermediate progress shown',
    ).to.equal(true);
    await host.updateComplete;
    const link = inList(host, 'a[part=name]') as HTMLAnchorElement;
    expect(link.getAttribute('href')).to.equal(item!.attachment!.url);
    expect(link.getAttribute('download')).to.equal('contrato.pdf');
    await expect(host).to.be.accessible();
  });

  it('refuses a forbidden type, an oversized file, an empty file and a duplicate, each saying why, uploading none of them', async () => {
    const { adapter, calls } = countingAgent();
    const host = await mount(adapter);
    host.queue.add([file('informe.pdf', 100)]);
    await settled(host);
    calls.length = 0;

    const problems = host.queue.add([
      file('setup.exe', 100),
      file('Makefile', 100),
      file('video.zip', 10 * MB + 1),
      file('vacío.txt', 0),
      file('informe.pdf', 100),
      file('foto.png', 50),
      file('foto.png', 50),
    ]);
    const messages = problems.map((p) => p.message);
    expect(problems.map((p) => p.name)).to.deep.equal([
      'setup.exe',
      'Makefile',
      'video.zip',
      'vacío.txt',
      'informe.pdf',
      'foto.png',
    ]);
    expect(messages[0]).to.equal(
      'No se puede adjuntar «setup.exe»: no se permiten archivos .exe. Se permiten: ' +
        'imágenes (jpg, jpeg, png, gif); ' +
        'documentos (doc, docx, xls, xlsx, ppt, pptx, pdf, zip, rar, 7z, tar, gz, odt, ods, odp); ' +
        'audio (aac, mp4, amr, mp3, ogg); video (mp4, 3gp); texto (txt, csv, xml).',
    );
    expect(messages[1]).to.contain('no se permiten archivos sin extensión');
    expect(messages[2]).to.equal('«video.zip» supera el límite de 10 MB.');
    expect(messages[3]).to.equal('«vacío.txt» está vacío (0 bytes) y no se puede adjuntar.');
    expect(messages[4]).to.equal('«informe.pdf» ya está adjunto.');
    expect(messages[5]).to.equal('«foto.png» ya está adjunto.');
    expect(host.queue.problems).to.deep.equal(problems);
    expect(host.queue.items.map((i) => i.name)).to.deep.equal(['informe.pdf', 'foto.png']);

    await settled(host);
    expect(calls, 'only the new accepted file was uploaded').to.deep.equal(['foto.png']);
    host.queue.clearProblems();
    expect(host.queue.problems).to.deep.equal([]);
    await expect(host).to.be.accessible();
  });

  it('formats sizes in the locale and names the limit', () => {
    const es = localizer('es');
    const en = localizer('en');
    const refusal = { reason: 'too-large', size: 12.3 * MB, maxBytes: 10 * MB } as const;
    expect(refusalMessage(es, 'x.zip', refusal)).to.equal(
      '«x.zip» pesa 12,3 MB; el límite es 10 MB.',
    );
    expect(refusalMessage(en, 'x.zip', refusal)).to.equal(
      '“x.zip” is 12.3 MB; the limit is 10 MB.',
    );
    const inline = DEFAULT_ATTACHMENT_LIMITS.inlineImage;
    expect(
      refusalMessage(
        en,
        'logo.bmp',
        { reason: 'unsupported-type', extension: 'bmp', accepted: ['jpg', 'jpeg', 'png', 'gif'] },
        inline,
      ),
    ).to.equal(
      '“logo.bmp” cannot be attached: .bmp files are not allowed. Allowed: images (jpg, jpeg, png, gif).',
    );
  });

  it('shows an upload that fails halfway as failed, and Retry (mouse) uploads it again', async () => {
    let attempts = 0;
    const { adapter: memory } = countingAgent();
    const adapter = Object.assign(Object.create(memory) as AgentAdapter, {
      upload: async (f: File, o: UploadOptions) => {
        if (++attempts === 1) {
          o.onProgress?.(f.size / 2, f.size);
          await new Promise((r) => setTimeout(r, 10));
          throw new AdapterError('unavailable', 'The connection was reset.');
        }
        return memory.upload(f, o);
      },
    });
    const host = await mount(adapter);
    host.queue.add([file('informe.pdf', 1000, 'application/pdf')]);
    await settled(host);
    expect(host.progressSeen).to.include(0.5);
    const [failed] = host.queue.items;
    expect(failed!.status).to.equal('failed');
    expect(failed!.progress).to.equal(null);
    expect(failed!.error).to.equal(
      'No se pudo subir «informe.pdf». El servicio no está disponible por el momento. Intente de nuevo en un momento.',
    );
    expect(host.queue.failed).to.equal(true);
    expect(host.queue.attachmentIds).to.deep.equal([]);
    await host.updateComplete;
    expect(inList(host, '[part=error]')!.textContent).to.equal(failed!.error);
    await expect(host).to.be.accessible();

    await click(inList(host, '[part=retry]')!);
    await settled(host);
    expect(attempts).to.equal(2);
    expect(host.queue.items[0]!.status).to.equal('done');
    expect(host.queue.failed).to.equal(false);
    expect(host.queue.attachmentIds).to.have.length(1);
  });

  it('says when the adapter is offline and uploads on Retry (keyboard) once back', async () => {
    const { adapter, backend } = countingAgent();
    const host = await mount(adapter);
    backend.fault('offline');
    host.queue.add([file('x.pdf', 10)]);
    await settled(host);
    expect(host.queue.items[0]!.error).to.equal(
      'No se pudo subir «x.pdf»: parece que no hay conexión.',
    );
    expect(host.queue.items[0]!.retryable).to.equal(true);
    backend.fault(null);
    await host.updateComplete;
    inList(host, '[part=retry]')!.focus();
    await sendKeys({ press: 'Enter' });
    await settled(host);
    expect(host.queue.items[0]!.status).to.equal('done');
  });

  it('says why the server refused a file, without offering a retry', async () => {
    const { adapter, calls } = manualAdapter();
    const host = await mount(adapter);
    host.queue.add([file('grande.zip', 64), file('foto.jpg', 65), file('raro.pdf', 66)]);
    await waitUntil(() => calls.length === 3);
    calls[0]!.reject(new AdapterError('too-large', 'too large', { limit: 5 * MB }));
    calls[1]!.reject(new AdapterError('unsupported-type', 'not an image'));
    calls[2]!.reject(new AdapterError('invalid', 'bad'));
    await settled(host);
    expect(host.queue.items.map((i) => i.error)).to.deep.equal([
      '«grande.zip» pesa 64 B; el límite es 5 MB.',
      'Se rechazó «foto.jpg»: su contenido no es de un tipo de archivo permitido.',
      'No se pudo subir «raro.pdf». Hay datos que no son válidos.',
    ]);
    expect(host.queue.items.map((i) => i.retryable)).to.deep.equal([false, false, false]);
    await host.updateComplete;
    expect(inList(host, '[part=retry]')).to.equal(null);
    await expect(host).to.be.accessible();
  });

  it('runs at most 3 uploads at once and starts the next when one ends', async () => {
    const { adapter, calls, attachment } = manualAdapter();
    const host = await mount(adapter);
    host.queue.add(['a', 'b', 'c', 'd', 'e'].map((n) => file(`${n}.pdf`)));
    await waitUntil(() => calls.length === 3);
    await new Promise((r) => setTimeout(r, 20));
    expect(calls.map((c) => c.name)).to.deep.equal(['a.pdf', 'b.pdf', 'c.pdf']);
    expect(host.queue.items.map((i) => i.progress)).to.deep.equal([0, 0, 0, null, null]);
    await host.updateComplete;
    expect(inList(host, '[part~=item]:nth-child(4)')!.textContent).to.contain('En espera…');
    calls[1]!.resolve(attachment('b.pdf'));
    await waitUntil(() => calls.length === 4);
    expect(calls[3]!.name).to.equal('d.pdf');
    calls.forEach((c) => c.resolve(attachment(c.name)));
    await waitUntil(() => calls.length === 5);
    calls[4]!.resolve(attachment('e.pdf'));
    await settled(host);
    expect(host.queue.attachmentIds).to.deep.equal(
      ['a', 'b', 'c', 'd', 'e'].map((n) => `att-${n}.pdf`),
    );
  });

  it('remove during an upload aborts it (keyboard on the remove button)', async () => {
    const { adapter, calls } = manualAdapter();
    const host = await mount(adapter);
    host.queue.add([file('lento.pdf')]);
    await waitUntil(() => calls.length === 1);
    await host.updateComplete;
    const remove = inList(host, '[part=remove]')!;
    expect(remove.getAttribute('aria-label')).to.equal('Quitar lento.pdf');
    remove.focus();
    await sendKeys({ press: 'Space' });
    expect(calls[0]!.options.signal!.aborted).to.equal(true);
    expect(host.queue.items).to.deep.equal([]);
    expect(host.queue.pending).to.equal(false);
    await host.updateComplete;
    expect(inList(host, 'ul')).to.equal(null);
  });

  it('restores stored attachments as done, removable items, and clear() empties everything', async () => {
    const { adapter, calls, attachment } = manualAdapter();
    const host = await mount(adapter);
    const a = attachment('acta.pdf');
    host.queue.restore([a, attachment('foto.png')]);
    host.queue.restore([a]);
    expect(host.queue.items.map((i) => [i.name, i.status])).to.deep.equal([
      ['acta.pdf', 'done'],
      ['foto.png', 'done'],
    ]);
    expect(host.queue.attachmentIds).to.deep.equal(['att-acta.pdf', 'att-foto.png']);
    expect(host.queue.add([file('acta.pdf', 64)])[0]!.message).to.equal(
      '«acta.pdf» ya está adjunto.',
    );
    await host.updateComplete;
    await click(inList(host, '[part=remove]')!);
    expect(host.queue.attachmentIds).to.deep.equal(['att-foto.png']);

    host.queue.add([file('nuevo.pdf')]);
    await waitUntil(() => calls.length === 1);
    host.queue.clear();
    expect(calls[0]!.options.signal!.aborted).to.equal(true);
    expect(host.queue.items).to.deep.equal([]);
    expect(host.queue.problems).to.deep.equal([]);
  });

  it('leaving the document aborts uploads; coming back starts them again', async () => {
    const { adapter, calls, attachment } = manualAdapter();
    const host = await mount(adapter);
    host.queue.add([file('a.pdf')]);
    await waitUntil(() => calls.length === 1);
    const parent = host.parentElement!;
    host.remove();
    expect(calls[0]!.options.signal!.aborted).to.equal(true);
    expect(host.queue.items[0]!.status).to.equal('uploading');
    parent.append(host);
    await waitUntil(() => calls.length === 2);
    calls[1]!.resolve(attachment('a.pdf'));
    await settled(host);
    expect(host.queue.attachmentIds).to.deep.equal(['att-a.pdf']);
  });

  it('messages follow the host locale', async () => {
    const host = await mount(undefined, 'en');
    const [problem] = host.queue.add([file('virus.exe')]);
    expect(problem!.message).to.match(
      /^“virus.exe” cannot be attached: \.exe files are not allowed/,
    );
    host.queue.add([file('a.pdf')]);
    await settled(host);
    expect(host.queue.items[0]!.error).to.equal(
      '“a.pdf” could not be uploaded. No backend is connected to this element.',
    );
    host.locale = 'es';
    await host.updateComplete;
    expect(host.queue.items[0]!.error).to.equal(
      'No se pudo subir «a.pdf». Este elemento no está conectado a ningún servidor.',
    );
  });
});
