/**
 * The little Markdown the elements' JSDoc uses, as Lit templates (never `innerHTML`): paragraphs
 * hard-wrapped at 100 columns, blank lines between them, `- ` lists, fenced code blocks and
 * `inline code`.
 */
import { html, nothing, type TemplateResult } from 'lit';

/** Text with `backtick` spans as `<code>`. */
export function inline(text: string | undefined): TemplateResult | typeof nothing {
  if (!text) return nothing;
  const pieces = text.split(/(`[^`]+`)/g);
  return html`${pieces.map((piece) =>
    piece.length > 2 && piece.startsWith('`') && piece.endsWith('`')
      ? html`<code>${piece.slice(1, -1)}</code>`
      : piece,
  )}`;
}

/** A block of the description: a paragraph, a list or a code block. */
export type Block =
  | { kind: 'paragraph'; text: string }
  | { kind: 'list'; items: string[] }
  | { kind: 'code'; language: string; code: string };

/** Splits JSDoc prose into blocks; wrapped lines of a paragraph or list item are joined. */
export function blocks(text: string | undefined): Block[] {
  const out: Block[] = [];
  const lines = (text ?? '').replace(/\r\n/g, '\n').split('\n');
  let paragraph: string[] = [];
  let list: string[] | undefined;
  const flush = () => {
    if (paragraph.length) out.push({ kind: 'paragraph', text: paragraph.join(' ') });
    if (list) out.push({ kind: 'list', items: list });
    paragraph = [];
    list = undefined;
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const fence = /^\s*```(\w*)\s*$/.exec(line);
    if (fence) {
      flush();
      const code: string[] = [];
      for (i++; i < lines.length && !/^\s*```\s*$/.test(lines[i]!); i++) code.push(lines[i]!);
      out.push({ kind: 'code', language: fence[1] ?? '', code: code.join('\n') });
    } else if (!line.trim()) {
      flush();
    } else if (/^\s*[-*] /.test(line)) {
      if (paragraph.length) {
        out.push({ kind: 'paragraph', text: paragraph.join(' ') });
        paragraph = [];
      }
      (list ??= []).push(line.replace(/^\s*[-*] /, '').trim());
    } else if (list) {
      list[list.length - 1] += ` ${line.trim()}`;
    } else {
      paragraph.push(line.trim());
    }
  }
  flush();
  return out;
}

/** Renders JSDoc prose. */
export function prose(text: string | undefined): TemplateResult {
  return html`${blocks(text).map((block) => {
    switch (block.kind) {
      case 'paragraph':
        return html`<p>${inline(block.text)}</p>`;
      case 'list':
        return html`<ul>
          ${block.items.map((item) => html`<li>${inline(item)}</li>`)}
        </ul>`;
      case 'code':
        return codeBlock(block.code, block.language);
    }
  })}`;
}

/** A code block; `tabindex=0` so a keyboard user can scroll it. */
export function codeBlock(code: string, language = ''): TemplateResult {
  return html`<pre
    class="code"
    tabindex="0"
    data-language=${language || nothing}
  ><code>${code}</code></pre>`;
}
