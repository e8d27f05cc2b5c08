import { html, nothing, svg, type PropertyValues } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import {
  formatAddress,
  isValidAddress,
  normalizeAddress,
  parseAddress,
  parseAddressList,
} from '../../model/address.js';
import { AtentoElement, emit } from '../internal/atento-element.js';
import { icon } from '../internal/icons.js';
import { styles } from './recipient-field.styles.js';
import { placePopup } from '../internal/place-popup.js';
import { PopupController, supportsPopover } from '../internal/popup-controller.js';

/** One chip of a recipient field. `invalid` entries keep the text as typed in `address`. */
export interface RecipientEntry {
  address: string;
  name?: string;
  invalid?: boolean;
}

/** A contact suggested for what was typed (the adapter's `searchRecipients` results). */
export interface RecipientFieldSuggestion {
  address: string;
  name?: string;
  contactId?: string;
}

/** Searches contacts for `query`; must stop work (and may reject) when `signal` aborts. */
export type RecipientSearch = (
  query: string,
  signal: AbortSignal,
) => Promise<RecipientFieldSuggestion[]>;

export interface RecipientsChangeDetail {
  entries: RecipientEntry[];
}

/** Wait after the last keystroke before searching. */
const DEBOUNCE_MS = 150;
/** Items named in a message before "and N more". */
const LIST_MAX = 5;

const CROSS = svg`<path d="M7 7l10 10M17 7 7 17"/>`;

/** Lower-case without accents, one character for one (`É` → `e`), for matching and highlighting. */
const fold = (s: string) =>
  [...s].map((c) => c.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase()[0] ?? c);

const matches = (s: RecipientFieldSuggestion, query: string) => {
  const q = fold(query.trim()).join('');
  return !q || [s.name ?? '', s.address].some((t) => fold(t).join('').includes(q));
};

