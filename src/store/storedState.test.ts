/**
 * Stored state from other versions of the app: wizard progress saved by an older format is cleared with a
 * notice, answers to questions that no longer exist are dropped while the rest are kept, and share links of
 * an unknown old format are refused with a reason. (persistence.test.ts covers corrupt JSON and bad shapes;
 * shareLink.test.ts tampered, truncated, oversized and newer links.)
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { flow } from '@/engine/knowledge';
import { decodeShare, encodeShare } from './shareLink';

class MemoryStorage {
  items = new Map<string, string>();
  getItem = (k: string) => this.items.get(k) ?? null;
  setItem = (k: string, v: string) => void this.items.set(k, v);
  removeItem = (k: string) => void this.items.delete(k);
}

const first = flow.questions.find((q) => q.id === flow.start)!;

async function loadWizardStore(stored: unknown) {
  const storage = new MemoryStorage();
  storage.setItem('tls10054.wizard', JSON.stringify(stored));
  vi.stubGlobal('localStorage', storage);
  vi.resetModules();
  const { useWizardStore } = await import('./wizardStore');
  await useWizardStore.persist.rehydrate();
  await new Promise((resolve) => setTimeout(resolve, 0)); // notices are set in a microtask
  return useWizardStore.getState();
}

describe('stored wizard progress from another version', () => {
  beforeEach(() => vi.unstubAllGlobals());

  it('keeps answers saved by the current version', async () => {
    const state = await loadWizardStore({
      state: { answers: { [first.id]: first.answers[0]!.id } },
      version: 1,
    });
    expect(state.answers).toEqual({ [first.id]: first.answers[0]!.id });
    expect(state.notice).toBeNull();
  });

  it('clears progress saved by an older format, with a notice', async () => {
    const state = await loadWizardStore({
      state: { answers: { [first.id]: first.answers[0]!.id } },
      version: 0,
    });
    expect(state.answers).toEqual({});
    expect(state.notice).toMatch(/older version was cleared/);
  });

  it('drops answers to questions or choices that no longer exist, keeping the rest', async () => {
    const state = await loadWizardStore({
      state: {
        answers: {
          [first.id]: first.answers[0]!.id,
          'question-removed-long-ago': 'yes',
        },
      },
      version: 1,
    });
    expect(state.answers).toEqual({ [first.id]: first.answers[0]!.id });
  });

  it('ignores an answer id the question does not offer', async () => {
    const state = await loadWizardStore({ state: { answers: { [first.id]: 'no-such-answer' } }, version: 1 });
    expect(state.answers).toEqual({});
  });
});

describe('share links of an old or foreign format', () => {
  it('refuses a v0 link with a reason', () => {
    const token = encodeShare({ inputs: [{ source: 'Paste 1', text: 'x' }], answers: {} }).token;
    const decoded = decodeShare(token.replace(/^v1\./, 'v0.'));
    expect(decoded).toEqual({ ok: false, reason: expect.stringMatching(/unknown old format/) });
  });
});
