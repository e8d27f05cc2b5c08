/**
 * The page `bench/list.bench.mjs` drives: mounts `<conversation-list>` on a memory backend holding
 * generated cases and measures what the budgets of issue 7 name.
 */
import '../../src/components/conversation-list/conversation-list.js';
import type { ConversationList } from '../../src/components/conversation-list/conversation-list.js';
import type { AgentAdapter, AgentEvent } from '../../src/adapters/adapter.js';
import {
  createMemoryBackend,
  generateConversations,
  type MemoryBackend,
} from '../../src/adapters/memory/index.js';
import { everyFrameFor, frame } from './frames.js';

/** Yields to the event loop without setTimeout's 4 ms clamp. */
const yieldTask = () =>
  new Promise<void>((r) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => r();
    channel.port2.postMessage(null);
  });

let current: { el: ConversationList; backend: MemoryBackend } | undefined;
/** When the adapter last handed an event to the list's listener. */
let emittedAt = 0;

/** The backend's agent adapter, stamping the moment each live event reaches a listener. */
function stamping(adapter: AgentAdapter): AgentAdapter {
  return new Proxy(adapter, {
    get(target, key) {
      if (key === 'subscribe')
        return (listener: (event: AgentEvent) => void) =>
          target.subscribe((event) => {
            emittedAt = performance.now();
            listener(event);
          });
      const value = Reflect.get(target, key, target) as unknown;
      return typeof value === 'function' ? (value as () => unknown).bind(target) : value;
    },
  });
}

/**
 * Mounts the list over `count` generated cases and times creation → first rows painted (double
 * rAF). With `warm`, the backend answered one query before (the memory backend sorts its inbox
 * lazily on the first query, which a server's index would not do); without, that sort is timed too.
 */
async function open(count: number, warm: boolean) {
  const backend = createMemoryBackend();
  backend.load(generateConversations({ count }));
  const adapter = stamping(backend.agent('agent'));
  if (warm) await adapter.listConversations({ limit: 1 });
  // Let the collector clean up after generating the data, which is not what is measured.
  await new Promise((r) => setTimeout(r, 250));
  const host = document.getElementById('host')!;
  host.replaceChildren();
  current?.backend.dispose();
  await frame();
  const start = performance.now();
  const el = document.createElement('conversation-list');
  el.adapter = adapter;
  host.append(el);
  while (!el.shadowRoot?.querySelector('[role=option]')) await yieldTask();
  await frame();
  await frame();
  const paintMs = performance.now() - start;
  current = { el, backend };
  return { paintMs, rows: el.shadowRoot.querySelectorAll('[role=option]').length };
}

/** A visitor starts a chat: time from the adapter's emit to the new row in the list's DOM. */
async function live(run: number) {
  const { el, backend } = current!;
  const visitor = backend.visitor(`bench-live-${run}-${Math.random()}`);
  const root = el.shadowRoot!;
  let seenAt = 0;
  const observer = new MutationObserver(() => {
    if (!seenAt && root.querySelector(`[role=option][data-id="${pendingId}"]`))
      seenAt = performance.now();
  });
  let pendingId = '';
  const unsubscribe = backend.agent('agent').subscribe((event) => {
    if (event.type === 'message.created') pendingId = event.conversation.id;
  });
  observer.observe(root, { childList: true, subtree: true });
  await visitor.send({ clientId: `c-${run}`, text: `Hola, consulta ${run}` });
  while (!seenAt) await yieldTask();
  observer.disconnect();
  unsubscribe();
  await frame();
  await frame();
  return { latencyMs: seenAt - emittedAt };
}

/** Scrolls down every frame for `ms` (pages load as the end nears) and counts long tasks. */
async function scrollDown(ms: number) {
  const { el } = current!;
  const scroller = el.shadowRoot!.querySelector<HTMLElement>('[part=list]')!;
  let maxRows = 0;
  const tasks = await everyFrameFor(
    ms,
    () => (scroller.scrollTop += 1500),
    () => (maxRows = Math.max(maxRows, el.shadowRoot!.querySelectorAll('[role=option]').length)),
  );
  return {
    ...tasks,
    maxRows,
    /** Rows loaded (pages fetched × 50), from the listbox's spacer size. */
    loaded: Number(scroller.style.getPropertyValue('--n')),
  };
}

Object.assign(window, { bench: { open, live, scrollDown }, benchReady: true });
