import DOMPurify from 'dompurify';
import type { Attachment, Message } from '../../model/index.js';

/**
 * Untrusted email → the `srcdoc` of a sandboxed frame (F-1.10, ARCHITECTURE "Untrusted content").
 *
 * One DOMPurify pass with `RETURN_DOM`: every transformation (remote resources, `cid:` images,
 * link targets, CSS) happens in DOMPurify's hooks, and the quote folding on the returned DOM,
 * before the one and only serialization. The sanitized HTML is never edited as a string
 * (Roundcube CVE-2024-42009 came from doing exactly that).
 *
 * CSS goes through the browser's own parser (`CSSStyleSheet`, `element.style`) and is written back
 * from the CSSOM: unknown or legacy constructs (`expression()`, `-moz-binding`, `behavior`) do not
 * survive parsing, escapes are resolved before URLs are inspected, and custom properties, `var()`,
 * `image-set()` and `@import` are dropped because they can hide a URL from inspection.
 *
 * The frame's CSP meta (no `script-src` at all, images only from `data:`, `blob:` and the
 * attachments' origin until "Show images") is the second line of defence if anything slips.
 */

export interface PrepareOptions {
  /** Let remote images and CSS backgrounds load (the agent clicked "Show images"). */
  showRemote: boolean;
  /**
   * The embedding page's colour scheme: the frame's document cannot see it (its
   * `prefers-color-scheme` is the OS's), so the caller passes it. Default `light dark`.
   */
  colorScheme?: 'light' | 'dark' | 'light dark';
  /** Accessible label of the "…" toggle of folded quoted history (localized by the caller). */
  quoteLabel?: string;
}

export interface PreparedEmail {
  /** A complete document for `<iframe srcdoc>`. */
  srcdoc: string;
  /** Remote resources removed because `showRemote` is false (images, backgrounds, `@import`). */
  remoteBlocked: number;
  /** Quoted history was found and folded into a `<details>`. */
  hasQuote: boolean;
  /** Ids of inline attachments the body shows through `cid:` (a list need not repeat them). */
  inlineUsed: string[];
}

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
const FORBIDDEN_ELEMENTS = [
  'script', 'base', 'meta', 'link', 'form', 'input', 'button', 'select', 'option', 'textarea',
  'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'portal', 'fencedframe', 'template',
  'noscript', 'math', 'animate', 'set', 'animatemotion', 'animatetransform', 'foreignobject',
]; // prettier-ignore

const FORBIDDEN_ATTRIBUTES = [
  'action', 'formaction', 'method', 'enctype', 'srcdoc', 'ping', 'download', 'popover',
  'popovertarget', 'popovertargetaction', 'nonce', 'integrity', 'crossorigin', 'usemap', 'cite',
  'xmlns', 'xmlns:xlink', 'autofocus', 'is',
]; // prettier-ignore

/** Navigations a link may keep; everything else (javascript:, data:, vbscript:, relative) goes. */
const LINK_SCHEMES = /^(?:https?|mailto|tel):/i;
/** For DOMPurify's own URI check: these schemes, or no scheme at all. */
const ALLOWED_URI = /^(?:(?:https?|mailto|tel|cid):|[^a-z]|[a-z+.-]+(?:[^a-z+.\-:]|$))/i;

/** Attributes that fetch something when present (besides href on non-link SVG elements). */
const RESOURCE_ATTRIBUTES = new Set(['src', 'background', 'poster', 'lowsrc', 'dynsrc', 'data']);

/** SVG presentation attributes that take a `url()` (CSS rules apply to them). */
const URL_ATTRIBUTES = new Set([
  'fill', 'stroke', 'filter', 'mask', 'clip-path', 'marker', 'marker-start', 'marker-mid',
  'marker-end', 'cursor',
]); // prettier-ignore

