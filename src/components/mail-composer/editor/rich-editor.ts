import { html, nothing, type PropertyValues } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { redo, undo } from 'prosemirror-history';
import type { Node } from 'prosemirror-model';
import {
  EditorState,
  NodeSelection,
  Selection,
  type Command,
  type Transaction,
} from 'prosemirror-state';
import { EditorView } from 'prosemirror-view';
import { buttons } from '../../../styles/controls.js';
import { AtentoElement, emit } from '../../internal/atento-element.js';
import {
  clearFormatting,
  sameToolbarState,
  setAlign,
  toggleBlockquote,
  toggleEm,
  toggleList,
  toggleStrikethrough,
  toggleStrong,
  toggleUnderline,
  toolbarState,
  type ToolbarState,
} from './commands.js';
import { RovingTabindex, renderToolbar, slottedItems, type ToolId } from './editor-toolbar.js';
import { renderImageBar, type ImageBarState } from './image-bar.js';
import { availableWidth, clampWidth, ImageView } from './image-view.js';
import { linkAt, linkTargetKey, normalizeLinkInput, removeLink, setLink } from './link.js';
import { renderLinkForm, type LinkFormState } from './link-form.js';
import { composerSetup, isEmptyDoc, slashKey, type SlashKey, type SlashMatch } from './plugins.js';
import { styles } from './rich-editor.styles.js';
import { nodes, schema, type ImageAttrs } from './schema.js';
import { parseHtml, parseHtmlSlice, textToSlice, toHtml, toText } from './serialize.js';

export interface EditorValue {
  /** Sanitized email HTML. */
  html: string;
  /** The plain-text alternative. */
  text: string;
}

export interface EditorFilesDetail {
  files: File[];
  /** Every file is a jpg, png or gif image: the host may insert them inline (`insertImage`). */
  inline: boolean;
}

export type EditorSlashDetail = SlashMatch;

export interface EditorSlashKeyDetail {
  key: SlashKey;
}

export interface EditorNoticeDetail {
  kind: 'paste-as-text';
}

export interface InsertImageAttrs {
  src: string;
  alt?: string;
  width?: number | null;
  uploadId?: string;
  attachmentId?: string;
}

export type UpdateImageAttrs = Partial<{
  src: string;
  alt: string;
  width: number | null;
  attachmentId: string;
  progress: number | null;
}>;

/** Transactions with this meta (upload progress) change no content: no `editor-input`. */
const SILENT = 'atento-silent';

