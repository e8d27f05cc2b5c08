import { html, nothing, type SVGTemplateResult } from 'lit';
import type { MessageKey } from '../../../i18n/en.js';
import type { LocalizeController } from '../../../i18n/localize-controller.js';
import { icon } from '../../internal/icons.js';
import type { ToolbarState } from './commands.js';
import * as icons from './editor-icons.js';

/** The formatting toolbar: its buttons, how they show the editor state, and the roving tabindex. */

export type ToolId =
  | 'bold'
  | 'italic'
  | 'underline'
  | 'strikethrough'
  | 'link'
  | 'bulletList'
  | 'orderedList'
  | 'blockquote'
  | 'alignLeft'
  | 'alignCenter'
  | 'alignRight'
  | 'clearFormatting'
  | 'undo'
  | 'redo';

interface Tool {
  id: ToolId;
  label: MessageKey;
  /** Shortcut keys, `Mod` being Ctrl (⌘ on Apple systems). */
  keys?: string[];
  shape: SVGTemplateResult;
  /** A toggle: its `aria-pressed`. */
  pressed?: (s: ToolbarState) => boolean;
  /** Nothing to do now (undo with no history): `aria-disabled`, still focusable. */
  unavailable?: (s: ToolbarState) => boolean;
}

const GROUPS: Tool[][] = [
  [
    { id: 'bold', label: 'editor.bold', keys: ['Mod', 'B'], shape: icons.BOLD, pressed: (s) => s.strong },
    { id: 'italic', label: 'editor.italic', keys: ['Mod', 'I'], shape: icons.ITALIC, pressed: (s) => s.em },
    { id: 'underline', label: 'editor.underline', keys: ['Mod', 'U'], shape: icons.UNDERLINE, pressed: (s) => s.underline },
    { id: 'strikethrough', label: 'editor.strikethrough', keys: ['Mod', 'Shift', 'X'], shape: icons.STRIKETHROUGH, pressed: (s) => s.strikethrough },
  ],
  [{ id: 'link', label: 'editor.link', keys: ['Mod', 'K'], shape: icons.LINK, pressed: (s) => s.link }],
  [
    { id: 'bulletList', label: 'editor.bulletList', keys: ['Mod', 'Shift', '8'], shape: icons.BULLET_LIST, pressed: (s) => s.list === 'bullet' },
    { id: 'orderedList', label: 'editor.orderedList', keys: ['Mod', 'Shift', '7'], shape: icons.ORDERED_LIST, pressed: (s) => s.list === 'ordered' },
    { id: 'blockquote', label: 'editor.blockquote', keys: ['Mod', 'Shift', '9'], shape: icons.BLOCKQUOTE, pressed: (s) => s.blockquote },
  ],
  [
    { id: 'alignLeft', label: 'editor.alignLeft', shape: icons.ALIGN_LEFT, pressed: (s) => s.align === 'left' },
    { id: 'alignCenter', label: 'editor.alignCenter', shape: icons.ALIGN_CENTER, pressed: (s) => s.align === 'center' },
    { id: 'alignRight', label: 'editor.alignRight', shape: icons.ALIGN_RIGHT, pressed: (s) => s.align === 'right' },
  ],
  [{ id: 'clearFormatting', label: 'editor.clearFormatting', keys: ['Mod', '\\'], shape: icons.CLEAR_FORMATTING }],
  [
    { id: 'undo', label: 'editor.undo', keys: ['Mod', 'Z'], shape: icons.UNDO, unavailable: (s) => !s.canUndo },
    { id: 'redo', label: 'editor.redo', keys: ['Mod', 'Shift', 'Z'], shape: icons.REDO, unavailable: (s) => !s.canRedo },
  ],
]; // prettier-ignore

const apple = /Mac|iPhone|iPad/.test(
  globalThis.navigator?.platform || globalThis.navigator?.userAgent || '',
);

/** `Ctrl+Shift+8`, or `⇧⌘8` on Apple systems. */
export function shortcutLabel(keys: string[]): string {
  if (!apple) return keys.map((k) => (k === 'Mod' ? 'Ctrl' : k)).join('+');
  return keys.map((k) => (k === 'Mod' ? '⌘' : k === 'Shift' ? '⇧' : k)).join('');
}

/** The same keys for `aria-keyshortcuts`. */
function ariaShortcut(keys: string[]): string {
  return keys.map((k) => (k === 'Mod' ? (apple ? 'Meta' : 'Control') : k)).join('+');
}

