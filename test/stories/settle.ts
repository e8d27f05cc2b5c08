/** Waiting for a story to finish rendering, without knowing which elements it holds. */

/** Every element under `root`, crossing open shadow roots. */
export function* composedElements(root: Element | ShadowRoot): Generator<Element> {
  for (const element of root.querySelectorAll('*')) {
    yield element;
    if (element.shadowRoot) yield* composedElements(element.shadowRoot);
  }
}

/** A cheap fingerprint of the composed tree: elements, attributes and text length. */
function shape(root: Element): string {
  let elements = 0;
  let attributes = 0;
  let text = 0;
  for (const element of composedElements(root)) {
    elements++;
    attributes += element.attributes.length;
    for (const node of element.childNodes)
      if (node.nodeType === Node.TEXT_NODE) text += node.textContent!.length;
  }
  return `${elements}/${attributes}/${text}`;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Resolves once every Lit element under `root` has finished updating and the composed tree has
 * kept the same shape for `quiet` ms; after `timeout` ms it resolves anyway (a countdown or a
 * typing indicator never stops changing).
 */
export async function settle(root: Element, { quiet = 150, timeout = 3000 } = {}): Promise<void> {
  const end = performance.now() + timeout;
  let last = '';
  let stableSince = performance.now();
  while (performance.now() < end) {
    await Promise.all(
      [...composedElements(root)].map(
        (el) => (el as Element & { updateComplete?: Promise<unknown> }).updateComplete,
      ),
    );
    const now = shape(root);
    if (now !== last) {
      last = now;
      stableSince = performance.now();
    } else if (performance.now() - stableSince >= quiet) {
      return;
    }
    await pause(50);
  }
}
