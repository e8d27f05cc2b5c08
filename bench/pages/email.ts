/**
 * The page `bench/email.bench.mjs` drives: times `prepareEmailHtml` on the very large emails of
 * test/fixtures/huge-emails.ts (the same generators the bad-input tests use).
 */
import { prepareEmailHtml } from '../../src/components/mail-thread/email-html/index.js';
import type { Message } from '../../src/model/index.js';
import { denseEmail, hugeEmail } from '../../test/fixtures/huge-emails.js';

const bodies = { huge: hugeEmail().html, dense: denseEmail() };

function message(html: string): Message {
  return {
    id: 'msg-bench',
    conversationId: 'conv-bench',
    interactionId: 'int-bench',
    channel: 'email',
    direction: 'inbound',
    from: { kind: 'contact', name: 'Tienda Andina', address: 'avisos@tiendaandina.example' },
    to: [{ name: 'Soporte', address: 'soporte@tiendaandina.pe' }],
    cc: [],
    bcc: [],
    subject: 'Su pedido TA-48213',
    originDate: '2026-01-01T10:00:00.000Z',
    registeredAt: '2026-01-01T10:00:05.000Z',
    html,
    text: '',
    attachments: [],
    references: [],
    status: 'sent',
  };
}

const bytes = (text: string) => new TextEncoder().encode(text).length;

/** One preparation as `<atento-mail-body>` does it before "Show images". */
function prepare(kind: keyof typeof bodies) {
  const html = bodies[kind];
  const start = performance.now();
  const prepared = prepareEmailHtml(message(html), { showRemote: false });
  const ms = performance.now() - start;
  return { ms, inputBytes: bytes(html), srcdocBytes: bytes(prepared.srcdoc) };
}

Object.assign(window, { bench: { prepare }, benchReady: true });