export interface ToolbarContext {
  i18n: LocalizeController;
  state: ToolbarState;
  /** The editor is disabled: every button is disabled. */
  disabled: boolean;
  /** The editor is read-only: the buttons show the state but do nothing. */
  readonly: boolean;
  /** Elements are slotted into `tools` (a separator goes before them). */
  hasTools: boolean;
  run: (tool: ToolId, event: MouseEvent) => void;
  onSlotChange: (event: Event) => void;
}

function renderTool(tool: Tool, ctx: ToolbarContext) {
  const label = ctx.i18n.t(tool.label);
  const unavailable = ctx.readonly || (tool.unavailable?.(ctx.state) ?? false);
  return html`<button
    type="button"
    class="tool"
    part="tool tool-${tool.id}"
    data-tool=${tool.id}
    tabindex="-1"
    aria-label=${label}
    title=${tool.keys ? ctx.i18n.t('editor.withShortcut', { label, shortcut: shortcutLabel(tool.keys) }) : label}
    aria-keyshortcuts=${tool.keys ? ariaShortcut(tool.keys) : nothing}
    aria-pressed=${tool.pressed ? String(tool.pressed(ctx.state)) : nothing}
    aria-disabled=${unavailable ? 'true' : nothing}
    ?disabled=${ctx.disabled}
    @mousedown=${(e: MouseEvent) => e.preventDefault()}
    @click=${(e: MouseEvent) => ctx.run(tool.id, e)}
  >
    ${icon(tool.shape, { strokeWidth: tool.id === 'bold' ? 2.4 : 1.9 })}
  </button>`;
}

export function renderToolbar(ctx: ToolbarContext) {
  return html`${GROUPS.map(
      (group, i) =>
        html`${i ? html`<span class="separator" aria-hidden="true"></span>` : nothing}${group.map(
          (tool) => renderTool(tool, ctx),
        )}`,
    )}${ctx.hasTools ? html`<span class="separator" aria-hidden="true"></span>` : nothing}<slot
      name="tools"
      @slotchange=${ctx.onSlotChange}
    ></slot>`;
}

const OWN_FOCUSABLE = 'button, [role=button], input, select, [tabindex]';

/** Focusable pieces of the elements slotted into `slot`: the element itself or buttons inside. */
export function slottedItems(slot: HTMLSlotElement | null): HTMLElement[] {
  if (!slot) return [];
  return slot.assignedElements({ flatten: true }).flatMap((element) => {
    if (!(element instanceof HTMLElement)) return [];
    if (element.matches(OWN_FOCUSABLE)) return [element];
    const inner = [...element.querySelectorAll<HTMLElement>('button, [role=button]')];
    return inner.length || !element.shadowRoot ? inner : [element];
  });
}

/**
 * The toolbar's single tab stop (APG toolbar): one item has `tabindex=0`, the others `-1`;
 * Left/Right move between items (wrapping), Home/End go to the ends. Disabled items are skipped;
 * `aria-disabled` ones stay reachable.
 */
export class RovingTabindex {
  private current?: HTMLElement;

  constructor(private readonly items: () => HTMLElement[]) {}

  private usable(): HTMLElement[] {
    return this.items().filter((item) => !(item as HTMLButtonElement).disabled);
  }

  /** Gives the tab stop to the current item (or the first usable one). */
  sync() {
    const all = this.items();
    const usable = all.filter((item) => !(item as HTMLButtonElement).disabled);
    if (!this.current || !usable.includes(this.current)) this.current = usable[0];
    for (const item of all) item.tabIndex = item === this.current ? 0 : -1;
  }

  private itemOf(event: Event): HTMLElement | undefined {
    const items = this.usable();
    return event.composedPath().find((n): n is HTMLElement => items.includes(n as HTMLElement));
  }

  onFocusIn = (event: FocusEvent) => {
    const item = this.itemOf(event);
    if (!item || item === this.current) return;
    this.current = item;
    this.sync();
  };

  onKeydown = (event: KeyboardEvent) => {
    if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
    const items = this.usable();
    const item = this.itemOf(event);
    if (!item || !items.length) return;
    const rtl = getComputedStyle(item).direction === 'rtl';
    const index = items.indexOf(item);
    const step = { ArrowRight: rtl ? -1 : 1, ArrowLeft: rtl ? 1 : -1 }[event.key];
    let next: HTMLElement | undefined;
    if (step) next = items[(index + step + items.length) % items.length];
    else if (event.key === 'Home') next = items[0];
    else if (event.key === 'End') next = items[items.length - 1];
    if (!next) return;
    event.preventDefault();
    this.current = next;
    this.sync();
    next.focus();
  };
}
