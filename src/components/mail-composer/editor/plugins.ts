import { baseKeymap, chainCommands, exitCode } from 'prosemirror-commands';
import { dropCursor } from 'prosemirror-dropcursor';
import { history, redo, undo } from 'prosemirror-history';
import { keymap } from 'prosemirror-keymap';
import type { Node } from 'prosemirror-model';
import { liftListItem, sinkListItem, splitListItem } from 'prosemirror-schema-list';
import { Plugin, PluginKey, Selection, type Command, type EditorState } from 'prosemirror-state';
import { Decoration, DecorationSet, type EditorView } from 'prosemirror-view';
import {
  clearFormatting,
  liftItemAtStart,
  toggleBlockquote,
  toggleEm,
  toggleList,
  toggleStrikethrough,
  toggleStrong,
  toggleUnderline,
} from './commands.js';
import { linkTargetPlugin } from './link.js';
import { cleanHtml, htmlToPlainText, INLINE_IMAGE_TYPES, PASTE_HTML_LIMIT } from './paste.js';
import { nodes } from './schema.js';
import { textToSlice } from './serialize.js';

/**
 * `composerSetup()`: the plugins of the composer's editor, in the shape of ProseMirror's
 * example-setup (keymaps, history, drop cursor, placeholder, the `/` trigger, paste and drop).
 * The element passes callbacks; the plugins never touch the element.
 */

export type SlashKey = 'ArrowUp' | 'ArrowDown' | 'Enter' | 'Escape';

export interface SetupOptions {
  /** The placeholder text (read on every redraw, so it follows the element's property). */
  placeholder: () => string;
  /** Mod-Enter. */
  onSubmit: () => void;
  /** Mod-K. */
  onLink: () => void;
  /** A key while the `/` trigger is active; returns false when the host took the key. */
  onSlashKey: (key: SlashKey) => boolean;
  /** Files pasted or dropped; `inline` when all are jpg/png/gif images. */
  onFiles: (files: File[], inline: boolean) => void;
  /** Pasted HTML was too large to clean and went in as plain text. */
  onPastedAsText: () => void;
}

/* ---------- Empty document and placeholder ---------- */

export function isEmptyDoc(doc: Node): boolean {
  const first = doc.firstChild;
  return (
    doc.childCount === 1 && !!first && first.type === nodes.paragraph && first.content.size === 0
  );
}

function placeholderPlugin(text: () => string): Plugin {
  return new Plugin({
    props: {
      decorations(state) {
        const placeholder = text();
        if (!placeholder || !isEmptyDoc(state.doc)) return null;
        return DecorationSet.create(state.doc, [
          Decoration.node(0, state.doc.firstChild!.nodeSize, {
            class: 'placeholder',
            'data-placeholder': placeholder,
          }),
        ]);
      },
    },
  });
}

/* ---------- The `/` trigger of quick replies ---------- */

export interface SlashMatch {
  /** Position of the `/`. */
  from: number;
  /** The caret, after the query. */
  to: number;
  /** Letters typed after the `/` (may be empty). */
  query: string;
}

interface SlashState {
  active: SlashMatch | null;
  /** Position of a `/` whose trigger Escape dismissed. */
  dismissed: number | null;
}

export const slashKey = new PluginKey<SlashState>('atento-slash');

const QUERY = /^[\p{L}\p{N}_-]{0,40}$/u;

/** The `/word` ending at the caret, if it starts a word. Reads at most 49 characters. */
export function findSlash(state: EditorState): SlashMatch | null {
  const { empty, $from } = state.selection;
  if (!empty || !$from.parent.isTextblock) return null;
  const offset = $from.parentOffset;
  const start = Math.max(0, offset - 48);
  const text = $from.parent.textBetween(start, offset, undefined, '\ufffc');
  const slash = text.lastIndexOf('/');
  if (slash < 0) return null;
  const query = text.slice(slash + 1);
  if (!QUERY.test(query)) return null;
  const before = slash > 0 ? text[slash - 1]! : start > 0 ? 'x' : '';
  if (before && !/[\s\u00a0\ufffc]/.test(before)) return null;
  // The caret must end the word, not sit inside it.
  const parent = $from.parent;
  const after = parent.textBetween(
    offset,
    Math.min(offset + 1, parent.content.size),
    undefined,
    ' ',
  );
  if (after && QUERY.test(after)) return null;
  return { from: $from.pos - query.length - 1, to: $from.pos, query };
}

