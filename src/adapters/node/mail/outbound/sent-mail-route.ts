/**
 * The demo's "sent mail" view: what the server recorded instead of relaying (no SMTP configured
 * for the mailbox, the embedded default of `npm start`).
 *
 * - `GET /dev/mail` — an HTML page listing recorded mail, newest first;
 * - `GET /dev/mail/<id>` — one message: its headers, its text part and its attachments;
 * - `GET /dev/mail/<id>.eml` — the exact MIME, as a download.
 *
 * Agents only: recorded mail is customers' mail. The pages are opened by typing the URL, where a
 * browser sends no bearer token, so the route also takes HTTP Basic with an agent's sign-in email
 * and password (the browser asks for them); scripts may send `Authorization: Bearer <token>`.
 * Pages carry a CSP that allows no script and no remote content, and every value is escaped: the
 * subject and addresses come from whoever wrote the mail.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import PostalMime from 'postal-mime';
import { escapeHtml } from '../../../../model/escape-html.js';
import type { Credentials } from '../../auth/credentials.js';
import { bearerOf } from '../../auth/guards.js';
import type { Tokens } from '../../auth/tokens.js';
import { SentMailStore, type SentMailRecord } from './sent-mail-store.js';

export const SENT_MAIL_PATH = '/dev/mail';

const REALM = 'Basic realm="atento sent mail", charset="UTF-8"';
const CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src 'none'; form-action 'none'";

/** Whether the request comes from an agent: a valid agent token, or Basic email + password. */
async function isAgent(
  request: FastifyRequest,
  tokens: Tokens,
  credentials: Credentials,
): Promise<boolean> {
  const token = bearerOf(request);
  if (token !== undefined) return tokens.verifyAgent(token).ok;
  const match = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(request.headers.authorization ?? '');
  if (!match) return false;
  const decoded = Buffer.from(match[1]!, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon <= 0) return false;
  return (await credentials.verify(decoded.slice(0, colon), decoded.slice(colon + 1))) !== null;
}

function page(reply: FastifyReply, title: string, body: string): FastifyReply {
  return reply
    .header('content-type', 'text/html; charset=utf-8')
    .header('content-security-policy', CSP)
    .header('cache-control', 'no-store')
    .header('referrer-policy', 'no-referrer')
    .send(
      `<!doctype html><html lang="en"><head><meta charset="utf-8">` +
        `<meta name="viewport" content="width=device-width, initial-scale=1">` +
        `<title>${escapeHtml(title)}</title><style>${STYLE}</style></head>` +
        `<body><main>${body}</main></body></html>`,
    );
}

const STYLE = `
  :root { color-scheme: light dark; font-family: system-ui, sans-serif; }
  main { max-width: 60rem; margin: 2rem auto; padding: 0 1rem; }
  table { border-collapse: collapse; width: 100%; }
  th, td { text-align: left; padding: .4rem .6rem; border-bottom: 1px solid #8884; vertical-align: top; }
  pre { white-space: pre-wrap; word-break: break-word; background: #8881; padding: 1rem; }
  dt { font-weight: 600; } dd { margin: 0 0 .5rem; word-break: break-all; }
`;

const when = (iso: string) => escapeHtml(iso.replace('T', ' ').replace(/\.\d+Z$/, ' UTC'));

function listPage(records: SentMailRecord[]): string {
  const rows = records.map(
    (r) =>
      `<tr><td>${when(r.recordedAt)}</td>` +
      `<td>${escapeHtml(r.envelope.to.join(', '))}</td>` +
      `<td><a href="${SENT_MAIL_PATH}/${encodeURIComponent(r.id)}">${escapeHtml(r.subject || '(no subject)')}</a></td>` +
      `<td><a href="${SENT_MAIL_PATH}/${encodeURIComponent(r.id)}.eml" download>.eml</a></td></tr>`,
  );
  return (
    `<h1>Sent mail</h1>` +
    `<p>Mail the server recorded instead of relaying it (no SMTP relay is configured for its ` +
    `mailbox). Newest first.</p>` +
    (records.length === 0
      ? '<p>Nothing was sent yet.</p>'
      : `<table><thead><tr><th scope="col">Recorded</th><th scope="col">Envelope recipients</th>` +
        `<th scope="col">Subject</th><th scope="col">Source</th></tr></thead>` +
        `<tbody>${rows.join('')}</tbody></table>`)
  );
}

