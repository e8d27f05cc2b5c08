/**
 * A tiny assertion and event toolkit for the conformance suite. No test-framework dependency: it
 * runs in browsers (mocha under @web/test-runner) and in Node (`node:test`). Every failure throws
 * an `AssertionFailure` with a message that says what was expected and what came.
 */
import {
  AdapterError,
  type AdapterErrorCode,
  type Unsubscribe,
} from '../../src/adapters/adapter.js';

export class AssertionFailure extends Error {
  override readonly name = 'AssertionError';
}

function show(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (value === undefined) return 'undefined';
  if (value instanceof Error) return `${value.name}: ${value.message}`;
  try {
    const text = JSON.stringify(value);
    return text.length > 400 ? `${text.slice(0, 400)}…` : text;
  } catch {
    return String(value);
  }
}

function label(message: string | undefined, fallback: string): string {
  return message ? `${message}: ${fallback}` : fallback;
}

export function fail(message: string): never {
  throw new AssertionFailure(message);
}

export function ok(value: unknown, message?: string): asserts value {
  if (!value) fail(label(message, `expected a truthy value, got ${show(value)}`));
}

/** Strict equality (`Object.is`). */
export function equal<T>(actual: unknown, expected: T, message?: string): void {
  if (!Object.is(actual, expected)) {
    fail(label(message, `expected ${show(expected)}, got ${show(actual)}`));
  }
}

export function notEqual(actual: unknown, expected: unknown, message?: string): void {
  if (Object.is(actual, expected)) fail(label(message, `expected anything but ${show(expected)}`));
}

/** The path of the first difference between two values, or `null` when structurally equal. */
function difference(actual: unknown, expected: unknown, path: string): string | null {
  if (Object.is(actual, expected)) return null;
  if (
    typeof actual !== 'object' ||
    typeof expected !== 'object' ||
    actual === null ||
    expected === null
  ) {
    return `${path || '(root)'}: expected ${show(expected)}, got ${show(actual)}`;
  }
  if (Array.isArray(actual) !== Array.isArray(expected)) {
    return `${path || '(root)'}: expected ${Array.isArray(expected) ? 'an array' : 'an object'}`;
  }
  if (Array.isArray(actual) && Array.isArray(expected)) {
    if (actual.length !== expected.length) {
      return `${path || '(root)'}: expected length ${expected.length}, got ${actual.length} (${show(actual)})`;
    }
    for (let i = 0; i < actual.length; i++) {
      const d = difference(actual[i], expected[i], `${path}[${i}]`);
      if (d) return d;
    }
    return null;
  }
  const a = actual as Record<string, unknown>;
  const e = expected as Record<string, unknown>;
  // Keys whose value is `undefined` count as absent (JSON round trips drop them).
  const keys = new Set(
    [...Object.keys(a), ...Object.keys(e)].filter((k) => a[k] !== undefined || e[k] !== undefined),
  );
  for (const key of keys) {
    const d = difference(a[key], e[key], path ? `${path}.${key}` : key);
    if (d) return d;
  }
  return null;
}

/** Structural equality of plain data (objects, arrays, primitives); `undefined` keys are ignored. */
export function deepEqual<T>(actual: unknown, expected: T, message?: string): void {
  const d = difference(actual, expected, '');
  if (d) fail(label(message, d));
}

/** `expected` is a subset of `actual`: every key of `expected` has a structurally equal value. */
export function includesFields(
  actual: unknown,
  expected: Record<string, unknown>,
  message?: string,
): void {
  ok(
    actual && typeof actual === 'object',
    label(message, `expected an object, got ${show(actual)}`),
  );
  for (const [key, value] of Object.entries(expected)) {
    const d = difference((actual as Record<string, unknown>)[key], value, key);
    if (d) fail(label(message, d));
  }
}

/** Asserts that `list` holds exactly the same members as `expected`, in any order. */
export function sameMembers<T>(list: readonly T[], expected: readonly T[], message?: string): void {
  const sort = (xs: readonly T[]) => [...xs].map((x) => show(x)).sort();
  deepEqual(sort(list), sort(expected), message);
}

