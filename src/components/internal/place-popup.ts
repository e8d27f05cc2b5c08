/**
 * Places a top-layer popup (fixed position) under `anchor`, or above it when there is no room
 * below, kept 8 px inside the viewport. `left` is where its start edge should go (the caller
 * decides the alignment: start edges, end edges, the caret…).
 */
export function placePopup(anchor: DOMRect, popup: HTMLElement, left: number): void {
  const size = popup.getBoundingClientRect();
  const gap = 4;
  const margin = 8;
  let top = anchor.bottom + gap;
  if (top + size.height > window.innerHeight - margin && anchor.top - gap - size.height >= margin)
    top = anchor.top - gap - size.height;
  const x = Math.max(margin, Math.min(left, window.innerWidth - size.width - margin));
  popup.style.top = `${Math.round(top)}px`;
  popup.style.left = `${Math.round(x)}px`;
}
