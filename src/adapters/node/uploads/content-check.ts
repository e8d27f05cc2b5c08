/**
 * Checks an uploaded file by its content, not its name (F-6.6): the magic bytes must belong to the
 * family its extension promises, so a `.pdf` that is really a PNG — or an executable renamed to
 * `.jpg` — is refused. Text formats have no magic bytes: they pass when the bytes are valid UTF-8
 * without NUL characters (and no binary signature is recognized in them).
 */
import { createReadStream } from 'node:fs';
import { fileTypeFromFile } from 'file-type';

interface Expectation {
  /** The type the file is stored and served with. */
  type: string;
  /** MIME types `file-type` may detect for a genuine file of this extension. */
  accept?: readonly string[];
  /** A text format: checked as UTF-8 instead. */
  text?: boolean;
}

const ZIP = 'application/zip';
const CFB = 'application/x-cfb';
const OOXML = 'application/vnd.openxmlformats-officedocument.';
const ODF = 'application/vnd.oasis.opendocument.';

const EXPECTED: Record<string, Expectation> = {
  jpg: { type: 'image/jpeg', accept: ['image/jpeg'] },
  jpeg: { type: 'image/jpeg', accept: ['image/jpeg'] },
  png: { type: 'image/png', accept: ['image/png', 'image/apng'] },
  gif: { type: 'image/gif', accept: ['image/gif'] },
  pdf: { type: 'application/pdf', accept: ['application/pdf'] },
  zip: { type: ZIP, accept: [ZIP] },
  rar: {
    type: 'application/vnd.rar',
    accept: ['application/x-rar-compressed', 'application/vnd.rar'],
  },
  '7z': { type: 'application/x-7z-compressed', accept: ['application/x-7z-compressed'] },
  tar: { type: 'application/x-tar', accept: ['application/x-tar'] },
  gz: { type: 'application/gzip', accept: ['application/gzip'] },
  doc: { type: 'application/msword', accept: [CFB, 'application/msword'] },
  xls: { type: 'application/vnd.ms-excel', accept: [CFB, 'application/vnd.ms-excel'] },
  ppt: { type: 'application/vnd.ms-powerpoint', accept: [CFB, 'application/vnd.ms-powerpoint'] },
  docx: {
    type: `${OOXML}wordprocessingml.document`,
    accept: [`${OOXML}wordprocessingml.document`, ZIP],
  },
  xlsx: { type: `${OOXML}spreadsheetml.sheet`, accept: [`${OOXML}spreadsheetml.sheet`, ZIP] },
  pptx: {
    type: `${OOXML}presentationml.presentation`,
    accept: [`${OOXML}presentationml.presentation`, ZIP],
  },
  odt: { type: `${ODF}text`, accept: [`${ODF}text`, ZIP] },
  ods: { type: `${ODF}spreadsheet`, accept: [`${ODF}spreadsheet`, ZIP] },
  odp: { type: `${ODF}presentation`, accept: [`${ODF}presentation`, ZIP] },
  aac: { type: 'audio/aac', accept: ['audio/aac', 'audio/x-m4a', 'audio/mp4'] },
  amr: { type: 'audio/amr', accept: ['audio/amr'] },
  mp3: { type: 'audio/mpeg', accept: ['audio/mpeg'] },
  ogg: {
    type: 'audio/ogg',
    accept: ['audio/ogg', 'audio/ogg; codecs=opus', 'audio/opus', 'video/ogg', 'application/ogg'],
  },
  mp4: { type: 'video/mp4', accept: ['video/mp4', 'audio/mp4', 'audio/x-m4a'] },
  '3gp': { type: 'video/3gpp', accept: ['video/3gpp', 'video/3gpp2', 'video/mp4'] },
  txt: { type: 'text/plain', text: true },
  csv: { type: 'text/csv', text: true },
  xml: { type: 'text/xml', accept: ['application/xml'], text: true },
};

export type ContentVerdict =
  | { ok: true; type: string }
  | { ok: false; reason: 'unknown-extension' | 'mismatch' | 'not-text'; detected?: string };

/** Reads the file at `path` and says whether its content matches `extension`. */
export async function checkContent(path: string, extension: string): Promise<ContentVerdict> {
  const expected = Object.hasOwn(EXPECTED, extension) ? EXPECTED[extension] : undefined;
  if (!expected) return { ok: false, reason: 'unknown-extension' };
  const detected = (await fileTypeFromFile(path))?.mime;
  if (expected.text) {
    if (detected !== undefined && !expected.accept?.includes(detected))
      return { ok: false, reason: 'mismatch', detected };
    return (await isUtf8Text(path))
      ? { ok: true, type: expected.type }
      : { ok: false, reason: 'not-text' };
  }
  if (detected === undefined || !expected.accept?.includes(detected))
    return { ok: false, reason: 'mismatch', detected };
  return { ok: true, type: expected.type };
}

/** Valid UTF-8 from start to end, and no NUL byte (which no text format uses). */
async function isUtf8Text(path: string): Promise<boolean> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  try {
    for await (const chunk of createReadStream(path)) {
      const bytes = chunk as Buffer;
      if (bytes.includes(0)) return false;
      decoder.decode(bytes, { stream: true });
    }
    decoder.decode();
    return true;
  } catch {
    return false;
  }
}
