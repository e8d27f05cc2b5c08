/**
 * The thread of a `ParsePool`: parses the mails it is sent and writes and checks their parts
 * (`prepareMails`), and sends the results back in order. A task is one buffer holding the mails
 * one after the other and their offsets; the answer carries, for each mail, the parsed mail and
 * its checked parts (in temporary files) or the reason postal-mime gave up. Any other failure ends
 * the task with `fatal`.
 */
import { parentPort } from 'node:worker_threads';
import { MailParseError } from '../parse-mail.js';
import { prepareMails, type ParseOutcome, type ParseReply, type ParseTask } from './parse-pool.js';

const port = parentPort;
if (!port) throw new Error('parse-worker.ts runs as a worker thread of a ParsePool.');

/**
 * postal-mime joins the decoded bytes of every MIME part with `new Blob(chunks).arrayBuffer()`
 * (a chunk per line). Node's `Blob` makes each one a transferable object read back chunk by chunk
 * through promises: about a third of the parse time of ordinary mail. This thread does nothing
 * but parse mail, so its `Blob` is a plain byte joiner with the same result.
 */
class ByteBlob {
  readonly size: number;
  readonly type: string;
  private readonly bytes: Buffer;

  constructor(
    parts: ReadonlyArray<string | ArrayBuffer | ArrayBufferView> = [],
    options?: { type?: string },
  ) {
    let size = 0;
    for (const part of parts)
      size += typeof part === 'string' ? Buffer.byteLength(part, 'utf8') : part.byteLength;
    // A buffer of its own (never a slice of Node's pool): `arrayBuffer()` hands it over whole.
    const bytes = Buffer.allocUnsafeSlow(size);
    let at = 0;
    for (const part of parts) {
      if (typeof part === 'string') at += bytes.write(part, at, 'utf8');
      else {
        const view =
          part instanceof ArrayBuffer
            ? new Uint8Array(part)
            : new Uint8Array(part.buffer, part.byteOffset, part.byteLength);
        bytes.set(view, at);
        at += view.byteLength;
      }
    }
    this.bytes = bytes;
    this.size = size;
    this.type = options?.type?.toLowerCase() ?? '';
  }

  arrayBuffer(): Promise<ArrayBuffer> {
    return Promise.resolve(this.bytes.buffer as ArrayBuffer);
  }

  text(): Promise<string> {
    return Promise.resolve(this.bytes.toString('utf8'));
  }

  get [Symbol.toStringTag](): string {
    return 'Blob';
  }
}
globalThis.Blob = ByteBlob as unknown as typeof Blob;

port.on('message', (task: ParseTask) => {
  void run(task).then(
    (reply) => port.postMessage(reply),
    (error: unknown) =>
      port.postMessage({ id: task.id, fatal: String((error as Error)?.stack ?? error) }),
  );
});

port.postMessage('ready');

async function run(task: ParseTask): Promise<ParseReply> {
  const all = new Uint8Array(task.buffer);
  const raws: Uint8Array[] = [];
  for (let i = 0; i + 1 < task.offsets.length; i++)
    raws.push(all.subarray(task.offsets[i], task.offsets[i + 1]));
  const results = (await prepareMails(raws, task.files, { blocking: true })).map(
    (r): ParseOutcome => (r instanceof MailParseError ? { error: r.message } : { prepared: r }),
  );
  return { id: task.id, results };
}
