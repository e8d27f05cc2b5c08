/** Keyboard helpers of `<mail-thread>`: shortcuts only fire outside editable fields. */

/** Whether the event comes from a text field, a select or a contenteditable (crossing shadow roots). */
export function fromEditable(event: Event): boolean {
  return event.composedPath().some((node) => {
    if (!(node instanceof HTMLElement)) return false;
    return (
      node instanceof HTMLInputElement ||
      node instanceof HTMLTextAreaElement ||
      node instanceof HTMLSelectElement ||
      node.isContentEditable
    );
  });
}

export type ThreadShortcut = 'previous' | 'next';

/** `p` / Alt+ArrowUp → previous interaction; `n` / Alt+ArrowDown → next (F-1.3). */
export function shortcutOf(event: KeyboardEvent): ThreadShortcut | null {
  if (event.ctrlKey || event.metaKey) return null;
  if (event.altKey) {
    if (event.key === 'ArrowUp') return 'previous';
    if (event.key === 'ArrowDown') return 'next';
    return null;
  }
  if (event.shiftKey) return null;
  if (event.key === 'p' || event.key === 'P') return 'previous';
  if (event.key === 'n' || event.key === 'N') return 'next';
  return null;
}

/** Tabbable elements of the document that follow `host` (light DOM, outside `host`). */
export function tabbableAfter(host: Element): HTMLElement | undefined {
  const selector =
    'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), ' +
    'textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';
  const root = host.getRootNode() as Document | ShadowRoot;
  return [...root.querySelectorAll<HTMLElement>(selector)].find(
    (el) =>
      !host.contains(el) &&
      Boolean(host.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING),
  );
}
