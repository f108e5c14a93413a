import { useEffect, useState } from 'react';
import type { ClientSide, ServerSide } from '@/engine/simulator/types';
import { usePasteStore } from '@/store/pasteStore';
import { sidesFromPastes } from './PastePrefill';

/** One paste (e.g. one machine's collector output) read as a server and as a client for the matrix. */
export interface PastedSides {
  /** `paste:<paste id>`: never a preset id */
  id: string;
  /** the paste's name ("Paste 2", or the file name) */
  label: string;
  server: ServerSide;
  client: ClientSide;
}

export const PASTED_PREFIX = 'paste:';

/**
 * The pastes of this tab that told the simulator something, each read on its own, so several servers'
 * collector outputs become several matrix rows. Pastes that yield nothing but defaults are left out.
 */
export function usePastedSides(): PastedSides[] {
  const inputs = usePasteStore((s) => s.inputs);
  const [sides, setSides] = useState<PastedSides[]>([]);
  useEffect(() => {
    let cancelled = false;
    void (async () => {
      const found: PastedSides[] = [];
      for (const input of inputs) {
        if (input.binary) continue;
        const read = await sidesFromPastes([input]);
        if (read.used.length > 0)
          found.push({
            id: `${PASTED_PREFIX}${input.id}`,
            label: input.source,
            server: read.server,
            client: read.client,
          });
      }
      if (!cancelled) setSides(found);
    })();
    return () => {
      cancelled = true;
    };
  }, [inputs]);
  return sides;
}
