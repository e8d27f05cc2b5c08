import { consume } from '@lit/context';
import { property, state } from 'lit/decorators.js';
import type { AgentAdapter, AgentEvent } from '../../adapters/adapter.js';
import { agentAdapterContext } from '../../context/keys.js';
import { AtentoElement } from './atento-element.js';
import { LiveSubscription } from './live-subscription.js';

/**
 * An atento element that talks to the `AgentAdapter`: the one provided through context, unless
 * the `adapter` property overrides it. Elements read `effectiveAdapter`, and those following live
 * events call `subscribeLive` once.
 */
export class AdapterElement extends AtentoElement {
  /** Overrides the adapter provided through context. */
  @property({ attribute: false }) adapter?: AgentAdapter;

  @consume({ context: agentAdapterContext, subscribe: true })
  @state()
  private providedAdapter?: AgentAdapter;

  /** The `adapter` property, else the provided adapter. */
  protected get effectiveAdapter(): AgentAdapter | undefined {
    return this.adapter ?? this.providedAdapter;
  }

  /**
   * Keeps `listener` subscribed to the effective adapter's live events while the element is
   * connected (moved to the new adapter when it changes). Call it once, in a field initializer.
   */
  protected subscribeLive(listener: (event: AgentEvent) => void): LiveSubscription {
    return new LiveSubscription(this, () => this.effectiveAdapter, listener);
  }
}
