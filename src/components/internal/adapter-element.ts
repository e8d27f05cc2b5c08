import { consume } from '@lit/context';
import { property, state } from 'lit/decorators.js';
import type { AgentAdapter } from '../../adapters/adapter.js';
import { agentAdapterContext } from '../../context/keys.js';
import { AtentoElement } from './atento-element.js';

/**
 * An atento element that talks to the `AgentAdapter`: the one provided through context, unless
 * the `adapter` property overrides it. Elements read `effectiveAdapter`.
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
}
