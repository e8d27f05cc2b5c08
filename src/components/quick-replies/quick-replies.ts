import { consume } from '@lit/context';
import { Task } from '@lit/task';
import { html, nothing, type PropertyValues } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { campaignContext, currentAgentContext } from '../../context/keys.js';
import {
  resolveTemplate,
  type Agent,
  type CampaignSettings,
  type PersonalizationContext,
  type QuickReply,
  type ResolvedTemplate,
} from '../../model/index.js';
import { AdapterElement } from '../internal/adapter-element.js';
import { emit } from '../internal/atento-element.js';
import { errorMessage, MissingAdapterError } from '../internal/error-message.js';
import { insertText } from '../internal/insert-text.js';
import { categoriesOf, filterReplies, groupByCategory } from './filter.js';
import { loadQuickReplies } from './load.js';
import { styles } from './quick-replies.styles.js';
import { buttons, shimmer } from '../../styles/controls.js';
import { renderPreview } from './template-preview.js';

export interface QuickReplySelectDetail {
  reply: QuickReply;
  /** The body with personalization tags resolved: what gets inserted. */
  text: string;
  /** Tags left as written because they are unknown. */
  unknownTags: string[];
  /** Known tags that had no value and no fallback (left empty). */
  missingTags: string[];
}

/**
 * Saved responses grouped by category, with a category dropdown, a search box, keyboard
 * navigation and a preview that resolves personalization tags (`{{contact.first_name|cliente}}`)
 * before insertion. Replies come from the `AgentAdapter` provided through context (or the
 * `adapter` property).
 *
 * @summary Pick a saved response to insert into a reply (F-3.1, F-3.2).
 *
 * @fires {CustomEvent<QuickReplySelectDetail>} quick-reply-select - A reply was chosen (click,
 *   Enter or "Insert"). Cancelable: unless cancelled, the text is inserted at the caret of the
 *   element named by `for`, and the search is cleared.
 * @fires {CustomEvent<void>} quick-reply-dismiss - Escape was pressed with an empty search: the
 *   host may close the popover holding the picker.
 *
 * @csspart base - The outer frame.
 * @csspart header - Title and count.
 * @csspart toolbar - Holds the category dropdown and the search box.
 * @csspart category-select - The category `<select>`.
 * @csspart search - The search `<input>`.
 * @csspart list - The listbox of replies.
 * @csspart group-label - A category heading inside the list.
 * @csspart option - One reply in the list; also `option-active` on the highlighted one.
 * @csspart option-title - A reply's title.
 * @csspart option-shortcut - A reply's `/shortcut`.
 * @csspart option-snippet - A reply's first line.
 * @csspart preview - The preview pane.
 * @csspart preview-body - The resolved text.
 * @csspart tag - A personalization tag in the preview; also `tag-resolved`, `tag-fallback`,
 *   `tag-missing` or `tag-unknown`.
 * @csspart warnings - The list of tags to check before inserting.
 * @csspart insert-button - The "Insert" button.
 * @csspart status - Loading, empty, no-match and error messages.
 * @csspart retry-button - The "Try again" button of the error state.
 *
 * @cssprop --atento-font-family - Font family.
 * @cssprop --atento-font-size - Base font size.
 * @cssprop --atento-color-text - Text colour.
 * @cssprop --atento-color-text-muted - Secondary text colour.
 * @cssprop --atento-color-surface - Background.
 * @cssprop --atento-color-surface-sunken - Background of the preview.
 * @cssprop --atento-color-border - Borders.
 * @cssprop --atento-color-accent - Accent (active option, insert button).
 * @cssprop --atento-color-on-accent - Text on the accent colour.
 * @cssprop --atento-color-accent-soft - Background of the active option and resolved tags.
 * @cssprop --atento-color-warning - Text of tags to check.
 * @cssprop --atento-color-warning-soft - Background of tags to check.
 * @cssprop --atento-color-danger - Error text.
 * @cssprop --atento-color-focus - Focus ring.
 * @cssprop --atento-radius - Corner radius.
 * @cssprop --atento-space - Spacing unit.
 */
