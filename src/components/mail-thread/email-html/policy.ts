import type { Attachment, Message } from '../../../model/index.js';

/**
 * What an email may keep and what a URL of it may become: the allow- and denylists DOMPurify is
 * configured with, and the one decision about every resource the frame would fetch.
 */

/** Elements an email may keep (lower case, as DOMPurify compares them). */
export const ALLOWED_ELEMENTS: readonly string[] = [
  // HTML text and structure.
  'a', 'abbr', 'acronym', 'address', 'article', 'aside', 'b', 'bdi', 'bdo', 'big', 'blockquote',
  'br', 'caption', 'center', 'cite', 'code', 'col', 'colgroup', 'dd', 'del', 'details', 'dfn',
  'div', 'dl', 'dt', 'em', 'figcaption', 'figure', 'font', 'footer', 'h1', 'h2', 'h3', 'h4', 'h5',
  'h6', 'header', 'hgroup', 'hr', 'i', 'img', 'ins', 'kbd', 'li', 'main', 'mark', 'nav', 'ol',
  'p', 'pre', 'q', 'rp', 'rt', 'ruby', 's', 'samp', 'section', 'small', 'span', 'strike',
  'strong', 'style', 'sub', 'summary', 'sup', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead',
  'time', 'tr', 'tt', 'u', 'ul', 'var', 'video', 'wbr',
  // SVG shapes, text, paint servers and a few filters (no animation: <animate>/<set> can rewrite
  // an href into `javascript:`).
  'svg', 'g', 'path', 'circle', 'ellipse', 'line', 'polygon', 'polyline', 'rect', 'text',
  'tspan', 'textpath', 'defs', 'lineargradient', 'radialgradient', 'stop', 'clippath', 'mask',
  'pattern', 'symbol', 'use', 'image', 'title', 'desc', 'filter', 'feimage', 'feblend',
  'fecolormatrix', 'fecomposite', 'feflood', 'fegaussianblur', 'femerge', 'femergenode',
  'feoffset', 'fedropshadow',
]; // prettier-ignore

/** Never kept, even if a later edit adds them to the allowlist. */
export const FORBIDDEN_ELEMENTS = [
  'script', 'base', 'meta', 'link', 'form', 'input', 'button', 'select', 'option', 'textarea',
  'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'portal', 'fencedframe', 'template',
  'noscript', 'math', 'animate', 'set', 'animatemotion', 'animatetransform', 'foreignobject',
]; // prettier-ignore

export const FORBIDDEN_ATTRIBUTES = [
  'action', 'formaction', 'method', 'enctype', 'srcdoc', 'ping', 'download', 'popover',
  'popovertarget', 'popovertargetaction', 'nonce', 'integrity', 'crossorigin', 'usemap', 'cite',
  'xmlns', 'xmlns:xlink', 'autofocus', 'is',
]; // prettier-ignore

/** Navigations a link may keep; everything else (javascript:, data:, vbscript:, relative) goes. */
export const LINK_SCHEMES = /^(?:https?|mailto|tel):/i;
/** For DOMPurify's own URI check: these schemes, or no scheme at all. */
export const ALLOWED_URI = /^(?:(?:https?|mailto|tel|cid):|[^a-z]|[a-z+.-]+(?:[^a-z+.\-:]|$))/i;

/** Attributes that fetch something when present (besides href on non-link SVG elements). */
export const RESOURCE_ATTRIBUTES = new Set([
  'src',
  'background',
  'poster',
  'lowsrc',
  'dynsrc',
  'data',
]);

/** SVG presentation attributes that take a `url()` (CSS rules apply to them). */
export const URL_ATTRIBUTES = new Set([
  'fill', 'stroke', 'filter', 'mask', 'clip-path', 'marker', 'marker-start', 'marker-mid',
  'marker-end', 'cursor',
]); // prettier-ignore

/** What one preparation collects and decides with, from the hooks of its single pass. */
export interface Context {
  showRemote: boolean;
  /** Inline attachments by lower-case Content-ID. */
  cids: Map<string, Attachment>;
  attachmentUrls: Set<string>;
  blocked: number;
  inlineUsed: Set<string>;
  /** The email sets colours of its own: render it on light "paper" in any theme. */
  authorColors: boolean;
}

export function createContext(message: Message, showRemote: boolean): Context {
  return {
    showRemote,
    cids: new Map(
      message.attachments
        .filter((a) => a.contentId)
        .map((a) => [a.contentId!.replace(/^<|>$/g, '').toLowerCase(), a]),
    ),
    attachmentUrls: new Set(
      message.attachments.map((a) => a.url).filter((url) => isSafeAttachmentUrl(url)),
    ),
    blocked: 0,
    inlineUsed: new Set(),
    authorColors: false,
  };
}

export type Resolved = { url: string } | 'blocked' | 'drop';

/** Strips what URL parsers ignore (ASCII whitespace and controls), for scheme checks. */
export function compact(value: string): string {
  // eslint-disable-next-line no-control-regex
  return value.replace(/[\u0000-\u0020\u007f-\u009f]/g, '');
}

/** Decides what becomes of one URL that the frame would fetch. */
export function resolveResource(raw: string, ctx: Context, inCss: boolean): Resolved {
  const value = raw.trim();
  const c = compact(value);
  if (c.startsWith('#')) return { url: value };
  if (/^cid:/i.test(c)) {
    let id = c.slice(4);
    try {
      id = decodeURIComponent(id);
    } catch (_) {
      // keep it as written
    }
    const attachment = ctx.cids.get(id.replace(/^<|>$/g, '').toLowerCase());
    if (!attachment || !isSafeAttachmentUrl(attachment.url)) return 'drop';
    ctx.inlineUsed.add(attachment.id);
    return { url: attachment.url };
  }
  if (ctx.attachmentUrls.has(value)) return { url: value };
  if (/^data:image\/[a-z0-9.+-]+[;,]/i.test(c)) return { url: value };
  if (inCss && /^data:(?:font\/|application\/(?:x-)?font)/i.test(c)) return { url: value };
  if (/^(?:https?:)?\/\//i.test(c)) {
    if (ctx.showRemote) return { url: value };
    ctx.blocked++;
    return 'blocked';
  }
  // javascript:, vbscript:, data:text/html, blob:, file:, relative paths (they would resolve
  // against the agent's app, not against anything of the sender's).
  return 'drop';
}

/** Attachment URLs come from our own store, but a link is still only followed when plain. */
export function isSafeAttachmentUrl(url: string): boolean {
  const c = compact(url);
  return /^(?:https?:|blob:|data:(?!text\/html)[a-z]+\/[a-z0-9.+-]+[;,]|\/(?!\/)|\.{0,2}\/)/i.test(
    c,
  );
}
