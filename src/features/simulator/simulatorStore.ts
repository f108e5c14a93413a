import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import { decodeSimState, encodeSimState } from '@/engine/simulator';
import type { ClientSide, ServerSide, SimState } from '@/engine/simulator/types';
import { safeSessionStorage } from '@/store/persistence';
import { DEFAULT_MATRIX, INITIAL_PAIR } from './defaults';

export interface MatrixSelection {
  servers: string[];
  clients: string[];
}

export interface Notice {
  severity: 'success' | 'info' | 'warning' | 'error';
  text: string;
  /** extra lines (what came from a paste, what a link got wrong) */
  details?: string[];
}

interface SimulatorState {
  server: ServerSide;
  client: ClientSide;
  matrix: MatrixSelection;
  /** bumped when a side is replaced wholesale (preset, fix, shared link), so the forms start afresh */
  revision: number;
  notice: Notice | null;
  /** the scenario preset a link loaded, so the preset list shows it as chosen */
  linkedPreset: string | null;
  setServer: (server: ServerSide) => void;
  setClient: (client: ClientSide) => void;
  /** replaces both sides (and says why, when given) */
  load: (
    pair: { server: ServerSide; client: ClientSide },
    notice?: Notice | null,
    linkedPreset?: string | null,
  ) => void;
  setMatrix: (matrix: MatrixSelection) => void;
  setNotice: (notice: Notice | null) => void;
}

interface Persisted {
  token: string;
}
const isPersisted = (s: unknown): s is Persisted =>
  typeof s === 'object' && s !== null && typeof (s as Persisted).token === 'string';

/**
 * The setup being simulated. Kept in sessionStorage (this tab) as the same token a share link carries, so
 * a reload keeps the setup and the engine's codec validates whatever comes back.
 */
export const useSimulatorStore = create<SimulatorState>()(
  persist(
    (set) => ({
      server: structuredClone(INITIAL_PAIR.server),
      client: structuredClone(INITIAL_PAIR.client),
      matrix: DEFAULT_MATRIX,
      revision: 0,
      notice: null,
      linkedPreset: null,
      setServer: (server) => set({ server }),
      setClient: (client) => set({ client }),
      load: (pair, notice, linkedPreset) =>
        set((s) => ({
          server: pair.server,
          client: pair.client,
          revision: s.revision + 1,
          ...(linkedPreset !== undefined ? { linkedPreset } : {}),
          ...(notice !== undefined ? { notice } : {}),
        })),
      setMatrix: (matrix) => set({ matrix }),
      setNotice: (notice) => set({ notice }),
    }),
    {
      name: 'tls10054.simulator',
      version: 1,
      storage: safeSessionStorage(isPersisted, () => {}),
      partialize: (s): Persisted => ({
        token: encodeSimState({ server: s.server, client: s.client, matrix: s.matrix } satisfies SimState),
      }),
      merge: (persisted, current) => {
        if (!isPersisted(persisted)) return current;
        const { state } = decodeSimState(persisted.token);
        if (!state) return current;
        return {
          ...current,
          server: state.server,
          client: state.client,
          matrix: state.matrix ?? current.matrix,
        };
      },
      migrate: (persisted) => persisted as Persisted,
    },
  ),
);
