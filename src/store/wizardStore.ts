import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import { flow } from '@/engine/knowledge';
import { pruneAnswers } from '@/engine/wizard/walk';
import { isStringRecord, safeLocalStorage } from './persistence';

/** A fact already known from a paste, which pre-selects a wizard answer (the user can override it). */
export interface KnownFact {
  /** the answer id it implies for questions with this `fact` key */
  value: string;
  /** where it came from, shown to the user: "from your registry paste" */
  source: string;
}

interface PersistedWizard {
  answers: Record<string, string>;
}

interface WizardState extends PersistedWizard {
  knownFacts: Record<string, KnownFact>;
  /** set when stored progress had to be discarded; shown once as a notice */
  notice: string | null;
  answer: (questionId: string, answerId: string) => void;
  setKnownFacts: (facts: Record<string, KnownFact>) => void;
  startOver: () => void;
  dismissNotice: () => void;
}

export const WIZARD_STORAGE_KEY = 'tls10054.wizard';
export const WIZARD_STORAGE_VERSION = 1;

const isPersistedWizard = (state: unknown): state is PersistedWizard =>
  typeof state === 'object' && state !== null && isStringRecord((state as PersistedWizard).answers);

export const useWizardStore = create<WizardState>()(
  persist(
    (set) => ({
      answers: {},
      knownFacts: {},
      notice: null,
      // Setting an answer drops the answers of any branch it abandons, and nothing else.
      answer: (questionId, answerId) =>
        set((s) => ({ answers: pruneAnswers(flow, { ...s.answers, [questionId]: answerId }) })),
      setKnownFacts: (knownFacts) => set({ knownFacts }),
      startOver: () => set({ answers: {} }),
      dismissNotice: () => set({ notice: null }),
    }),
    {
      name: WIZARD_STORAGE_KEY,
      version: WIZARD_STORAGE_VERSION,
      // Only the answers are kept: never pasted text (it may hold host names or secrets).
      partialize: (s): PersistedWizard => ({ answers: s.answers }),
      storage: safeLocalStorage(isPersistedWizard, (reason) => {
        queueMicrotask(() => useWizardStore.setState({ notice: reason }));
      }),
      // Versions before 1 did not exist; future versions migrate here, older than known are dropped.
      migrate: (persisted, version) => {
        if (version === WIZARD_STORAGE_VERSION && isPersistedWizard(persisted)) return persisted;
        queueMicrotask(() =>
          useWizardStore.setState({ notice: 'Saved progress from an older version was cleared.' }),
        );
        return { answers: {} };
      },
      // Answers for questions or choices that no longer exist (a newer flow) are dropped on load.
      merge: (persisted, current) => ({
        ...current,
        answers: pruneAnswers(flow, isPersistedWizard(persisted) ? persisted.answers : {}),
      }),
    },
  ),
);
