import { Task, TaskStatus } from '@lit/task';
import { html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { styleMap } from 'lit/directives/style-map.js';
import type { AgentAdapter, AgentEvent, ConversationQuery } from '../../adapters/adapter.js';
import type { ConversationSummary, Id, Page } from '../../model/index.js';
import { buttons, shimmer } from '../../styles/controls.js';
import { AdapterElement } from '../internal/adapter-element.js';
import { emit } from '../internal/atento-element.js';
import { MissingAdapterError } from '../internal/error-message.js';
import { styles } from './conversation-list.styles.js';
import { renderHeader, toggled, type StatusChoice, type ToggleKey } from './list-header.js';
import { FrameThrottle, ReplayLog } from './list-live.js';
import {
  appendPage,
  EMPTY_STATE,
  indexOfId,
  isNarrowed,
  isNewChat,
  liveChangeOf,
  matchesQuery,
  matchesSearch,
  patch,
  place,
  queryOf,
  type ConversationListFilter,
  type ListState,
} from './list-model.js';
import { renderRow, renderSkeletonRow, rowId } from './list-row.js';
import { ListScroll } from './list-scroll.js';
import {
  renderEmpty,
  renderError,
  renderInlineError,
  renderLoading,
  renderOfflineBanner,
} from './list-states.js';
import { LOAD_MORE_WITHIN, renderedIndexes, visibleRange, type Range } from './list-window.js';

export type { ConversationListFilter } from './list-model.js';

export interface ConversationSelectDetail {
  conversationId: Id;
  conversation: ConversationSummary;
}

export interface ConversationNewChatDetail {
  conversation: ConversationSummary;
}

/** Cases per page. */
const PAGE_SIZE = 50;
/** Delay between typing in the search box and the search. */
const SEARCH_DEBOUNCE_MS = 250;
/** Detached longer than this, the list reloads when attached again (live events were missed). */
const RECONNECT_REFRESH_MS = 1000;
/** A visitor's "typing" without a follow-up is dropped after this long. */
const TYPING_TIMEOUT_MS = 30_000;

const isAbort = (error: unknown) => error instanceof DOMException && error.name === 'AbortError';

/**
 * The unified inbox (SPEC F-4.1): one list of chat and email cases, newest activity first — the
 * contact's name (bold while unread) with an unread dot, a green dot while the visitor is online,
 * the subject of an email case or the last line of a chat ("Escribiendo…" while the visitor
 * types), the time (today the hour, this week the weekday, else the date), channel icons, the case
 * number and a check mark once completed.
 *
 * The header holds the title, the new-chat indicator, a search box (debounced; Escape clears it)
 * and the filters: status ("Abiertas" / "Completadas" / "Todas") and the toggles "No leídas",
 * "Chat", "Correo" and "Mías". Filters and search map onto `listConversations`.
 *
 * Long inboxes are paged (50 cases per call, the next page loads as the end nears) and
 * virtualized: only the rows in view plus an overscan are in the DOM, over a spacer as tall as
 * every loaded row (rows have a fixed height, `--atento-conversation-row-height`).
 *
 * Live (`subscribe`): a new message moves its case to the top (or adds it, or drops it when it no
 * longer matches the filters), read/complete changes update rows in place, presence and typing
 * show on the row, `resync` reloads. Changes above the viewport keep the rows the agent is
 * looking at in place, keep the selection and the keyboard-active row, and a burst of events
 * renders at most once per frame. The selected case stays listed while selected even when it
 * stops matching the filters (the agent just completed or read it); it leaves the list once
 * another case is selected.
 *
 * Keyboard (APG listbox with `aria-activedescendant`): ↑ / ↓, Home / End, PageUp / PageDown move
 * the active row; Enter or Space selects it.
 *
 * @summary The inbox of chat and email cases, with filters, search, live updates and paging.
 *
 * @fires {CustomEvent<ConversationSelectDetail>} conversation-select - A row was chosen (click,
 *   Enter, Space, `selectNext()`, `selectPrevious()`). Cancelable: unless cancelled, `selected`
 *   becomes that case.
 * @fires {CustomEvent<ConversationNewChatDetail>} conversation-new-chat - A visitor started a chat
 *   (or came back to a completed one) while that case was not selected or the page was hidden;
 *   `has-new` is set.
 *
 * @csspart base - The outer frame.
 * @csspart header - Title, indicator, search and filters.
 * @csspart title - The "Conversaciones" heading.
 * @csspart new-indicator - The red dot shown while `has-new` is set (with hidden text).
 * @csspart count - The number of matching cases.
 * @csspart search-box - The search field's frame; `search` is the `<input>`.
 * @csspart search - The search `<input type=search>`.
 * @csspart status-filter - The "Abiertas / Completadas / Todas" segmented control.
 * @csspart toggles - The group of filter toggles; each is `toggle` and `toggle-unread|chat|email|mine`.
 * @csspart list - The scrolling `role=listbox`.
 * @csspart row - A case; also `row-selected` and `row-active`.
 * @csspart unread-dot - The unread mark of a row.
 * @csspart avatar - Initials (or a person icon) of the contact.
 * @csspart online-dot - The green dot of an online visitor.
 * @csspart name - The contact's name.
 * @csspart time - The time of the last activity.
 * @csspart preview - Subject, last chat line or "typing…".
 * @csspart channels - The channel icons of a row.
 * @csspart case-number - The case number (`#6597`).
 * @csspart completed - The check mark of a completed case.
 * @csspart state - Loading, empty and error states.
 * @csspart clear-filters - The "Borrar filtros" button of the empty state.
 * @csspart retry-button - Retry buttons.
 * @csspart offline - The banner shown while the browser is offline.
 * @csspart inline-error - A failed refresh or next page, with a retry.
 *
 * @cssprop --atento-conversation-row-height - Height of a row (default 4.25rem).
 * @cssprop --atento-font-family - Font family.
 * @cssprop --atento-font-size - Base font size.
 * @cssprop --atento-color-text - Text colour.
 * @cssprop --atento-color-text-muted - Secondary text colour.
 * @cssprop --atento-color-surface - Background.
 * @cssprop --atento-color-surface-sunken - Background of the filters and hovered rows.
 * @cssprop --atento-color-border - Borders.
 * @cssprop --atento-color-accent - Unread dot, selected row, pressed filters.
 * @cssprop --atento-color-on-accent - Text on the accent colour.
 * @cssprop --atento-color-accent-soft - Background of the selected row.
 * @cssprop --atento-color-success - Online dot, check mark, typing.
 * @cssprop --atento-color-danger - New-chat dot and error text.
 * @cssprop --atento-color-warning-soft - Background of the offline banner.
 * @cssprop --atento-color-focus - Focus ring.
 * @cssprop --atento-radius - Corner radius.
 * @cssprop --atento-space - Spacing unit.
 */
@customElement('conversation-list')
export class ConversationList extends AdapterElement {
  static override styles = [...AdapterElement.styles, buttons, styles, shimmer];

  /**
   * The highlighted case. Setting it never fires events; a case that is not loaded stays selected
   * anyway (it is highlighted once it shows up).
   */
  @property() selected: Id | null = null;

  /** Filters, also edited by the header's controls. */
  @property({ attribute: false }) filter: ConversationListFilter = { status: 'open' };

  /** Search text (subject, contact name or address, case number), also edited by the search box. */
  @property() search = '';

  /**
   * Set when a new chat arrived while its case was not selected or the page was hidden (the
   * seed's red dot); cleared by `clearNewIndicator()` and by selecting the new case(s).
   */
  @property({ type: Boolean, reflect: true, attribute: 'has-new' }) hasNew = false;

  /** The text of the search box (the `search` property follows it after a short pause). */
  @state() private searchText = '';
  /** The keyboard-active row (the listbox's active descendant). */
  @state() private activeId: Id | null = null;
  @state() private offline = typeof navigator !== 'undefined' && navigator.onLine === false;
  @state() private moreLoading = false;
  @state() private moreError?: unknown;
  /** Polite announcement of the result count after a filter or search. */
  @state() private announcement = '';
  @state() private keyboardNav = false;

  /** The loaded cases. Not reactive: renders are scheduled (see `frames`). */
  private list: ListState = EMPTY_STATE;
  /** The first page of the current query has arrived. */
  private loaded = false;
  /** The rows of the last render, to keep the view anchored when they change. */
  private renderedRows: readonly ConversationSummary[] = [];
  private renderedRange: Range = { start: 0, end: 0 };
  private query: ConversationQuery = queryOf(this.filter, this.search);
  private queryKey = JSON.stringify(this.query);
  private readonly typing = new Map<Id, number>();
  private readonly newChats = new Set<Id>();
  private readonly replay = new ReplayLog();
  private readonly frames = new FrameThrottle(() => this.requestUpdate());
  private readonly checking = new Map<Id, ConversationSummary>();
  private checkScheduled = false;
  private moreController?: AbortController;
  private searchTimer?: number;
  private clockTimer?: number;
  private disconnectedAt = Infinity;
  private readonly live = this.subscribeLive((event) => this.onLive(event));
  /** The adapter the loaded cases come from. */
  private listedFrom?: AgentAdapter;

  private readonly scrolling = new ListScroll(this, () => this.onMoved());

  private readonly load = new Task(this, {
    task: async ([adapter, query], { signal }) => {
      if (!adapter) throw new MissingAdapterError();
      const mark = this.replay.begin();
      let page: Page<ConversationSummary>;
      try {
        page = await adapter.listConversations({ ...query, limit: PAGE_SIZE }, { signal });
      } catch (error) {
        this.replay.end(mark);
        throw error;
      }
      const events = this.replay.end(mark);
      if (!signal.aborted) this.firstPage(page, events);
    },
    args: () => [this.effectiveAdapter, this.query] as const,
  });

  // ── lifecycle ───────────────────────────────────────────────────────────────────────────────

  override connectedCallback() {
    super.connectedCallback();
    window.addEventListener('online', this.onOnline);
    window.addEventListener('offline', this.onOffline);
    this.clockTimer = window.setInterval(() => this.requestUpdate(), 60_000);
    // Live events were missed while detached for long (a moved element is back at once).
    if (this.loaded && Date.now() - this.disconnectedAt > RECONNECT_REFRESH_MS) this.refresh();
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    window.removeEventListener('online', this.onOnline);
    window.removeEventListener('offline', this.onOffline);
    clearInterval(this.clockTimer);
    clearTimeout(this.searchTimer);
    for (const timer of this.typing.values()) clearTimeout(timer);
    this.typing.clear();
    this.frames.cancel();
    this.moreController?.abort();
    this.disconnectedAt = Date.now();
  }

  protected override willUpdate(changed: PropertyValues<this>) {
    if (changed.has('search')) this.searchText = this.search;
    if (changed.has('filter') || changed.has('search')) this.queryChanged();
    if (this.effectiveAdapter !== this.listedFrom) {
      // Another backend: nothing listed so far belongs to it.
      this.listedFrom = this.effectiveAdapter;
      this.reset();
    }
    if (changed.has('selected')) this.selectionChanged(changed.get('selected'));
    if (changed.has('hasNew') && !this.hasNew) this.newChats.clear();
    if (this.renderedRows !== this.list.rows)
      this.scrolling.keepAnchor(this.renderedRows, this.list.rows);
  }

  protected override updated() {
    this.renderedRows = this.list.rows;
    if (this.loaded && this.renderedRange.end >= this.list.rows.length - LOAD_MORE_WITHIN)
      void this.loadMore();
  }

  /** Filter or search changed: a new first page, from the top. */
  private queryChanged() {
    const query = queryOf(this.filter, this.search);
    const key = JSON.stringify(query);
    if (key === this.queryKey) return;
    this.query = query;
    this.queryKey = key;
    this.reset();
  }

  /** Forgets the loaded cases: the next first page starts the list over, from the top. */
  private reset() {
    this.list = EMPTY_STATE;
    this.loaded = false;
    this.moreController?.abort();
    this.moreLoading = false;
    this.moreError = undefined;
    this.checking.clear();
    this.scrolling.toTop();
  }

  /** A case that was kept only because it was selected leaves the list with the selection. */
  private selectionChanged(previous: Id | null | undefined) {
    if (this.selected !== null && this.newChats.delete(this.selected))
      this.hasNew = this.newChats.size > 0;
    const row = previous ? this.list.rows.find((r) => r.id === previous) : undefined;
    if (row && matchesQuery(row, this.query) === false) this.list = place(this.list, row, false);
  }

  // ── public API ──────────────────────────────────────────────────────────────────────────────

  /** Focuses the list of cases (the listbox), where the arrow keys move. */
  override focus(options?: FocusOptions) {
    const listbox = this.renderRoot.querySelector<HTMLElement>('[part~="list"]');
    if (listbox) listbox.focus(options);
    else void this.updateComplete.then(() => this.focus(options));
  }

  /** Moves focus to the search box. */
  focusSearch() {
    const input = this.renderRoot.querySelector<HTMLInputElement>('#search');
    if (input) input.focus();
    else void this.updateComplete.then(() => this.focusSearch());
  }

  /**
   * Selects the row after the selected one (the first row when none is selected or loaded),
   * firing `conversation-select` as a click would. Returns the new id, or `null` when there is no
   * next row or the event was cancelled.
   */
  selectNext(): Id | null {
    return this.selectAt(1);
  }

  /** Selects the row before the selected one; see `selectNext()`. */
  selectPrevious(): Id | null {
    return this.selectAt(-1);
  }

  /** Reloads the first page, keeping the selection. */
  refresh() {
    this.moreError = undefined;
    void this.load.run();
  }

  /** Clears `has-new`. */
  clearNewIndicator() {
    this.newChats.clear();
    this.hasNew = false;
  }

  // ── data ────────────────────────────────────────────────────────────────────────────────────

  private setList(next: ListState) {
    if (next === this.list) return;
    this.list = next;
    this.frames.request();
  }

  private firstPage(page: Page<ConversationSummary>, events: AgentEvent[]) {
    let next: ListState = { rows: page.items, nextCursor: page.nextCursor, total: page.total };
    for (const event of events) next = this.applyData(next, event);
    const first = !this.loaded;
    this.loaded = true;
    this.list = next;
    this.requestUpdate();
    if (first)
      this.announcement = this.i18n.t('conversationList.count', {
        count: next.total,
        formatted: this.i18n.number(next.total),
      });
  }

  /** The next page, when the end of the loaded rows comes near. */
  private async loadMore() {
    const adapter = this.effectiveAdapter;
    const cursor = this.list.nextCursor;
    if (!adapter || cursor === null || this.moreLoading || this.moreError || !this.loaded) return;
    const query = this.query;
    const controller = new AbortController();
    this.moreController = controller;
    this.moreLoading = true;
    const mark = this.replay.begin();
    let events: AgentEvent[] | undefined;
    try {
      const page = await adapter.listConversations(
        { ...query, cursor, limit: PAGE_SIZE },
        { signal: controller.signal },
      );
      events = this.replay.end(mark);
      if (controller.signal.aborted || query !== this.query) return;
      let next = appendPage(this.list, page);
      for (const event of events) next = this.applyData(next, event);
      this.setList(next);
    } catch (error) {
      if (!controller.signal.aborted && !isAbort(error)) this.moreError = error;
    } finally {
      if (!events) this.replay.end(mark);
      if (this.moreController === controller) this.moreLoading = false;
    }
  }

  private readonly retryMore = () => {
    this.moreError = undefined;
    void this.loadMore();
  };

  /**
   * Applies a case's new summary: placed by order when it matches the filters (or is listed and
   * only the adapter can tell, or is the selected case), removed otherwise.
   */
  private applyData(state: ListState, event: AgentEvent): ListState {
    const change = liveChangeOf(event);
    if (change.kind === 'presence')
      return patch(state, change.conversationId, (c) => ({ ...c, visitorOnline: change.online }));
    if (change.kind !== 'summary') return state;
    const c = change.conversation;
    const match = matchesQuery(c, this.query);
    const listed = indexOfId(state.rows, c.id) !== -1;
    if (match === undefined && !listed) this.check(c);
    const keep = match === true || (listed && (match === undefined || c.id === this.selected));
    return place(state, c, keep);
  }

  /**
   * Cases only the adapter can place (the "Mías" filter: did this agent write in it?) are looked
   * up by number, once per batch.
   */
  private check(c: ConversationSummary) {
    this.checking.set(c.id, c);
    if (this.checkScheduled) return;
    this.checkScheduled = true;
    queueMicrotask(() => {
      this.checkScheduled = false;
      const cases = [...this.checking.values()];
      this.checking.clear();
      for (const one of cases) void this.checkOne(one);
    });
  }

  private async checkOne(c: ConversationSummary) {
    const adapter = this.effectiveAdapter;
    const query = this.query;
    if (!adapter) return;
    const mark = this.replay.begin();
    let events: AgentEvent[] | undefined;
    try {
      const page = await adapter.listConversations({
        ...query,
        search: `#${c.number}`,
        limit: 200,
      });
      events = this.replay.end(mark);
      const found = page.items.find((i) => i.id === c.id);
      if (!found || query !== this.query || !matchesSearch(found, query.search ?? '')) return;
      let next = place(this.list, found, true);
      for (const event of events) next = this.applyData(next, event);
      this.setList(next);
    } catch {
      // The case shows up on the next refresh; the list itself is unaffected.
    } finally {
      if (!events) this.replay.end(mark);
    }
  }

  // ── live events (F-4.7) ─────────────────────────────────────────────────────────────────────

  private readonly onLive = (event: AgentEvent) => {
    const change = liveChangeOf(event);
    if (change.kind === 'none') return;
    if (change.kind === 'resync') {
      this.refresh();
      return;
    }
    if (change.kind === 'typing') {
      this.setTyping(change.conversationId, change.typing);
      return;
    }
    this.replay.record(event);
    if (event.type === 'message.created') {
      const before = this.list.rows.find((r) => r.id === event.conversation.id);
      if (event.message.direction === 'inbound') this.setTyping(event.conversation.id, false);
      if (isNewChat(event, before)) this.newChat(event.conversation);
    }
    if (change.kind === 'presence' && !change.online) this.setTyping(change.conversationId, false);
    this.setList(this.applyData(this.list, event));
  };

  private newChat(conversation: ConversationSummary) {
    const hidden = document.visibilityState === 'hidden';
    if (conversation.id === this.selected && !hidden) return;
    this.newChats.add(conversation.id);
    this.hasNew = true;
    emit(this, 'conversation-new-chat', { conversation });
  }

  private setTyping(id: Id, typing: boolean) {
    const timer = this.typing.get(id);
    if (timer === undefined && !typing) return;
    clearTimeout(timer);
    if (typing)
      this.typing.set(
        id,
        window.setTimeout(() => this.setTyping(id, false), TYPING_TIMEOUT_MS),
      );
    else this.typing.delete(id);
    this.frames.request();
  }

  private readonly onOnline = () => {
    this.offline = false;
    this.refresh();
  };

  private readonly onOffline = () => {
    this.offline = true;
  };

  // ── selection and keyboard ──────────────────────────────────────────────────────────────────

  /** Fires `conversation-select`; unless cancelled, `c` becomes the selected case. */
  private choose(c: ConversationSummary): boolean {
    this.activeId = c.id;
    const ok = emit(
      this,
      'conversation-select',
      { conversationId: c.id, conversation: c },
      { cancelable: true },
    );
    if (ok) {
      this.selected = c.id;
      if (this.newChats.delete(c.id)) this.hasNew = this.newChats.size > 0;
    }
    return ok;
  }

  private selectAt(step: 1 | -1): Id | null {
    const rows = this.list.rows;
    const at = indexOfId(rows, this.selected);
    const target = at === -1 ? 0 : at + step;
    if (target < 0 || target >= rows.length) {
      if (step === 1 && rows.length > 0) void this.loadMore();
      return null;
    }
    this.scrolling.reveal(target);
    const c = rows[target]!;
    return this.choose(c) ? c.id : null;
  }

  private readonly onRowClick = (c: ConversationSummary) => {
    this.keyboardNav = false;
    this.choose(c);
  };

  private onListFocus() {
    const rows = this.list.rows;
    if (indexOfId(rows, this.activeId) !== -1) return;
    const range = visibleRange(
      this.scrolling.scrollTop,
      this.scrolling.viewport,
      this.scrolling.rowHeight,
      rows.length,
      0,
    );
    const selected = indexOfId(rows, this.selected);
    const index = selected >= range.start && selected < range.end ? selected : range.start;
    this.activeId = rows[index]?.id ?? null;
  }

  private onListKeydown(event: KeyboardEvent) {
    const rows = this.list.rows;
    if (rows.length === 0) return;
    const current = indexOfId(rows, this.activeId);
    const last = rows.length - 1;
    const page = this.scrolling.pageRows;
    const moves: Record<string, () => number> = {
      ArrowDown: () => (current === -1 ? 0 : Math.min(last, current + 1)),
      ArrowUp: () => (current === -1 ? 0 : Math.max(0, current - 1)),
      Home: () => 0,
      End: () => last,
      PageDown: () => Math.min(last, Math.max(0, current) + page),
      PageUp: () => Math.max(0, current - page),
    };
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      const row = rows[current];
      if (row) this.choose(row);
      return;
    }
    const move = moves[event.key];
    if (!move || event.altKey || event.ctrlKey || event.metaKey) return;
    event.preventDefault();
    this.keyboardNav = true;
    const index = move();
    this.activeId = rows[index]!.id;
    this.scrolling.reveal(index);
  }

  /** The scroll offset or viewport changed: render other rows when the view nears the edge. */
  private onMoved() {
    const count = this.list.rows.length;
    const view = visibleRange(
      this.scrolling.scrollTop,
      this.scrolling.viewport,
      this.scrolling.rowHeight,
      count,
      0,
    );
    const r = this.renderedRange;
    const margin = 2;
    if (
      (view.start < r.start + margin && r.start > 0) ||
      (view.end > r.end - margin && r.end < count)
    )
      this.frames.request();
    if (view.end >= count - LOAD_MORE_WITHIN) void this.loadMore();
  }

  // ── header ──────────────────────────────────────────────────────────────────────────────────

  private readonly onSearchInput = (event: InputEvent) => {
    this.searchText = (event.target as HTMLInputElement).value;
    clearTimeout(this.searchTimer);
    this.searchTimer = window.setTimeout(() => (this.search = this.searchText), SEARCH_DEBOUNCE_MS);
  };

  private readonly onSearchKeydown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || !this.searchText) return;
    event.preventDefault();
    event.stopPropagation();
    clearTimeout(this.searchTimer);
    this.searchText = '';
    this.search = '';
  };

  private readonly onStatus = (choice: StatusChoice) => {
    const next = { ...this.filter };
    if (choice === 'all') delete next.status;
    else next.status = choice;
    this.filter = next;
  };

  private readonly onToggle = (key: ToggleKey) => {
    this.filter = toggled(this.filter, key);
  };

  private readonly clearFilters = () => {
    clearTimeout(this.searchTimer);
    this.filter = this.filter.status ? { status: this.filter.status } : {};
    this.searchText = '';
    this.search = '';
  };

  // ── rendering ───────────────────────────────────────────────────────────────────────────────

  override render() {
    const failed = this.load.status === TaskStatus.ERROR;
    return html`<section part="base" class="base" aria-labelledby="title">
      ${renderHeader(
        this.i18n,
        {
          hasNew: this.hasNew,
          searchText: this.searchText,
          filter: this.filter,
          count: this.loaded ? this.list.total : undefined,
        },
        {
          searchInput: this.onSearchInput,
          searchKeydown: this.onSearchKeydown,
          status: this.onStatus,
          toggle: this.onToggle,
        },
      )}
      ${this.offline ? renderOfflineBanner(this.i18n) : nothing}
      ${
        failed && this.loaded
          ? renderInlineError(this.i18n, 'conversationList.loadError', this.load.error, () =>
              this.refresh(),
            )
          : nothing
      }
      <div class="body">
        ${
          failed && !this.loaded
            ? renderError(this.i18n, this.load.error, () => this.refresh())
            : !this.loaded
              ? renderLoading(this.i18n)
              : this.list.rows.length === 0
                ? renderEmpty(
                    this.i18n,
                    this.filter,
                    this.search,
                    isNarrowed(this.filter, this.search),
                    this.clearFilters,
                  )
                : this.renderList()
        }
      </div>
      ${
        this.moreError
          ? renderInlineError(
              this.i18n,
              'conversationList.moreError',
              this.moreError,
              this.retryMore,
            )
          : nothing
      }
      <span class="visually-hidden" role="status">${this.announcement}</span>
      <div class="probe" aria-hidden="true"></div>
    </section>`;
  }

  private renderList() {
    const { rows, total, nextCursor } = this.list;
    const range = this.scrolling.range(rows.length);
    this.renderedRange = range;
    const active = indexOfId(rows, this.activeId);
    const selected = indexOfId(rows, this.selected);
    const indexes = renderedIndexes(range, [active, selected], rows.length);
    const now = new Date();
    const setSize = Math.max(total, rows.length);
    const more = nextCursor !== null;
    return html`<div
      id="listbox"
      part="list"
      class="scroller ${this.keyboardNav ? 'keyboard' : ''}"
      role="listbox"
      tabindex="0"
      aria-labelledby="title"
      aria-activedescendant=${active === -1 ? nothing : rowId(rows[active]!.id)}
      aria-busy=${this.moreLoading ? 'true' : 'false'}
      style=${styleMap({ '--n': String(rows.length + (more ? 1 : 0)) })}
      @scroll=${this.scrolling.onScroll}
      @keydown=${this.onListKeydown}
      @focus=${this.onListFocus}
      @pointerdown=${() => (this.keyboardNav = false)}
    >
      ${indexes.map((i) =>
        renderRow(
          this.i18n,
          rows[i]!,
          {
            index: i,
            setSize,
            selected: i === selected,
            active: i === active,
            typing: this.typing.has(rows[i]!.id),
            now,
          },
          this.onRowClick,
        ),
      )}
      ${more ? renderSkeletonRow(rows.length) : nothing}
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'conversation-list': ConversationList;
  }
  interface GlobalEventHandlersEventMap {
    'conversation-select': CustomEvent<ConversationSelectDetail>;
    'conversation-new-chat': CustomEvent<ConversationNewChatDetail>;
  }
}
