import { simulateMatrix } from '@/engine/simulator';
import type { ClientSide, ServerSide, SimulationResult } from '@/engine/simulator/types';

/** Every server against every client as rows of results: results[server][client]. Never throws. */
export function runMatrix(servers: ServerSide[], clients: ClientSide[]): (SimulationResult | null)[][] {
  const rows: (SimulationResult | null)[][] = servers.map(() => clients.map(() => null));
  try {
    for (const cell of simulateMatrix(servers, clients, { steps: false })) {
      const row = rows[cell.serverIndex];
      if (row) row[cell.clientIndex] = cell.result;
    }
  } catch {
    /* a grid with empty cells rather than a broken page */
  }
  return rows;
}