@customElement('quick-replies')
export class QuickReplies extends AdapterElement {
  static override styles = [...AdapterElement.styles, buttons, styles, shimmer];
  /** @internal */
  static override shadowRootOptions = { ...AdapterElement.shadowRootOptions, delegatesFocus: true };

  /**
   * The case the reply is for: only its campaign's replies (and shared ones) are listed, and its
   * contact, number and campaign fill the personalization tags.
   */
  @property({ attribute: 'conversation-id' }) conversationId?: string;

  /** Values for personalization tags, when the host already has them (replaces the loaded ones). */
  @property({ attribute: false }) personalization?: PersonalizationContext;

  /** The category shown; empty for all categories. */
  @property() category = '';

  /** The search text. Starting with `/` filters by shortcut (F-3.3). */
  @property() query = '';

  /**
   * Id of a `<textarea>`, `<input>` or contenteditable element in the same document or shadow
   * root: unless `quick-reply-select` is cancelled, the chosen text is inserted at its caret.
   */
  @property({ attribute: 'for' }) htmlFor?: string;

  @consume({ context: currentAgentContext, subscribe: true })
  @state()
  private providedAgent?: Agent;

  @consume({ context: campaignContext, subscribe: true })
  @state()
  private providedCampaign?: CampaignSettings;

  /** Id of the highlighted reply (the listbox's active descendant). */
  @state() private activeId?: string;

  @query('#search') private searchInput!: HTMLInputElement;

  /** Replies and tag values, loaded together: one pending state, one error, one retry. */
  private readonly data = new Task(this, {
    task: ([adapter, conversationId, agent, campaign], { signal }) => {
      if (!adapter) throw new MissingAdapterError();
      return loadQuickReplies(adapter, { conversationId, agent, campaign }, signal);
    },
    args: () =>
      [
        this.effectiveAdapter,
        this.conversationId,
        this.providedAgent,
        this.providedCampaign,
      ] as const,
  });

  /** Replies visible with the current category and query. */
  private get visible(): QuickReply[] {
    return filterReplies(this.data.value?.replies ?? [], this.category, this.query);
  }

  private get active(): QuickReply | undefined {
    const visible = this.visible;
    return visible.find((r) => r.id === this.activeId) ?? visible[0];
  }

  private resolve(reply: QuickReply): ResolvedTemplate {
    return resolveTemplate(
      reply.body,
      this.personalization ?? this.data.value?.personalization ?? {},
    );
  }

  /** Focuses the search box, from where the arrow keys move through the replies. */
  override focus(options?: FocusOptions) {
    this.searchInput?.focus(options);
  }

  protected override updated(changed: PropertyValues) {
    if (changed.has('activeId')) {
      this.renderRoot
        .querySelector(`[id="option-${CSS.escape(this.activeId ?? '')}"]`)
        ?.scrollIntoView({ block: 'nearest' });
    }
  }

  /** Chooses a reply: fires `quick-reply-select` and, unless cancelled, inserts its text. */
  select(reply: QuickReply) {
    const resolved = this.resolve(reply);
    const detail: QuickReplySelectDetail = {
      reply,
      text: resolved.text,
      unknownTags: resolved.unknown,
      missingTags: resolved.missing,
    };
    if (!emit(this, 'quick-reply-select', detail, { cancelable: true })) return;
    const root = this.getRootNode() as Document | ShadowRoot;
    const target = this.htmlFor ? root.getElementById(this.htmlFor) : null;
    if (target) insertText(target, resolved.text);
    this.query = '';
  }

  /**
   * Moves the highlighted reply by `step` (↑/↓ from a host's own field, e.g. the composer's
   * `/shortcut`).
   */
  moveActive(step: number) {
    this.move(step);
  }

  /** Chooses the highlighted reply, as Enter does; returns whether there was one. */
  selectActive(): boolean {
    const active = this.active;
    if (active) this.select(active);
    return Boolean(active);
  }