function slashPlugin(options: SetupOptions): Plugin<SlashState> {
  return new Plugin<SlashState>({
    key: slashKey,
    state: {
      init: (_config, state) => ({ active: findSlash(state), dismissed: null }),
      apply(tr, previous, _old, state) {
        if (!tr.docChanged && !tr.selectionSet && !tr.getMeta(slashKey)) return previous;
        const match = findSlash(state);
        let dismissed = previous.dismissed === null ? null : tr.mapping.map(previous.dismissed);
        if (tr.getMeta(slashKey) === 'dismiss' && match) dismissed = match.from;
        if (!match || match.from !== dismissed) dismissed = null;
        return { active: dismissed === null ? match : null, dismissed };
      },
    },
    props: {
      handleKeyDown(view, event) {
        const active = slashKey.getState(view.state)?.active;
        const key = event.key as SlashKey;
        if (!active || !['ArrowUp', 'ArrowDown', 'Enter', 'Escape'].includes(key)) return false;
        if (event.shiftKey || event.altKey || event.ctrlKey || event.metaKey) return false;
        if (!options.onSlashKey(key)) return true;
        if (key !== 'Escape') return false;
        view.dispatch(view.state.tr.setMeta(slashKey, 'dismiss'));
        return true;
      },
    },
  });
}

/* ---------- Paste and drop ---------- */

function allInlineImages(files: File[]): boolean {
  return files.every((f) => INLINE_IMAGE_TYPES.includes(f.type));
}

/** Whether HTML has any text (a copied image comes with `<img>`-only HTML next to its file). */
function hasText(html: string): boolean {
  return /[^\s\u00a0]/.test(html.replace(/<[^>]*>|&nbsp;/g, ''));
}

function insertPlainText(view: EditorView, text: string) {
  const { $from } = view.state.selection;
  const tr = view.state.tr.replaceSelection(textToSlice(text, $from.marks()));
  view.dispatch(tr.scrollIntoView().setMeta('paste', true).setMeta('uiEvent', 'paste'));
}

function clipboardPlugin(options: SetupOptions): Plugin {
  return new Plugin({
    props: {
      handleDOMEvents: {
        paste(view, event) {
          const data = event.clipboardData;
          if (!data || !view.editable) return false;
          const html = data.getData('text/html');
          const files = [...data.files];
          if (files.length && !hasText(html)) {
            event.preventDefault();
            options.onFiles(files, allInlineImages(files));
            return true;
          }
          if (html.length > PASTE_HTML_LIMIT) {
            event.preventDefault();
            insertPlainText(view, data.getData('text/plain') || htmlToPlainText(html));
            options.onPastedAsText();
            return true;
          }
          return false;
        },
        drop(view, event) {
          const files = [...(event.dataTransfer?.files ?? [])];
          if (!files.length) return false;
          event.preventDefault();
          if (!view.editable) return true;
          const at = view.posAtCoords({ left: event.clientX, top: event.clientY });
          if (at) {
            const selection = Selection.near(view.state.doc.resolve(at.pos));
            view.dispatch(view.state.tr.setSelection(selection));
          }
          options.onFiles(files, allInlineImages(files));
          return true;
        },
      },
      transformPastedHTML(html) {
        // Copies inside the editor carry ProseMirror's slice marker: keep them as they are.
        const own = html.includes('data-pm-slice');
        const { body, files } = cleanHtml(html, own ? 'document' : 'paste');
        if (files.length) options.onFiles(files, true);
        return body.innerHTML;
      },
      clipboardTextParser: (text, $context) => textToSlice(text, $context.marks()),
    },
  });
}

/* ---------- Keys ---------- */

const insertHardBreak: Command = (state, dispatch) => {
  dispatch?.(state.tr.replaceSelectionWith(nodes.hard_break.create()).scrollIntoView());
  return true;
};

function composerKeymap(options: SetupOptions): Record<string, Command> {
  const call =
    (fn: () => void): Command =>
    () => {
      fn();
      return true;
    };
  return {
    'Mod-z': undo,
    'Mod-Shift-z': redo,
    'Mod-y': redo,
    'Mod-b': toggleStrong,
    'Mod-i': toggleEm,
    'Mod-u': toggleUnderline,
    'Mod-Shift-x': toggleStrikethrough,
    'Mod-\\': clearFormatting,
    'Mod-k': call(options.onLink),
    'Mod-Shift-7': toggleList('ordered'),
    'Mod-Shift-8': toggleList('bullet'),
    'Mod-Shift-9': toggleBlockquote,
    'Shift-Enter': chainCommands(exitCode, insertHardBreak),
    'Mod-Enter': call(options.onSubmit),
    Enter: splitListItem(nodes.list_item),
    // Only inside lists: elsewhere Tab must move the focus on, for keyboard users.
    Tab: sinkListItem(nodes.list_item),
    'Shift-Tab': liftListItem(nodes.list_item),
    Backspace: liftItemAtStart,
  };
}

/** The composer's editor plugins. */
export function composerSetup(options: SetupOptions): Plugin[] {
  return [
    slashPlugin(options),
    keymap(composerKeymap(options)),
    keymap(baseKeymap),
    history(),
    dropCursor({ class: 'drop-cursor', color: false, width: 2 }),
    placeholderPlugin(options.placeholder),
    linkTargetPlugin(),
    clipboardPlugin(options),
  ];
}
