import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeSimState, encodeSimState } from './codec';
import { resolvePreset } from './presets';
import { simulate } from './simulate';

describe('share-link codec', () => {
  it('round-trips a setup, cipher orders included, and the decoded setup gives the same verdict', () => {
    const pair = resolvePreset('dhe-2012r2-dhe-first-vs-win10');
    if (!pair) throw new Error('preset');
    const link = encodeSimState({ ...pair, matrix: { servers: ['ws2019-sql2019'], clients: ['mds-5'] } });
    expect(link).toMatch(/^[A-Za-z0-9_-]+$/);
    const { state, problems } = decodeSimState(link);
    expect(problems).toEqual([]);
    expect(state?.server.windows.cipherOrder?.[0]).toBe('TLS_DHE_RSA_WITH_AES_256_GCM_SHA384');
    expect(state?.matrix).toEqual({ servers: ['ws2019-sql2019'], clients: ['mds-5'] });
    if (!state) return;
    expect(simulate(state.server, state.client).outcome).toBe(simulate(pair.server, pair.client).outcome);
    // curve-suffixed Windows names survive as names
    expect(state.server.windows.cipherOrder).toContain('TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384_P384');
  });

  it('keeps links short by writing known suites as code points', () => {
    const pair = resolvePreset('ws2019-sql2019-gcm-only+mds-5');
    if (!pair) throw new Error('preset');
    expect(encodeSimState(pair).length).toBeLessThan(1200);
  });

  it('reports bad values, replaces them with defaults and keeps the rest', () => {
    const pair = resolvePreset('ws2019-sql2019+mds-5');
    if (!pair) throw new Error('preset');
    const raw = JSON.parse(JSON.stringify({ v: 1, s: pair.server, c: pair.client }));
    raw.s.certificateHash = 'sha999';
    raw.s.windows.protocols['TLS 1.2'] = 'maybe';
    raw.c.kind = 'cobol';
    raw.s.sqlBuild = '13.0.5026.0';
    const link = Buffer.from(JSON.stringify(raw)).toString('base64url');
    const { state, problems } = decodeSimState(link);
    expect(state?.server.certificateHash).toBe('sha256');
    expect(state?.server.windows.protocols['TLS 1.2']).toBe('default');
    expect(state?.client.kind).toBe('microsoft-data-sqlclient');
    expect(state?.server.sqlBuild).toBe('13.0.5026.0');
    expect(problems.join('\n')).toContain('server.certificateHash');
    expect(problems.join('\n')).toContain('client.kind');
    expect(problems).toHaveLength(3);
  });

  it('says so for cut-off, foreign or newer links', () => {
    expect(decodeSimState('').state).toBeNull();
    expect(decodeSimState('abc$%').problems[0]).toContain('not valid');
    expect(decodeSimState(Buffer.from('[1,2]').toString('base64url')).state).toBeNull();
    const newer = decodeSimState(Buffer.from(JSON.stringify({ v: 9, s: {}, c: {} })).toString('base64url'));
    expect(newer.problems[0]).toContain('newer version');
    expect(newer.state).not.toBeNull();
    expect(decodeSimState('a'.repeat(30000)).problems[0]).toContain('too long');
  });

  it('never throws on arbitrary strings or arbitrary JSON', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), (s) => {
        const r = decodeSimState(s);
        expect(Array.isArray(r.problems)).toBe(true);
      }),
      { numRuns: 500 },
    );
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), (v) => {
        const r = decodeSimState(Buffer.from(JSON.stringify(v) ?? 'null').toString('base64url'));
        if (r.state) expect(() => simulate(r.state!.server, r.state!.client)).not.toThrow();
      }),
      { numRuns: 300 },
    );
  });
});