  private move(step: number | 'first' | 'last') {
    const visible = this.visible;
    if (visible.length === 0) return;
    const current = visible.findIndex((r) => r.id === this.active?.id);
    const index =
      step === 'first'
        ? 0
        : step === 'last'
          ? visible.length - 1
          : Math.min(visible.length - 1, Math.max(0, current + step));
    this.activeId = visible[index]!.id;
  }

  private onKeydown(event: KeyboardEvent) {
    const fromSearch = event.target === this.searchInput;
    const fromList = (event.target as Element).id === 'list';
    // The category select and the buttons keep their own keys; Escape works everywhere.
    if (!fromSearch && !fromList && event.key !== 'Escape') return;
    const keys: Record<string, () => void> = {
      ArrowDown: () => this.move(1),
      ArrowUp: () => this.move(-1),
      PageDown: () => this.move(5),
      PageUp: () => this.move(-5),
      Enter: () => {
        const active = this.active;
        if (active) this.select(active);
      },
      Escape: () => {
        if (this.query) this.query = '';
        else emit(this, 'quick-reply-dismiss', undefined);
      },
    };
    // In the search box Home/End move the caret; in the list they jump.
    if (!fromSearch)
      Object.assign(keys, { Home: () => this.move('first'), End: () => this.move('last') });
    const action = keys[event.key];
    if (!action) return;
    event.preventDefault();
    action();
  }

  private onSearch(event: InputEvent) {
    this.query = (event.target as HTMLInputElement).value;
    this.activeId = undefined;
  }

  private onCategory(event: Event) {
    this.category = (event.target as HTMLSelectElement).value;
    this.activeId = undefined;
  }

  override render() {
    const loaded = this.data.value?.replies;
    const visible = this.visible;
    const active = this.active;
    return html`
      <section part="base" class="base" aria-labelledby="title" @keydown=${this.onKeydown}>
        <header part="header" class="header">
          <h2 id="title" class="title">${this.i18n.t('quickReplies.title')}</h2>
          ${
            loaded
              ? html`<span class="count" role="status"
                  >${this.i18n.t('quickReplies.count', { count: visible.length })}</span
                >`
              : nothing
          }
        </header>
        <div part="toolbar" class="toolbar">
          <select
            part="category-select"
            aria-label=${this.i18n.t('quickReplies.category')}
            .value=${this.category}
            ?disabled=${!loaded?.length}
            @change=${this.onCategory}
          >
            <option value="">${this.i18n.t('quickReplies.allCategories')}</option>
            ${categoriesOf(loaded ?? []).map(
              (c) => html`<option value=${c} ?selected=${c === this.category}>${c}</option>`,
            )}
          </select>
          <input
            id="search"
            part="search"
            type="search"
            role="combobox"
            autocomplete="off"
            spellcheck="false"
            aria-autocomplete="list"
            aria-expanded=${visible.length ? 'true' : 'false'}
            aria-controls=${visible.length ? 'list' : nothing}
            aria-activedescendant=${active ? `option-${active.id}` : nothing}
            aria-label=${this.i18n.t('quickReplies.search')}
            placeholder=${this.i18n.t('quickReplies.search')}
            .value=${this.query}
            @input=${this.onSearch}
          />
        </div>
        ${this.data.render({
          initial: () => this.renderLoading(),
          pending: () => (loaded ? this.renderBody(loaded, visible, active) : this.renderLoading()),
          complete: ({ replies }) => this.renderBody(replies, visible, active),
          error: (error) => this.renderError(error),
        })}
      </section>
    `;
  }

  private renderLoading() {
    return html`<div part="status" class="status loading" role="status">
      <span class="visually-hidden">${this.i18n.t('quickReplies.loading')}</span>
      ${[0, 1, 2, 3].map(() => html`<span class="skeleton" aria-hidden="true"></span>`)}
    </div>`;
  }