/** Quotes and `<…>` are closed, so a `,` or `;` typed now separates addresses. */
const balanced = (text: string) =>
  (text.match(/"/g)?.length ?? 0) % 2 === 0 && text.lastIndexOf('<') <= text.lastIndexOf('>');

/**
 * The To / CC / BCC field of the mail composer: recipients as chips, and an input that is a
 * WAI-ARIA APG combobox with a listbox of contacts found by `search` (debounced, each new query
 * aborting the previous one).
 *
 * Typing `,` or `;`, Enter, Tab or leaving the field turns the typed text into chips: valid
 * addresses (or `Name <address>`) become chips, anything else an invalid (red) chip with a
 * message under the field, so nothing typed is lost; clicking an invalid chip (or Enter on it)
 * puts its text back into the input. Pasting a list (separated by commas, semicolons, line
 * breaks or spaces, with junk words between) adds every address at once: malformed text with an
 * `@` becomes invalid chips, words without one are dropped, and a note says what happened.
 * Duplicates (case-insensitive) are never added.
 *
 * Keyboard: ArrowDown/ArrowUp move the active suggestion (wrapping), Enter picks it, Escape
 * closes the suggestions and a second Escape clears the input. In an empty input, Backspace
 * focuses the last chip and a second Backspace removes it (Gmail's confirmation step).
 * ArrowLeft at the start of the input moves onto the chips; there ArrowLeft/ArrowRight move,
 * Backspace/Delete remove (focus stays on the chip taking its place, or returns to the input),
 * Escape or ArrowRight past the last chip return to the input. Chips are not Tab stops.
 *
 * @summary Recipient field with contact suggestions and chips (F-2.2).
 *
 * @fires {CustomEvent<RecipientsChangeDetail>} recipients-change - The chips changed (added,
 *   removed, pasted, committed); `entries` is the new array, also set as `entries`.
 *
 * @slot end - Content at the end of the row, such as the composer's "Add CC" / "Add BCC".
 *
 * @csspart field - The row holding the label and the chips.
 * @csspart label - The visible label.
 * @csspart box - The wrapping area of chips and input.
 * @csspart chip - One recipient; also `chip-invalid` on invalid ones.
 * @csspart chip-label - The chip's text (a button: focus, edit).
 * @csspart chip-remove - The chip's remove button.
 * @csspart input - The combobox input.
 * @csspart error - The message about invalid addresses.
 * @csspart note - What a paste or a duplicate did.
 * @csspart popup - The suggestions popup.
 * @csspart listbox - The `role=listbox` of suggestions.
 * @csspart option - One suggestion; also `option-active` on the active one.
 * @csspart match - The part of a suggestion matching what was typed.
 *
 * @cssprop --atento-font-family - Font family.
 * @cssprop --atento-font-size - Base font size.
 * @cssprop --atento-color-text - Text colour.
 * @cssprop --atento-color-text-muted - Label, addresses in suggestions, notes.
 * @cssprop --atento-color-surface - Background of invalid chips (mixed with danger).
 * @cssprop --atento-color-surface-raised - Popup background.
 * @cssprop --atento-color-surface-sunken - Chip background.
 * @cssprop --atento-color-border - Underline, chip and popup borders.
 * @cssprop --atento-color-accent - Underline when focused, active suggestion.
 * @cssprop --atento-color-accent-soft - Active suggestion and focused chip background.
 * @cssprop --atento-color-danger - Invalid chips and their message.
 * @cssprop --atento-color-focus - Focus ring of chips.
 * @cssprop --atento-radius - Popup corner radius.
 * @cssprop --atento-space - Spacing unit.
 * @cssprop --atento-shadow - Popup shadow.
 */
@customElement('atento-recipient-field')
export class RecipientField extends AtentoElement {
  static override styles = [...AtentoElement.styles, styles];

  /** Visible label ("Para", "CC"…), which also names the input. */
  @property() label = '';

  /** The chips. Replaced (never mutated) on every change. */
  @property({ attribute: false }) entries: RecipientEntry[] = [];

  /** Contact search for suggestions; without it the field only takes typed addresses. */
  @property({ attribute: false }) search?: RecipientSearch;

  @property({ type: Boolean, reflect: true }) disabled = false;

  /** Chips are shown but cannot be added, removed or edited. */
  @property({ type: Boolean, reflect: true }) readonly = false;

  /** Marks the input `aria-required`; the composer decides when an empty field is an error. */
  @property({ type: Boolean, reflect: true }) required = false;

  /** The input's text. */
  @state() private text = '';
  /** Results of the last search, without the chosen addresses. */
  @state() private suggestions: RecipientFieldSuggestion[] = [];
  /** Whether the popup shows (suggestions, or "Suggestions unavailable"). */
  @state() private open = false;
  /** The last search failed: free entry still works, the popup says so. */
  @state() private searchFailed = false;
  @state() private activeIndex = -1;
  /** Visible note: what a paste did, a duplicate. */
  @state() private note = '';
  /** Polite announcement: number of suggestions, removals. */
  @state() private announcement = '';

  @query('#input') private input!: HTMLInputElement;
  @query('#popup') private popup!: HTMLElement;

  private timer?: ReturnType<typeof setTimeout>;
  private controller?: AbortController;

  private readonly popupController = new PopupController(this, {
    open: () => this.open,
    popup: () => this.popup,
    place: () => this.position(),
  });

  /** Text typed in the input and not yet turned into chips. */
  get pendingText(): string {
    return this.text;
  }

  override focus(options?: FocusOptions) {
    this.input?.focus(options);
  }

  /**
   * Turns the text still typed in the input into chips (valid or invalid); the composer calls it
   * before sending or saving.
   */
  commitPending(): void {
    this.cancelSearch();
    this.close();
    const text = this.text.trim();
    this.setText('');
    if (!text) return;
    const result = this.add(text, false);
    this.note = this.describe(result, false);
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    this.cancelSearch();
    this.open = false;
  }

  /** Suggestions still worth showing: not chosen in the meantime. */
  private get options(): RecipientFieldSuggestion[] {
    const chosen = new Set(this.entries.map((e) => normalizeAddress(e.address)));
    return this.suggestions.filter((s) => !chosen.has(normalizeAddress(s.address)));
  }

  private get editable() {
    return !this.disabled && !this.readonly;
  }

  protected override willUpdate(changed: PropertyValues) {
    if ((changed.has('disabled') || changed.has('readonly')) && !this.editable) {
      this.cancelSearch();
      this.open = false;
    }
    const options = this.options;
    if (this.activeIndex >= options.length) this.activeIndex = -1;
    if (this.open && !options.length && !this.searchFailed) this.open = false;
  }

  protected override updated(changed: PropertyValues) {
    if (this.open) {
      this.position();
      if (changed.has('activeIndex') && this.activeIndex >= 0)
        this.renderRoot
          .querySelector(`#option-${this.activeIndex}`)
          ?.scrollIntoView({ block: 'nearest' });
    }
  }

  // ---- changes ----------------------------------------------------------------------------

  private change(entries: RecipientEntry[]) {
    this.entries = entries;
    emit(this, 'recipients-change', { entries });
  }

  /**
   * Adds what `text` holds. Pasted words without an `@` are dropped (reported as ignored);
   * typed ones become invalid chips.
   */
  private add(text: string, pasted: boolean) {
    const known = new Set(this.entries.map((e) => normalizeAddress(e.address)));
    const added: RecipientEntry[] = [];
    const duplicates: string[] = [];
    const ignored: string[] = [];
    for (const item of parseAddressList(text)) {
      if ('invalid' in item && pasted && !item.invalid.includes('@')) {
        ignored.push(item.invalid);
        continue;
      }
      const entry: RecipientEntry =
        'invalid' in item
          ? { address: item.invalid, invalid: true }
          : item.name
            ? { name: item.name, address: item.address }
            : { address: item.address };
      const key = normalizeAddress(entry.address);
      if (known.has(key)) duplicates.push(entry.address);
      else {
        known.add(key);
        added.push(entry);
      }
    }
    if (added.length) this.change([...this.entries, ...added]);
    return { added, duplicates, ignored };
  }

  /** The note after adding: what a paste did, or which address was a duplicate. */
  private describe(result: ReturnType<RecipientField['add']>, pasted: boolean): string {
    const { added, duplicates, ignored } = result;
    const t = this.i18n.t.bind(this.i18n);
    const parts: string[] = [];
    const valid = added.filter((e) => !e.invalid).length;
    const invalid = added.length - valid;
    if (pasted && valid) parts.push(t('recipients.added', { count: valid }));
    if (pasted && invalid) parts.push(t('recipients.addedInvalid', { count: invalid }));
    if (duplicates.length === 1)
      parts.push(t('recipients.duplicate', { address: normalizeAddress(duplicates[0]!) }));
    else if (duplicates.length > 1)
      parts.push(t('recipients.duplicates', { count: duplicates.length }));
    if (ignored.length)
      parts.push(t('recipients.ignored', { count: ignored.length, list: this.list(ignored) }));
    return parts.join(' ');
  }

  /** `a, b, c, d, e and 3 more`. */
  private list(items: string[]): string {
    return this.i18n.t('recipients.list', {
      items: items.slice(0, LIST_MAX).join(', '),
      more: Math.max(0, items.length - LIST_MAX),
    });
  }

  private removeEntry(entry: RecipientEntry) {
    const index = this.entries.indexOf(entry);
    if (index === -1) return;
    this.change(this.entries.filter((e) => e !== entry));
    this.note = '';
    this.announcement = this.i18n.t('recipients.removed', { recipient: formatAddress(entry) });
    return index;
  }

  /** Puts an invalid chip's text back into the input for correcting. */
  private edit(entry: RecipientEntry) {
    if (!this.editable) return;
    if (this.text.trim()) this.commitPending();
    // Focus first: a focused chip that disappears would blur the field and commit the text.
    this.input.focus();
    this.change(this.entries.filter((e) => e !== entry));
    this.note = '';
    this.setText(entry.address);
    this.input.setSelectionRange(entry.address.length, entry.address.length);
  }

  private pick(suggestion: RecipientFieldSuggestion) {
    this.cancelSearch();
    this.close();
    this.setText('');
    const address = normalizeAddress(suggestion.address);
    if (this.entries.some((e) => normalizeAddress(e.address) === address)) {
      this.note = this.i18n.t('recipients.duplicate', { address });
    } else {
      this.note = '';
      this.change([
        ...this.entries,
        suggestion.name ? { name: suggestion.name, address } : { address },
      ]);
    }
    this.input.focus();
  }

  private setText(text: string) {
    this.text = text;
    if (this.input) this.input.value = text;
  }

  // ---- search -----------------------------------------------------------------------------

  private cancelSearch() {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.controller?.abort();
    this.controller = undefined;
  }

  private close() {
    this.open = false;
    this.activeIndex = -1;
  }

  private scheduleSearch() {
    this.cancelSearch();
    // What is shown must match the new text; a new search refines it.
    this.suggestions = this.suggestions.filter((s) => matches(s, this.text));
    this.searchFailed = false;
    this.activeIndex = -1;
    if (!this.text.trim() || !this.search || !this.editable) {
      this.close();
      return;
    }
    this.timer = setTimeout(() => void this.runSearch(this.text.trim()), DEBOUNCE_MS);
  }

  private async runSearch(query: string) {
    const search = this.search;
    if (!search) return;
    this.timer = undefined;
    const controller = new AbortController();
    this.controller = controller;
    try {
      const results = await search(query, controller.signal);
      if (controller.signal.aborted) return;
      const seen = new Set<string>();
      this.suggestions = results.filter((r) => {
        const key = normalizeAddress(r.address);
        if (seen.has(key) || !isValidAddress(key)) return false;
        seen.add(key);
        return true;
      });
      this.searchFailed = false;
      this.activeIndex = -1;
      const count = this.options.length;
      this.open = count > 0;
      this.announcement = count ? this.i18n.t('recipients.suggestionCount', { count }) : '';
    } catch {
      // An aborted search is expected; a failed one only costs the suggestions.
      if (controller.signal.aborted) return;
      this.suggestions = [];
      this.searchFailed = true;
      this.open = true;
      this.announcement = this.i18n.t('recipients.unavailable');
    } finally {
      if (this.controller === controller) this.controller = undefined;
    }
  }

  /** Under the input, left edges aligned, kept in the viewport; above when there is no room. */
  private position() {
    if (!this.open) return;
    const field = this.renderRoot.querySelector('.box')!.getBoundingClientRect();
    placePopup(field, this.popup, this.input.getBoundingClientRect().left);
  }

  // ---- input events -----------------------------------------------------------------------

  private onInput() {
    const value = this.input.value;
    this.text = value;
    this.note = '';
    // A `,` or `;` typed at the end (outside a quoted name) separates recipients.
    if (/[,;]$/.test(value) && balanced(value.slice(0, -1))) {
      this.setText(value.slice(0, -1));
      this.commitPending();
      return;
    }
    this.scheduleSearch();
  }

  private onPaste(event: ClipboardEvent) {
    if (!this.editable) return;
    const pasted = event.clipboardData?.getData('text/plain') ?? '';
    // Plain text (a name, a word) is pasted as usual and searched for.
    if (!pasted.includes('@')) return;
    const items = parseAddressList(pasted);
    // A single malformed address is pasted as text, to be corrected in place.
    if (items.length <= 1 && items.every((i) => 'invalid' in i)) return;
    event.preventDefault();
    const { value } = this.input;
    const start = this.input.selectionStart ?? value.length;
    const end = this.input.selectionEnd ?? value.length;
    const rest = value.slice(0, start) + value.slice(end);
    const whole = value.slice(0, start) + pasted + value.slice(end);
    this.cancelSearch();
    this.close();
    // `Ana <` typed, then `ana@x.pe>` pasted: one address together.
    if (rest.trim() && parseAddress(whole)) {
      this.setText('');
      this.note = this.describe(this.add(whole, false), false);
      return;
    }
    this.note = this.describe(this.add(pasted, true), true);
    this.setText(rest.trim() ? rest : '');
  }

  private onInputKeydown(event: KeyboardEvent) {
    if (event.isComposing || event.altKey || event.ctrlKey || event.metaKey) return;
    const options = this.options;
    switch (event.key) {
      case 'ArrowDown':
      case 'ArrowUp': {
        const down = event.key === 'ArrowDown';
        if (!options.length) {
          if (down && this.text.trim() && this.search && this.editable) {
            this.cancelSearch();
            void this.runSearch(this.text.trim());
          }
          return;
        }
        const n = options.length;
        if (!this.open) {
          this.open = true;
          this.activeIndex = down ? 0 : n - 1;
        } else if (down) this.activeIndex = (this.activeIndex + 1) % n;
        else this.activeIndex = this.activeIndex <= 0 ? n - 1 : this.activeIndex - 1;
        break;
      }
      case 'Enter': {
        const active = this.open ? options[this.activeIndex] : undefined;
        if (active) this.pick(active);
        else if (this.text.trim()) this.commitPending();
        else return;
        break;
      }
      case 'Escape':
        if (this.open) this.close();
        else if (this.text) {
          this.cancelSearch();
          this.setText('');
          this.suggestions = [];
        } else return;
        // Handled here: a dialog around the composer must not close too.
        event.stopPropagation();
        break;
      case 'Tab':
        // Commit, then let the browser move focus on.
        if (this.text.trim()) this.commitPending();
        else this.close();
        return;
      case 'Backspace':
        if (this.input.value || !this.entries.length || !this.editable) return;
        void this.focusChip(this.entries.length - 1);
        break;
      case 'ArrowLeft':
        if (this.input.selectionStart !== 0 || this.input.selectionEnd !== 0) return;
        if (!this.entries.length) return;
        void this.focusChip(this.entries.length - 1);
        break;
      default:
        return;
    }
    event.preventDefault();
  }

  /** Leaving the field (not for one of its own chips or options) commits the typed text. */
  private onFocusOut(event: FocusEvent) {
    const to = event.relatedTarget as Node | null;
    if (to && this.renderRoot.contains(to)) return;
    // Switching windows keeps the text: focus comes back to it.
    if (!to && !document.hasFocus()) {
      this.close();
      return;
    }
    this.commitPending();
  }

  // ---- chips ------------------------------------------------------------------------------

  private async focusChip(index: number) {
    this.cancelSearch();
    this.close();
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`#chip-${index}`)?.focus();
  }

  private async removeFromKeyboard(entry: RecipientEntry) {
    // Focus the input before the chip goes, so that the field is never left (which commits).
    this.input.focus();
    const index = this.removeEntry(entry);
    if (index !== undefined && index < this.entries.length) await this.focusChip(index);
  }

  private onChipKeydown(event: KeyboardEvent, entry: RecipientEntry, index: number) {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    switch (event.key) {
      case 'ArrowLeft':
        void this.focusChip(Math.max(0, index - 1));
        break;
      case 'ArrowRight':
        if (index + 1 < this.entries.length) void this.focusChip(index + 1);
        else this.input.focus();
        break;
      case 'Home':
        void this.focusChip(0);
        break;
      case 'End':
      case 'Escape':
        this.input.focus();
        break;
      case 'Backspace':
      case 'Delete':
        if (!this.editable) return;
        void this.removeFromKeyboard(entry);
        break;
      default:
        // Typing on a chip types into the input.
        if (event.key.length === 1 && event.key !== ' ' && this.editable) this.input.focus();
        return;
    }
    event.preventDefault();
  }

  private onRemoveClick(entry: RecipientEntry) {
    this.input.focus();
    this.removeEntry(entry);
  }

  private onBoxClick(event: MouseEvent) {
    const target = event.target as HTMLElement;
    if (target.classList.contains('box') || target.classList.contains('chips')) this.input.focus();
  }

  // ---- render -----------------------------------------------------------------------------

  private invalidMessage(): string {
    const invalid = this.entries.filter((e) => e.invalid).map((e) => e.address);
    if (invalid.length === 0) return '';
    if (invalid.length === 1) return this.i18n.t('recipients.invalidOne', { text: invalid[0]! });
    return this.i18n.t('recipients.invalidMany', {
      count: invalid.length,
      list: this.list(invalid),
    });
  }

  override render() {
    const options = this.options;
    const expanded = this.open && options.length > 0;
    const active = expanded && this.activeIndex >= 0 ? this.activeIndex : -1;
    const error = this.invalidMessage();
    const describedBy = [error && 'error', this.note && 'note'].filter(Boolean).join(' ');
    // The box only forwards clicks on its empty space to the input, which has its own keys; the
    // input is named by its <label for> (which the lint rule does not follow).
    /* eslint-disable lit-a11y/click-events-have-key-events, lit-a11y/accessible-name */
    return html`
      <div part="field" class="field ${error ? 'invalid' : ''}" @focusout=${this.onFocusOut}>
        <label part="label" class="label" for="input">${this.label}</label>
        <div part="box" class="box" @click=${this.onBoxClick}>
          <ul class="chips" aria-label=${this.label}>
            ${this.entries.map((entry, i) => this.renderChip(entry, i))}
          </ul>
          <input
            id="input"
            part="input"
            class="input"
            type="text"
            role="combobox"
            autocomplete="off"
            autocapitalize="off"
            spellcheck="false"
            aria-autocomplete="list"
            aria-expanded=${expanded ? 'true' : 'false'}
            aria-controls="listbox"
            aria-activedescendant=${active >= 0 ? `option-${active}` : nothing}
            aria-invalid=${error ? 'true' : nothing}
            aria-required=${this.required ? 'true' : nothing}
            aria-describedby=${describedBy || nothing}
            ?disabled=${this.disabled}
            ?readonly=${this.readonly}
            .value=${live(this.text)}
            @input=${this.onInput}
            @keydown=${this.onInputKeydown}
            @paste=${this.onPaste}
          />
        </div>
        <slot name="end"></slot>
      </div>
      <div class="messages">
        <p id="error" part="error" class="error" aria-live="polite" ?hidden=${!error}>${error}</p>
        <p id="note" part="note" class="note" role="status">${this.note}</p>
      </div>
      <div class="visually-hidden" role="status">${this.announcement}</div>
      <span id="chip-hint" hidden>${this.i18n.t('recipients.chipHint')}</span>
      <span id="chip-hint-invalid" hidden>${this.i18n.t('recipients.chipHintInvalid')}</span>
      <div
        id="popup"
        part="popup"
        class="popup"
        popover=${supportsPopover ? 'manual' : nothing}
        ?hidden=${!supportsPopover && !this.open}
        @pointerdown=${(e: Event) => e.preventDefault()}
      >
        <ul
          id="listbox"
          part="listbox"
          class="listbox"
          role="listbox"
          aria-label=${this.i18n.t('recipients.suggestions')}
          ?hidden=${!options.length}
        >
          ${options.map((s, i) => this.renderOption(s, i, i === active))}
        </ul>
        ${
          this.searchFailed
            ? html`<p class="popup-status">${this.i18n.t('recipients.unavailable')}</p>`
            : nothing
        }
      </div>
    `;
    /* eslint-enable lit-a11y/click-events-have-key-events, lit-a11y/accessible-name */
  }

  private renderChip(entry: RecipientEntry, index: number) {
    const full = formatAddress(entry);
    const removable = this.editable;
    return html`<li
      part="chip ${entry.invalid ? 'chip-invalid' : ''}"
      class="chip ${entry.invalid ? 'invalid' : ''} ${removable ? 'removable' : ''}"
    >
      <button
        id="chip-${index}"
        part="chip-label"
        class="chip-label"
        type="button"
        tabindex="-1"
        title=${entry.invalid ? this.invalidMessageFor(entry) : full}
        aria-describedby=${
          this.readonly || this.disabled
            ? nothing
            : entry.invalid
              ? 'error chip-hint-invalid'
              : 'chip-hint'
        }
        ?disabled=${this.disabled}
        @click=${() => {
          if (entry.invalid) this.edit(entry);
        }}
        @keydown=${(e: KeyboardEvent) => this.onChipKeydown(e, entry, index)}
      >
        ${entry.name ?? entry.address}${
          entry.name
            ? html`<span class="visually-hidden"> &lt;${entry.address}&gt;</span>`
            : nothing
        }${
          entry.invalid
            ? html`<span class="visually-hidden">, ${this.i18n.t('recipients.notValid')}</span>`
            : nothing
        }
      </button>
      ${
        removable
          ? html`<button
              part="chip-remove"
              class="chip-remove"
              type="button"
              tabindex="-1"
              aria-label=${this.i18n.t('recipients.remove', { recipient: full })}
              title=${this.i18n.t('recipients.remove', { recipient: full })}
              @click=${() => void this.onRemoveClick(entry)}
            >
              ${icon(CROSS, { strokeWidth: 2.2 })}
            </button>`
          : nothing
      }
    </li>`;
  }

  private invalidMessageFor(entry: RecipientEntry) {
    return this.i18n.t('recipients.invalidOne', { text: entry.address });
  }

  private renderOption(s: RecipientFieldSuggestion, index: number, isActive: boolean) {
    const query = this.text.trim();
    // Keyboard users move through options from the input (aria-activedescendant), per the APG.
    // eslint-disable-next-line lit-a11y/click-events-have-key-events
    return html`<li
      id="option-${index}"
      part="option ${isActive ? 'option-active' : ''}"
      class="option"
      role="option"
      aria-selected=${isActive ? 'true' : 'false'}
      @click=${() => this.pick(s)}
    >
      ${s.name ? html`<span class="option-name">${highlight(s.name, query)}</span>` : nothing}
      <span class="option-address">${highlight(s.address, query)}</span>
    </li>`;
  }
}

/** `text` with the first accent- and case-insensitive match of `query` in a `<mark>`. */
function highlight(text: string, query: string) {
  const q = fold(query).join('');
  const folded = fold(text).join('');
  const at = q ? folded.indexOf(q) : -1;
  if (at === -1) return text;
  const chars = [...text];
  return html`${chars.slice(0, at).join('')}<mark part="match"
      >${chars.slice(at, at + q.length).join('')}</mark
    >${chars.slice(at + q.length).join('')}`;
}

declare global {
  interface HTMLElementTagNameMap {
    'atento-recipient-field': RecipientField;
  }
  interface GlobalEventHandlersEventMap {
    'recipients-change': CustomEvent<RecipientsChangeDetail>;
  }
}
