/** Which rows of a fixed-row-height list are rendered: the ones in view plus an overscan. */

/** Rows rendered above and below the ones in view. */
export const OVERSCAN = 8;
/** Rows from the end of the loaded list under which the next page is requested. */
export const LOAD_MORE_WITHIN = 15;

export interface Range {
  /** First rendered index. */
  start: number;
  /** One past the last rendered index. */
  end: number;
}

/** The rows in view at `scrollTop` in a viewport of `height` px, with `overscan` around. */
export function visibleRange(
  scrollTop: number,
  height: number,
  rowHeight: number,
  count: number,
  overscan = OVERSCAN,
): Range {
  if (count === 0 || rowHeight <= 0) return { start: 0, end: 0 };
  const first = Math.floor(Math.max(0, scrollTop) / rowHeight);
  const last = Math.ceil((Math.max(0, scrollTop) + Math.max(height, rowHeight)) / rowHeight);
  return {
    start: Math.max(0, Math.min(count, first) - overscan),
    end: Math.min(count, last + overscan),
  };
}

/** The scrollTop that brings row `index` fully into view with the least movement. */
export function scrollTopFor(
  index: number,
  scrollTop: number,
  height: number,
  rowHeight: number,
): number {
  const top = index * rowHeight;
  const bottom = top + rowHeight;
  if (top < scrollTop) return top;
  if (bottom > scrollTop + height) return Math.max(0, bottom - height);
  return scrollTop;
}

/** The indexes to render: the range, plus rows that must stay in the DOM (active, selected). */
export function renderedIndexes(range: Range, pinned: number[], count: number): number[] {
  const indexes: number[] = [];
  for (let i = range.start; i < range.end; i++) indexes.push(i);
  for (const p of pinned)
    if (p >= 0 && p < count && (p < range.start || p >= range.end)) indexes.push(p);
  return indexes.sort((a, b) => a - b);
}
