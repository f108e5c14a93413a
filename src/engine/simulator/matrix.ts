/**
 * Several servers against several clients: one simulation per cell (with steps, so a cell can be opened).
 */
import { simulate, simulateQuick } from './simulate';
import type { ClientSide, MatrixCell, ServerSide } from './types';

export interface MatrixOptions {
  /** build the step-by-step texts for every cell (default true; false is faster for large grids) */
  steps?: boolean;
}

/** Cells in row order: every client against server 0, then server 1, ... Never throws. */
export function simulateMatrix(
  servers: readonly ServerSide[],
  clients: readonly ClientSide[],
  opts: MatrixOptions = {},
): MatrixCell[] {
  const run = opts.steps === false ? simulateQuick : simulate;
  const cells: MatrixCell[] = [];
  servers.forEach((s, serverIndex) =>
    clients.forEach((c, clientIndex) => cells.push({ serverIndex, clientIndex, result: run(s, c) })),
  );
  return cells;
}
