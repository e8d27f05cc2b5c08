import DOMPurify from 'dompurify';

/**
 * Cleaning of HTML from outside (Word, Gmail, web pages, drafts, quick replies) before the
 * schema's parse rules read it: structure the schema can't hold is rewritten into what it can
 * (Word list paragraphs → lists, headings → bold paragraphs, table rows → paragraphs, `<div>`
 * lines → paragraphs), images are sorted (data: URLs become files; blob:, file:, cid: go), and a
 * last DOMPurify pass keeps only the tags and attributes the parse rules read.
 */

/** Pasted HTML longer than this is pasted as plain text (cleaning it would freeze the page). */
export const PASTE_HTML_LIMIT = 500_000;

/**
 * `paste`: content from another application (empty spacer paragraphs dropped, only https
 * images kept, data: images turned into files). `document`: our own HTML (drafts, quick replies,
 * signatures, copies inside the editor): empty paragraphs and server-relative images kept.
 */
export type CleanMode = 'paste' | 'document';

export interface Cleaned {
  /** The `<body>` of an inert document holding the cleaned content. */
  body: HTMLElement;
  /** Images that were inline `data:` URLs (paste mode), as files for the host to upload. */
  files: File[];
}

/** Image types an email can show inline. */
export const INLINE_IMAGE_TYPES: readonly string[] = ['image/png', 'image/jpeg', 'image/gif'];

const BLOCK_CONTAINERS =
  'section, article, header, footer, main, nav, aside, address, figure, figcaption, center, dl, dt, dd, details, summary, hgroup, fieldset, form, caption';
const BLOCKS = new Set([
  'P', 'DIV', 'UL', 'OL', 'LI', 'BLOCKQUOTE', 'PRE', 'TABLE', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6',
  'HR', 'SECTION', 'ARTICLE', 'HEADER', 'FOOTER', 'MAIN', 'NAV', 'ASIDE', 'ADDRESS', 'FIGURE',
  'FIGCAPTION', 'CENTER', 'DL', 'DT', 'DD', 'DETAILS', 'SUMMARY', 'FORM', 'FIELDSET', 'TR', 'TD',
  'TH', 'TBODY', 'THEAD', 'TFOOT', 'CAPTION',
]); // prettier-ignore
const JUNK = 'style, script, meta, link, title, template, noscript, xml, object, embed, iframe, hr';

let purifier: ReturnType<typeof DOMPurify> | undefined;

function isBlock(node: Node): boolean {
  return node.nodeType === Node.ELEMENT_NODE && BLOCKS.has((node as Element).nodeName);
}

function hasBlockChild(element: Element): boolean {
  for (const child of element.children) if (BLOCKS.has(child.nodeName)) return true;
  return false;
}

/** Replaces `element` by a new `tag` element holding its children (and some attributes). */
function rename(element: Element, tag: string, keep: readonly string[] = []): HTMLElement {
  const replacement = element.ownerDocument.createElement(tag);
  for (const name of keep) {
    const value = element.getAttribute(name);
    if (value !== null) replacement.setAttribute(name, value);
  }
  replacement.append(...element.childNodes);
  element.replaceWith(replacement);
  return replacement;
}

function alignStyle(element: Element): string | null {
  const value = ((element as HTMLElement).style?.textAlign || element.getAttribute('align') || '')
    .trim()
    .toLowerCase();
  return value === 'center' || value === 'right' ? `text-align:${value}` : null;
}

/* ---------- Word ---------- */

/** Removes Word's list marker (`<![if !supportLists]>…<![endif]>` or `mso-list:Ignore`), returns its text. */
function takeWordMarker(p: Element): string {
  let marker = '';
  const walker = p.ownerDocument.createTreeWalker(p, NodeFilter.SHOW_COMMENT);
  const starts: Comment[] = [];
  while (walker.nextNode()) {
    const comment = walker.currentNode as Comment;
    if (/^\[if !supportLists\]$/i.test(comment.data.trim())) starts.push(comment);
  }
  for (const start of starts) {
    let node = start.nextSibling;
    while (
      node &&
      !(node.nodeType === Node.COMMENT_NODE && /endif/i.test((node as Comment).data))
    ) {
      const next = node.nextSibling;
      marker += node.textContent ?? '';
      node.remove();
      node = next;
    }
  }
  for (const span of p.querySelectorAll('span[style]')) {
    if (/mso-list:\s*ignore/i.test(span.getAttribute('style') ?? '')) {
      marker += span.textContent ?? '';
      span.remove();
    }
  }
  return marker.replace(/[\s\u00a0]+/g, '');
}

interface WordItem {
  p: Element;
  /** Word's list id (`l0`): a new id starts a new list. */
  list: string;
  level: number;
  ordered: boolean;
}

/** Reading an item takes its marker out: each paragraph is read once. */
const wordItems = new WeakMap<Element, WordItem | null>();

