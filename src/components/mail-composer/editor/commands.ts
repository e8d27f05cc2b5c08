import { lift, toggleMark, wrapIn } from 'prosemirror-commands';
import { redoDepth, undoDepth } from 'prosemirror-history';
import type { MarkType, NodeType } from 'prosemirror-model';
import { liftListItem, wrapInList } from 'prosemirror-schema-list';
import type { Command, EditorState } from 'prosemirror-state';
import { liftTarget } from 'prosemirror-transform';
import { marks, nodes, type Align } from './schema.js';

/**
 * The toolbar's commands and the state its buttons show, derived from the editor state (the
 * toolbar keeps no state of its own).
 */

export type ListKind = 'bullet' | 'ordered';

export interface ToolbarState {
  strong: boolean;
  em: boolean;
  underline: boolean;
  strikethrough: boolean;
  link: boolean;
  /** The innermost list around the selection. */
  list: ListKind | null;
  blockquote: boolean;
  align: Align;
  canUndo: boolean;
  canRedo: boolean;
}

/** Whether the mark applies at the caret, or anywhere in the selection (what toggling removes). */
export function markActive(state: EditorState, type: MarkType): boolean {
  const { from, to, empty, $from } = state.selection;
  if (empty) return !!type.isInSet(state.storedMarks ?? $from.marks());
  return state.doc.rangeHasMark(from, to, type);
}

const LISTS: Record<ListKind, NodeType> = {
  bullet: nodes.bullet_list,
  ordered: nodes.ordered_list,
};

function innermostList(state: EditorState): ListKind | null {
  const { $from } = state.selection;
  for (let depth = $from.depth; depth > 0; depth--) {
    const type = $from.node(depth).type;
    if (type === nodes.bullet_list) return 'bullet';
    if (type === nodes.ordered_list) return 'ordered';
  }
  return null;
}

function inBlockquote(state: EditorState): boolean {
  const { $from } = state.selection;
  for (let depth = $from.depth; depth > 0; depth--)
    if ($from.node(depth).type === nodes.blockquote) return true;
  return false;
}

export function toolbarState(state: EditorState): ToolbarState {
  const { $from } = state.selection;
  const align =
    $from.parent.type === nodes.paragraph ? ($from.parent.attrs['align'] as Align | null) : null;
  return {
    strong: markActive(state, marks.strong),
    em: markActive(state, marks.em),
    underline: markActive(state, marks.underline),
    strikethrough: markActive(state, marks.strikethrough),
    link: markActive(state, marks.link),
    list: innermostList(state),
    blockquote: inBlockquote(state),
    align: align ?? 'left',
    canUndo: undoDepth(state) > 0,
    canRedo: redoDepth(state) > 0,
  };
}

export function sameToolbarState(a: ToolbarState, b: ToolbarState): boolean {
  return (Object.keys(a) as (keyof ToolbarState)[]).every((key) => a[key] === b[key]);
}

export const toggleStrong = toggleMark(marks.strong);
export const toggleEm = toggleMark(marks.em);
export const toggleUnderline = toggleMark(marks.underline);
export const toggleStrikethrough = toggleMark(marks.strikethrough);

/**
 * Bullet or ordered list: wraps the selected blocks; inside a list of that kind lifts the items
 * out one level; inside a list of the other kind switches the list's kind.
 */
export function toggleList(kind: ListKind): Command {
  const type = LISTS[kind];
  return (state, dispatch) => {
    const { $from, $to } = state.selection;
    const range = $from.blockRange(
      $to,
      (node) => node.type === nodes.bullet_list || node.type === nodes.ordered_list,
    );
    if (!range) return wrapInList(type)(state, dispatch);
    if (range.parent.type === type) return liftListItem(nodes.list_item)(state, dispatch);
    dispatch?.(state.tr.setNodeMarkup(range.$from.before(range.depth), type).scrollIntoView());
    return true;
  };
}

/** Wraps the selected blocks in a blockquote, or lifts them out of the one they are in. */
export const toggleBlockquote: Command = (state, dispatch) => {
  const { $from, $to } = state.selection;
  const range = $from.blockRange($to, (node) => node.type === nodes.blockquote);
  if (!range) return wrapIn(nodes.blockquote)(state, dispatch);
  const target = liftTarget(range);
  if (target === null) return lift(state, dispatch);
  dispatch?.(state.tr.lift(range, target).scrollIntoView());
  return true;
};

/** Aligns the selected paragraphs (`left` removes the alignment). */
export function setAlign(align: Align): Command {
  const value = align === 'left' ? null : align;
  return (state, dispatch) => {
    const { from, to } = state.selection;
    const tr = state.tr;
    let applicable = false;
    state.doc.nodesBetween(from, to, (node, pos) => {
      if (node.type !== nodes.paragraph) return true;
      applicable = true;
      if (node.attrs['align'] !== value) tr.setNodeAttribute(pos, 'align', value);
      return false;
    });
    if (!applicable) return false;
    dispatch?.(tr.scrollIntoView());
    return true;
  };
}

/** Removes bold, italic, underline, strikethrough and alignment (links and lists stay). */
export const clearFormatting: Command = (state, dispatch) => {
  const { from, to, empty } = state.selection;
  const tr = state.tr;
  for (const type of [marks.strong, marks.em, marks.underline, marks.strikethrough]) {
    if (!empty) tr.removeMark(from, to, type);
    tr.removeStoredMark(type);
  }
  state.doc.nodesBetween(from, to, (node, pos) => {
    if (node.type !== nodes.paragraph) return true;
    if (node.attrs['align']) tr.setNodeAttribute(pos, 'align', null);
    return false;
  });
  dispatch?.(tr.scrollIntoView());
  return true;
};

/** Backspace at the very start of a list item's first paragraph lifts the item out of its list. */
export const liftItemAtStart: Command = (state, dispatch) => {
  const { $cursor } = state.selection as { $cursor?: typeof state.selection.$from | null };
  if (!$cursor || $cursor.parentOffset > 0 || $cursor.depth < 2) return false;
  const item = $cursor.node(-1);
  if (item.type !== nodes.list_item || $cursor.index(-1) !== 0) return false;
  return liftListItem(nodes.list_item)(state, dispatch);
};
