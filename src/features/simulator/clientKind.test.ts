import { describe, expect, it } from 'vitest';
import { CLIENT_KINDS, CLIENT_PRESETS, simulate } from '@/engine/simulator';
import { osChoices, switchClientKind, switchClientOs } from './clientKind';
import { INITIAL_PAIR } from './defaults';

describe('switching the client stack', () => {
  it('gives every stack a complete client the engine can simulate, with and without presets', () => {
    for (const presets of [CLIENT_PRESETS, []]) {
      for (const kind of CLIENT_KINDS) {
        const client = switchClientKind(INITIAL_PAIR.client, kind, presets);
        expect(client.kind).toBe(kind);
        expect(osChoices(kind)).toContain(client.os);
        expect(client.os === 'windows').toBe(client.windows !== null);
        expect(() => simulate(INITIAL_PAIR.server, client)).not.toThrow();
      }
    }
  });

  it('keeps the Windows settings the user made when the new stack runs on Windows', () => {
    const current = structuredClone(INITIAL_PAIR.client);
    current.windows!.protocols['TLS 1.0'] = 'disabled';
    const next = switchClientKind(current, 'odbc', CLIENT_PRESETS);
    expect(next.windows?.protocols['TLS 1.0']).toBe('disabled');
  });

  it('moving to Linux drops the Windows settings, moving back brings defaults', () => {
    const linux = switchClientOs(INITIAL_PAIR.client, 'linux');
    expect(linux.windows).toBeNull();
    expect(switchClientOs(linux, 'windows').windows?.protocols['TLS 1.2']).toBe('default');
  });
});
