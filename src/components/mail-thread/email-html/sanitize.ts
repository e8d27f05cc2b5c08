import DOMPurify from 'dompurify';
import { cleanStyleAttribute, cleanStylesheet, rewriteCssValue } from './css.js';
import {
  ALLOWED_ELEMENTS,
  ALLOWED_URI,
  FORBIDDEN_ATTRIBUTES,
  FORBIDDEN_ELEMENTS,
  LINK_SCHEMES,
  RESOURCE_ATTRIBUTES,
  URL_ATTRIBUTES,
  compact,
  resolveResource,
  type Context,
  type Resolved,
} from './policy.js';

/**
 * The one DOMPurify pass, with `RETURN_DOM`: every transformation (remote resources, `cid:`
 * images, link targets, CSS) happens in its hooks, never on the serialized HTML.
 */

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

/** Untrusted HTML → the `<body>` of an inert document, sanitized, `ctx` filled in on the way. */
export function sanitizeHtml(html: string, ctx: Context): HTMLElement {
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