/**
 * The composer's rich-text editor (ProseMirror): paragraphs, line breaks, bold, italic,
 * underline, strikethrough, links, lists, alignment, quotes and inline images, with a formatting
 * toolbar that follows the selection, keyboard shortcuts, undo/redo, paste from Word, Gmail and
 * the web cleaned to what an email holds, and a placeholder. Its value (`getValue()`) is
 * sanitized HTML plus a plain-text alternative, computed only when asked for.
 *
 * Shortcuts: Mod-B/I/U, Mod-Shift-X strikethrough, Mod-K link, Mod-Shift-7/8 numbered/bulleted
 * list, Mod-Shift-9 quote, Mod-\ clear formatting, Mod-Z undo, Mod-Shift-Z and Mod-Y redo,
 * Shift-Enter line break, Tab/Shift-Tab indent/outdent list items (only in lists), Mod-Enter
 * submit. Mod is Ctrl (⌘ on Apple systems).
 *
 * @summary Rich-text editor of `<mail-composer>` (F-2.3, F-2.4).
 *
 * @slot tools - Extra toolbar buttons (attach, image, emoji, quick replies); they join the
 *   toolbar's single tab stop and arrow-key navigation.
 *
 * @fires {CustomEvent<void>} editor-input - The document changed (typing, formatting, paste,
 *   insertions, undo). Not fired for upload progress, nor for `setHtml()` without history.
 * @fires {CustomEvent<EditorFilesDetail>} editor-files - Files were pasted or dropped (also
 *   images that were `data:` URLs in pasted HTML). The editor never inserts them: the host
 *   uploads them and calls `insertImage()` (at the selection, which a drop moves to its point).
 * @fires {CustomEvent<EditorSlashDetail>} editor-slash - The caret is right after a `/word` that
 *   starts a word; fired whenever that query changes. Replace `from..to` with
 *   `insertText(text, {from, to})`.
 * @fires {CustomEvent<void>} editor-slash-end - The `/word` state ended (caret moved away, space
 *   typed, Escape).
 * @fires {CustomEvent<EditorSlashKeyDetail>} editor-slash-key - ArrowUp, ArrowDown, Enter or
 *   Escape while `/word` is active. Cancelable: when cancelled the editor ignores the key.
 * @fires {CustomEvent<void>} editor-submit - Ctrl+Enter (⌘+Enter).
 * @fires {CustomEvent<EditorNoticeDetail>} editor-notice - `paste-as-text`: pasted HTML was too
 *   large to clean and was pasted without formatting.
 *
 * @csspart base - The outer frame.
 * @csspart toolbar - The formatting toolbar (role toolbar).
 * @csspart tool - Every toolbar button; also `tool-bold`, `tool-italic`, `tool-underline`,
 *   `tool-strikethrough`, `tool-link`, `tool-bulletList`, `tool-orderedList`, `tool-blockquote`,
 *   `tool-alignLeft`, `tool-alignCenter`, `tool-alignRight`, `tool-clearFormatting`,
 *   `tool-undo`, `tool-redo`.
 * @csspart link-form - The inline link form; `link-input`, `link-apply`, `link-remove`,
 *   `link-cancel`, `link-error` inside it.
 * @csspart frame - Holds the editable area and the image bar.
 * @csspart content - The editable area (role textbox).
 * @csspart image - An image in the document; `resize-handle` and `progress` inside it.
 * @csspart image-bar - Alt text and size of the selected image; `alt-input`, `size-button`.
 *
 * @cssprop --atento-font-family - Font family.
 * @cssprop --atento-font-size - Base font size.
 * @cssprop --atento-color-text - Text colour.
 * @cssprop --atento-color-text-muted - Placeholder and quote colour.
 * @cssprop --atento-color-surface - Background.
 * @cssprop --atento-color-surface-raised - Background of the image bar.
 * @cssprop --atento-color-surface-sunken - Background of the toolbar.
 * @cssprop --atento-color-border - Borders.
 * @cssprop --atento-color-accent - Links, pressed buttons, selected image, progress.
 * @cssprop --atento-color-accent-soft - Background of pressed buttons and the link target.
 * @cssprop --atento-color-danger - Link form error.
 * @cssprop --atento-color-focus - Focus ring.
 * @cssprop --atento-radius - Corner radius.
 * @cssprop --atento-radius-small - Corner radius of buttons and fields.
 * @cssprop --atento-space - Spacing unit.
 * @cssprop --atento-shadow - Shadow of the image bar.
 * @cssprop --atento-editor-min-height - Minimum height of the editable area (about 8 lines).
 */
@customElement('atento-rich-editor')
export class RichEditor extends AtentoElement {
  static override styles = [...AtentoElement.styles, buttons, ...styles];

  /** Shown in the empty editor (also its `aria-placeholder`). */
  @property() placeholder = '';

  /** Accessible name of the editable area; "Message body" when empty. */
  @property() label = '';

  /** Greys out the editor and its toolbar; nothing can be edited. */
  @property({ type: Boolean, reflect: true }) disabled = false;

  /** The text can be read, selected and copied, not changed. */
  @property({ type: Boolean, reflect: true }) readonly = false;

  @state() private tools: ToolbarState;
  @state() private linkForm: LinkFormState | null = null;
  @state() private imageBar: ImageBarState | null = null;
  @state() private hasTools = false;

  @query('.toolbar') private toolbarElement!: HTMLElement;
  @query('slot[name=tools]') private toolsSlot!: HTMLSlotElement | null;
  @query('.frame') private frame!: HTMLElement;

