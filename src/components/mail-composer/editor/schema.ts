import { Schema, type DOMOutputSpec, type Mark, type Node } from 'prosemirror-model';

/**
 * The document an agent can write in an email: paragraphs (with alignment), hard breaks, bold,
 * italic, underline, strikethrough, links, bullet and ordered lists, blockquotes and inline
 * images. Anything else a paste or a draft brings is dropped by the parse rules.
 */

export type Align = 'left' | 'center' | 'right';

const ALIGNS: readonly string[] = ['left', 'center', 'right'];

/** Links may point only to these schemes (everything else is dropped on parse and output). */
export const LINK_URL = /^(?:https?:\/\/|mailto:)/i;

/** `text-align` of a block element as one of ours (`left` and unknown values: null). */
function alignOf(dom: HTMLElement): Align | null {
  const value = (dom.style.textAlign || dom.getAttribute('align') || '').toLowerCase();
  return ALIGNS.includes(value) && value !== 'left' ? (value as Align) : null;
}

/** A positive pixel width from a `width` attribute or a `px` style width, else null. */
function widthOf(dom: HTMLElement): number | null {
  const raw =
    dom.getAttribute('width') ?? (/^\s*(\d+(?:\.\d+)?)px\s*$/.exec(dom.style.width)?.[1] || '');
  const width = Math.round(Number.parseFloat(raw));
  return Number.isFinite(width) && width > 0 ? width : null;
}

function paragraphDOM(node: Node): DOMOutputSpec {
  const align = node.attrs['align'] as Align | null;
  return align ? ['p', { style: `text-align:${align}` }, 0] : ['p', 0];
}

function imageDOM(node: Node): DOMOutputSpec {
  const { src, alt, width, attachmentId } = node.attrs as ImageAttrs;
  const attrs: Record<string, string> = { src, alt };
  if (width) attrs['width'] = String(width);
  if (attachmentId) attrs['data-attachment-id'] = attachmentId;
  return ['img', attrs];
}

/** Attributes of an image node. `uploadId` and `progress` live only in the editor. */
export interface ImageAttrs {
  src: string;
  alt: string;
  /** Display width in CSS pixels (the `width` attribute of the output), null for natural size. */
  width: number | null;
  /** The id the host gave the upload, to update or remove the image while it uploads. */
  uploadId: string | null;
  /** The attachment the image is, once uploaded (kept in the output as `data-attachment-id`). */
  attachmentId: string | null;
  /** Upload progress 0..1 while uploading, null otherwise. */
  progress: number | null;
}

const markDOM =
  (tag: string): ((mark: Mark) => DOMOutputSpec) =>
  () => [tag, 0];

export const schema = new Schema({
  nodes: {
    doc: { content: 'block+' },
    paragraph: {
      group: 'block',
      content: 'inline*',
      attrs: { align: { default: null } },
      parseDOM: [{ tag: 'p', getAttrs: (dom) => ({ align: alignOf(dom) }) }],
      toDOM: paragraphDOM,
    },
    blockquote: {
      group: 'block',
      content: 'block+',
      defining: true,
      parseDOM: [{ tag: 'blockquote' }],
      toDOM: () => ['blockquote', 0],
    },
    bullet_list: {
      group: 'block',
      content: 'list_item+',
      parseDOM: [{ tag: 'ul' }],
      toDOM: () => ['ul', 0],
    },
    ordered_list: {
      group: 'block',
      content: 'list_item+',
      attrs: { order: { default: 1 } },
      parseDOM: [
        {
          tag: 'ol',
          getAttrs: (dom) => {
            const start = Number.parseInt(dom.getAttribute('start') ?? '1', 10);
            return { order: Number.isFinite(start) ? start : 1 };
          },
        },
      ],
      toDOM: (node) => {
        const order = node.attrs['order'] as number;
        return order === 1 ? ['ol', 0] : ['ol', { start: String(order) }, 0];
      },
    },
    list_item: {
      content: 'paragraph block*',
      defining: true,
      parseDOM: [{ tag: 'li' }],
      toDOM: () => ['li', 0],
    },
    text: { group: 'inline' },
    image: {
      group: 'inline',
      inline: true,
      draggable: true,
      attrs: {
        src: { default: '' },
        alt: { default: '' },
        width: { default: null },
        uploadId: { default: null },
        attachmentId: { default: null },
        progress: { default: null },
      },
      leafText: () => '\ufffc',
      parseDOM: [
        {
          tag: 'img[src]',
          getAttrs: (dom) => ({
            src: dom.getAttribute('src') ?? '',
            alt: dom.getAttribute('alt') ?? '',
            width: widthOf(dom),
            attachmentId: dom.getAttribute('data-attachment-id') || null,
          }),
        },
      ],
      toDOM: imageDOM,
    },
    hard_break: {
      group: 'inline',
      inline: true,
      selectable: false,
      linebreakReplacement: true,
      leafText: () => '\n',
      parseDOM: [{ tag: 'br' }],
      toDOM: () => ['br'],
    },
  },
  marks: {
    link: {
      attrs: { href: {} },
      inclusive: false,
      parseDOM: [
        {
          tag: 'a[href]',
          getAttrs: (dom) => {
            const href = dom.getAttribute('href')?.trim() ?? '';
            return LINK_URL.test(href) ? { href } : false;
          },
        },
      ],
      toDOM: (mark) => ['a', { href: mark.attrs['href'] as string }, 0],
    },
    strong: {
      parseDOM: [
        { tag: 'strong' },
        // Google Docs wraps everything in <b style="font-weight:normal">.
        { tag: 'b', getAttrs: (dom) => dom.style.fontWeight !== 'normal' && null },
        { style: 'font-weight=400', clearMark: (m) => m.type.name === 'strong' },
        {
          style: 'font-weight',
          getAttrs: (value) => /^(bold(er)?|[6-9]\d{2,})$/.test(value) && null,
        },
      ],
      toDOM: markDOM('strong'),
    },
    em: {
      parseDOM: [
        { tag: 'em' },
        { tag: 'i' },
        { style: 'font-style=normal', clearMark: (m) => m.type.name === 'em' },
        { style: 'font-style=italic' },
      ],
      toDOM: markDOM('em'),
    },
    underline: {
      parseDOM: [
        { tag: 'u' },
        { tag: 'ins' },
        {
          style: 'text-decoration',
          getAttrs: (v) => /\bunderline\b/.test(v) && null,
          consuming: false,
        },
        {
          style: 'text-decoration-line',
          getAttrs: (v) => /\bunderline\b/.test(v) && null,
          consuming: false,
        },
      ],
      toDOM: markDOM('u'),
    },
    strikethrough: {
      parseDOM: [
        { tag: 's' },
        { tag: 'strike' },
        { tag: 'del' },
        { style: 'text-decoration', getAttrs: (v) => /\bline-through\b/.test(v) && null },
        { style: 'text-decoration-line', getAttrs: (v) => /\bline-through\b/.test(v) && null },
      ],
      toDOM: markDOM('s'),
    },
  },
});

export const nodes = schema.nodes;
export const marks = schema.marks;
