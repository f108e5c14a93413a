import { describe, expect, it } from 'vitest';
import { embedRequested, withoutEmbed } from './embed';

describe('embed mode', () => {
  it('is asked for with embed=1 before the # or in the route query, and only with 1', () => {
    expect(embedRequested('?embed=1', '#/scenarios')).toBe(true);
    expect(embedRequested('', '#/scenario/tls-dhe-ciphers?embed=1')).toBe(true);
    expect(embedRequested('?embed=0', '#/scenarios')).toBe(false);
    expect(embedRequested('?embed=yes', '#/scenarios')).toBe(false);
    expect(embedRequested('', '#/scenarios')).toBe(false);
  });

  it('"Open in full app" is the same page without embed, wherever embed was given', () => {
    expect(withoutEmbed('https://intranet/kb/10054/?embed=1#/scenario/tls-dhe-ciphers')).toBe(
      'https://intranet/kb/10054/#/scenario/tls-dhe-ciphers',
    );
    expect(withoutEmbed('https://intranet/kb/10054/#/paste?sample=x&embed=1')).toBe(
      'https://intranet/kb/10054/#/paste?sample=x',
    );
    expect(withoutEmbed('not a url')).toBe('not a url');
  });
});
