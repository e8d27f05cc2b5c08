import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { AgentAdapter, AgentEvent, Unsubscribe } from '../../adapters/adapter.js';

/**
 * Keeps a listener subscribed to an adapter's live events while the host is connected: it
 * subscribes on connect, unsubscribes on disconnect, and after an update that changed the adapter
 * it moves the subscription to the new one.
 */
export class LiveSubscription implements ReactiveController {
  private unsubscribe?: Unsubscribe;
  private subscribedTo?: AgentAdapter;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly adapter: () => AgentAdapter | undefined,
    private readonly listener: (event: AgentEvent) => void,
  ) {
    host.addController(this);
  }

  hostConnected() {
    this.resubscribe();
  }

  hostDisconnected() {
    this.unsubscribe?.();
    this.unsubscribe = this.subscribedTo = undefined;
  }

  hostUpdated() {
    if (this.adapter() !== this.subscribedTo) this.resubscribe();
  }

  private resubscribe() {
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    const adapter = this.adapter();
    this.subscribedTo = adapter;
    if (adapter && this.host.isConnected) this.unsubscribe = adapter.subscribe(this.listener);
  }
}
