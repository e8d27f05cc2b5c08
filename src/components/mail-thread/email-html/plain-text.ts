import { splitLinks } from '../../internal/linkify.js';
import { ATTRIBUTION, wrapInDetails } from './quotes.js';

/** A plain-text email as the `<body>` of the frame: links made, `>` quoted history folded. */

/** Appends `text` to `parent` as text nodes and `<a>` elements. */
function appendLinkified(doc: Document, parent: Node, text: string) {
  for (const piece of splitLinks(text, 'mail')) {
    if (!piece.href) {
      parent.appendChild(doc.createTextNode(piece.text));
      continue;
    }
    const a = doc.createElement('a');
    a.href = piece.href;
    a.target = '_blank';
    a.rel = 'noopener noreferrer';
    a.textContent = piece.text;
    parent.appendChild(a);
  }
}

/** Plain text → `<div style="white-space:pre-wrap">` with links and `>` quotes folded. */
export function textToBody(
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
