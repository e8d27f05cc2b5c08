/**
 * Where the conversation core keeps its outbox and hints: the page's `Storage` when it works,
 * else a map in memory (private mode, storage disabled or full). Nothing here ever throws.
 */
export type SessionStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/**
 * Storage keys, namespaced by the session key (one per server and campaign, e.g. the loader's
 * `sessionKey(server, campaign)`). Read `history` through `storedHistoryHint`.
 */
export const storageKeys = (key: string) => ({
  outbox: `atento-chat:${key}:outbox`,
  history: `atento-chat:${key}:history`,
  seen: `atento-chat:${key}:seen`,
});

export function memoryStorage(): SessionStorage {
  const items = new Map<string, string>();
  return {
    getItem: (k) => items.get(k) ?? null,
    setItem: (k, v) => void items.set(k, String(v)),
    removeItem: (k) => void items.delete(k),
  };
}

/**
 * The storage to use and whether it persists: a probe write and read must succeed, otherwise
 * (throwing `getItem`/`setItem`, e.g. Safari private mode or a sandboxed iframe) memory is used.
 */
export function usableStorage(storage: SessionStorage | null | undefined): {
  storage: SessionStorage;
  persistent: boolean;
} {
  if (storage) {
    try {
      const probe = 'atento.chat.probe';
      storage.setItem(probe, '1');
      const ok = storage.getItem(probe) === '1';
      storage.removeItem(probe);
      if (ok) return { storage, persistent: true };
    } catch {
      // Storage disabled: fall through to memory.
    }
  }
  return { storage: memoryStorage(), persistent: false };
}

export function readItem(storage: SessionStorage, key: string): string | null {
  try {
    return storage.getItem(key);
  } catch {
    return null;
  }
}

/** Writes an item; `false` when the storage refused it (quota). */
export function writeItem(storage: SessionStorage, key: string, value: string | null): boolean {
  try {
    if (value === null) storage.removeItem(key);
    else storage.setItem(key, value);
    return true;
  } catch {
    return false;
  }
}

/**
 * Whether this device has a conversation (or unsent messages) for `key`, without any network:
 * the loader opens the socket at page load only when this is true (F-5.1).
 */
export function storedHistoryHint(
  storage: SessionStorage | null | undefined,
  key: string,
): boolean {
  if (!storage) return false;
  const keys = storageKeys(key);
  const outbox = readItem(storage, keys.outbox);
  return !!readItem(storage, keys.history) || (outbox !== null && outbox !== '[]');
}
