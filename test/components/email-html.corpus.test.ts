import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/components/mail-thread/mail-body.js';
import type { MailBody } from '../../src/components/mail-thread/mail-body.js';
import {
  ALLOWED_ELEMENTS,
  prepareEmailHtml,
} from '../../src/components/mail-thread/email-html/index.js';
import { HOSTILE_EMAILS, hostileMessage } from '../fixtures/hostile-emails.js';
import { hugeEmail } from '../fixtures/huge-emails.js';

/** What the frame document may hold besides the email's allowed elements. */
const ALLOWED = new Set([...ALLOWED_ELEMENTS, 'html', 'head', 'body', 'meta']);
const FORBIDDEN_SCHEME =
  /^(?:javascript|vbscript|livescript|mocha|file|jar|blob|data(?!:image\/)):/i;
const REMOTE = /^(?:https?:)?\/\//i;
const CSS_DANGER = /expression\s*\(|-moz-binding|behavior\s*:|@import|javascript:|vbscript:/i;

/**
 * Payloads whose remote reference goes with its element or attribute (never loadable, so "Show
 * images" has nothing to offer and the counter does not count it).
 */
const REMOVED_OUTRIGHT = new Set([
  'input image', 'svg use external', 'link stylesheet', 'style import escaped', 'audio autoplay',
  'lowsrc and dynsrc', 'style custom property url', 'style var fallback escaped url',
]); // prettier-ignore

// eslint-disable-next-line no-control-regex
const compact = (value: string) => value.replace(/[\u0000-\u0020\u007f-\u009f]/g, '');

/** Every problem found in a prepared document; empty when it is clean. */
function audit(srcdoc: string, showRemote: boolean): string[] {
  const problems: string[] = [];
  const doc = new DOMParser().parseFromString(srcdoc, 'text/html');
  const metas = doc.querySelectorAll('meta');
  if (metas.length !== 3) problems.push(`${metas.length} <meta> elements`);
  for (const meta of Array.from(metas)) {
    if (meta.parentElement !== doc.head) problems.push('<meta> outside <head>');
    if (meta.hasAttribute('http-equiv') && meta.httpEquiv !== 'Content-Security-Policy')
      problems.push(`meta http-equiv=${meta.httpEquiv}`);
  }
  const csp = doc
    .querySelector('meta[http-equiv="Content-Security-Policy"]')
    ?.getAttribute('content');
  if (!csp?.includes("default-src 'none'") || /script-src/.test(csp)) problems.push(`CSP ${csp}`);
  const cssTexts: string[] = [];
  for (const element of Array.from(doc.querySelectorAll('*'))) {
    const tag = element.localName.toLowerCase();
    if (!ALLOWED.has(tag)) problems.push(`element <${tag}>`);
    if (tag === 'style') cssTexts.push(element.textContent ?? '');
    const isLink = tag === 'a' || tag === 'area';
    for (const attribute of Array.from(element.attributes)) {
      const name = attribute.name.toLowerCase();
      const value = compact(attribute.value);
      if (name.startsWith('on')) problems.push(`<${tag} ${name}>`);
      if (name === 'style') cssTexts.push(attribute.value);
      if (FORBIDDEN_SCHEME.test(value)) problems.push(`<${tag} ${name}="${value.slice(0, 40)}">`);
      if (['action', 'formaction', 'srcdoc', 'ping', 'target'].includes(name) && !isLink)
        problems.push(`<${tag} ${name}>`);
      if (isLink && name === 'target' && attribute.value !== '_blank')
        problems.push(`target=${attribute.value}`);
      if (!showRemote && !(isLink && /href$/.test(name))) {
        const urls = name === 'srcset' ? value.split(',') : [value];
        if (urls.some((u) => REMOTE.test(u.trim()))) problems.push(`remote <${tag} ${name}>`);
      }
      if (/^(?:src|srcset|background|poster|href|xlink:href)$/.test(name) && !isLink) {
        if (!/^(?:data:image\/|#)/i.test(value) && !(showRemote && REMOTE.test(value)))
          problems.push(`resource <${tag} ${name}="${value.slice(0, 40)}">`);
      }
    }
  }
  for (const css of cssTexts.slice(1)) {
    // (the first text is the frame's own base stylesheet)
    if (CSS_DANGER.test(css)) problems.push(`css ${css.match(CSS_DANGER)![0]}`);
    for (const m of css.matchAll(/url\(\s*["']?([^"')]*)/gi)) {
      const url = m[1]!;
      if (!/^(?:data:image\/|data:font\/|#)/i.test(url) && !(showRemote && REMOTE.test(url)))
        problems.push(`css url(${url.slice(0, 40)})`);
    }
    if (/\bvar\(|image-set\(/i.test(css)) problems.push('css var()/image-set()');
  }
  return problems;
}

describe('email-html corpus', () => {
  it(`has at least 50 hostile payloads (${HOSTILE_EMAILS.length})`, () => {
    expect(HOSTILE_EMAILS.length).to.be.at.least(50);
    expect(new Set(HOSTILE_EMAILS.map((p) => p.name)).size).to.equal(HOSTILE_EMAILS.length);
  });

  for (const [index, payload] of HOSTILE_EMAILS.entries()) {
    it(`neutralizes: ${payload.name}`, () => {
      const message = hostileMessage(payload, index);
      const blocked = prepareEmailHtml(message, { showRemote: false });
      expect(audit(blocked.srcdoc, false), 'remote blocked').to.deep.equal([]);
      const shown = prepareEmailHtml(message, { showRemote: true });
      expect(audit(shown.srcdoc, true), 'remote shown').to.deep.equal([]);
      expect(shown.remoteBlocked).to.equal(0);
      if (
        /evil\.example\/[\w.-]+\.(?:png|svg|css|woff|mp4|webp|cur)/.test(payload.html ?? '') &&
        !REMOVED_OUTRIGHT.has(payload.name)
      ) {
        expect(blocked.remoteBlocked, 'counts what it blocked').to.be.greaterThan(0);
      }
    });
  }

  it('no payload reaches the parent page from a real frame within 300 ms', async function () {
    this.timeout(20_000);
    const received: unknown[] = [];
    const onMessage = (event: MessageEvent) => received.push(event.data);
    window.addEventListener('message', onMessage);
    const href = location.href;
    const control = document.createElement('iframe');
    try {
      // A positive control proves the listener sees a frame that is allowed to run scripts.
      control.setAttribute('sandbox', 'allow-scripts');
      control.srcdoc = `<script>parent.postMessage('control', '*')</script>`;
      document.body.append(control);
      await waitUntil(() => received.length === 1, 'the control frame posts');
      const root = await fixture<HTMLElement>(html`
        <div style="width: 600px">
          ${HOSTILE_EMAILS.map(
            (p, i) =>
              html`<atento-mail-body
                .message=${hostileMessage(p, i)}
                ?show-remote=${i % 2 === 1}
              ></atento-mail-body>`,
          )}
        </div>
      `);
      const elements = Array.from(root.querySelectorAll<MailBody>('atento-mail-body'));
      const frames = elements.map((el) => el.shadowRoot!.querySelector('iframe')!);
      expect(frames.every(Boolean)).to.equal(true);
      let loaded = 0;
      frames.forEach((f) => f.addEventListener('load', () => loaded++, { once: true }));
      await waitUntil(() => loaded === frames.length, 'every frame loads', { timeout: 10_000 });
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(received).to.deep.equal(['control']);
      expect(location.href).to.equal(href);
      for (const frame of frames) {
        expect(frame.getAttribute('sandbox')).to.equal(
          'allow-popups allow-popups-to-escape-sandbox',
        );
      }
    } finally {
      control.remove();
      window.removeEventListener('message', onMessage);
    }
  });

  // Its speed is a benchmark figure (`npm run bench`), not a timed test.
  it('prepares a 5 MB HTML body, blocking every remote image in it', () => {
    const { html: body, paragraphs } = hugeEmail();
    expect(body.length).to.be.at.least(5 * 1024 * 1024);
    const prepared = prepareEmailHtml(hostileMessage({ name: 'huge', html: body }), {
      showRemote: false,
    });
    expect(prepared.remoteBlocked).to.equal(paragraphs);
    expect(prepared.srcdoc).not.to.contain('cdn.tiendaandina.example');
  });

  it('a 5 MB body does not change the layout around it', async () => {
    const body =
      hugeEmail().html +
      `<p>${'x'.repeat(2000)}</p><table width="900"><tr><td>wide</td></tr></table>`;
    const message = hostileMessage({ name: 'huge', html: body });
    const root = await fixture<HTMLElement>(html`
      <div style="width: 500px"><atento-mail-body .message=${message}></atento-mail-body></div>
    `);
    const el = root.querySelector('atento-mail-body')!;
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(el.getBoundingClientRect().width).to.equal(500);
    expect(root.scrollWidth).to.equal(500);
    const frame = el.shadowRoot!.querySelector('iframe')!;
    expect(frame.getBoundingClientRect().width).to.equal(500);
  });
});
