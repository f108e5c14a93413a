/** withCaptureCertificates(): the server certificate a packet capture carries reaches the diagnosis. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzeCapture } from '../capture/analyze';
import {
  cat,
  certificateMsg,
  clientHello,
  ECDHE_RSA_AES256_GCM,
  inTds,
  record,
  serverHello,
  serverHelloDone,
  writePcap,
  type Bytes,
} from '../capture/testing/writer';
import { CLIENT_SUITES, fakeDer, tds7Start } from '../capture/testing/scenarios';
import { WEAK_CERT_PEM } from '../samples/samples';
import { diagnose, withCaptureCertificates } from './index';
import type { DiagnosisInput } from './types';

const derOf = (pem: string): Bytes => {
  const b64 = pem.replace(/-----[A-Z ]+-----/g, '').replace(/\s+/g, '');
  return Uint8Array.from(atob(b64), (ch) => ch.charCodeAt(0));
};

/** The server sends its certificate, then the client resets the connection. */
async function captureWith(der: Bytes): Promise<DiagnosisInput> {
  const s = tds7Start();
  s.send(true, inTds(record(0x16, clientHello({ suites: CLIENT_SUITES }))));
  s.send(
    false,
    inTds(
      record(
        0x16,
        cat(serverHello({ suite: ECDHE_RSA_AES256_GCM }), certificateMsg([der]), serverHelloDone()),
      ),
    ),
  );
  s.rst(true, 2);
  const result = await analyzeCapture(writePcap(s.frames));
  return { source: 'capture.pcap', artifacts: [result] };
}

const weakRule = (inputs: DiagnosisInput[]) =>
  diagnose(inputs).ranked.find((r) => r.scenario === 'weak-certificate-hash')!;

describe('withCaptureCertificates', () => {
  it('parses the SHA-512 certificate of a capture so the weak-certificate scenario can fire', async () => {
    const capture = await captureWith(derOf(WEAK_CERT_PEM));
    const conn = (
      capture.artifacts[0]!.facts as { connections: Array<{ certificate?: { leafPem: string } }> }
    ).connections[0]!;
    expect(conn.certificate?.leafPem).toContain('BEGIN CERTIFICATE');
    const before = weakRule([capture]);
    const inputs = await withCaptureCertificates([capture]);
    expect(inputs[0]!.artifacts.map((a) => a.kind)).toEqual(['packet-capture', 'certificate']);
    expect(capture.artifacts).toHaveLength(1);
    const d = diagnose(inputs);
    expect(d.signals.certInUse?.value).toMatchObject({ signatureHash: 'sha512', weakForSqlServer: true });
    const after = d.ranked.find((r) => r.scenario === 'weak-certificate-hash')!;
    expect(after.for.some((r) => /signed with/.test(r.text))).toBe(true);
    expect(after.score).toBeGreaterThan(before.score);
  });

  it('a SHA-256 certificate is appended but does not fire it; a capture without a certificate is unchanged', async () => {
    const good = readFileSync(
      new URL('../parsers/__fixtures__/certificate/rsa-sha256.pem', import.meta.url),
      'utf8',
    );
    const inputs = await withCaptureCertificates([await captureWith(derOf(good))]);
    expect(inputs[0]!.artifacts.map((a) => a.kind)).toEqual(['packet-capture', 'certificate']);
    const rule = weakRule(inputs);
    expect(rule.for.some((r) => /signed with/.test(r.text))).toBe(false);
    expect(rule.against.some((r) => /which is fine/.test(r.text))).toBe(true);

    const none = { source: 'error.txt', artifacts: [] };
    const [same] = await withCaptureCertificates([none]);
    expect(same).toBe(none);
  });

  it('parses each distinct certificate once; bytes that are not a certificate support nothing', async () => {
    const a = await captureWith(derOf(WEAK_CERT_PEM));
    const b = await captureWith(derOf(WEAK_CERT_PEM));
    const out = await withCaptureCertificates([a, b]);
    expect(out[0]!.artifacts[1]).toBe(out[1]!.artifacts[1]);
    const junk = await captureWith(fakeDer(300));
    const d = diagnose(await withCaptureCertificates([junk]));
    expect(d.signals.certInUse).toBeUndefined();
    expect(d.signals.certificates).toHaveLength(0);
  });
});