/**
 * Awaits a promise that must reject with an `AdapterError` of `code` (and `field`, when given).
 * Returns the error so callers can check more (e.g. `limit`).
 */
export async function rejectsWith(
  promise: Promise<unknown>,
  code: AdapterErrorCode,
  field?: string,
  message?: string,
): Promise<AdapterError> {
  let value: unknown;
  try {
    value = await promise;
  } catch (error) {
    if (!AdapterError.is(error)) {
      fail(label(message, `expected AdapterError '${code}', got ${show(error)}`));
    }
    if (error.code !== code) {
      fail(
        label(message, `expected AdapterError '${code}', got '${error.code}' (${error.message})`),
      );
    }
    if (field !== undefined && error.field !== field) {
      fail(
        label(
          message,
          `expected '${code}' on field ${show(field)}, got field ${show(error.field)}`,
        ),
      );
    }
    return error;
  }
  return fail(
    label(message, `expected a rejection with '${code}', but it resolved with ${show(value)}`),
  );
}

/** Awaits a promise that must reject with the signal's reason: a `DOMException` named `AbortError`. */
export async function rejectsAbort(promise: Promise<unknown>, message?: string): Promise<void> {
  let value: unknown;
  try {
    value = await promise;
  } catch (error) {
    if ((error as { name?: unknown } | null)?.name !== 'AbortError') {
      fail(label(message, `expected an AbortError, got ${show(error)}`));
    }
    return;
  }
  fail(label(message, `expected an AbortError, but it resolved with ${show(value)}`));
}