async function messagePage(record: SentMailRecord, raw: Buffer): Promise<string> {
  const mail = await PostalMime.parse(raw);
  const list = (items: Array<{ name?: string; address?: string }> | undefined) =>
    (items ?? [])
      .map((a) => (a.name ? `${a.name} <${a.address ?? ''}>` : (a.address ?? '')))
      .join(', ');
  const fields: Array<[string, string]> = [
    ['From', list(mail.from ? [mail.from] : [])],
    ['To', list(mail.to)],
    ['CC', list(mail.cc)],
    ['Envelope recipients', record.envelope.to.join(', ')],
    ['Subject', mail.subject ?? ''],
    ['Date', mail.date ?? ''],
    ['Message-ID', mail.messageId ?? ''],
    ['In-Reply-To', mail.inReplyTo ?? ''],
    ['References', mail.references ?? ''],
  ];
  const files = mail.attachments.map(
    (a) =>
      `<li>${escapeHtml(a.filename ?? '(unnamed)')} — ${escapeHtml(a.mimeType)}, ` +
      `${typeof a.content === 'string' ? a.content.length : a.content.byteLength} bytes` +
      `${a.contentId ? `, inline ${escapeHtml(a.contentId)}` : ''}</li>`,
  );
  return (
    `<p><a href="${SENT_MAIL_PATH}">← Sent mail</a> · ` +
    `<a href="${SENT_MAIL_PATH}/${encodeURIComponent(record.id)}.eml" download>Download .eml</a></p>` +
    `<h1>${escapeHtml(mail.subject || '(no subject)')}</h1>` +
    `<dl>${fields
      .filter(([, v]) => v !== '')
      .map(([k, v]) => `<dt>${escapeHtml(k)}</dt><dd>${escapeHtml(v)}</dd>`)
      .join('')}</dl>` +
    `<h2>Text</h2><pre>${escapeHtml(mail.text ?? '')}</pre>` +
    (files.length ? `<h2>Attachments</h2><ul>${files.join('')}</ul>` : '')
  );
}

export function registerSentMailRoutes(
  app: FastifyInstance,
  deps: { sentMail: SentMailStore; tokens: Tokens; credentials: Credentials },
): void {
  const guard = async (request: FastifyRequest, reply: FastifyReply) => {
    if (await isAgent(request, deps.tokens, deps.credentials)) return;
    return reply
      .code(401)
      .header('www-authenticate', REALM)
      .header('content-type', 'text/plain; charset=utf-8')
      .send('Sign in with an agent account to see the sent mail.');
  };

  app.get(SENT_MAIL_PATH, { onRequest: guard }, async (_request, reply) =>
    page(reply, 'Sent mail', listPage(await deps.sentMail.list())),
  );

  app.get<{ Params: { file: string } }>(
    `${SENT_MAIL_PATH}/:file`,
    {
      onRequest: guard,
      schema: {
        params: {
          type: 'object',
          required: ['file'],
          properties: { file: { type: 'string', minLength: 1, maxLength: 120 } },
        },
      },
    },
    async (request, reply) => {
      const { file } = request.params;
      const eml = file.endsWith('.eml');
      const id = eml ? file.slice(0, -4) : file;
      const record = SentMailStore.isId(id) ? await deps.sentMail.find(id) : null;
      const raw = record ? await deps.sentMail.raw(id) : null;
      if (!record || !raw) {
        return reply
          .code(404)
          .header('content-type', 'text/plain; charset=utf-8')
          .send(`No sent mail ${file}.`);
      }
      if (eml) {
        return reply
          .header('content-type', 'message/rfc822')
          .header('content-disposition', `attachment; filename="${id}.eml"`)
          .header('content-security-policy', "default-src 'none'; sandbox")
          .header('cache-control', 'no-store')
          .send(raw);
      }
      return page(reply, record.subject || 'Sent mail', await messagePage(record, raw));
    },
  );
}
