import type { AgentEvent, Unsubscribe, VisitorEvent } from '../adapter.js';
import type { Id } from '../../model/index.js';
import { copy } from './copy.js';

interface Subscription<E> {
  fn: (event: E) => void;
  active: boolean;
}

export interface PresenceHooks {
  /** The number of agent subscriptions crossed 0 ↔ 1. */
  agentsOnlineChanged(online: boolean): void;
  /** One agent's subscription count crossed 0 ↔ 1. */
  agentOnlineChanged(agentId: Id, online: boolean): void;
  /** A visitor's subscription count crossed 0 ↔ 1. */
  visitorOnlineChanged(visitorId: Id, online: boolean): void;
}

/**
 * Live events of both sides. Events are copied when emitted (later state changes never leak into
 * them) and delivered in a microtask, in emission order, each listener getting its own copy; a
 * throwing listener is reported and never stops the others. Subscriptions also define presence:
 * an agent is online while subscribed, and so is a visitor.
 */
export class EventHub {
  private readonly agents = new Set<Subscription<AgentEvent>>();
  private readonly agentCounts = new Map<Id, number>();
  private readonly visitors = new Map<Id, Set<Subscription<VisitorEvent>>>();

  constructor(private readonly hooks: PresenceHooks) {}

  get agentsOnline(): boolean {
    return this.agentCounts.size > 0;
  }

  isAgentOnline(agentId: Id): boolean {
    return (this.agentCounts.get(agentId) ?? 0) > 0;
  }

  isVisitorOnline(visitorId: Id): boolean {
    return (this.visitors.get(visitorId)?.size ?? 0) > 0;
  }

  onlineVisitors(): Id[] {
    return [...this.visitors.keys()];
  }

  /**
   * Agent events for `fn`. With an agent id the subscription also makes that agent online; with
   * `null` it only observes (a server fanning events out to its sockets, whose agents are counted
   * by their own subscriptions).
   */
  subscribeAgent(agentId: Id | null, fn: (event: AgentEvent) => void): Unsubscribe {
    const sub: Subscription<AgentEvent> = { fn, active: true };
    this.agents.add(sub);
    if (agentId !== null) this.agentArrived(agentId);
    return () => {
      if (!sub.active) return;
      sub.active = false;
      this.agents.delete(sub);
      if (agentId !== null) this.agentLeft(agentId);
    };
  }

  private agentArrived(agentId: Id): void {
    const count = (this.agentCounts.get(agentId) ?? 0) + 1;
    this.agentCounts.set(agentId, count);
    if (count > 1) return;
    if (this.agentCounts.size === 1) this.hooks.agentsOnlineChanged(true);
    this.hooks.agentOnlineChanged(agentId, true);
  }

  private agentLeft(agentId: Id): void {
    const left = (this.agentCounts.get(agentId) ?? 1) - 1;
    if (left > 0) {
      this.agentCounts.set(agentId, left);
      return;
    }
    this.agentCounts.delete(agentId);
    if (this.agentCounts.size === 0) this.hooks.agentsOnlineChanged(false);
    this.hooks.agentOnlineChanged(agentId, false);
  }

  subscribeVisitor(visitorId: Id, fn: (event: VisitorEvent) => void): Unsubscribe {
    const sub: Subscription<VisitorEvent> = { fn, active: true };
    let set = this.visitors.get(visitorId);
    if (!set) this.visitors.set(visitorId, (set = new Set()));
    set.add(sub);
    if (set.size === 1) this.hooks.visitorOnlineChanged(visitorId, true);
    return () => {
      if (!sub.active) return;
      sub.active = false;
      set.delete(sub);
      if (set.size === 0) {
        this.visitors.delete(visitorId);
        this.hooks.visitorOnlineChanged(visitorId, false);
      }
    };
  }

  /**
   * Sends an event to every agent subscription. A function is called only when someone listens,
   * so an event that is costly to build (a case summary) costs nothing when nobody does.
   */
  toAgents(event: AgentEvent | (() => AgentEvent)): void {
    if (this.agents.size === 0) return;
    deliver([...this.agents], typeof event === 'function' ? event() : event);
  }

  toVisitor(visitorId: Id, event: VisitorEvent): void {
    const set = this.visitors.get(visitorId);
    if (set) deliver([...set], event);
  }

  /** Drops every subscription without presence notifications (backend disposal). */
  clear(): void {
    for (const sub of this.agents) sub.active = false;
    for (const set of this.visitors.values()) for (const sub of set) sub.active = false;
    this.agents.clear();
    this.agentCounts.clear();
    this.visitors.clear();
  }
}

function deliver<E>(subs: Subscription<E>[], event: E): void {
  if (subs.length === 0) return;
  const snapshot = copy(event);
  queueMicrotask(() => {
    for (const sub of subs) {
      if (!sub.active) continue;
      try {
        sub.fn(copy(snapshot));
      } catch (error) {
        report(error);
      }
    }
  });
}

function report(error: unknown): void {
  const reportError = (globalThis as { reportError?: (e: unknown) => void }).reportError;
  if (typeof reportError === 'function') reportError(error);
  else console.error(error);
}
