import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import { safeSessionStorage } from './persistence';

/** One thing the user gave us: pasted text or a dropped file (already decoded to text, or a named binary). */
export interface PasteInput {
  id: string;
  /** "Paste 1" or the file name */
  source: string;
  text: string;
  /** e.g. "UTF-16LE .reg file" or "Binary (DER) certificate, converted to PEM." */
  note?: string;
  /** set for files that are not text (captures, ETL): what they are and what to do */
  binary?: { kind: string; message: string };
}

interface PasteState {
  inputs: PasteInput[];
  counter: number;
  notice: string | null;
  /** the result of opening a share link, shown once */
  banner: { ok: boolean; text: string } | null;
  setBanner: (banner: { ok: boolean; text: string } | null) => void;
  addText: (text: string, source?: string, note?: string) => void;
  addBinary: (source: string, kind: string, message: string) => void;
  remove: (id: string) => void;
  /** replaces everything (opening a share link) */
  replaceAll: (inputs: { source: string; text: string }[]) => void;
  clear: () => void;
  dismissNotice: () => void;
}

const isPasteState = (s: unknown): s is Pick<PasteState, 'inputs' | 'counter'> =>
  typeof s === 'object' &&
  s !== null &&
  Array.isArray((s as PasteState).inputs) &&
  (s as PasteState).inputs.every(
    (i) => typeof i?.id === 'string' && typeof i.source === 'string' && typeof i.text === 'string',
  ) &&
  typeof (s as PasteState).counter === 'number';

/**
 * What the user pasted on this tab. Kept in sessionStorage (this tab only, gone when it closes), so a
 * reload loses nothing but nothing lingers on a shared help-desk machine either.
 */
export const usePasteStore = create<PasteState>()(
  persist(
    (set) => ({
      inputs: [],
      counter: 0,
      notice: null,
      banner: null,
      setBanner: (banner) => set({ banner }),
      addText: (text, source, note) =>
        set((s) => {
          const n = s.counter + 1;
          const input: PasteInput = { id: `p${n}`, source: source ?? `Paste ${n}`, text };
          if (note) input.note = note;
          return { counter: n, inputs: [...s.inputs, input] };
        }),
      addBinary: (source, kind, message) =>
        set((s) => {
          const n = s.counter + 1;
          return {
            counter: n,
            inputs: [...s.inputs, { id: `p${n}`, source, text: '', binary: { kind, message } }],
          };
        }),
      remove: (id) => set((s) => ({ inputs: s.inputs.filter((i) => i.id !== id) })),
      replaceAll: (inputs) =>
        set(() => ({
          counter: inputs.length,
          inputs: inputs.map((input, i) => ({ id: `p${i + 1}`, source: input.source, text: input.text })),
        })),
      clear: () => set({ inputs: [] }),
      dismissNotice: () => set({ notice: null }),
    }),
    {
      name: 'tls10054.pastes',
      version: 1,
      partialize: (s) => ({ inputs: s.inputs, counter: s.counter }),
      storage: safeSessionStorage(isPasteState, (reason) => {
        queueMicrotask(() => usePasteStore.setState({ notice: reason }));
      }),
      migrate: (persisted, version) =>
        version === 1 && isPasteState(persisted) ? persisted : { inputs: [], counter: 0 },
    },
  ),
);
