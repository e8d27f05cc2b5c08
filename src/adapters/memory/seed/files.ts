import type { Attachment, AttachmentKind } from '../../../model/index.js';

/**
 * Real tiny files for the seed, as base64: they open in a browser and their `size` is their true
 * byte count. Generated once by a script (16x16 and 24x16 images, one-page PDFs); no external
 * source.
 */
export interface SeedFile {
  type: string;
  kind: AttachmentKind;
  base64: string;
}

/** A 24x16 sketch of a red sneaker, used as an inline `cid:` image. */
export const SHOE_PNG: SeedFile = {
  type: 'image/png',
  kind: 'image',
  base64:
    'iVBORw0KGgoAAAANSUhEUgAAABgAAAAQCAIAAACDRijCAAAAKUlEQVR42mP4RSXAMGrQABl0Qk6XSDT4DMI0axAYhGYWtQ3S' +
    'oAAMe4MAzv35QcF+bGMAAAAASUVORK5CYII=',
};

/** A 16x16 baseline JPEG "photo" (four colour blocks). */
export const PHOTO_JPEG: SeedFile = {
  type: 'image/jpeg',
  kind: 'image',
  base64:
    '/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAAEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEB' +
    'AQEBAQEBAQEBAQEBAQEBAQH/wAARCAAQABADAREAAhEAAxEA/8QAMQAAAQUBAQEBAQEAAAAAAAAAAAECAwQFBgcICQoLEAEA' +
    'AAAAAAAAAAAAAAAAAAAA/9oADAMBAAIAAwAAPwD8l3zO/oof6cD6Ifzrv8m93Cu/tQfn++wH/9k=',
};

/** A one-page return label for order TA-48213. */
export const RETURN_LABEL_PDF: SeedFile = {
  type: 'application/pdf',
  kind: 'document',
  base64:
    'JVBERi0xLjQKMSAwIG9iago8PCAvVHlwZSAvQ2F0YWxvZyAvUGFnZXMgMiAwIFIgPj4KZW5kb2JqCjIgMCBvYmoKPDwgL1R5' +
    'cGUgL1BhZ2VzIC9LaWRzIFszIDAgUl0gL0NvdW50IDEgPj4KZW5kb2JqCjMgMCBvYmoKPDwgL1R5cGUgL1BhZ2UgL1BhcmVu' +
    'dCAyIDAgUiAvTWVkaWFCb3ggWzAgMCA1OTUgODQyXSAvUmVzb3VyY2VzIDw8IC9Gb250IDw8IC9GMSA0IDAgUiA+PiA+PiAv' +
    'Q29udGVudHMgNSAwIFIgPj4KZW5kb2JqCjQgMCBvYmoKPDwgL1R5cGUgL0ZvbnQgL1N1YnR5cGUgL1R5cGUxIC9CYXNlRm9u' +
    'dCAvSGVsdmV0aWNhIC9FbmNvZGluZyAvV2luQW5zaUVuY29kaW5nID4+CmVuZG9iago1IDAgb2JqCjw8IC9MZW5ndGggMTcx' +
    'ID4+CnN0cmVhbQpCVCAvRjEgMTQgVGYgNTYgNzgwIFRkIDE4IFRMIChUaWVuZGEgQW5kaW5hIC0gR3VpYSBkZSBkZXZvbHVj' +
    'aW9uKSBUaiBUKiAoUGVkaWRvIFRBLTQ4MjEzKSBUaiBUKiAoQ2xpZW50ZTogSm9yZ2UgVGF5cGUpIFRqIFQqIChDb2RpZ28g' +
    'ZGUgZGV2b2x1Y2lvbjogREVWLTY1OTctMDQxMikgVGogVCogRVQKZW5kc3RyZWFtCmVuZG9iagp4cmVmCjAgNgowMDAwMDAw' +
    'MDAwIDY1NTM1IGYgCjAwMDAwMDAwMDkgMDAwMDAgbiAKMDAwMDAwMDA1OCAwMDAwMCBuIAowMDAwMDAwMTE1IDAwMDAwIG4g' +
    'CjAwMDAwMDAyNDEgMDAwMDAgbiAKMDAwMDAwMDMzOCAwMDAwMCBuIAp0cmFpbGVyCjw8IC9TaXplIDYgL1Jvb3QgMSAwIFIg' +
    'Pj4Kc3RhcnR4cmVmCjU2MAolJUVPRgo=',
};

