import type { PersistStorage, StorageValue } from 'zustand/middleware';

/**
 * localStorage for zustand's `persist`, defensive: stored state that is not valid JSON or fails the
 * store's own shape check is removed and reported through `onDiscard` (the store shows a notice), never
 * thrown into React. Storage that is unavailable (private mode, disabled) behaves as empty.
 */
export function safeLocalStorage<S>(
  isValid: (state: unknown) => state is S,
  onDiscard: (reason: string) => void,
): PersistStorage<S> {
  return safeStorage(() => localStorage, isValid, onDiscard);
}

/** The same, over sessionStorage (this tab only). */
export function safeSessionStorage<S>(
  isValid: (state: unknown) => state is S,
  onDiscard: (reason: string) => void,
): PersistStorage<S> {
  return safeStorage(() => sessionStorage, isValid, onDiscard);
}

function safeStorage<S>(
  getStorage: () => Storage,
  isValid: (state: unknown) => state is S,
  onDiscard: (reason: string) => void,
): PersistStorage<S> {
  const store = (): Storage | undefined => {
    try {
      return getStorage() ?? undefined;
    } catch {
      return undefined;
    }
  };
  return {
    getItem(name) {
      const raw = store()?.getItem(name);
      if (raw == null) return null;
      try {
        const parsed = JSON.parse(raw) as { state?: unknown; version?: unknown };
        if (typeof parsed !== 'object' || parsed === null || typeof parsed.version !== 'number') {
          throw new Error('no version');
        }
        if (!isValid(parsed.state)) throw new Error('unexpected shape');
        return parsed as StorageValue<S>;
      } catch {
        store()?.removeItem(name);
        onDiscard('Saved progress from an earlier visit could not be read, so it was cleared.');
        return null;
      }
    },
    setItem(name, value) {
      try {
        store()?.setItem(name, JSON.stringify(value));
      } catch {
        /* quota or disabled storage: progress just isn't kept */
      }
    },
    removeItem(name) {
      store()?.removeItem(name);
    },
  };
}

export const isStringRecord = (value: unknown): value is Record<string, string> =>
  typeof value === 'object' &&
  value !== null &&
  !Array.isArray(value) &&
  Object.values(value).every((v) => typeof v === 'string');