  private editorView?: EditorView;
  /** The state while no view exists (before the first render, after a disconnect). */
  private detachedState: EditorState;
  private readonly plugins = composerSetup({
    placeholder: () => this.placeholder,
    onSubmit: () => emit(this, 'editor-submit', undefined),
    onLink: () => void this.openLinkForm(),
    onSlashKey: (key) => emit(this, 'editor-slash-key', { key }, { cancelable: true }),
    onFiles: (files, inline) => emit(this, 'editor-files', { files, inline }),
    onPastedAsText: () => emit(this, 'editor-notice', { kind: 'paste-as-text' }),
  });
  private readonly roving = new RovingTabindex(() => [
    ...(this.toolbarElement?.querySelectorAll<HTMLElement>('[data-tool]') ?? []),
    ...slottedItems(this.toolsSlot),
  ]);
  /** Keeps the image bar under its image when the layout moves (images load, width changes). */
  private readonly layoutObserver =
    typeof ResizeObserver === 'undefined'
      ? undefined
      : new ResizeObserver(() => this.remeasureImageBar());
  /** Props last given to the view (to update it only when they change). */
  private viewPropsKey = '';

  constructor() {
    super();
    this.detachedState = this.createState(schema.topNodeType.createAndFill()!);
    this.tools = toolbarState(this.detachedState);
  }

  /** The ProseMirror view (for tests and benchmarks); exists once the element has rendered. */
  get view(): EditorView {
    if (!this.editorView) throw new Error('<atento-rich-editor> has not rendered yet');
    return this.editorView;
  }

  private get state(): EditorState {
    return this.editorView?.state ?? this.detachedState;
  }

  private createState(doc: Node): EditorState {
    return EditorState.create({ doc, plugins: this.plugins, selection: Selection.atStart(doc) });
  }

  /* ---------- Lifecycle ---------- */

  override connectedCallback() {
    super.connectedCallback();
    if (this.hasUpdated && !this.editorView) this.createView();
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    if (!this.editorView) return;
    this.detachedState = this.editorView.state;
    this.layoutObserver?.disconnect();
    this.editorView.destroy();
    this.editorView = undefined;
  }

  protected override firstUpdated() {
    this.createView();
  }

  protected override updated(changed: PropertyValues) {
    super.updated(changed);
    this.updateViewProps();
    this.roving.sync();
  }

  private createView() {
    const mount = this.renderRoot.querySelector<HTMLElement>('.content')!;
    this.editorView = new EditorView(
      { mount },
      {
        state: this.detachedState,
        editable: () => !this.disabled && !this.readonly,
        attributes: (state) => this.contentAttributes(state),
        nodeViews: {
          image: (node, view, getPos) =>
            new ImageView(node, view, getPos, {
              uploading: () => this.i18n.t('editor.uploading'),
              resize: () => this.i18n.t('editor.resizeHandle'),
              loaded: () => this.remeasureImageBar(),
            }),
        },
        dispatchTransaction: (tr) => this.dispatch(tr),
      },
    );
    this.viewPropsKey = this.propsKey();
    this.layoutObserver?.observe(mount);
    this.afterChange(null);
  }

  private remeasureImageBar() {
    if (this.imageBar) this.imageBar = this.measureImageBar();
  }

  private contentAttributes(state: EditorState): Record<string, string> {
    const attrs: Record<string, string> = {
      role: 'textbox',
      'aria-multiline': 'true',
      'aria-label': this.label || this.i18n.t('editor.label'),
      part: 'content',
    };
    if (this.placeholder && isEmptyDoc(state.doc)) attrs['aria-placeholder'] = this.placeholder;
    if (this.readonly) {
      attrs['aria-readonly'] = 'true';
      if (!this.disabled) attrs['tabindex'] = '0';
    }
    if (this.disabled) attrs['aria-disabled'] = 'true';
    return attrs;
  }

  private propsKey(): string {
    return [
      this.label,
      this.placeholder,
      this.disabled,
      this.readonly,
      this.i18n.t('editor.label'),
    ].join('\u0000');
  }

