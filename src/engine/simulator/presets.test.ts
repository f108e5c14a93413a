import { describe, expect, it } from 'vitest';
import { SCENARIO_IDS } from '../ids';
import { normaliseClient, normaliseServer } from './normalise';
import { CLIENT_PRESETS, SCENARIO_PRESETS, SERVER_PRESETS, resolvePreset } from './presets';
import { simulate } from './simulate';

describe('presets', () => {
  it('ids are unique and URL-safe across all three lists', () => {
    const ids = [...SERVER_PRESETS, ...CLIENT_PRESETS, ...SCENARIO_PRESETS].map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9][a-z0-9.-]*$/);
  });

  it('every preset side is valid as it stands (nothing replaced by normalisation)', () => {
    for (const p of SERVER_PRESETS) {
      const problems: string[] = [];
      normaliseServer(p.server, problems);
      expect(problems, p.id).toEqual([]);
    }
    for (const p of CLIENT_PRESETS) {
      const problems: string[] = [];
      normaliseClient(p.client, problems);
      expect(problems, p.id).toEqual([]);
    }
  });

  it.each(SCENARIO_PRESETS.map((p) => [p.id, p] as const))(
    '%s: the engine reaches the documented outcome',
    (_, p) => {
      const pair = resolvePreset(p.id);
      expect(pair).not.toBeNull();
      if (!pair) return;
      expect(simulate(pair.server, pair.client).outcome).toBe(p.expected);
    },
  );

  it('every configuration-predictable article scenario has at least two scenario presets', () => {
    for (const id of SCENARIO_IDS.filter((s) => s !== 'tcp-listener-overload'))
      expect(SCENARIO_PRESETS.filter((p) => p.expected === id).length, id).toBeGreaterThanOrEqual(2);
    expect(SCENARIO_PRESETS.filter((p) => p.expected === 'strict-encryption').length).toBeGreaterThanOrEqual(
      2,
    );
    expect(SCENARIO_PRESETS.some((p) => p.expected === 'success')).toBe(true);
  });

  it('resolves "<server>+<client>" deep links and rejects unknown ids', () => {
    const pair = resolvePreset('ws2019-sql2019+mds-5');
    expect(pair?.server.sqlBuild).toBe('15.0.4375.4');
    expect(pair?.client.kind).toBe('microsoft-data-sqlclient');
    expect(resolvePreset('nope')).toBeNull();
    expect(resolvePreset('ws2019-sql2019+nope')).toBeNull();
  });

  it('returns fresh copies: editing one does not change the preset', () => {
    const a = resolvePreset('ws2019-sql2019+mds-5');
    if (a) a.server.windows.protocols['TLS 1.2'] = 'disabled';
    expect(resolvePreset('ws2019-sql2019+mds-5')?.server.windows.protocols['TLS 1.2']).toBe('default');
  });
});
