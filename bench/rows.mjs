// The rows every benchmark hands bench/run.mjs: { measure, value, unit, budget, result }.

/**
 * An empty list of rows and `row(measure, value, unit, budget, ok)` adding one: `result` is '—'
 * without a budget (`null`), else 'pass' or 'FAIL' by `ok` (by default, `value <= budget`).
 */
export function benchRows() {
  const rows = [];
  const row = (measure, value, unit, budget, ok = budget !== null && value <= budget) =>
    rows.push({
      measure,
      value,
      unit,
      budget,
      result: budget === null ? '—' : ok ? 'pass' : 'FAIL',
    });
  return { rows, row };
}