  private updateViewProps() {
    const key = this.propsKey();
    if (!this.editorView || key === this.viewPropsKey) return;
    this.viewPropsKey = key;
    this.editorView.setProps({});
  }

  /* ---------- Transactions ---------- */

  private dispatch(tr: Transaction) {
    const before = this.state;
    const after = before.apply(tr);
    if (this.editorView) this.editorView.updateState(after);
    else this.detachedState = after;
    if (tr.docChanged && !tr.getMeta(SILENT)) emit(this, 'editor-input', undefined);
    this.afterChange(before);
  }

  /** Derives what the element draws from the new state and reports the `/` trigger. */
  private afterChange(before: EditorState | null) {
    const state = this.state;
    const tools = toolbarState(state);
    if (!sameToolbarState(tools, this.tools)) this.tools = tools;
    this.imageBar = this.measureImageBar();
    const previous = before ? slashKey.getState(before)?.active : null;
    const next = slashKey.getState(state)?.active;
    if (next && (!previous || previous.query !== next.query || previous.from !== next.from))
      emit(this, 'editor-slash', { ...next });
    else if (!next && previous) emit(this, 'editor-slash-end', undefined);
  }

  private measureImageBar(): ImageBarState | null {
    const selection = this.state.selection;
    if (!(selection instanceof NodeSelection) || selection.node.type !== nodes.image) return null;
    if (!this.editorView || !this.frame) return null;
    const dom = this.editorView.nodeDOM(selection.from) as HTMLElement | null;
    if (!dom) return null;
    const frame = this.frame.getBoundingClientRect();
    const rect = dom.getBoundingClientRect();
    const attrs = selection.node.attrs as ImageAttrs;
    const rtl = getComputedStyle(this.frame).direction === 'rtl';
    const start = rtl ? frame.right - rect.right : rect.left - frame.left;
    const previous = this.imageBar;
    const bar: ImageBarState = {
      pos: selection.from,
      alt: attrs.alt,
      width: attrs.width,
      top: Math.round(rect.bottom - frame.top + 6),
      left: Math.round(Math.max(0, start)),
    };
    return previous &&
      (Object.keys(bar) as (keyof ImageBarState)[]).every((k) => previous[k] === bar[k])
      ? previous
      : bar;
  }

  private run(command: Command): boolean {
    return command(this.state, (tr) => this.dispatch(tr), this.editorView);
  }

  /* ---------- Public API ---------- */

  /**
   * Replaces the document with `html`, parsed through the schema (anything outside it is
   * dropped; scripts and handlers never survive). Without `addToHistory` (the default, for
   * restoring a draft) the undo history starts afresh and no `editor-input` fires.
   */
  setHtml(html: string, options: { addToHistory?: boolean } = {}) {
    const doc = parseHtml(html);
    if (options.addToHistory) {
      const tr = this.state.tr.replaceWith(0, this.state.doc.content.size, doc.content);
      this.dispatch(tr.setSelection(Selection.atStart(tr.doc)));
      return;
    }
    const before = this.state;
    const fresh = this.createState(doc);
    if (this.editorView) this.editorView.updateState(fresh);
    else this.detachedState = fresh;
    this.afterChange(before);
  }

  /** The sanitized HTML and its plain-text alternative (computed now, from the document). */
  getValue(): EditorValue {
    const doc = this.state.doc;
    return { html: toHtml(doc), text: toText(doc, this.i18n.t('editor.imageText')) };
  }

  /** No text (other than spaces) and no image. */
  isEmpty(): boolean {
    const doc = this.state.doc;
    if (isEmptyDoc(doc)) return true;
    let empty = true;
    doc.descendants((node) => {
      if (!empty) return false;
      if (node.type === nodes.image || (node.isText && /[^\s\u00a0]/.test(node.text ?? '')))
        empty = false;
      return empty;
    });
    return empty;
  }

  /** Focuses the editable area. */
  override focus() {
    this.editorView?.focus();
  }

