import { describe, expect, it } from 'vitest';
import { shareableUrl } from './shareableUrl';

describe('shareableUrl', () => {
  it('drops the embed switch and keeps the folder and the route with its own query', () => {
    expect(shareableUrl('https://kb.contoso.com/tools/10054/?embed=1#/scenario/tls-dhe-ciphers')).toBe(
      'https://kb.contoso.com/tools/10054/#/scenario/tls-dhe-ciphers',
    );
    expect(shareableUrl('http://127.0.0.1:4173/?embed=1#/simulator?s=abc')).toBe(
      'http://127.0.0.1:4173/#/simulator?s=abc',
    );
  });

  it('leaves a plain address as it is, and anything unparsable untouched', () => {
    expect(shareableUrl('http://127.0.0.1:4173/#/wizard')).toBe('http://127.0.0.1:4173/#/wizard');
    expect(shareableUrl('not a url')).toBe('not a url');
  });
});
