/** Quoted history: recognized in HTML (by the marks mail clients leave) and folded. */

/** The "On … wrote:" line above a quote, in the languages the desk sees. */
export const ATTRIBUTION = /(?:wrote|escribió|escribio|a écrit|schrieb|scrisse|escreveu)\s*:\s*$/i;

const FORWARD_MARK = /^\s*-{4,}\s*(?:forwarded message|mensaje reenviado|forwarded|reenviado)/i;

/** Folds Gmail, Outlook, Apple Mail, Thunderbird, Yahoo and Proton quoted history. */
export function foldQuotes(body: HTMLElement, label: string): boolean {
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

/** Moves `nodes` (siblings, in order) into a `<details class="atento-quote">` with a "…" toggle. */
export function wrapInDetails(doc: Document, nodes: Node[], label: string): HTMLElement {
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
