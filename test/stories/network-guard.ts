/**
 * Records every request a story makes to a host other than the test server's. Stories use the
 * memory adapter or msw; URLs in story data are on reserved names (RFC 2606 / 6761: `.example`,
 * `.test`, `.invalid`, `.localhost`), which never reach a real server.
 */

const RESERVED = /(^|\.)(example|test|invalid|localhost)$/;

/** Whether fetching `url` from this page could reach a real server elsewhere. */
export function leavesMachine(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url, location.href);
  } catch {
    return false;
  }
  if (!/^(https?|wss?):$/.test(parsed.protocol)) return false;
  if (parsed.host === location.host) return false;
  return !RESERVED.test(parsed.hostname) && parsed.hostname !== '127.0.0.1';
}

export interface NetworkGuard {
  /** URLs requested off this machine since `watchNetwork()`. */
  readonly offMachine: string[];
  stop(): void;
}

/**
 * Watches `fetch`, `XMLHttpRequest`, `WebSocket`, `EventSource`, `sendBeacon` and every resource
 * the document loads (images, styles, scripts, frames).
 */
export function watchNetwork(): NetworkGuard {
  const offMachine: string[] = [];
  const note = (url: string | URL | undefined) => {
    const text = String(url ?? '');
    if (leavesMachine(text)) offMachine.push(text);
  };
  const restore: Array<() => void> = [];
  const wrap = <T extends object, K extends keyof T>(target: T, key: K, value: T[K]) => {
    const original = target[key];
    target[key] = value;
    restore.push(() => (target[key] = original));
  };

  const fetch = window.fetch;
  wrap(window, 'fetch', (input: RequestInfo | URL, init?: RequestInit) => {
    note(input instanceof Request ? input.url : input);
    return fetch(input, init);
  });
  const open = XMLHttpRequest.prototype.open;
  wrap(XMLHttpRequest.prototype, 'open', function (this: XMLHttpRequest, ...args: unknown[]) {
    note(args[1] as string);
    return (open as (...a: unknown[]) => void).apply(this, args);
  } as XMLHttpRequest['open']);
  const sendBeacon = navigator.sendBeacon.bind(navigator);
  wrap(navigator, 'sendBeacon', (url: string | URL, data?: BodyInit | null) => {
    note(url);
    return sendBeacon(url, data);
  });
  for (const name of ['WebSocket', 'EventSource'] as const) {
    const Original = window[name] as unknown as new (
      url: string | URL,
      ...rest: unknown[]
    ) => object;
    const Watched = new Proxy(Original, {
      construct(target, args: [string | URL, ...unknown[]]) {
        note(args[0]);
        return Reflect.construct(target, args);
      },
    });
    wrap(window, name, Watched as never);
  }
  const resources = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) note(entry.name);
  });
  resources.observe({ type: 'resource', buffered: false });
  restore.push(() => {
    for (const entry of resources.takeRecords()) note(entry.name);
    resources.disconnect();
  });

  return {
    offMachine,
    stop() {
      for (const undo of restore.splice(0).reverse()) undo();
    },
  };
}
