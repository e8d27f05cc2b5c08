/**
 * A visitor device's identity (F-5.2): a token obtained on first use (`sessionRoutes.device`) and
 * kept in storage, so the same browser is the same visitor with the same history; clearing the
 * storage makes a new visitor. Concurrent first calls share one registration.
 */
import { AdapterError } from '../adapter.js';
import { sessionRoutes } from '../contract/index.js';
import { abortReason, request, throwIfAborted } from './call.js';

export type DeviceStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/** Where a device's token is kept: one per server and campaign. */
export function visitorStorageKey(baseUrl: string, campaignId: string): string {
  return `atento:visitor:${baseUrl.replace(/\/+$/, '')}|${campaignId}`;
}

/** What is stored under `visitorStorageKey`. */
export interface StoredDevice {
  token: string;
  deviceId: string;
}

/** `localStorage` when the page may use it (it throws in some sandboxes), else memory only. */
export function defaultDeviceStorage(): DeviceStorage {
  try {
    const storage = (globalThis as { localStorage?: Storage }).localStorage;
    if (storage) {
      storage.getItem('atento:probe');
      return storage;
    }
  } catch {
    // Storage is blocked: fall through.
  }
  const memory = new Map<string, string>();
  return {
    getItem: (key) => memory.get(key) ?? null,
    setItem: (key, value) => void memory.set(key, value),
    removeItem: (key) => void memory.delete(key),
  };
}

export class DeviceIdentity {
  private pending: Promise<string> | null = null;

  constructor(
    private readonly server: { baseUrl: string; fetch?: typeof fetch },
    private readonly campaignId: string,
    private readonly storage: DeviceStorage,
  ) {}

  private get key(): string {
    return visitorStorageKey(this.server.baseUrl, this.campaignId);
  }

  /** The stored device, if any (a corrupt entry counts as none). */
  stored(): StoredDevice | null {
    try {
      const value = JSON.parse(this.storage.getItem(this.key) ?? 'null') as StoredDevice | null;
      return value && typeof value.token === 'string' ? value : null;
    } catch {
      return null;
    }
  }

  /** The device token, registering the device first when there is none. */
  async token(signal?: AbortSignal): Promise<string> {
    throwIfAborted(signal);
    const stored = this.stored();
    if (stored) return stored.token;
    this.pending ??= this.register().finally(() => {
      this.pending = null;
    });
    return abortable(this.pending, signal);
  }

  /** Forgets a token the server refused; the next call registers a new device (a new visitor). */
  forget(): void {
    this.storage.removeItem(this.key);
  }

  private async register(): Promise<string> {
    const answer = (await request(
      { baseUrl: this.server.baseUrl, fetch: this.server.fetch, token: async () => undefined },
      {
        method: sessionRoutes.device.method,
        path: sessionRoutes.device.path,
        body: { campaignId: this.campaignId },
      },
    )) as Partial<StoredDevice> | undefined;
    if (typeof answer?.token !== 'string' || typeof answer.deviceId !== 'string') {
      throw new AdapterError(
        'unavailable',
        'The server answered a device request without a token.',
      );
    }
    const device: StoredDevice = { token: answer.token, deviceId: answer.deviceId };
    this.storage.setItem(this.key, JSON.stringify(device));
    return device.token;
  }
}

/** `promise`, or the signal's reason as soon as it is aborted (the shared work goes on). */
function abortable<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return promise;
  return new Promise((resolve, reject) => {
    const onAbort = () => reject(abortReason(signal));
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}
