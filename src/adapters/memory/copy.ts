/**
 * A deep copy of plain data (objects, arrays, primitives) — everything the backend stores and
 * returns is plain data. Several times faster than `structuredClone` on large loads.
 */
export function copy<T>(value: T): T {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(copy) as T;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) out[key] = copy((value as Record<string, unknown>)[key]);
  return out as T;
}
