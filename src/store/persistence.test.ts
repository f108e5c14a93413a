import { beforeEach, describe, expect, it, vi } from 'vitest';
import { isStringRecord, safeLocalStorage } from './persistence';

class MemoryStorage {
  private items = new Map<string, string>();
  getItem = (k: string) => this.items.get(k) ?? null;
  setItem = (k: string, v: string) => void this.items.set(k, v);
  removeItem = (k: string) => void this.items.delete(k);
}

const isState = (s: unknown): s is { answers: Record<string, string> } =>
  typeof s === 'object' && s !== null && isStringRecord((s as { answers?: unknown }).answers);

describe('safeLocalStorage', () => {
  let storage: MemoryStorage;
  beforeEach(() => {
    storage = new MemoryStorage();
    vi.stubGlobal('localStorage', storage);
  });

  it('returns valid stored state', () => {
    storage.setItem('k', JSON.stringify({ state: { answers: { q1: 'a' } }, version: 1 }));
    const onDiscard = vi.fn();
    expect(safeLocalStorage(isState, onDiscard).getItem('k')).toEqual({
      state: { answers: { q1: 'a' } },
      version: 1,
    });
    expect(onDiscard).not.toHaveBeenCalled();
  });

  it.each([
    ['not JSON', '{"state": {"answers"'],
    ['no version', JSON.stringify({ state: { answers: {} } })],
    ['wrong shape', JSON.stringify({ state: { answers: ['x'] }, version: 1 })],
    ['null', 'null'],
  ])('discards %s with a notice and removes it', (_name, raw) => {
    storage.setItem('k', raw);
    const onDiscard = vi.fn();
    expect(safeLocalStorage(isState, onDiscard).getItem('k')).toBeNull();
    expect(onDiscard).toHaveBeenCalledOnce();
    expect(storage.getItem('k')).toBeNull();
  });
});