function wordItem(node: Node | null): WordItem | null {
  if (!node || node.nodeType !== Node.ELEMENT_NODE) return null;
  const element = node as Element;
  if (!wordItems.has(element)) wordItems.set(element, readWordItem(element));
  return wordItems.get(element)!;
}

function readWordItem(element: Element): WordItem | null {
  const style = element.getAttribute('style') ?? '';
  const list = /mso-list:\s*(l\d+)\s+level(\d+)/i.exec(style);
  if (element.nodeName !== 'P' || !list) return null;
  const marker = takeWordMarker(element);
  return {
    p: element,
    list: list[1]!.toLowerCase(),
    level: Number(list[2]),
    ordered: /^(\d+|[a-z]{1,4})[.)]$/i.test(marker),
  };
}

function nextMeaningful(node: Node): Node | null {
  let next = node.nextSibling;
  while (
    next &&
    ((next.nodeType === Node.TEXT_NODE && !/\S/.test(next.nodeValue ?? '')) ||
      next.nodeType === Node.COMMENT_NODE)
  )
    next = next.nextSibling;
  return next;
}

/** Word writes list items as `<p style="mso-list:l0 level1 lfo1">`: rebuild real, nested lists. */
function wordLists(body: HTMLElement) {
  const doc = body.ownerDocument;
  for (const first of [...body.querySelectorAll('p[style*="mso-list" i]')]) {
    if (!first.isConnected) continue;
    const firstItem = wordItem(first);
    if (!firstItem) continue;
    const items = [firstItem];
    for (let next = wordItem(nextMeaningful(first)); next?.list === firstItem.list;) {
      items.push(next);
      next = wordItem(nextMeaningful(next.p));
    }
    const root = doc.createDocumentFragment();
    const stack: { level: number; ordered: boolean; list: Element }[] = [];
    for (const item of items) {
      while (stack.length && stack[stack.length - 1]!.level > item.level) stack.pop();
      let top = stack[stack.length - 1];
      if (top && top.level === item.level && top.ordered !== item.ordered) {
        stack.pop();
        top = stack[stack.length - 1];
      }
      if (!top || top.level < item.level) {
        const list = doc.createElement(item.ordered ? 'ol' : 'ul');
        (top?.list.lastElementChild ?? root).appendChild(list);
        top = { level: item.level, ordered: item.ordered, list };
        stack.push(top);
      }
      const li = doc.createElement('li');
      li.append(...item.p.childNodes);
      top.list.appendChild(li);
    }
    first.before(root);
    for (const item of items) item.p.remove();
  }
}

/* ---------- Structure ---------- */

/** Headings become bold paragraphs. */
function headings(body: HTMLElement) {
  for (const heading of body.querySelectorAll('h1, h2, h3, h4, h5, h6')) {
    const p = heading.ownerDocument.createElement('p');
    const align = alignStyle(heading);
    if (align) p.setAttribute('style', align);
    const strong = p.appendChild(heading.ownerDocument.createElement('strong'));
    strong.append(...heading.childNodes);
    heading.replaceWith(p);
  }
}

/** Each table row becomes a paragraph (cells separated by a space), innermost tables first. */
function tables(body: HTMLElement) {
  const doc = body.ownerDocument;
  for (const table of [...body.querySelectorAll('table')].reverse()) {
    const out = doc.createElement('div');
    for (const caption of table.querySelectorAll(':scope > caption'))
      out.append(rename(caption, 'p'));
    for (const row of [...(table as HTMLTableElement).rows]) {
      const cells = [...row.cells];
      if (cells.some(hasBlockChild)) {
        for (const cell of cells)
          out.appendChild(doc.createElement('div')).append(...cell.childNodes);
      } else {
        const p = out.appendChild(doc.createElement('p'));
        cells.forEach((cell, i) => {
          if (i && p.textContent?.trim() && cell.textContent?.trim()) p.append(' ');
          p.append(...cell.childNodes);
        });
      }
    }
    table.replaceWith(out);
  }
}

/** Block containers the schema doesn't know become `<div>`s (so they still separate lines). */
function containers(body: HTMLElement) {
  for (const element of [...body.querySelectorAll(BLOCK_CONTAINERS)]) {
    const div = rename(element, 'div');
    const align = element.nodeName === 'CENTER' ? 'text-align:center' : alignStyle(element);
    if (align) div.setAttribute('style', align);
  }
}

/** A `<div>` holding only inline content is a line: a paragraph (Gmail writes one per line). */
function divLines(body: HTMLElement) {
  for (const div of [...body.querySelectorAll('div')].reverse()) {
    if (hasBlockChild(div)) continue;
    const align = alignStyle(div);
    const p = rename(div, 'p');
    if (align) p.setAttribute('style', align);
  }
}

