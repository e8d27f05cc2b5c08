import DOMPurify from 'dompurify';
import {
  DOMParser as ProseMirrorParser,
  DOMSerializer,
  Fragment,
  Slice,
  type Mark,
  type Node,
} from 'prosemirror-model';
import { cleanHtml, type CleanMode } from './paste.js';
import { LINK_URL, nodes, schema } from './schema.js';

/**
 * The document in and out: HTML (cleaned) → document, document → sanitized HTML and its
 * plain-text alternative, text → slice. Run on demand (send, draft save), never per keystroke.
 */

/* ---------- In ---------- */

/** HTML from outside (a draft, a template) as a document; whatever the schema can't hold goes. */
export function parseHtml(html: string, mode: CleanMode = 'document'): Node {
  return ProseMirrorParser.fromSchema(schema).parse(cleanHtml(html, mode).body);
}

/** HTML from outside as a slice to insert at the selection. */
export function parseHtmlSlice(html: string, mode: CleanMode = 'document'): Slice {
  return ProseMirrorParser.fromSchema(schema).parseSlice(cleanHtml(html, mode).body);
}

/**
 * Text as a slice: a blank line separates paragraphs, a single newline is a hard break. Open on
 * both sides, so its first and last lines join the paragraph it lands in.
 */
export function textToSlice(text: string, marks: readonly Mark[] = []): Slice {
  const paragraphs = text
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n\s*/)
    .map((block) => {
      const inline: Node[] = [];
      block.split('\n').forEach((line, i) => {
        if (i) inline.push(nodes.hard_break.create());
        if (line) inline.push(schema.text(line, marks));
      });
      return nodes.paragraph.create(null, inline);
    });
  return new Slice(Fragment.fromArray(paragraphs), 1, 1);
}

/* ---------- HTML out ---------- */

const OUTPUT_URL = /^(?:https?:|mailto:|cid:|[^a-z]|[a-z+.-]+(?:[^a-z+.\-:]|$))/i;
/** Where an output image may point: the web, a Content-ID, or the server (relative). */
const IMAGE_SRC = /^(?:https?:\/\/|cid:|\/(?!\/)|\.{0,2}\/|[\w-]+\/)/i;

let outputPurifier: ReturnType<typeof DOMPurify> | undefined;

function purifier() {
  if (outputPurifier) return outputPurifier;
  const purify = DOMPurify(window);
  purify.addHook('uponSanitizeAttribute', (node, data) => {
    if (data.attrName === 'style') {
      const align = /^text-align:(center|right)$/.exec(data.attrValue.replace(/[\s;]/g, ''));
      if (align) data.attrValue = `text-align:${align[1]}`;
      else data.keepAttr = false;
    } else if (data.attrName === 'href' && !LINK_URL.test(data.attrValue.trim())) {
      data.keepAttr = false;
    } else if (data.attrName === 'src' && !IMAGE_SRC.test(data.attrValue.trim())) {
      // An uploaded image keeps the URL its adapter gave it (a memory adapter's `blob:`); the
      // backend sends it as a `cid:` part by its attachment id. Previews still uploading go.
      const uploaded = (node as Element).hasAttribute('data-attachment-id');
      if (uploaded && /^blob:/i.test(data.attrValue.trim())) data.forceKeepAttr = true;
      else data.keepAttr = false;
    } else if (data.attrName === 'width' && !/^\d+$/.test(data.attrValue)) {
      data.keepAttr = false;
    }
  });
  purify.addHook('afterSanitizeAttributes', (node) => {
    if (node.nodeName === 'IMG' && !(node as Element).hasAttribute('src')) node.remove();
  });
  return (outputPurifier = purify);
}