  private renderError(error: unknown) {
    return html`<div part="status" class="status error" role="alert">
      <p>
        <strong>${this.i18n.t('quickReplies.loadError')}</strong> ${errorMessage(this.i18n, error)}
      </p>
      <button part="retry-button" class="button" @click=${() => this.data.run()}>
        ${this.i18n.t('common.retry')}
      </button>
    </div>`;
  }

  private renderBody(all: QuickReply[], visible: QuickReply[], active: QuickReply | undefined) {
    if (all.length === 0) {
      return html`<div part="status" class="status">
        <p><strong>${this.i18n.t('quickReplies.empty')}</strong></p>
        <p>${this.i18n.t('quickReplies.emptyHint')}</p>
      </div>`;
    }
    return html`<div class="body">
      ${
        visible.length === 0
          ? html`<div part="status" class="status">
              ${
                this.query.trim()
                  ? this.i18n.t('quickReplies.noMatch', { query: this.query.trim() })
                  : this.i18n.t('quickReplies.noMatchInCategory', { category: this.category })
              }
            </div>`
          : this.renderList(visible, active)
      }
      ${this.renderPreviewPane(active)}
    </div>`;
  }

  private renderList(visible: QuickReply[], active: QuickReply | undefined) {
    return html`<div
      id="list"
      part="list"
      class="list"
      role="listbox"
      tabindex="0"
      aria-label=${this.i18n.t('quickReplies.list')}
      aria-activedescendant=${active ? `option-${active.id}` : nothing}
    >
      ${groupByCategory(visible).map(
        ([category, replies], g) =>
          html`<div role="group" aria-labelledby="group-${g}">
            <div id="group-${g}" part="group-label" class="group-label" role="presentation">
              ${category}
            </div>
            ${repeat(
              replies,
              (r) => r.id,
              (r) => this.renderOption(r, r.id === active?.id),
            )}
          </div>`,
      )}
    </div>`;
  }

  private renderOption(reply: QuickReply, isActive: boolean) {
    // Keyboard users reach options through the listbox's and search box's key handling
    // (aria-activedescendant), as the APG listbox pattern prescribes; options take no focus.
    // eslint-disable-next-line lit-a11y/click-events-have-key-events
    return html`<div
      id="option-${reply.id}"
      part="option ${isActive ? 'option-active' : ''}"
      class="option"
      role="option"
      aria-selected=${isActive ? 'true' : 'false'}
      @pointermove=${() => (this.activeId = reply.id)}
      @click=${() => this.select(reply)}
    >
      <span class="option-line">
        <span part="option-title" class="option-title">${reply.title}</span>
        ${
          reply.shortcut
            ? html`<span part="option-shortcut" class="shortcut">/${reply.shortcut}</span>`
            : nothing
        }
      </span>
      <span part="option-snippet" class="snippet"
        >${this.resolve(reply)
          .text.split('\n')
          .find((line) => line.trim())}</span
      >
    </div>`;
  }

  private renderPreviewPane(active: QuickReply | undefined) {
    return html`<div part="preview" class="preview" aria-labelledby="preview-title">
      <h3 id="preview-title" class="visually-hidden">${this.i18n.t('quickReplies.preview')}</h3>
      ${
        active
          ? html`<div class="preview-scroll">${renderPreview(this.resolve(active), this.i18n)}</div>
              <div class="preview-actions">
                <span class="hint">${this.i18n.t('quickReplies.keyboardHint')}</span>
                <button
                  part="insert-button"
                  class="button primary"
                  @click=${() => this.select(active)}
                >
                  ${this.i18n.t('quickReplies.insert')}
                </button>
              </div>`
          : html`<p class="hint">${this.i18n.t('quickReplies.previewEmpty')}</p>`
      }
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'quick-replies': QuickReplies;
  }
  interface GlobalEventHandlersEventMap {
    'quick-reply-select': CustomEvent<QuickReplySelectDetail>;
    'quick-reply-dismiss': CustomEvent<void>;
  }
}