  /**
   * Inserts text at the selection, or in place of `range` (e.g. the `/word` of `editor-slash`).
   * A blank line starts a new paragraph; a single newline is a line break.
   */
  insertText(text: string, range?: { from: number; to: number }) {
    const state = this.state;
    const size = state.doc.content.size;
    const from = Math.max(0, Math.min(range?.from ?? state.selection.from, size));
    const to = Math.max(from, Math.min(range?.to ?? state.selection.to, size));
    const tr = state.tr.replaceRange(from, to, textToSlice(text, state.doc.resolve(from).marks()));
    const end = tr.mapping.map(to);
    tr.setSelection(Selection.near(tr.doc.resolve(Math.min(end, tr.doc.content.size)), -1));
    this.dispatch(tr.scrollIntoView());
  }

  /** Inserts HTML at the selection, parsed through the schema (quick replies, greeting, signature). */
  insertHtml(html: string) {
    this.dispatch(this.state.tr.replaceSelection(parseHtmlSlice(html)).scrollIntoView());
  }

  /** Inserts an image at the selection. Give `uploadId` to update or remove it while it uploads. */
  insertImage(attrs: InsertImageAttrs) {
    const image = nodes.image.create({
      src: attrs.src,
      alt: attrs.alt ?? '',
      width: attrs.width ?? null,
      uploadId: attrs.uploadId ?? null,
      attachmentId: attrs.attachmentId ?? null,
    });
    this.dispatch(this.state.tr.replaceSelectionWith(image, false).scrollIntoView());
  }

  private findImage(uploadId: string): number | null {
    let found: number | null = null;
    this.state.doc.descendants((node, pos) => {
      if (found !== null) return false;
      if (node.type === nodes.image && node.attrs['uploadId'] === uploadId) found = pos;
      return found === null;
    });
    return found;
  }

  /**
   * Updates the image inserted with `uploadId` (source, alt, width, attachment, upload progress
   * 0..1 — `null` hides the bar). Never adds undo steps; progress alone fires no `editor-input`.
   */
  updateImage(uploadId: string, attrs: UpdateImageAttrs) {
    const pos = this.findImage(uploadId);
    if (pos === null) return;
    const tr = this.state.tr.setMeta('addToHistory', false);
    const keys = Object.keys(attrs) as (keyof UpdateImageAttrs)[];
    for (const key of keys) {
      if (attrs[key] !== undefined) tr.setNodeAttribute(pos, key, attrs[key] ?? null);
    }
    if (keys.every((key) => key === 'progress')) tr.setMeta(SILENT, true);
    this.dispatch(tr);
  }

  /** Removes the image inserted with `uploadId` (a failed or cancelled upload). */
  removeImage(uploadId: string) {
    const pos = this.findImage(uploadId);
    if (pos === null) return;
    this.dispatch(this.state.tr.delete(pos, pos + 1).setMeta('addToHistory', false));
  }

  /** `attachmentId`s of the images in the document. */
  imageAttachmentIds(): string[] {
    const ids = new Set<string>();
    this.state.doc.descendants((node) => {
      const id = node.type === nodes.image ? (node.attrs['attachmentId'] as string | null) : null;
      if (id) ids.add(id);
      return node.type !== nodes.paragraph || node.childCount > 0;
    });
    return [...ids];
  }

  /* ---------- Toolbar ---------- */

  private runTool(tool: ToolId, event: MouseEvent) {
    if (this.disabled) return;
    if (tool === 'link') {
      if (!this.readonly) void this.openLinkForm();
      return;
    }
    if (this.readonly) return;
    const commands: Record<Exclude<ToolId, 'link'>, Command> = {
      bold: toggleStrong,
      italic: toggleEm,
      underline: toggleUnderline,
      strikethrough: toggleStrikethrough,
      bulletList: toggleList('bullet'),
      orderedList: toggleList('ordered'),
      blockquote: toggleBlockquote,
      alignLeft: setAlign('left'),
      alignCenter: setAlign('center'),
      alignRight: setAlign('right'),
      clearFormatting,
      undo,
      redo,
    };
    this.run(commands[tool]);
    // A mouse click keeps typing where it was; a keyboard user stays on the toolbar.
    if (event.detail > 0) this.focus();
  }

