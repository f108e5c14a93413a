import { describe, expect, it } from 'vitest';
import { allOutcomes } from './index';
import { searchOutcomes } from './search';

const HANG_GUARD_MS = 1500;

const top = (query: string) => searchOutcomes(allOutcomes, query)[0]?.outcome.id;
const ids = (query: string) => searchOutcomes(allOutcomes, query).map((hit) => hit.outcome.id);

describe('searchOutcomes', () => {
  it('finds scenarios by KB number and event id', () => {
    expect(ids('KB4557473').slice(0, 2).sort()).toEqual(['dhe-leading-zero', 'tls-dhe-ciphers']);
    expect(top('KB3135244')).toBe('tls-protocol-mismatch');
    expect(top('event 36874')).toBe('cipher-suite-mismatch');
  });

  it('finds the right page for a pasted error text', () => {
    expect(top('The certificate chain was issued by an authority that is not trusted.')).toBe(
      'certificate-trust',
    );
    expect(top('Login failed for user sa. (Microsoft SQL Server, Error: 18456)')).toBe('login-failed');
    expect(top('SSL Provider: [error:0A00014D:SSL routines::legacy sigalg disallowed or unsupported]')).toBe(
      'weak-certificate-hash',
    );
    expect(
      top(
        'TCP Provider: No connection could be made because the target machine actively refused it. (10061)',
      ),
    ).toBe('connection-refused');
  });

  it('returns everything for an empty query and nothing for nonsense', () => {
    expect(searchOutcomes(allOutcomes, '  ')).toHaveLength(allOutcomes.length);
    expect(searchOutcomes(allOutcomes, 'zzqqxx')).toEqual([]);
  });

  it('stays fast on a huge paste', () => {
    const started = performance.now();
    searchOutcomes(allOutcomes, 'forcibly closed '.repeat(50_000));
    // a hang guard, not a speed test (npm run bench measures speed): super-linear work on 100 KB takes seconds
    expect(performance.now() - started).toBeLessThan(HANG_GUARD_MS);
  });
});

describe('searchOutcomes over the shared words', () => {
  it('lists every scenario for the bare error number', () => {
    const found = ids('10054');
    for (const id of [
      'tls-protocol-mismatch',
      'cipher-suite-mismatch',
      'tls-dhe-ciphers',
      'dhe-leading-zero',
      'tcp-listener-overload',
    ]) {
      expect(found, id).toContain(id);
    }
  });

  it('prefers the look-alike page when the message names it', () => {
    expect(
      top(
        'A connection was successfully established with the server, but then an error occurred during the pre-login handshake. (provider: TCP Provider, error: 0 - The wait operation timed out.)',
      ),
    ).toBe('timeout');
  });
});
