/**
 * Windowing of the message feed: when more messages are loaded than `MAX_RENDERED`, only a
 * contiguous range is rendered and the rest is replaced by two spacers whose heights are the
 * measured (or estimated) heights of the rows they stand for. Pure functions: the element keeps
 * the heights and the range.
 */

/** Most `<mail-message>` rows rendered at once. */
export const MAX_RENDERED = 300;
/** Rows kept between the viewport and the range's edges before the range moves. */
export const MARGIN = 60;
/** Height assumed for a row never rendered (a collapsed summary). */
export const ESTIMATED_ROW = 56;

export interface Range {
  start: number;
  end: number;
}

export function heightOf(heights: Map<string, number>, id: string): number {
  return heights.get(id) ?? ESTIMATED_ROW;
}

/** Sum of the heights of rows `[from, to)`. */
export function span(
  ids: readonly string[],
  heights: Map<string, number>,
  from: number,
  to: number,
) {
  let total = 0;
  for (let i = from; i < to; i++) total += heightOf(heights, ids[i]!);
  return total;
}

/** Index of the row at `offset` pixels from the top of the list. */
export function indexAt(ids: readonly string[], heights: Map<string, number>, offset: number) {
  let top = 0;
  for (let i = 0; i < ids.length; i++) {
    top += heightOf(heights, ids[i]!);
    if (top > offset) return i;
  }
  return Math.max(0, ids.length - 1);
}

/** A range of at most `MAX_RENDERED` rows centred on `[first, last]`, clamped to `count`. */
export function rangeAround(count: number, first: number, last: number): Range {
  if (count <= MAX_RENDERED) return { start: 0, end: count };
  const middle = Math.floor((first + last) / 2);
  const start = Math.max(0, Math.min(count - MAX_RENDERED, middle - MAX_RENDERED / 2));
  return { start, end: start + MAX_RENDERED };
}

/** Whether the visible rows `[first, last]` came too close to an edge of `range`. */
export function needsShift(range: Range, count: number, first: number, last: number): boolean {
  if (count <= MAX_RENDERED) return range.start !== 0 || range.end !== count;
  return (
    (range.start > 0 && first < range.start + MARGIN) ||
    (range.end < count && last > range.end - MARGIN) ||
    range.end > count
  );
}