/**
 * The document as email HTML, sanitized (DOMPurify): `<p>` (with `text-align` when centred or
 * right-aligned; `<p><br></p>` when empty, so the line keeps its height), `<br>`, `<strong>`,
 * `<em>`, `<u>`, `<s>`, `<a href>` (http, https, mailto), `<ul>`, `<ol start>`, `<li>`,
 * `<blockquote>`, `<img src alt width data-attachment-id>`. Images still uploading (a `blob:` or
 * `data:` preview without an attachment id) are left out.
 */
export function toHtml(doc: Node): string {
  const html = document.implementation.createHTMLDocument('');
  const fragment = DOMSerializer.fromSchema(schema).serializeFragment(doc.content, {
    document: html,
  });
  const container = html.body;
  container.append(fragment);
  for (const p of container.querySelectorAll('p:empty')) p.append(html.createElement('br'));
  return purifier().sanitize(container.innerHTML, {
    ALLOWED_TAGS: ['p', 'br', 'strong', 'em', 'u', 's', 'a', 'ul', 'ol', 'li', 'blockquote', 'img'],
    ALLOWED_ATTR: ['href', 'src', 'alt', 'width', 'style', 'start', 'data-attachment-id'],
    ALLOWED_URI_REGEXP: OUTPUT_URL,
  });
}

/* ---------- Text out ---------- */

function linkText(text: string, href: string): string {
  const target = href.replace(/^mailto:/i, '');
  return text === href || text === target || !text ? target : `${text} <${target}>`;
}

/** A textblock's inline content: hard breaks are newlines, links `text <url>`, images `[alt]`. */
function inlineText(block: Node, imageLabel: string): string {
  let out = '';
  let run: { href: string; mark: Mark; text: string } | null = null;
  const flush = () => {
    if (run) out += linkText(run.text, run.href);
    run = null;
  };
  block.forEach((child) => {
    let piece = '';
    if (child.isText) piece = child.text ?? '';
    else if (child.type === nodes.hard_break) piece = '\n';
    else if (child.type === nodes.image)
      piece = `[${(child.attrs['alt'] as string) || imageLabel}]`;
    const link = child.marks.find((m) => m.type === schema.marks.link);
    if (link && run?.mark.eq(link)) {
      run.text += piece;
      return;
    }
    flush();
    if (link) run = { href: link.attrs['href'] as string, mark: link, text: piece };
    else out += piece;
  });
  flush();
  return out;
}

function indent(text: string, first: string, rest: string): string {
  return text
    .split('\n')
    .map((line, i) => (i ? (line ? rest + line : '') : first + line))
    .join('\n');
}

function blockText(node: Node, imageLabel: string): string {
  const children = (separator: string) => {
    const parts: string[] = [];
    node.forEach((child) => parts.push(blockText(child, imageLabel)));
    return parts.join(separator);
  };
  switch (node.type) {
    case nodes.paragraph:
      return inlineText(node, imageLabel);
    case nodes.blockquote:
      return children('\n\n')
        .split('\n')
        .map((line) => (line ? `> ${line}` : '>'))
        .join('\n');
    case nodes.bullet_list:
    case nodes.ordered_list: {
      const ordered = node.type === nodes.ordered_list;
      const start = ordered ? (node.attrs['order'] as number) : 0;
      const items: string[] = [];
      node.forEach((item, _offset, i) => {
        const marker = ordered ? `${start + i}. ` : '- ';
        items.push(indent(blockText(item, imageLabel), marker, ' '.repeat(marker.length)));
      });
      return items.join('\n');
    }
    case nodes.list_item:
      return children('\n');
    default:
      return children('\n\n');
  }
}

/**
 * The plain-text alternative: paragraphs separated by a blank line, a hard break is a newline,
 * bullets `- `, ordered items `1. `, quoted lines `> `, a link `text <url>` (just the address when
 * the text is the address), an image `[alt]` (`[imageLabel]` without alt text).
 */
export function toText(doc: Node, imageLabel = 'image'): string {
  return blockText(doc, imageLabel)
    .replace(/[ \t]+$/gm, '')
    .replace(/^\n+|\s+$/g, '');
}
