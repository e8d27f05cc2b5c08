import type { Message } from '../../../model/index.js';
import { compact, isSafeAttachmentUrl } from './policy.js';

/**
 * The frame's own document around the sanitized body: its stylesheet and its CSP meta (no
 * `script-src` at all, images only from `data:`, `blob:` and the attachments' origin until "Show
 * images"), the second line of defence if anything slips through sanitizing.
 */

/** The frame's stylesheet; `root` and `body` are selectors (the measuring copy uses others). */
export function baseCss(root = ':root', body = 'body', colorScheme = 'light dark'): string {
  return `
${root} { color-scheme: ${colorScheme}; }
${root}.paper { color-scheme: light; }
${body} {
  margin: 0;
  padding: 4px 2px 8px;
  font: 14px/1.5 system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif;
  color: CanvasText;
  background: transparent;
  overflow-wrap: break-word;
  word-wrap: break-word;
}
${root}.paper ${body} { background: #ffffff; color: #1d2330; }
a { color: LinkText; }
${root}.paper a { color: #1f5fd6; }
img, video, svg { max-width: 100%; }
img, video { height: auto; }
pre { white-space: pre-wrap; }
p:not([dir]), li:not([dir]), dd:not([dir]), dt:not([dir]), h1:not([dir]), h2:not([dir]),
h3:not([dir]), h4:not([dir]), h5:not([dir]), h6:not([dir]), pre:not([dir]),
.atento-text > div:not([dir]) { unicode-bidi: plaintext; }
blockquote[type='cite' i] {
  margin: 0 0 0 0.8ex;
  padding-inline-start: 1ex;
  border-inline-start: 2px solid color-mix(in srgb, currentColor 25%, transparent);
}
.atento-text { white-space: pre-wrap; }
details.atento-quote { margin: 0.25em 0; }
details.atento-quote > summary {
  display: inline-block;
  list-style: none;
  cursor: pointer;
  padding: 0 0.45em 0.3em;
  line-height: 0.9;
  font-weight: 700;
  letter-spacing: 0.08em;
  border: 1px solid color-mix(in srgb, currentColor 30%, transparent);
  border-radius: 4px;
  background: color-mix(in srgb, currentColor 8%, transparent);
  user-select: none;
}
details.atento-quote > summary::-webkit-details-marker { display: none; }
details.atento-quote > summary:focus-visible { outline: 2px solid Highlight; outline-offset: 2px; }
details.atento-quote[open] > summary { margin-block-end: 0.5em; }
`;
}

/** The frame's Content-Security-Policy: no scripts, no remote anything until "Show images". */
export function contentSecurityPolicy(message: Message, showRemote: boolean): string {
  const origins = new Set<string>();
  for (const attachment of message.attachments) {
    const c = compact(attachment.url);
    if (/^data:|^blob:/i.test(c) || !isSafeAttachmentUrl(attachment.url)) continue;
    try {
      const { origin } = new URL(attachment.url, document.baseURI);
      if (origin !== 'null') origins.add(origin);
    } catch (_) {
      // not a URL: nothing to allow
    }
  }
  const img = ['data:', 'blob:', ...origins, ...(showRemote ? ['https:', 'http:'] : [])];
  return [
    "default-src 'none'",
    "style-src 'unsafe-inline'",
    `img-src ${img.join(' ')}`,
    'font-src data:',
    'media-src data: blob:',
    "form-action 'none'",
    "base-uri 'none'",
  ].join('; ');
}

function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}

/** The complete `srcdoc`: head (charset, CSP, referrer policy, stylesheet) and the body. */
export function frameDocument(
  body: HTMLElement,
  message: Message,
  options: { showRemote: boolean; colorScheme: string; paper: boolean },
): string {
  const head =
    '<meta charset="utf-8">' +
    `<meta http-equiv="Content-Security-Policy" content="${escapeAttribute(contentSecurityPolicy(message, options.showRemote))}">` +
    '<meta name="referrer" content="no-referrer">' +
    `<style>${baseCss(':root', 'body', options.colorScheme)}</style>`;
  const root = options.paper ? '<html class="paper">' : '<html>';
  return `<!doctype html>${root}<head>${head}</head><body>${body.innerHTML}</body></html>`;
}
