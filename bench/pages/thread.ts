/**
 * The page `bench/thread.bench.mjs` drives: mounts `<mail-thread>` on a memory backend holding a
 * generated case and measures what the budget of issue 3 names.
 */
import '../../src/components/mail-thread/mail-thread.js';
import type { MailThread } from '../../src/components/mail-thread/mail-thread.js';
import { createMemoryBackend, generateLargeCase } from '../../src/adapters/memory/index.js';
import { everyFrameFor, frame } from './frames.js';

const tick = () => new Promise<void>((r) => setTimeout(r, 0));

/** Elements matching `selector` in `root` and every shadow root below it. */
function deepCount(root: ParentNode, selector: string): number {
  let count = root.querySelectorAll(selector).length;
  for (const el of root.querySelectorAll('*'))
    if (el.shadowRoot) count += deepCount(el.shadowRoot, selector);
  return count;
}

let current: MailThread | undefined;

async function open(messages: number, perInteraction?: number) {
  const backend = createMemoryBackend();
  const large = generateLargeCase({ messages, perInteraction });
  backend.load(large);
  const adapter = backend.agent('agent');
  const host = document.getElementById('host')!;
  host.replaceChildren();
  await frame();
  const el = document.createElement('mail-thread');
  el.adapter = adapter;
  el.conversationId = large.conversations![0]!.id;
  performance.mark('thread-mount');
  const start = performance.now();
  host.append(el);
  while (!el.shadowRoot?.querySelector('mail-message')) await tick();
  await frame();
  await frame();
  const paintMs = performance.now() - start;
  performance.measure('thread-first-paint', 'thread-mount');
  current = el;
  return {
    paintMs,
    cards: el.shadowRoot.querySelectorAll('mail-message').length,
    iframes: deepCount(el.shadowRoot, 'iframe'),
  };
}

/** Scrolls to the top every frame for `ms`, loading older pages, and counts long tasks. */
async function scrollUp(ms: number) {
  const el = current!;
  const scroller = el.shadowRoot!.querySelector<HTMLElement>('[part=scroller]')!;
  let maxCards = 0;
  const tasks = await everyFrameFor(
    ms,
    () => {
      // Scrolling up loads older pages by itself; at the very top (a short first page that does
      // not fill the viewport) the user presses "Cargar historial" instead.
      if (scroller.scrollTop === 0) void el.loadHistory();
      else scroller.scrollTop = Math.max(0, scroller.scrollTop - 2000);
    },
    () => (maxCards = Math.max(maxCards, el.shadowRoot!.querySelectorAll('mail-message').length)),
  );
  const loaded = (el as unknown as { messages: unknown[] }).messages.length;
  return {
    ...tasks,
    maxCards,
    loaded,
    iframes: deepCount(el.shadowRoot!, 'iframe'),
  };
}

Object.assign(window, { bench: { open, scrollUp }, benchReady: true });
