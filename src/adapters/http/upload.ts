/**
 * Multipart uploads (F-2.4, F-2.5, F-5.7). Browsers use XMLHttpRequest, the only API that reports
 * upload progress; runtimes without it (Node) use fetch and report progress once, at the end.
 */
import type { UploadFile } from '../adapter.js';
import {
  abortReason,
  offlineError,
  responseError,
  responseValue,
  routeUrl,
  throwIfAborted,
  type HttpTransport,
} from './call.js';

export interface UploadTransport extends HttpTransport {
  /** Overrides the runtime's XMLHttpRequest; `null` forces fetch (no intermediate progress). */
  XMLHttpRequest?: typeof XMLHttpRequest | null;
}

export interface UploadRequest {
  path: string;
  file: UploadFile;
  /** Text fields sent before the file part (`purpose`, `conversationId`); `undefined` is left out. */
  fields: Record<string, string | undefined>;
  onProgress?: (loaded: number, total: number) => void;
  signal?: AbortSignal;
}

/**
 * Progress in bytes of the file (not of the multipart body, whose size includes headers), never
 * going back, and complete exactly once at the end — as the adapter contract promises.
 */
function progressOf(total: number, onProgress?: (loaded: number, total: number) => void) {
  let last = -1;
  const report = (loaded: number) => {
    if (loaded <= last) return;
    last = loaded;
    onProgress?.(loaded, total);
  };
  return {
    fraction(sent: number, of: number) {
      if (of > 0) report(Math.min(total, Math.floor((total * sent) / of)));
    },
    done() {
      if (last < total || total === 0) report(total);
    },
  };
}

function formOf(request: UploadRequest): FormData {
  const form = new FormData();
  for (const [name, value] of Object.entries(request.fields)) {
    if (value !== undefined) form.append(name, value);
  }
  form.append('file', request.file, request.file.name);
  return form;
}

/** Uploads a file and resolves with the server's answer (an `Attachment`). */
export async function upload(transport: UploadTransport, request: UploadRequest): Promise<unknown> {
  const { signal } = request;
  throwIfAborted(signal);
  const url = routeUrl(transport.baseUrl, request.path);
  const token = await transport.token(signal);
  throwIfAborted(signal);
  const progress = progressOf(request.file.size, request.onProgress);
  const Xhr =
    transport.XMLHttpRequest === undefined
      ? globalThis.XMLHttpRequest
      : (transport.XMLHttpRequest ?? undefined);
  const answer = Xhr
    ? await sendWithXhr(Xhr, url, token, formOf(request), progress, signal)
    : await sendWithFetch(transport, url, token, formOf(request), signal);
  throwIfAborted(signal);
  if (answer.status >= 200 && answer.status < 300) {
    const value = responseValue(answer.status, answer.text);
    progress.done();
    return value;
  }
  if (answer.status === 401) transport.unauthorized?.();
  throw responseError(answer.status, answer.text);
}

interface Answer {
  status: number;
  text: string;
}

function sendWithXhr(
  Xhr: typeof XMLHttpRequest,
  url: string,
  token: string | undefined,
  form: FormData,
  progress: ReturnType<typeof progressOf>,
  signal: AbortSignal | undefined,
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const xhr = new Xhr();
    const onAbort = () => xhr.abort();
    const settle = () => signal?.removeEventListener('abort', onAbort);
    xhr.open('POST', url);
    xhr.setRequestHeader('accept', 'application/json');
    if (token) xhr.setRequestHeader('authorization', `Bearer ${token}`);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) progress.fraction(event.loaded, event.total);
    };
    xhr.onload = () => {
      settle();
      resolve({ status: xhr.status, text: xhr.responseText });
    };
    xhr.onerror = () => {
      settle();
      reject(offlineError(new Error('the upload failed')));
    };
    xhr.ontimeout = xhr.onerror;
    xhr.onabort = () => {
      settle();
      reject(
        signal ? abortReason(signal) : new DOMException('The upload was aborted.', 'AbortError'),
      );
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    xhr.send(form);
  });
}

async function sendWithFetch(
  transport: HttpTransport,
  url: string,
  token: string | undefined,
  form: FormData,
  signal: AbortSignal | undefined,
): Promise<Answer> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (token) headers['authorization'] = `Bearer ${token}`;
  try {
    const response = await (transport.fetch ?? globalThis.fetch)(url, {
      method: 'POST',
      headers,
      body: form,
      signal,
    });
    return { status: response.status, text: await response.text() };
  } catch (error) {
    throwIfAborted(signal);
    throw offlineError(error);
  }
}