/** `url(...)` as the CSSOM serializes it, and as authors write it in attributes. */
const CSS_URL = /url\(\s*(?:"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)'|([^)"'\s]*))\s*\)/gi;
/** Constructs that can carry or compute a URL out of sight of `CSS_URL`. */
const CSS_OPAQUE =
  /\\|(?:^|[^\w-])(?:var|env|attr|image-set|-webkit-image-set|src|image|cross-fade|element|paint)\(/i;
const COLOR_PROPERTY = /^(?:color|background|background-color|border(?:-[a-z]+)*-color)$/;

interface Context {
  showRemote: boolean;
  /** Inline attachments by lower-case Content-ID. */
  cids: Map<string, Attachment>;
  attachmentUrls: Set<string>;
  blocked: number;
  inlineUsed: Set<string>;
  /** The email sets colours of its own: render it on light "paper" in any theme. */
  authorColors: boolean;
}

type Resolved = { url: string } | 'blocked' | 'drop';

/** Strips what URL parsers ignore (ASCII whitespace and controls), for scheme checks. */
function compact(value: string): string {
  // eslint-disable-next-line no-control-regex
  return value.replace(/[\u0000-\u0020\u007f-\u009f]/g, '');
}

/** Decides what becomes of one URL that the frame would fetch. */
function resolveResource(raw: string, ctx: Context, inCss: boolean): Resolved {
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

function cssString(url: string): string {
  return `"${url.replace(/["\\\n\r\f]/g, (ch) => `\\${ch.charCodeAt(0).toString(16)} `)}"`;
}

/**
 * Rewrites the `url()`s of one CSS value: `cid:` resolved, local kept, remote kept only with
 * `showRemote`. Returns null when the declaration must go.
 */
function rewriteCssValue(value: string, ctx: Context): string | null {
  if (CSS_OPAQUE.test(value)) {
    if (/(?:https?:)?\/\//i.test(value) && !ctx.showRemote) ctx.blocked++;
    return null;
  }
  let ok = true;
  const rewritten = value.replace(CSS_URL, (_match, dq?: string, sq?: string, bare?: string) => {
    const raw = (dq ?? sq ?? bare ?? '').replace(/\\(.)/g, '$1');
    const resolved = resolveResource(raw, ctx, true);
    if (typeof resolved === 'string') {
      ok = false;
      return 'none';
    }
    return `url(${cssString(resolved.url)})`;
  });
  // Anything still looking like a URL opener after the rewrite (a malformed url( the regex did
  // not match) is not worth guessing about.
  if (!ok || /url\(\s*(?!")/i.test(rewritten.replace(CSS_URL, ''))) return null;
  return rewritten;
}

/** Cleans every declaration of a CSSOM declaration block in place. */
function cleanDeclarations(style: CSSStyleDeclaration, ctx: Context) {
  for (const name of Array.from(style)) {
    if (name.startsWith('--')) {
      style.removeProperty(name);
      continue;
    }
    const value = style.getPropertyValue(name);
    // A longhand of a shorthand written with var() reads as '' (pending substitution): its
    // value is out of sight, so it goes.
    if (!value) {
      style.removeProperty(name);
      continue;
    }
    if (COLOR_PROPERTY.test(name)) ctx.authorColors = true;
    if (!/url\(|\\|\(/i.test(value)) continue;
    const cleaned = rewriteCssValue(value, ctx);
    if (cleaned === null) style.removeProperty(name);
    else if (cleaned !== value) {
      const priority = style.getPropertyPriority(name);
      style.setProperty(name, cleaned, priority);
      if (style.getPropertyValue(name) === value) style.removeProperty(name);
    }
  }
}

/** Rule types kept in `<style>` blocks; the rest (@import, @property, @counter-style…) goes. */
function keepsRule(rule: CSSRule): boolean {
  return (
    rule instanceof CSSStyleRule ||
    rule instanceof CSSMediaRule ||
    rule instanceof CSSSupportsRule ||
    rule instanceof CSSFontFaceRule ||
    rule instanceof CSSKeyframesRule ||
    rule instanceof CSSKeyframeRule ||
    rule instanceof CSSPageRule ||
    (typeof CSSContainerRule !== 'undefined' && rule instanceof CSSContainerRule) ||
    (typeof CSSLayerBlockRule !== 'undefined' && rule instanceof CSSLayerBlockRule) ||
    (typeof CSSLayerStatementRule !== 'undefined' && rule instanceof CSSLayerStatementRule)
  );
}

function cleanRules(list: CSSRuleList, remove: (index: number) => void, ctx: Context): void {
  for (let i = list.length - 1; i >= 0; i--) {
    const rule = list[i]!;
    if (!keepsRule(rule)) {
      remove(i);
      continue;
    }
    const style = (rule as CSSRule & { style?: CSSStyleDeclaration }).style;
    if (style) cleanDeclarations(style, ctx);
    if (rule instanceof CSSKeyframesRule) {
      cleanRules(
        rule.cssRules,
        (j) => rule.deleteRule((rule.cssRules[j] as CSSKeyframeRule).keyText),
        ctx,
      );
    } else if ('cssRules' in rule && 'deleteRule' in rule) {
      const group = rule as CSSRule & { cssRules: CSSRuleList; deleteRule(i: number): void };
      cleanRules(group.cssRules, (j) => group.deleteRule(j), ctx);
    }
  }
}

/** A `<style>` block's text, parsed by the browser and written back without remote resources. */
function cleanStylesheet(css: string, ctx: Context): string {
  if (!ctx.showRemote) ctx.blocked += (css.match(/@import/gi) ?? []).length;
  const sheet = new CSSStyleSheet();
  try {
    sheet.replaceSync(css); // @import rules are ignored by constructable sheets
  } catch (_) {
    return '';
  }
  cleanRules(sheet.cssRules, (i) => sheet.deleteRule(i), ctx);
  const text = Array.from(sheet.cssRules, (r) => r.cssText).join('\n');
  // `<` has no business in CSS outside strings; escaping it keeps `</style>` impossible.
  return text.replace(/</g, '\\3c ');
}

/** Declarations without a function, escape or custom property cannot load or run anything. */
const PLAIN_STYLE = /^[^(\\]*$/;
const COLOR_IN_STYLE = /(?:^|;)\s*(?:color|background(?:-color)?|border(?:-[a-z]+)*-color)\s*:/i;

function cleanStyleAttribute(element: Element, value: string, ctx: Context) {
  // Fast path (most of a big newsletter): nothing to rewrite, only colours to notice.
  if (PLAIN_STYLE.test(value) && !value.includes('--')) {
    if (COLOR_IN_STYLE.test(value)) ctx.authorColors = true;
    return;
  }
  const style = (element as HTMLElement).style as CSSStyleDeclaration | undefined;
  if (!style) {
    element.removeAttribute('style');
    return;
  }
  cleanDeclarations(style, ctx);
  const text = style.cssText;
  if (text) element.setAttribute('style', text);
  else element.removeAttribute('style');
}

function cleanSrcset(element: Element, ctx: Context) {
  const value = element.getAttribute('srcset');
  if (value === null) return;
  const candidates = value
    .split(/,(?=\s*\S)/)
    .map((c) => c.trim())
    .filter(Boolean);
  const kept: string[] = [];
  for (const candidate of candidates) {
    const [url = '', ...descriptor] = candidate.split(/\s+/);
    const resolved = resolveResource(url, ctx, false);
    if (typeof resolved !== 'string') kept.push([resolved.url, ...descriptor].join(' '));
  }
  if (kept.length) element.setAttribute('srcset', kept.join(', '));
  else element.removeAttribute('srcset');
}

function isLink(tag: string): boolean {
  return tag === 'a' || tag === 'area';
}

/** DOMPurify's `afterSanitizeAttributes`: links, resources, `cid:`, colours, CSS. */
function afterAttributes(node: Node, ctx: Context) {
  if (node.nodeType !== Node.ELEMENT_NODE) return;
  const element = node as Element;
  const attributes = element.attributes;
  if (attributes.length === 0) return;
  const tag = element.localName.toLowerCase();
  const link = isLink(tag);
  let external = false;
  // One pass, backwards, so that removing an attribute never skips the next one.
  for (let i = attributes.length - 1; i >= 0; i--) {
    const attribute = attributes[i];
    if (!attribute) continue;
    const { name, value } = attribute;
    if (name === 'href' || name === 'xlink:href') {
      const c = compact(value);
      if (link) {
        if (c.startsWith('#')) continue;
        if (LINK_SCHEMES.test(c)) external = true;
        else element.removeAttribute(name);
        continue;
      }
      // <use> may only point inside the email; <image>/<feImage> follow the image rules.
      const resolved =
        tag === 'use'
          ? c.startsWith('#')
            ? { url: value }
            : 'drop'
          : resolveResource(value, ctx, false);
      setOrRemove(element, name, value, resolved);
    } else if (RESOURCE_ATTRIBUTES.has(name)) {
      setOrRemove(element, name, value, resolveResource(value, ctx, false));
    } else if (name === 'srcset') {
      cleanSrcset(element, ctx);
    } else if (name === 'style') {
      cleanStyleAttribute(element, value, ctx);
    } else if (name === 'bgcolor' || (name === 'color' && tag === 'font')) {
      ctx.authorColors = true;
    } else if (URL_ATTRIBUTES.has(name) && /url\s*\(|\\/i.test(value)) {
      // SVG presentation attributes (fill, filter, mask, clip-path, marker-*) may hold url().
      const cleaned = rewriteCssValue(value, ctx);
      if (cleaned === null) element.removeAttribute(name);
      else if (cleaned !== value) element.setAttribute(name, cleaned);
    }
  }
  if (external) {
    element.setAttribute('target', '_blank');
    element.setAttribute('rel', 'noopener noreferrer');
  }
}

function setOrRemove(element: Element, name: string, value: string, resolved: Resolved) {
  if (typeof resolved === 'string') element.removeAttribute(name);
  else if (resolved.url !== value) element.setAttribute(name, resolved.url);
}

/** DOMPurify's `uponSanitizeElement`: `<style>` text goes through the CSS parser. */
function uponElement(node: Node, tagName: string, ctx: Context) {
  if (tagName !== 'style' || node.nodeType !== Node.ELEMENT_NODE) return;
  // An element child inside <style> is a namespace-confusion attempt; DOMPurify removes the
  // whole element for it right after this hook, so leave it untouched.
  if ((node as Element).firstElementChild) return;
  node.textContent = cleanStylesheet(node.textContent ?? '', ctx);
}

const FORWARD_MARK = /^\s*-{4,}\s*(?:forwarded message|mensaje reenviado|forwarded|reenviado)/i;

/** Folds Gmail, Outlook, Apple Mail, Thunderbird, Yahoo and Proton quoted history. */
function foldQuotes(body: HTMLElement, label: string): boolean {
  const doc = body.ownerDocument;
  const candidates = body.querySelectorAll(
    '#appendonsend, [id^="divRplyFwdMsg"], .gmail_quote, .moz-cite-prefix, ' +
      'blockquote[type="cite" i], .yahoo_quoted, .protonmail_quote',
  );
  let folded = false;
  for (const element of Array.from(candidates)) {
    if (!body.contains(element) || element.closest('details.atento-quote')) continue;
    let nodes: Node[];
    if (element.matches('#appendonsend, [id^="divRplyFwdMsg"]')) {
      nodes = [];
      for (let n = element.nextSibling; n; n = n.nextSibling) nodes.push(n);
      if (element.id !== 'appendonsend') nodes.unshift(element);
      const before = element.previousElementSibling;
      if (before?.localName === 'hr' && element.id !== 'appendonsend') nodes.unshift(before);
    } else if (element.matches('.moz-cite-prefix')) {
      nodes = [element];
      const next = element.nextElementSibling;
      if (next?.localName === 'blockquote') nodes.push(next);
    } else {
      // A forward is the message itself, not history: leave it open.
      if (FORWARD_MARK.test(element.textContent ?? '')) continue;
      nodes = [element];
    }
    if (!nodes.some((n) => n.textContent?.trim() || (n as Element).querySelector?.('img'))) {
      continue;
    }
    // Folding everything would leave an empty message.
    const rest = ownText(body, new Set(nodes));
    if (!rest.trim()) continue;
    wrapInDetails(doc, nodes, label);
    folded = true;
  }
  return folded;
}

/** Text of `root` outside the `skip` subtrees. */
function ownText(root: Node, skip: Set<Node>): string {
  let text = '';
  const walk = (node: Node) => {
    if (skip.has(node)) return;
    if (node.nodeType === Node.TEXT_NODE) text += node.nodeValue;
    if ((node as Element).localName === 'img') text += 'img';
    node.childNodes.forEach(walk);
  };
  walk(root);
  return text;
}

function wrapInDetails(doc: Document, nodes: Node[], label: string): HTMLElement {
  const details = doc.createElement('details');
  details.className = 'atento-quote';
  const summary = doc.createElement('summary');
  summary.setAttribute('aria-label', label);
  summary.setAttribute('title', label);
  summary.textContent = '…';
  details.append(summary);
  nodes[0]!.parentNode!.insertBefore(details, nodes[0]!);
  details.append(...nodes);
  return details;
}

/** URLs and addresses in plain text: http(s), mailto: and bare addresses (→ mailto:). */
const TEXT_LINK =
  /\b(?:https?:\/\/|mailto:)[^\s<>"'`]+|[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/giu;

/** Trailing punctuation is usually the sentence's, not the URL's. */
function trimUrl(url: string): string {
  let end = url.length;
  while (end > 0) {
    const ch = url[end - 1]!;
    if (/[.,;:!?'"»”’]/.test(ch)) end--;
    else if (ch === ')' && countOf(url.slice(0, end), '(') < countOf(url.slice(0, end), ')')) end--;
    else if (ch === ']' || ch === '}' || ch === '>') end--;
    else break;
  }
  return url.slice(0, end);
}

function countOf(text: string, ch: string): number {
  return text.split(ch).length - 1;
}

/** Appends `text` to `parent` as text nodes and `<a>` elements. */
function appendLinkified(doc: Document, parent: Node, text: string) {
  let last = 0;
  for (const match of text.matchAll(TEXT_LINK)) {
    const found = trimUrl(match[0]);
    const start = match.index;
    if (!found) continue;
    if (start > last) parent.appendChild(doc.createTextNode(text.slice(last, start)));
    const a = doc.createElement('a');
    a.href = /^(?:https?|mailto):/i.test(found) ? found : `mailto:${found}`;
    a.target = '_blank';
    a.rel = 'noopener noreferrer';
    a.textContent = found;
    parent.appendChild(a);
    last = start + found.length;
  }
  if (last < text.length) parent.appendChild(doc.createTextNode(text.slice(last)));
}

const ATTRIBUTION = /(?:wrote|escribió|escribio|a écrit|schrieb|scrisse|escreveu)\s*:\s*$/i;

/** Plain text → `<div style="white-space:pre-wrap">` with links and `>` quotes folded. */
function textToBody(
  doc: Document,
  text: string,
  label: string,
): { body: HTMLElement; hasQuote: boolean } {
  const body = doc.createElement('body');
  const container = doc.createElement('div');
  container.className = 'atento-text';
  container.setAttribute('dir', 'auto');
  container.setAttribute('style', 'white-space:pre-wrap');
  body.append(container);
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const isQuoted = (line: string) => /^\s*>/.test(line);
  let hasQuote = false;
  let i = 0;
  let plain: string[] = [];
  const flushPlain = () => {
    if (plain.length) appendLinkified(doc, container, plain.join('\n') + '\n');
    plain = [];
  };
  while (i < lines.length) {
    if (!isQuoted(lines[i]!)) {
      plain.push(lines[i]!);
      i++;
      continue;
    }
    let end = i;
    while (
      end < lines.length &&
      (isQuoted(lines[end]!) || (!lines[end]!.trim() && isQuoted(lines[end + 1] ?? '')))
    )
      end++;
    const quote = lines.slice(i, end);
    // The attribution line ("On … wrote:") belongs to the quote, with a blank line before it.
    const attribution: string[] = [];
    while (plain.length && !plain[plain.length - 1]!.trim()) plain.pop();
    if (plain.length && ATTRIBUTION.test(plain[plain.length - 1]!)) {
      attribution.push(plain.pop()!);
    }
    const hasOwnText =
      plain.some((l) => l.trim()) || lines.slice(end).some((l) => l.trim() && !isQuoted(l));
    flushPlain();
    const block = doc.createElement('div');
    appendLinkified(doc, block, [...attribution, ...quote].join('\n'));
    container.append(block);
    if (hasOwnText) {
      wrapInDetails(doc, [block], label);
      hasQuote = true;
    }
    i = end;
  }
  flushPlain();
  // The last line break is the writer's, not a line of its own.
  const tail = container.lastChild;
  if (tail?.nodeType === Node.TEXT_NODE && tail.nodeValue?.endsWith('\n')) {
    tail.nodeValue = tail.nodeValue.slice(0, -1);
  }
  return { body, hasQuote };
}

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

function sanitizeHtml(html: string, ctx: Context): HTMLElement {
  const purify = DOMPurify(window);
  purify.addHook('uponSanitizeElement', (node, data) => uponElement(node, data.tagName, ctx));
  purify.addHook('afterSanitizeAttributes', (node) => afterAttributes(node, ctx));
  const body = purify.sanitize(html, {
    ALLOWED_TAGS: [...ALLOWED_ELEMENTS],
    FORBID_TAGS: FORBIDDEN_ELEMENTS,
    FORBID_ATTR: FORBIDDEN_ATTRIBUTES,
    ALLOWED_URI_REGEXP: ALLOWED_URI,
    WHOLE_DOCUMENT: false,
    // Keeps the <style> of an email's <head>: parsed after a leading element, it lands in <body>.
    FORCE_BODY: true,
    RETURN_DOM: true,
  });
  purify.removeAllHooks();
  // A <frameset> document has no <body>: nothing of it is kept.
  return (body as HTMLElement | null) ?? document.implementation.createHTMLDocument('').body;
}

/**
 * Prepares a message's body for `<iframe sandbox srcdoc>`: sanitized HTML (or linkified plain
 * text), remote resources blocked unless `showRemote`, `cid:` images resolved from the message's
 * own inline attachments, links opening in a new tab, quoted history folded.
 */
export function prepareEmailHtml(message: Message, options: PrepareOptions): PreparedEmail {
  const ctx: Context = {
    showRemote: options.showRemote,
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
  const label = options.quoteLabel ?? 'Show quoted text';
  let body: HTMLElement;
  let hasQuote: boolean;
  if (message.html?.trim()) {
    body = sanitizeHtml(message.html, ctx);
    hasQuote = foldQuotes(body, label);
  } else {
    const doc = document.implementation.createHTMLDocument('');
    ({ body, hasQuote } = textToBody(doc, message.text ?? '', label));
  }
  const head =
    '<meta charset="utf-8">' +
    `<meta http-equiv="Content-Security-Policy" content="${escapeAttribute(contentSecurityPolicy(message, options.showRemote))}">` +
    '<meta name="referrer" content="no-referrer">' +
    `<style>${baseCss(':root', 'body', options.colorScheme ?? 'light dark')}</style>`;
  const root = ctx.authorColors ? '<html class="paper">' : '<html>';
  return {
    srcdoc: `<!doctype html>${root}<head>${head}</head><body>${body.innerHTML}</body></html>`,
    remoteBlocked: ctx.blocked,
    hasQuote,
    inlineUsed: [...ctx.inlineUsed],
  };
}
