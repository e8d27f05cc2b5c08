/**
 * The page `bench/email.bench.mjs` drives: times `prepareEmailHtml` on the very large emails of
 * test/fixtures/huge-emails.ts (the same generators the bad-input tests use).
 */
import { prepareEmailHtml } from '../../src/components/mail-thread/email-html/index.js';
import { hostileMessage } from '../../test/fixtures/hostile-emails.js';
import { denseEmail, hugeEmail } from '../../test/fixtures/huge-emails.js';

const bodies = { huge: hugeEmail().html, dense: denseEmail() };

const bytes = (text: string) => new TextEncoder().encode(text).length;

/** One preparation as `<atento-mail-body>` does it before "Show images". */
function prepare(kind: keyof typeof bodies) {
  const html = bodies[kind];
  const start = performance.now();
  const prepared = prepareEmailHtml(hostileMessage({ name: kind, html }), { showRemote: false });
  const ms = performance.now() - start;
  return { ms, inputBytes: bytes(html), srcdocBytes: bytes(prepared.srcdoc) };
}

Object.assign(window, { bench: { prepare }, benchReady: true });