  /* ---------- Link form ---------- */

  private async openLinkForm() {
    if (this.disabled || this.readonly) return;
    const link = linkAt(this.state);
    const { from, to } = this.state.selection;
    this.dispatch(
      this.state.tr.setMeta(linkTargetKey, link ? { from: link.from, to: link.to } : { from, to }),
    );
    this.linkForm = {
      value: link?.href.replace(/^mailto:/i, '') ?? '',
      invalid: false,
      existing: !!link,
    };
    await this.updateComplete;
    const input = this.renderRoot.querySelector<HTMLInputElement>('#link-url');
    input?.focus();
    input?.select();
  }

  private closeLinkForm() {
    this.linkForm = null;
    this.dispatch(this.state.tr.setMeta(linkTargetKey, null));
    this.focus();
  }

  private applyLink() {
    const form = this.linkForm;
    if (!form) return;
    const href = normalizeLinkInput(form.value);
    if (!href) {
      this.linkForm = { ...form, invalid: true };
      return;
    }
    this.run(setLink(href));
    this.closeLinkForm();
  }

  private removeLinkFromForm() {
    this.run(removeLink);
    this.closeLinkForm();
  }

  /* ---------- Image bar ---------- */

  private setImageAttr(key: 'alt' | 'width', value: string | number | null) {
    const bar = this.imageBar;
    if (!bar || this.readonly || this.disabled) return;
    const node = this.state.doc.nodeAt(bar.pos);
    if (node?.type !== nodes.image) return;
    this.dispatch(this.state.tr.setNodeAttribute(bar.pos, key, value));
  }

  private sizeImage(fraction: number) {
    const bar = this.imageBar;
    if (!bar || !this.editorView) return;
    const dom = this.editorView.nodeDOM(bar.pos) as Element | null;
    const max = availableWidth(this.editorView, dom);
    this.setImageAttr('width', clampWidth(max * fraction, max));
  }

  /* ---------- Render ---------- */

  override render() {
    return html`<div part="base" class="base">
      <div
        part="toolbar"
        class="toolbar"
        role="toolbar"
        aria-label=${this.i18n.t('editor.toolbar')}
        aria-controls="content"
        @keydown=${this.roving.onKeydown}
        @focusin=${this.roving.onFocusIn}
      >
        ${renderToolbar({
          i18n: this.i18n,
          state: this.tools,
          disabled: this.disabled,
          readonly: this.readonly,
          run: (tool, event) => this.runTool(tool, event),
          hasTools: this.hasTools,
          onSlotChange: (event) => {
            this.hasTools = (event.target as HTMLSlotElement).assignedElements().length > 0;
            this.roving.sync();
          },
        })}
      </div>
      ${
        this.linkForm
          ? renderLinkForm(this.i18n, this.linkForm, {
              input: (value) => (this.linkForm = { ...this.linkForm!, value, invalid: false }),
              apply: () => this.applyLink(),
              remove: () => this.removeLinkFromForm(),
              cancel: () => this.closeLinkForm(),
            })
          : nothing
      }
      <div part="frame" class="frame">
        <div id="content" class="content"></div>
        ${
          this.imageBar && !this.disabled && !this.readonly
            ? renderImageBar(this.i18n, this.imageBar, {
                alt: (value) => this.setImageAttr('alt', value),
                size: (fraction) => this.sizeImage(fraction),
                close: () => this.focus(),
              })
            : nothing
        }
      </div>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'atento-rich-editor': RichEditor;
  }
  interface GlobalEventHandlersEventMap {
    'editor-input': CustomEvent<void>;
    'editor-files': CustomEvent<EditorFilesDetail>;
    'editor-slash': CustomEvent<EditorSlashDetail>;
    'editor-slash-end': CustomEvent<void>;
    'editor-slash-key': CustomEvent<EditorSlashKeyDetail>;
    'editor-submit': CustomEvent<void>;
    'editor-notice': CustomEvent<EditorNoticeDetail>;
  }
}