/** A one-page electronic invoice for order TA-48213. */
export const INVOICE_PDF: SeedFile = {
  type: 'application/pdf',
  kind: 'document',
  base64:
    'JVBERi0xLjQKMSAwIG9iago8PCAvVHlwZSAvQ2F0YWxvZyAvUGFnZXMgMiAwIFIgPj4KZW5kb2JqCjIgMCBvYmoKPDwgL1R5' +
    'cGUgL1BhZ2VzIC9LaWRzIFszIDAgUl0gL0NvdW50IDEgPj4KZW5kb2JqCjMgMCBvYmoKPDwgL1R5cGUgL1BhZ2UgL1BhcmVu' +
    'dCAyIDAgUiAvTWVkaWFCb3ggWzAgMCA1OTUgODQyXSAvUmVzb3VyY2VzIDw8IC9Gb250IDw8IC9GMSA0IDAgUiA+PiA+PiAv' +
    'Q29udGVudHMgNSAwIFIgPj4KZW5kb2JqCjQgMCBvYmoKPDwgL1R5cGUgL0ZvbnQgL1N1YnR5cGUgL1R5cGUxIC9CYXNlRm9u' +
    'dCAvSGVsdmV0aWNhIC9FbmNvZGluZyAvV2luQW5zaUVuY29kaW5nID4+CmVuZG9iago1IDAgb2JqCjw8IC9MZW5ndGggMTY5' +
    'ID4+CnN0cmVhbQpCVCAvRjEgMTQgVGYgNTYgNzgwIFRkIDE4IFRMIChUaWVuZGEgQW5kaW5hIFMuQS5DLiAtIFJVQyAyMDYw' +
    'MTIzNDU2NykgVGogVCogKEZhY3R1cmEgZWxlY3Ryb25pY2EgRjAwMS0wMDAzODEyNykgVGogVCogKFBlZGlkbyBUQS00ODIx' +
    'MykgVGogVCogKFRvdGFsOiBTLyAzODkuOTApIFRqIFQqIEVUCmVuZHN0cmVhbQplbmRvYmoKeHJlZgowIDYKMDAwMDAwMDAw' +
    'MCA2NTUzNSBmIAowMDAwMDAwMDA5IDAwMDAwIG4gCjAwMDAwMDAwNTggMDAwMDAgbiAKMDAwMDAwMDExNSAwMDAwMCBuIAow' +
    'MDAwMDAwMjQxIDAwMDAwIG4gCjAwMDAwMDAzMzggMDAwMDAgbiAKdHJhaWxlcgo8PCAvU2l6ZSA2IC9Sb290IDEgMCBSID4+' +
    'CnN0YXJ0eHJlZgo1NTgKJSVFT0YK',
};

/** The decoded byte count of a base64 string. */
export function base64Size(base64: string): number {
  const padding = base64.endsWith('==') ? 2 : base64.endsWith('=') ? 1 : 0;
  return (base64.length / 4) * 3 - padding;
}

/** An attachment record holding `file` as a data: URL. */
export function seedAttachment(
  id: string,
  name: string,
  file: SeedFile,
  inline?: { contentId: string },
): Attachment {
  const attachment: Attachment = {
    id,
    name,
    size: base64Size(file.base64),
    type: file.type,
    kind: file.kind,
    url: `data:${file.type};base64,${file.base64}`,
    inline: inline !== undefined,
  };
  if (inline) attachment.contentId = inline.contentId;
  return attachment;
}
