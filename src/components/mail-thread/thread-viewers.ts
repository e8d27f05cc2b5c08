/**
 * The collision hint of `<mail-thread>`: it tells the other agents that this one is viewing or
 * replying to the case shown (`announce`), follows the `viewers` live event, and shows the
 * others under the header ("Marco Díaz también está viendo esta atención").
 */
import { html, nothing, type ReactiveController, type ReactiveControllerHost } from 'lit';
import type { AgentAdapter, AgentEvent, CaseActivity, CaseViewer } from '../../adapters/adapter.js';
import type { LocalizeController } from '../../i18n/localize-controller.js';
import type { Id } from '../../model/index.js';
import { errorMessage } from '../internal/error-message.js';

/** What this agent is doing, on which case; `undefined` when on none. */
export interface CaseTarget {
  conversationId: Id;
  activity: CaseActivity;
}

export interface CaseViewersOptions {
  adapter(): AgentAdapter | undefined;
  /** The signed-in agent's id (never listed). */
  me(): Id | undefined;
}

const same = (a: CaseTarget | undefined, b: CaseTarget | undefined) =>
  a?.conversationId === b?.conversationId && a?.activity === b?.activity;

/**
 * Keeps the adapter told of `target` (calls run one after the other, in order; only changes are
 * sent) and holds the case's viewers. Adapters written before `announce` existed are left alone.
 */
export class CaseViewers implements ReactiveController {
  /** Everyone on the case shown, this agent included (as the adapter reports it). */
  viewers: CaseViewer[] = [];
  private error?: unknown;
  /** The last target handed to the queue. */
  private queued?: CaseTarget;
  /** The adapter the last announcement went to (a leave goes to the same one). */
  private announcedTo?: AgentAdapter;
  private chain: Promise<void> = Promise.resolve();
  /** Counts the live `viewers` events of the case shown: they are newer than a pending answer. */
  private heard = 0;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: CaseViewersOptions,
  ) {
    host.addController(this);
  }

  hostConnected() {
    // Announced again on the next update (`sync`), after a move in the document.
    this.host.requestUpdate();
  }

  hostDisconnected() {
    this.sync(undefined);
  }

  /** Announces `target` if it differs from what was announced last. */
  sync(target: CaseTarget | undefined) {
    if (same(target, this.queued)) return;
    const previous = this.queued;
    this.queued = target;
    if (previous?.conversationId !== target?.conversationId) {
      this.viewers = [];
      this.error = undefined;
    }
    this.chain = this.chain.then(() => this.send(previous, target));
  }

  /** Announces the current target again (the live stream missed events; the backend may have dropped it). */
  reannounce() {
    const target = this.queued;
    this.queued = undefined;
    this.sync(target);
  }

  /** Applies a live `viewers` event of the case shown. */
  onLive(event: AgentEvent) {
    if (event.type !== 'viewers' || event.conversationId !== this.queued?.conversationId) return;
    this.heard++;
    this.viewers = event.viewers;
    this.host.requestUpdate();
  }

  private async send(previous: CaseTarget | undefined, target: CaseTarget | undefined) {
    const adapter = target ? this.options.adapter() : this.announcedTo;
    if (typeof adapter?.announce !== 'function') return;
    try {
      if (!target) {
        // Leaving: only the case this agent announced (announcing another case leaves it anyway).
        if (previous) await adapter.announce(previous.conversationId, null);
        this.announcedTo = undefined;
        return;
      }
      this.announcedTo = adapter;
      const heard = this.heard;
      const viewers = await adapter.announce(target.conversationId, target.activity);
      if (this.queued?.conversationId !== target.conversationId) return;
      // A live event that came meanwhile (over another channel than the answer) is fresher.
      if (this.heard === heard) this.viewers = viewers;
      this.error = undefined;
    } catch (error) {
      // A failed leave has no case on screen to report on; a failed announce is shown.
      if (target && this.queued?.conversationId === target.conversationId) this.error = error;
    }
    this.host.requestUpdate();
  }

  /** The others on the case, replying first; the line under the header (a polite live region). */
  render(i18n: LocalizeController) {
    const me = this.options.me();
    const others = this.viewers.filter((v) => v.agentId !== me);
    const list = (activity: CaseActivity) =>
      others.filter((v) => v.activity === activity).map((v) => v.name);
    const names = (items: string[]) =>
      new Intl.ListFormat(i18n.locale, { type: 'conjunction' }).format(items);
    const replying = list('replying');
    const viewing = list('viewing');
    const lines = [
      replying.length
        ? i18n.t('thread.replying', { names: names(replying), count: replying.length })
        : '',
      viewing.length
        ? i18n.t('thread.viewing', { names: names(viewing), count: viewing.length })
        : '',
    ].filter(Boolean);
    return html`<div
        part="viewers"
        class="viewers ${lines.length ? '' : 'empty'} ${replying.length ? 'replying' : ''}"
        role="status"
        aria-live="polite"
      >
        ${lines.map((line) => html`<span class="viewer-line">${line}</span>`)}
      </div>
      ${
        this.error
          ? html`<div class="side-errors">
              <div part="side-error" class="side-error" role="alert" data-call="announce">
                <span>${i18n.t('thread.announceError')} ${errorMessage(i18n, this.error)}</span>
                <button
                  part="side-retry"
                  class="button small"
                  type="button"
                  @click=${() => this.reannounce()}
                >
                  ${i18n.t('common.retry')}
                </button>
              </div>
            </div>`
          : nothing
      }`;
  }
}
