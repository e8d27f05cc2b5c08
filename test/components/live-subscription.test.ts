import { expect, fixture, html } from '@open-wc/testing';
import type { AgentAdapter, AgentEvent } from '../../src/adapters/adapter.js';
import { createMemoryBackend } from '../../src/adapters/memory/index.js';
import { provideAtento } from '../../src/context/index.js';
import { AdapterElement } from '../../src/components/internal/adapter-element.js';

/** An agent adapter counting its live subscriptions. */
function counting(adapter: AgentAdapter) {
  const state = { active: 0, total: 0 };
  const wrapped = new Proxy(adapter, {
    get(target, key) {
      if (key === 'subscribe')
        return (listener: (event: AgentEvent) => void) => {
          state.active++;
          state.total++;
          const stop = target.subscribe(listener);
          return () => {
            state.active--;
            stop();
          };
        };
      const value = Reflect.get(target, key, target) as unknown;
      return typeof value === 'function' ? (value as () => unknown).bind(target) : value;
    },
  });
  return { adapter: wrapped, state };
}

class LiveProbe extends AdapterElement {
  readonly events: AgentEvent[] = [];
  private readonly live = this.subscribeLive((event) => this.events.push(event));
}
customElements.define('test-live-probe', LiveProbe);

describe('AdapterElement.subscribeLive', () => {
  it('follows the effective adapter while connected, and only then', async () => {
    const backend = createMemoryBackend();
    const provided = counting(backend.agent('agent'));
    const own = counting(backend.agent('supervisor'));
    const wrapper = await fixture<HTMLDivElement>(html`<div></div>`);
    provideAtento(wrapper, { agent: provided.adapter });
    const el = document.createElement('test-live-probe') as LiveProbe;
    wrapper.append(el);
    await el.updateComplete;
    expect(provided.state).to.deep.equal({ active: 1, total: 1 }, 'the provided adapter');

    el.adapter = own.adapter;
    await el.updateComplete;
    expect(provided.state.active).to.equal(0, 'left the provided adapter');
    expect(own.state).to.deep.equal({ active: 1, total: 1 }, 'the adapter property wins');

    await backend.visitor('live-probe-visitor').send({ clientId: 'c-1', text: 'Hola' });
    await new Promise((r) => setTimeout(r, 0));
    expect(el.events.some((e) => e.type === 'message.created')).to.equal(true, 'events arrive');

    el.remove();
    expect(own.state.active).to.equal(0, 'unsubscribed when disconnected');
    el.adapter = undefined;
    await el.updateComplete;
    expect(provided.state.total).to.equal(1, 'no subscription while disconnected');

    wrapper.append(el);
    await el.updateComplete;
    expect(provided.state).to.deep.equal({ active: 1, total: 2 }, 'subscribed again on connect');
    el.remove();
    expect(provided.state.active).to.equal(0);
  });
});
