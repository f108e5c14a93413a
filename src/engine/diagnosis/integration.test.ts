/** The diagnosis on top of the real parsers: short texts of our own, through analyzeText(). */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzeText } from '../parsers/index';
import { diagnose, inputFromAnalysis } from './index';

const ERROR =
  'A connection was successfully established with the server, but then an error occurred during the login process. (provider: SSL Provider, error: 0 - An existing connection was forcibly closed by the remote host.)';
const CERTUTIL = readFileSync(
  new URL('../parsers/__fixtures__/certificate/certutil-dump-en-sha512.txt', import.meta.url),
  'utf8',
);
const LOG = (thumb: string) =>
  `2026-05-30 14:59:30.89 Server      The certificate [Cert Hash(sha1) "${thumb}"] was successfully loaded for encryption.\n`;

describe('diagnosis with the real parsers', () => {
  it('a SHA-512 certificate whose thumbprint the ERRORLOG names is the top scenario', async () => {
    const a = await analyzeText(ERROR);
    const b = await analyzeText(LOG('7D3A91C05E228B4F19A60CD3E8715B2A96F40E8C'));
    const c = await analyzeText(CERTUTIL);
    const d = diagnose([
      inputFromAnalysis('error', a),
      inputFromAnalysis('errorlog', b),
      inputFromAnalysis('cert', c),
    ]);
    expect(d.family).toBe('handshake-reset');
    expect(d.ranked[0]).toMatchObject({ scenario: 'weak-certificate-hash', confidence: 'high' });
    expect(d.knownFacts['server.certificateWeak']).toMatchObject({ value: 'weak' });
  });

  it('the same certificate is not blamed when the ERRORLOG names another one', async () => {
    const b = await analyzeText(LOG('5B047DCA542A9E46C0EC7BF1AD7889612CADAA2E'));
    const c = await analyzeText(CERTUTIL);
    const d = diagnose([inputFromAnalysis('errorlog', b), inputFromAnalysis('cert', c)]);
    expect(d.ranked.find((r) => r.scenario === 'weak-certificate-hash')!.score).toBeLessThan(0.2);
    expect(d.contradictions.length).toBeGreaterThan(0);
  });
});
