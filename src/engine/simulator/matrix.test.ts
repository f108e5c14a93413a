import { describe, expect, it } from 'vitest';
import { simulateMatrix } from './matrix';
import { CLIENT_PRESETS, SERVER_PRESETS, presetClient, presetServer } from './presets';
import type { ClientSide, ServerSide } from './types';

const servers = SERVER_PRESETS.slice(0, 10).map((p) => presetServer(p.id) as ServerSide);
const clients = CLIENT_PRESETS.slice(0, 10).map((p) => presetClient(p.id) as ClientSide);

describe('simulateMatrix', () => {
  it('one cell per server and client, in row order, each with its own result', () => {
    const cells = simulateMatrix(servers.slice(0, 2), clients.slice(0, 3));
    expect(cells.map((c) => [c.serverIndex, c.clientIndex])).toEqual([
      [0, 0],
      [0, 1],
      [0, 2],
      [1, 0],
      [1, 1],
      [1, 2],
    ]);
    // SQL Server 2008 R2 RTM vs .NET 4.5.2 on 2012 R2: TLS 1.0 both, works
    expect(cells[0]?.result.outcome).toBe('success');
    expect(cells[0]?.result.steps.length).toBeGreaterThan(0);
  });

  it('predicts a planned hardening change: disabling TLS 1.0/1.1 on a server breaks the TLS 1.0-only clients', () => {
    const before = presetServer('ws2019-sql2019') as ServerSide;
    const after = presetServer('ws2019-sql2019-tls12-only') as ServerSide;
    const cells = simulateMatrix([before, after], clients);
    const broken = clients.filter((_, i) => cells[i]?.result.ok && !cells[clients.length + i]?.result.ok);
    expect(broken.map((c) => c.version)).toContain('4.5.2');
  });

  // Speed is measured by `npm run bench` (simulator rows), not by a timed test.
  it('a 10 x 10 matrix has one cell per pair', () => {
    expect(servers).toHaveLength(10);
    expect(clients).toHaveLength(10);
    expect(simulateMatrix(servers, clients)).toHaveLength(100);
  });
});
