import { describe, expect, it } from 'vitest';
import { SCENARIO_PRESETS, encodeSimState, simulate } from '@/engine/simulator';
import { presetFromId, readDeepLink } from './deepLink';
import { INITIAL_PAIR } from './defaults';

const params = (query: string) => new URLSearchParams(query);

describe('simulator deep links', () => {
  it('a link without preset or s changes nothing', () => {
    expect(readDeepLink(params(''))).toBeNull();
  });

  it('every scenario preset id loads a pair that reproduces its scenario', () => {
    for (const preset of SCENARIO_PRESETS) {
      const link = readDeepLink(params(`preset=${preset.id}`));
      expect(link?.notice.severity, preset.id).toBe('success');
      const pair = link!.pair!;
      expect(simulate(pair.server, pair.client).outcome, preset.id).toBe(preset.expected);
    }
  });

  it('a scenario id loads the first pair that reproduces it', () => {
    const found = presetFromId('tls-dhe-ciphers');
    expect(found).not.toBeNull();
    expect(simulate(found!.pair.server, found!.pair.client).outcome).toBe('tls-dhe-ciphers');
  });

  it('an unknown preset keeps the current setup and names the id', () => {
    const link = readDeepLink(params('preset=does-not-exist'));
    expect(link?.pair).toBeNull();
    expect(link?.notice.severity).toBe('error');
    expect(link?.notice.text).toContain('“does-not-exist”');
  });

  it('a very long unknown id is shortened in the message', () => {
    const link = readDeepLink(params(`preset=${'x'.repeat(500)}`));
    expect(link?.notice.text.length).toBeLessThan(300);
  });

  it('a shared setup opens as it was made', () => {
    const server = { ...structuredClone(INITIAL_PAIR.server), sqlBuild: '13.0.6300.2' };
    const token = encodeSimState({ server, client: INITIAL_PAIR.client });
    const link = readDeepLink(params(`s=${token}`));
    expect(link?.notice.severity).toBe('success');
    expect(link?.pair?.server.sqlBuild).toBe('13.0.6300.2');
  });

  it('a damaged token is reported, never thrown, and loads nothing', () => {
    for (const bad of ['', '%%%', 'not-base64!', 'e30'.repeat(10), 'x'.repeat(30_000)]) {
      const link = readDeepLink(params(`s=${encodeURIComponent(bad)}`));
      expect(link, bad.slice(0, 20)).not.toBeNull();
      expect(['error', 'warning']).toContain(link!.notice.severity);
      if (link!.notice.severity === 'error') expect(link!.pair).toBeNull();
    }
  });
});