/** A `<br>` ending a block draws no line: drop it (a block with only that `<br>` becomes empty). */
function trailingBreaks(body: HTMLElement) {
  for (const br of [...body.querySelectorAll('br')]) {
    for (let node: Node = br; !nextMeaningful(node);) {
      const parent = node.parentNode;
      if (!parent) break;
      if (parent === body || isBlock(parent)) {
        br.remove();
        break;
      }
      node = parent;
    }
  }
}

/** Spacer paragraphs of Word (`<o:p>&nbsp;</o:p>`) and Gmail (`<div><br></div>`). */
function emptyParagraphs(body: HTMLElement) {
  for (const p of body.querySelectorAll('p')) {
    if (!/[^\s\u00a0]/.test(p.textContent ?? '') && !p.querySelector('img')) p.remove();
  }
}

/* ---------- Resources ---------- */

/** A `data:` image URL as a file, when it is one of the inline image types. */
export function dataUrlToFile(url: string, name: string): File | null {
  const match = /^data:([\w/+.-]+)?(;base64)?,(.*)$/is.exec(url.trim());
  const type = (match?.[1] ?? '').toLowerCase();
  if (!match || !INLINE_IMAGE_TYPES.includes(type)) return null;
  try {
    const payload = match[2] ? atob(match[3]!.replace(/\s+/g, '')) : decodeURIComponent(match[3]!);
    const bytes = Uint8Array.from(payload, (c) => c.charCodeAt(0));
    const extension = type === 'image/jpeg' ? 'jpg' : type.slice('image/'.length);
    return new File([bytes], `${name}.${extension}`, { type });
  } catch {
    return null;
  }
}

function images(body: HTMLElement, mode: CleanMode, files: File[]) {
  for (const img of [...body.querySelectorAll('img')]) {
    const src = (img.getAttribute('src') ?? '').trim();
    const tiny = ['width', 'height'].some((a) => Number.parseFloat(img.getAttribute(a) ?? '') <= 2);
    if (/^data:/i.test(src)) {
      const file = mode === 'paste' ? dataUrlToFile(src, `pasted-image-${files.length + 1}`) : null;
      if (file && !tiny) files.push(file);
      img.remove();
    } else if (
      tiny ||
      !(
        mode === 'paste' ? /^https:\/\//i : /^(?:https?:\/\/|cid:|\/(?!\/)|\.{0,2}\/|[\w-]+\/)/i
      ).test(src)
    ) {
      img.remove();
    }
  }
}

function links(body: HTMLElement) {
  for (const a of body.querySelectorAll('a[href]')) {
    if (!/^(?:https?:\/\/|mailto:)/i.test(a.getAttribute('href')!.trim()))
      a.removeAttribute('href');
  }
}

/* ---------- The pipeline ---------- */

function sanitize(body: HTMLElement): HTMLElement {
  purifier ??= DOMPurify(window);
  return purifier.sanitize(body, {
    // The root is the cleaned document's <body>.
    ALLOWED_TAGS: [
      'body', 'p', 'div', 'br', 'span', 'b', 'strong', 'i', 'em', 'u', 'ins', 's', 'strike', 'del', 'a',
      'ul', 'ol', 'li', 'blockquote', 'img', 'pre', 'code', 'sub', 'sup', 'small', 'big', 'mark',
      'font', 'abbr', 'cite', 'q',
    ], // prettier-ignore
    ALLOWED_ATTR: [
      'href',
      'src',
      'alt',
      'width',
      'style',
      'start',
      'align',
      'data-attachment-id',
      'data-pm-slice',
    ],
    ALLOWED_URI_REGEXP: /^(?:(?:https?|mailto|cid):|[^a-z]|[a-z+.-]+(?:[^a-z+.\-:]|$))/i,
    RETURN_DOM: true,
  }) as HTMLElement;
}

/** Cleans HTML from outside into what the schema's parse rules read. Never runs its scripts. */
export function cleanHtml(html: string, mode: CleanMode): Cleaned {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  const body = doc.body;
  const files: File[] = [];
  for (const junk of body.querySelectorAll(JUNK)) junk.remove();
  wordLists(body);
  headings(body);
  tables(body);
  containers(body);
  divLines(body);
  images(body, mode, files);
  links(body);
  trailingBreaks(body);
  if (mode === 'paste') emptyParagraphs(body);
  return { body: sanitize(body), files };
}

/** Plain text of HTML too large to clean: line-ending tags become newlines, tags go. */
export function htmlToPlainText(html: string): string {
  const marked = html
    .replace(/<(style|script|head)\b[\s\S]*?<\/\1\s*>/gi, '')
    .replace(/<br\b[^>]*>/gi, '\n')
    .replace(/<\/(p|div|li|tr|h[1-6]|blockquote|pre|table|ul|ol)\s*>/gi, '\n\n');
  const doc = new DOMParser().parseFromString(marked, 'text/html');
  return (doc.body.textContent ?? '').replace(/\n{3,}/g, '\n\n').trim();
}
