import { describe, expect, it } from 'vitest';
import { CLIENT_PRESETS, SERVER_PRESETS } from '@/engine/simulator';
import { DEFAULT_MATRIX } from './defaults';
import { shortResult, suitesFromText, windowsChoices } from './labels';

const HANG_GUARD_MS = 1500;

describe('suitesFromText', () => {
  it('reads Get-TlsCipherSuite output, a Functions value and plain lists, in order, once each', () => {
    const getTls = `Name                  : TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384
Exchange              : ECDH

Name                  : TLS_DHE_RSA_WITH_AES_256_GCM_SHA384`;
    expect(suitesFromText(getTls)).toEqual([
      'TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384',
      'TLS_DHE_RSA_WITH_AES_256_GCM_SHA384',
    ]);
    expect(
      suitesFromText('TLS_AES_256_GCM_SHA384,TLS_RSA_WITH_AES_128_CBC_SHA,TLS_AES_256_GCM_SHA384'),
    ).toEqual(['TLS_AES_256_GCM_SHA384', 'TLS_RSA_WITH_AES_128_CBC_SHA']);
    expect(suitesFromText('nothing here')).toEqual([]);
  });

  it('stays fast on a huge paste', () => {
    const start = performance.now();
    suitesFromText('TLS_'.repeat(250_000));
    // a hang guard, not a speed test (npm run bench measures speed): super-linear work on 100 KB takes seconds
    expect(performance.now() - start).toBeLessThan(HANG_GUARD_MS);
  });
});

describe('shortResult', () => {
  it('says the result in words for every tone', () => {
    expect(
      shortResult({
        ok: true,
        outcome: 'success',
        intermittent: false,
        negotiated: { protocol: 'TLS 1.2', suite: 'x' },
      }),
    ).toEqual({ tone: 'ok', text: 'Works: TLS 1.2' });
    expect(shortResult({ ok: false, outcome: 'tls-protocol-mismatch', intermittent: false }).text).toBe(
      'Fails: No common TLS version',
    );
    expect(shortResult({ ok: false, outcome: 'dhe-leading-zero', intermittent: true }).tone).toBe('warn');
  });
});

describe('choices', () => {
  it('offers server and client Windows versions by their role names', () => {
    expect(windowsChoices('server').map((c) => c.label)).toContain('Windows Server 2016 (build 14393)');
    expect(windowsChoices('client').some((c) => c.label.startsWith('Windows 10 1607'))).toBe(true);
  });

  it('the default matrix is 10 x 10 with the current setup first', () => {
    expect(SERVER_PRESETS.length).toBeGreaterThanOrEqual(9);
    expect(CLIENT_PRESETS.length).toBeGreaterThanOrEqual(9);
    expect(DEFAULT_MATRIX.servers).toHaveLength(10);
    expect(DEFAULT_MATRIX.clients).toHaveLength(10);
    expect(new Set(DEFAULT_MATRIX.clients).size).toBe(10);
  });
});
