import type { ResolvedPos } from 'prosemirror-model';
import {
  Plugin,
  PluginKey,
  TextSelection,
  type Command,
  type EditorState,
} from 'prosemirror-state';
import { Decoration, DecorationSet } from 'prosemirror-view';
import { isValidAddress } from '../../../model/index.js';
import { LINK_URL, marks } from './schema.js';

/** Links: what the link form accepts, the link under the selection, setting and removing it. */

/**
 * What the agent typed in the link form as an href: `https://…`, `http://…` and `mailto:…` as
 * they are, an email address as `mailto:`, a bare domain (`tienda.pe/ayuda`) as `https://`.
 * Anything else (other schemes, spaces, no dot) is null.
 */
export function normalizeLinkInput(input: string): string | null {
  const value = input.trim();
  if (!value || /\s/.test(value)) return null;
  if (/^mailto:/i.test(value)) return isValidAddress(value.slice(7).split('?')[0]!) ? value : null;
  if (isValidAddress(value)) return `mailto:${value}`;
  const candidate = LINK_URL.test(value)
    ? value
    : /^[a-z][a-z\d+.-]*:/i.test(value) && !/^[^:/]+:\d/.test(value)
      ? null
      : `https://${value.replace(/^\/\//, '')}`;
  if (!candidate) return null;
  try {
    const url = new URL(candidate);
    return /^https?:$/.test(url.protocol) && url.hostname.includes('.') ? candidate : null;
  } catch {
    return null;
  }
}

export interface LinkRange {
  from: number;
  to: number;
  href: string;
}

/** The extent of the link around a position (also just before or after it), if any. */
function linkAround($pos: ResolvedPos): LinkRange | null {
  const parent = $pos.parent;
  if (!parent.inlineContent) return null;
  const start = $pos.start();
  const children: { from: number; to: number; href: string | null; index: number }[] = [];
  parent.forEach((child, offset, index) => {
    const mark = marks.link.isInSet(child.marks);
    children.push({
      from: start + offset,
      to: start + offset + child.nodeSize,
      href: mark ? (mark.attrs['href'] as string) : null,
      index,
    });
  });
  const pos = $pos.pos;
  const hit =
    children.find((c) => c.href && c.from <= pos && pos < c.to) ??
    children.find((c) => c.href && c.from <= pos && pos <= c.to);
  if (!hit) return null;
  let { from, to } = hit;
  for (let i = hit.index - 1; i >= 0 && children[i]!.href === hit.href; i--)
    from = children[i]!.from;
  for (let i = hit.index + 1; i < children.length && children[i]!.href === hit.href; i++)
    to = children[i]!.to;
  return { from, to, href: hit.href! };
}

/** The link the form edits: the one at the caret, or the first one in the selection. */
export function linkAt(state: EditorState): LinkRange | null {
  const { empty, from, to, $from } = state.selection;
  if (empty) return linkAround($from);
  let found: LinkRange | null = null;
  state.doc.nodesBetween(from, to, (node, pos) => {
    if (found) return false;
    const mark = node.isInline ? marks.link.isInSet(node.marks) : null;
    if (mark)
      found = {
        from: Math.max(from, pos),
        to: Math.min(to, pos + node.nodeSize),
        href: mark.attrs['href'] as string,
      };
    return !found;
  });
  return found;
}

/**
 * Links the selection to `href`. With an empty selection: updates the link at the caret, or
 * inserts the address itself as linked text.
 */
export function setLink(href: string): Command {
  return (state, dispatch) => {
    const type = marks.link;
    const mark = type.create({ href });
    const { empty, from, to, $from } = state.selection;
    const tr = state.tr;
    if (!empty) {
      tr.removeMark(from, to, type).addMark(from, to, mark);
    } else {
      const existing = linkAround($from);
      if (existing) {
        tr.removeMark(existing.from, existing.to, type).addMark(existing.from, existing.to, mark);
      } else {
        const text = href.replace(/^mailto:/i, '');
        tr.insert(from, state.schema.text(text, [...$from.marks(), mark]));
        tr.setSelection(TextSelection.create(tr.doc, from + text.length));
      }
    }
    dispatch?.(tr.scrollIntoView());
    return true;
  };
}

/** Unlinks the link at the caret, or every link in the selection. */
export const removeLink: Command = (state, dispatch) => {
  const { empty, from, to, $from } = state.selection;
  const range = empty ? linkAround($from) : { from, to };
  if (!range || !state.doc.rangeHasMark(range.from, range.to, marks.link)) return false;
  dispatch?.(state.tr.removeMark(range.from, range.to, marks.link).scrollIntoView());
  return true;
};

/* ---------- The range the open link form is about ---------- */

type LinkTarget = { from: number; to: number } | null;

export const linkTargetKey = new PluginKey<LinkTarget>('atento-link-target');

/**
 * Keeps the text the link form applies to highlighted while the focus is in the form (the
 * browser hides an unfocused editor's selection). Set with the meta `{from, to}` or `null`.
 */
export function linkTargetPlugin(): Plugin {
  return new Plugin<LinkTarget>({
    key: linkTargetKey,
    state: {
      init: (): LinkTarget => null,
      apply(tr, value): LinkTarget {
        const meta = tr.getMeta(linkTargetKey) as LinkTarget | undefined;
        if (meta !== undefined) return meta;
        if (!value || !tr.docChanged) return value;
        return { from: tr.mapping.map(value.from, 1), to: tr.mapping.map(value.to, -1) };
      },
    },
    props: {
      decorations(state) {
        const range = linkTargetKey.getState(state);
        if (!range || range.from >= range.to) return null;
        return DecorationSet.create(state.doc, [
          Decoration.inline(range.from, range.to, { class: 'link-target' }),
        ]);
      },
    },
  });
}
