import { CLIENT_PRESETS, SERVER_PRESETS, defaultClient, defaultServer } from '@/engine/simulator';
import type { ClientSide, ServerSide } from '@/engine/simulator/types';

/** The matrix's stand-in id for "the setup in the main view". */
export const CURRENT = 'current';

/** A working, current pair to start from: SQL Server 2019 on Windows Server 2019, Microsoft.Data.SqlClient 5. */
export const INITIAL_PAIR: { server: ServerSide; client: ClientSide } = {
  server: defaultServer(),
  client: defaultClient(),
};

const PREFERRED_CLIENTS = [
  'netfx-4.5.2-win2012r2',
  'netfx-4.8-win10',
  'mds-5',
  'mds-5-linux',
  'ssms19-tds7',
  'odbc17-win2019',
  'sqlsrv32-win2016',
  'jdbc-java8u291',
  'openssl3-seclevel2',
];

function pick(preferred: string[], all: readonly { id: string }[], count: number): string[] {
  const known = new Set(all.map((p) => p.id));
  const out = preferred.filter((id) => known.has(id));
  for (const p of all) {
    if (out.length >= count) break;
    if (!out.includes(p.id)) out.push(p.id);
  }
  return out.slice(0, count);
}

/** Nine server and nine client profiles plus the current setup: a 10 x 10 grid to start from. */
export const DEFAULT_MATRIX = {
  servers: [CURRENT, ...pick([], SERVER_PRESETS, 9)],
  clients: [CURRENT, ...pick(PREFERRED_CLIENTS, CLIENT_PRESETS, 9)],
};
