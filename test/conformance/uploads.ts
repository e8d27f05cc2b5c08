/**
 * Uploads under the campaign's limits (F-2.4, F-2.5, F-5.7, F-6.6), for agents and visitors.
 * Files carry real magic bytes, since servers check content, not only names.
 */
import type { UploadFile } from '../../src/adapters/adapter.js';
import { deepEqual, equal, includesFields, ok, rejectsWith } from './assert.js';
import type { SuiteContext } from './context.js';
import type { TestApi } from './harness.js';

const MB = 1024 * 1024;

const PNG = [
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1,
  0, 0, 0, 1, 8, 6, 0, 0, 0, 0x1f, 0x15, 0xc4, 0x89,
];
const PDF = [
  ...new TextEncoder().encode('%PDF-1.4\n%âãÏÓ\n1 0 obj\n<< /Type /Catalog >>\nendobj\n'),
];
const EXE = [0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00];

/** A named blob: `header` bytes, padded with zeros to `size`. */
export function namedBlob(
  name: string,
  type: string,
  header: number[],
  size = header.length,
): UploadFile {
  const bytes = new Uint8Array(Math.max(size, 0));
  bytes.set(header.slice(0, bytes.length));
  return Object.assign(new Blob([bytes], { type }), { name });
}

export function pdfFile(name = 'documento.pdf', size?: number): UploadFile {
  return namedBlob(name, 'application/pdf', PDF, size);
}

export function pngFile(name = 'captura.png', size?: number): UploadFile {
  return namedBlob(name, 'image/png', PNG, size);
}

export function textFile(name = 'notas.txt', text = 'Número de pedido: 5521\n'): UploadFile {
  return Object.assign(new Blob([text], { type: 'text/plain' }), { name });
}

export function defineUploadTests({ describe, it }: TestApi, ctx: SuiteContext): void {
  describe('agent uploads (F-2.4, F-2.5)', () => {
    it('stores an attachment and reports progress to the end', async () => {
      const agent = ctx.agent();
      const file = pdfFile('contrato.pdf');
      const progress: Array<[number, number]> = [];
      const stored = await agent.upload(file, {
        purpose: 'attachment',
        conversationId: ctx.ids.jorge.conversationId,
        onProgress: (loaded, total) => progress.push([loaded, total]),
      });
      includesFields(stored, {
        name: 'contrato.pdf',
        size: file.size,
        type: 'application/pdf',
        kind: 'document',
        inline: false,
      });
      ok(stored.id, 'id');
      ok(typeof stored.url === 'string' && stored.url.length > 0, 'url');
      ok(progress.length >= 1, 'onProgress called');
      deepEqual(
        progress[progress.length - 1],
        [file.size, file.size],
        'the last progress call is complete',
      );
      for (let i = 1; i < progress.length; i++)
        ok(progress[i]![0] >= progress[i - 1]![0], 'progress never goes back');
    });

    it('stores an inline image and plain text attachments', async () => {
      const agent = ctx.agent();
      const image = await agent.upload(pngFile('logo.png'), {
        purpose: 'inline',
        conversationId: ctx.ids.jorge.conversationId,
      });
      includesFields(image, { name: 'logo.png', type: 'image/png', kind: 'image', inline: true });
      const text = await agent.upload(textFile('pedido.txt'), { purpose: 'attachment' });
      includesFields(text, { name: 'pedido.txt', kind: 'text', inline: false });
      ok(text.type.startsWith('text/plain'), `type ${text.type}`);
    });

    it('an uploaded file can be sent', async () => {
      const agent = ctx.agent();
      const mail = await ctx.newEmailCase();
      const file = await agent.upload(pdfFile('presupuesto.pdf'), {
        purpose: 'attachment',
        conversationId: mail.conversationId,
      });
      const { message } = await agent.send(
        ctx.emailReply(mail.message, { attachmentIds: [file.id] }),
      );
      deepEqual(
        message.attachments.map((a) => [a.name, a.size, a.type]),
        [[file.name, file.size, file.type]],
      );
      await agent.cancelSend(message.id);
    });

    it('refuses files over the limit with too-large and the limit', async () => {
      const agent = ctx.agent();
      const settings = await agent.campaign(ctx.ids.jorge.conversationId);
      const max = settings.attachments.attachment.maxBytes;
      const inlineMax = settings.attachments.inlineImage.maxBytes;
      equal(max, 10 * MB, 'the seed campaign allows 10 MB attachments');
      equal(inlineMax, 5 * MB, 'and 5 MB inline images');
      const conversationId = ctx.ids.jorge.conversationId;
      const atLimit = await agent.upload(pdfFile('limite.pdf', max), {
        purpose: 'attachment',
        conversationId,
      });
      equal(atLimit.size, max, 'exactly at the limit is accepted');
      const big = await rejectsWith(
        agent.upload(pdfFile('grande.pdf', max + 1), { purpose: 'attachment', conversationId }),
        'too-large',
      );
      equal(big.limit, max, 'limit of an attachment');
      const bigImage = await rejectsWith(
        agent.upload(pngFile('foto.png', inlineMax + 1), { purpose: 'inline', conversationId }),
        'too-large',
      );
      equal(bigImage.limit, inlineMax, 'limit of an inline image');
    });

    it('refuses unaccepted types and empty files', async () => {
      const agent = ctx.agent();
      const conversationId = ctx.ids.jorge.conversationId;
      await rejectsWith(
        agent.upload(namedBlob('programa.exe', 'application/x-msdownload', EXE), {
          purpose: 'attachment',
          conversationId,
        }),
        'unsupported-type',
        undefined,
        '.exe attachment',
      );
      await rejectsWith(
        agent.upload(pdfFile('documento.pdf'), { purpose: 'inline', conversationId }),
        'unsupported-type',
        undefined,
        'inline pdf',
      );
      await rejectsWith(
        agent.upload(namedBlob('vacio.pdf', 'application/pdf', [], 0), {
          purpose: 'attachment',
          conversationId,
        }),
        'invalid',
        undefined,
        'empty',
      );
    });
  });

  describe('visitor uploads (F-5.7)', () => {
    it('stores a file under the campaign limits and sends it', async () => {
      const chat = await ctx.newChatCase();
      const session = await chat.visitor.resume();
      const stored = await chat.visitor.upload(pngFile('comprobante.png'), {
        purpose: 'attachment',
      });
      includesFields(stored, { name: 'comprobante.png', kind: 'image', type: 'image/png' });
      const message = await chat.visitor.send({
        clientId: ctx.uid('c'),
        text: '',
        attachmentIds: [stored.id],
      });
      deepEqual(
        message.attachments.map((a) => a.id),
        [stored.id],
        'a message of only an attachment',
      );
      const max = session.campaign.attachments.attachment.maxBytes;
      const big = await rejectsWith(
        chat.visitor.upload(pdfFile('enorme.pdf', max + 1), { purpose: 'attachment' }),
        'too-large',
      );
      equal(big.limit, max);
      await rejectsWith(
        chat.visitor.upload(namedBlob('script.exe', 'application/octet-stream', EXE), {
          purpose: 'attachment',
        }),
        'unsupported-type',
      );
      await rejectsWith(
        chat.visitor.upload(namedBlob('vacio.png', 'image/png', [], 0), { purpose: 'attachment' }),
        'invalid',
      );
    });
  });
}