/** An already aborted signal, as `{ signal }` call options. */
export function aborted(): { signal: AbortSignal } {
  const controller = new AbortController();
  controller.abort();
  return { signal: controller.signal };
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Anything with a live-event `subscribe`: both adapters. */
export interface EventSource<E> {
  subscribe(listener: (event: E) => void): Unsubscribe;
}

/** Things that must be stopped when a test ends (subscriptions, pending waits). */
const open = new Set<{ close(): void }>();

/** Stops every subscription and pending wait opened by this module (called after each test). */
export function closeAllEventWaits(): void {
  for (const item of [...open]) item.close();
  open.clear();
}

/**
 * Subscribes to `source` and resolves with the first event matching `predicate`; unsubscribes
 * either way. Call it before the action that causes the event:
 * `const e = nextEvent(agent, isX); await act(); await e;`.
 * The returned promise is pre-handled, so an action that throws first never leaves an unhandled
 * rejection behind.
 */
export function nextEvent<E, M extends E = E>(
  source: EventSource<E>,
  predicate: ((event: E) => event is M) | ((event: E) => boolean),
  timeoutMs = 2000,
  description = 'a matching event',
): Promise<M> {
  let item!: { close(): void };
  const promise = new Promise<M>((resolve, reject) => {
    const seen: string[] = [];
    const unsubscribe = source.subscribe((event) => {
      if (predicate(event)) {
        item.close();
        resolve(event as M);
      } else if (seen.length < 20) seen.push((event as { type?: string }).type ?? '?');
    });
    const timer = setTimeout(() => {
      item.close();
      reject(
        new AssertionFailure(
          `timed out after ${timeoutMs} ms waiting for ${description}; other events: [${seen.join(', ')}]`,
        ),
      );
    }, timeoutMs);
    item = {
      close() {
        clearTimeout(timer);
        unsubscribe();
        open.delete(item);
      },
    };
    open.add(item);
  });
  promise.catch(() => undefined);
  return promise;
}

/**
 * Records every live event of `source` from now on. `waitFor` resolves with the first recorded
 * event (at index `since` or later) matching a predicate, waiting up to `timeoutMs`.
 */
export class EventLog<E> {
  readonly events: E[] = [];
  private readonly waiters = new Set<{ test(e: E, index: number): boolean }>();
  private readonly unsubscribe: Unsubscribe;
  private readonly item: { close(): void };
  private closed = false;

  constructor(source: EventSource<E>) {
    this.unsubscribe = source.subscribe((event) => {
      const index = this.events.push(event) - 1;
      for (const waiter of [...this.waiters]) waiter.test(event, index);
    });
    this.item = { close: () => this.stop() };
    open.add(this.item);
  }

  /** The index the next event will get; pass it as `since` to wait only for later events. */
  mark(): number {
    return this.events.length;
  }

  /** The recorded events matching a predicate. */
  filter<M extends E>(predicate: ((event: E) => event is M) | ((event: E) => boolean)): M[] {
    return this.events.filter(predicate) as M[];
  }

  count(predicate: (event: E) => boolean): number {
    return this.events.filter(predicate).length;
  }

  waitFor<M extends E = E>(
    predicate: ((event: E) => event is M) | ((event: E) => boolean),
    options: { timeoutMs?: number; since?: number; description?: string } = {},
  ): Promise<M> {
    const { timeoutMs = 2000, since = 0, description = 'a matching event' } = options;
    const found = this.events.findIndex((e, i) => i >= since && predicate(e));
    if (found !== -1) return Promise.resolve(this.events[found] as M);
    const promise = new Promise<M>((resolve, reject) => {
      const waiter = {
        test: (event: E, index: number) => {
          if (index < since || !predicate(event)) return false;
          clearTimeout(timer);
          this.waiters.delete(waiter);
          resolve(event as M);
          return true;
        },
      };
      const timer = setTimeout(() => {
        this.waiters.delete(waiter);
        const types = this.events.slice(since).map((e) => (e as { type?: string }).type ?? '?');
        reject(
          new AssertionFailure(
            `timed out after ${timeoutMs} ms waiting for ${description}; events since: [${types.join(', ')}]`,
          ),
        );
      }, timeoutMs);
      this.waiters.add(waiter);
    });
    promise.catch(() => undefined);
    return promise;
  }

  /** Waits `ms` and asserts that no event matching `predicate` was recorded since `since`. */
  async expectNone(
    predicate: (event: E) => boolean,
    ms: number,
    description = 'no matching event',
    since = 0,
  ): Promise<void> {
    await sleep(ms);
    const bad = this.events.slice(since).filter(predicate);
    if (bad.length) fail(`expected ${description}, got ${show(bad[0])}`);
  }

  stop(): void {
    if (this.closed) return;
    this.closed = true;
    this.unsubscribe();
    open.delete(this.item);
  }
}

/** Starts recording a source's live events. */
export function recordEvents<E>(source: EventSource<E>): EventLog<E> {
  return new EventLog(source);
}

/** Asserts that `items` is ordered by `key` (ascending unless `descending`). */
export function isSorted<T>(
  items: readonly T[],
  key: (item: T) => string | number,
  descending = false,
  message?: string,
): void {
  for (let i = 1; i < items.length; i++) {
    const a = key(items[i - 1]!);
    const b = key(items[i]!);
    if (descending ? a < b : a > b) {
      fail(
        label(
          message,
          `not ${descending ? 'descending' : 'ascending'} at index ${i}: ${show(a)} then ${show(b)}`,
        ),
      );
    }
  }
}

/** Asserts that every item of the list is distinct by `key`. */
export function unique<T>(items: readonly T[], key: (item: T) => unknown, message?: string): void {
  const seen = new Set<unknown>();
  for (const item of items) {
    const k = key(item);
    if (seen.has(k)) fail(label(message, `duplicate ${show(k)}`));
    seen.add(k);
  }
}

/** A parseable ISO date with a time zone. */
export function isIsoDate(value: unknown, message?: string): asserts value is string {
  ok(
    typeof value === 'string' &&
      /T.*(Z|[+-]\d\d:\d\d)$/.test(value) &&
      !Number.isNaN(Date.parse(value)),
    label(message, `expected an ISO date with a time zone, got ${show(value)}`),
  );
}
