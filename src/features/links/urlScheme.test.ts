import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { resolveOutcomeId, resolveQuestionId } from '@/engine/knowledge/aliases';
import { appBase, appUrl, checkLocation, needsRedirect, routeFor } from './urlScheme';

const aliases = { outcome: resolveOutcomeId, question: resolveQuestionId };

const split = (route: string) => {
  const q = route.indexOf('?');
  return q < 0 ? ([route, ''] as const) : ([route.slice(0, q), route.slice(q)] as const);
};
const check = (route: string) => checkLocation(...split(route), aliases);

describe('URL scheme', () => {
  it('leaves canonical addresses alone', () => {
    for (const route of [
      '/',
      '/wizard',
      '/wizard/cert-hash',
      '/paste',
      '/paste?sample=login-failed-18456',
      '/paste?share=v1.abc',
      '/scenarios',
      '/scenario/tls-dhe-ciphers',
      '/links',
      '/simulator?preset=x',
    ]) {
      const result = check(route);
      expect(result.canonical, route).toBe(route);
      expect(result.notices, route).toEqual([]);
      expect(needsRedirect(result, ...split(route)), route).toBe(false);
    }
  });

  it('redirects old scenario and question ids to their current page, with a notice naming both', () => {
    const scenario = check('/scenario/scenario-3');
    expect(scenario.canonical).toBe('/scenario/tls-dhe-ciphers');
    expect(scenario.notices[0]?.items[0]).toContain('“scenario-3” is now “tls-dhe-ciphers”');
    expect(check('/wizard/start').canonical).toBe('/wizard/error-text');
    // Unknown ids are not guessed at: the page says it does not exist.
    expect(check('/scenario/no-such-thing').canonical).toBe('/scenario/no-such-thing');
  });

  it('reports and drops parameters a page does not know, keeping the ones it does', () => {
    const result = check('/paste?sample=login-failed-18456&utm_source=wiki&foo');
    expect(result.canonical).toBe('/paste?sample=login-failed-18456');
    expect(result.notices).toHaveLength(1);
    expect(result.notices[0]!.items.join(' ')).toMatch(/utm_source=wiki.*foo/);
    expect(check('/scenario/tls-dhe-ciphers?sample=x').canonical).toBe('/scenario/tls-dhe-ciphers');
    const twice = check('/paste?sample=a&sample=b');
    expect(twice.canonical).toBe('/paste?sample=a');
    expect(twice.notices[0]!.items[0]).toContain('more than once');
  });

  it('takes answers and embed out of the route, to be applied', () => {
    const result = check('/wizard/cert-hash?answers=error-text:handshake-reset&embed=1');
    expect(result).toMatchObject({
      canonical: '/wizard/cert-hash',
      answers: 'error-text:handshake-reset',
      embed: true,
    });
    expect(result.notices).toEqual([]);
    const bad = check('/scenarios?embed=yes');
    expect(bad.embed).toBeUndefined();
    expect(bad.notices[0]!.items[0]).toContain('embed=1');
  });

  it('keeps the link’s own spelling of values it does not change, and repairs a hand-typed preset pair', () => {
    expect(check('/paste?share=v1.ab$c+d').canonical).toBe('/paste?share=v1.ab$c+d');
    expect(check('/simulator?preset=ws2019-sql2019+mds-5').canonical).toBe(
      '/simulator?preset=ws2019-sql2019%2Bmds-5',
    );
    expect(check('/simulator?preset=ws2019-sql2019%2Bmds-5').canonical).toBe(
      '/simulator?preset=ws2019-sql2019%2Bmds-5',
    );
  });

  it('asks for the alias tables only for pages with an id, and waits for them', () => {
    expect(checkLocation('/scenario/scenario-3', '').needsAliases).toBe(true);
    expect(needsRedirect(checkLocation('/scenario/scenario-3', ''), '/scenario/scenario-3', '')).toBe(false);
    expect(checkLocation('/paste', '?foo=1').needsAliases).toBeUndefined();
  });

  it('leaves unknown pages to the not-found page', () => {
    expect(check('/no/such/page?x=1')).toEqual({ canonical: '/no/such/page?x=1', notices: [] });
  });

  it('builds the routes and links the app publishes', () => {
    expect(routeFor({ kind: 'scenario', id: 'weak-certificate-hash' })).toBe(
      '/scenario/weak-certificate-hash',
    );
    expect(
      routeFor({
        kind: 'wizard',
        stepId: 'openssl-message',
        answers: [
          ['error-text', 'handshake-reset'],
          ['client-platform', 'linux-macos'],
        ],
      }),
    ).toBe('/wizard/openssl-message?answers=error-text:handshake-reset,client-platform:linux-macos');
    expect(routeFor({ kind: 'paste', sample: 'login-failed-18456' })).toBe(
      '/paste?sample=login-failed-18456',
    );
    expect(routeFor({ kind: 'simulator', preset: 'a b' })).toBe('/simulator?preset=a%20b');
    const base = appBase({ origin: 'https://intranet', pathname: '/kb/tools/10054/' });
    expect(appUrl(base, '/scenarios', false)).toBe('https://intranet/kb/tools/10054/#/scenarios');
    expect(appUrl(base, '/scenarios', true)).toBe('https://intranet/kb/tools/10054/?embed=1#/scenarios');
  });

  it('every route it builds passes its own check unchanged', () => {
    for (const route of [
      routeFor({ kind: 'home' }),
      routeFor({ kind: 'scenarios' }),
      routeFor({ kind: 'links' }),
      routeFor({ kind: 'paste' }),
      routeFor({ kind: 'simulator' }),
      routeFor({ kind: 'wizard' }),
    ]) {
      expect(check(route).canonical).toBe(route);
    }
  });

  it('never throws, whatever the address', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), fc.string({ maxLength: 200 }), (path, query) => {
        const result = checkLocation(`/${path}`, `?${query}`, aliases);
        expect(typeof result.canonical).toBe('string');
      }),
      { numRuns: 300 },
    );
  });
});
