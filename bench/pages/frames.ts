/** What the bench pages share: waiting for frames, and long tasks while something runs each frame. */

export const frame = () => new Promise<void>((r) => requestAnimationFrame(() => r()));

/**
 * Calls `step` (which scrolls), waits a frame and calls `sample`, again and again for `ms`; then
 * one more frame. Returns the long tasks (> 50 ms) seen meanwhile and the longest task.
 */
export async function everyFrameFor(ms: number, step: () => void, sample: () => void) {
  const longTasks: number[] = [];
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) longTasks.push(entry.duration);
  });
  observer.observe({ type: 'longtask', buffered: false });
  const end = performance.now() + ms;
  while (performance.now() < end) {
    step();
    await frame();
    sample();
  }
  await frame();
  observer.disconnect();
  return {
    longTasks: longTasks.filter((d) => d > 50).length,
    longestTask: Math.max(0, ...longTasks),
  };
}
