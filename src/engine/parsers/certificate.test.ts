import { describe, expect, it } from 'vitest';
import {
  certificateParser,
  decodeBase64,
  parseCertificate,
  readDate,
  sniffCertificate,
  type CertificateResult,
} from './certificate';
import expected from './__fixtures__/certificate/expected.json';

const raw = import.meta.glob('./__fixtures__/certificate/*.{pem,txt}', {
  query: '?raw',
  import: 'default',
  eager: true,
}) as Record<string, string>;
const fixture = (name: string): string => {
  const text = raw[`./__fixtures__/certificate/${name}`];
  if (text === undefined) throw new Error(`missing fixture ${name}`);
  return text;
};
const expectedThumbprints = expected as Record<string, { thumbprint: string }>;

const NOW = new Date('2030-01-01T00:00:00Z');
const parse = (text: string, now = NOW) => parseCertificate(text, { now });

function pemToDer(pem: string): Uint8Array {
  const body = pem.replace(/-----[A-Z ]+-----/g, '');
  return decodeBase64(body).bytes;
}

function expectEvidenceMatches(text: string, result: CertificateResult) {
  for (const e of result.evidence) {
    expect(e.start).toBeGreaterThanOrEqual(0);
    expect(e.end).toBeLessThanOrEqual(text.length);
    expect(text.slice(e.start, e.end)).toBe(e.text);
  }
}

describe('certificate parser: DER certificates made with openssl', () => {
  const table: Array<[string, string, string | null, boolean, boolean, string, number]> = [
    ['rsa-md5', 'md5WithRSAEncryption', 'md5', true, true, 'RSA', 2048],
    ['rsa-sha1', 'sha1WithRSAEncryption', 'sha1', false, true, 'RSA', 2048],
    ['rsa-sha224', 'sha224WithRSAEncryption', 'sha224', true, false, 'RSA', 2048],
    ['rsa-sha256', 'sha256WithRSAEncryption', 'sha256', false, false, 'RSA', 2048],
    ['rsa-sha384', 'sha384WithRSAEncryption', 'sha384', false, false, 'RSA', 2048],
    ['rsa-sha512', 'sha512WithRSAEncryption', 'sha512', true, false, 'RSA', 2048],
    ['rsa-pss-sha256', 'RSASSA-PSS', 'sha256', false, false, 'RSA', 2048],
    ['rsa-pss-sha384', 'RSASSA-PSS', 'sha384', false, false, 'RSA', 2048],
    ['rsa-pss-sha1-default', 'RSASSA-PSS', 'sha1', false, true, 'RSA', 2048],
    ['ecdsa-sha256', 'ecdsa-with-SHA256', 'sha256', false, false, 'EC', 256],
    ['ecdsa-p384-sha384', 'ecdsa-with-SHA384', 'sha384', false, false, 'EC', 384],
    ['dsa-sha256', 'dsa_with_SHA256', 'sha256', false, false, 'DSA', 2048],
  ];
  it.each(table)(
    '%s: algorithm, hash, platform verdicts, key, thumbprint',
    async (name, alg, hash, win, linux, kt, ks) => {
      const text = fixture(`${name}.pem`);
      const r = await parse(text);
      expect(r.kind).toBe('certificate');
      expect(r.facts.format).toBe('pem');
      expect(r.facts.signatureAlgorithm).toBe(alg);
      expect(r.facts.signatureHash).toBe(hash);
      expect(r.facts.weakForSqlServer).toBe(win);
      expect(r.facts.weakOnLinuxOpenSsl).toBe(linux);
      expect(r.facts.keyType).toBe(kt);
      expect(r.facts.keySize).toBe(ks);
      expect(r.facts.thumbprint).toBe(expectedThumbprints[name]!.thumbprint);
      expect(r.facts.subject).toBe('CN=sql01.contoso.test, O=Contoso Test');
      expect(r.facts.selfSigned).toBe(true);
      expect(r.facts.san).toEqual(['sql01.contoso.test', 'sql01', 'aglistener.contoso.test']);
      expect(r.facts.serverAuthEku).toBe(true);
      expect(r.facts.keyUsage).toEqual(['Digital Signature', 'Key Encipherment']);
      expect(r.problems).toEqual([]);
      expectEvidenceMatches(text, r);
    },
  );

  it('explains the opposite polarity of the Windows and Linux rules in the evidence', async () => {
    const r = await parse(fixture('rsa-sha1.pem'));
    const meaning = r.evidence.find((e) => e.fact === 'signatureAlgorithm')!.meaning;
    expect(meaning).toMatch(/accepted for TLS 1.2/);
    expect(meaning).toMatch(/security level 2/);
  });

  it('reads a chain: leaf first, every certificate listed, CRLF and leading junk tolerated', async () => {
    const chain = `Here is the cert from the server:\r\n> ${fixture('leaf-by-ca-sha512.pem').replace(/\n/g, '\r\n> ')}\r\n${fixture('ca.pem').replace(/\n/g, '\r\n')}`;
    const r = await parse(chain);
    expect(r.facts.certificates).toHaveLength(2);
    expect(r.facts.signatureAlgorithm).toBe('sha512WithRSAEncryption');
    expect(r.facts.weakForSqlServer).toBe(true);
    expect(r.facts.issuer).toBe('CN=Contoso Test Root CA');
    expect(r.facts.selfSigned).toBe(false);
    expect(r.facts.thumbprint).toBe(expectedThumbprints['leaf-by-ca-sha512']!.thumbprint);
    expect(r.facts.certificates[1]!.thumbprint).toBe(expectedThumbprints.ca!.thumbprint);
    expect(r.facts.certificates[1]!.serverAuthEku).toBe(false);
    expect(r.evidence.some((e) => e.fact === 'certificates.1.signatureAlgorithm')).toBe(true);
    expectEvidenceMatches(chain, r);
  });

  it('reads a PEM pasted on one line or with JSON-escaped line breaks', async () => {
    const pem = fixture('rsa-md5.pem');
    const oneLine = pem.replace(/\n/g, '');
    const escaped = JSON.stringify({ cert: pem }).slice(9, -2);
    for (const text of [oneLine, escaped]) {
      const r = await parse(text);
      expect(r.problems).toEqual([]);
      expect(r.facts.thumbprint).toBe(expectedThumbprints['rsa-md5']!.thumbprint);
    }
  });

  it('reads what SQL Server Configuration Manager shows for a certificate', async () => {
    const text =
      'Issued To: sql01.contoso.test\nIssued By: Contoso Issuing CA\nExpiration Date: 2/28/2024\nThumbprint: 43ec35e47b09f150f7f321788bad6bbc478d2dbb\n';
    const r = await parse(text);
    expect(r.facts.subject).toBe('sql01.contoso.test');
    expect(r.facts.issuer).toBe('Contoso Issuing CA');
    expect(r.facts.expired).toBe(true);
    expect(r.facts.thumbprint).toBe('43EC35E47B09F150F7F321788BAD6BBC478D2DBB');
    expect(r.problems.map((p) => p.code)).toContain('signature-algorithm-missing');
  });

  it('reads TRUSTED CERTIFICATE and X509 CERTIFICATE armour', async () => {
    const trusted = await parse(fixture('trusted-rsa-sha256.pem'));
    expect(trusted.facts.thumbprint).toBe(expectedThumbprints['rsa-sha256']!.thumbprint);
    const x509 = fixture('rsa-sha224.pem').replace(/CERTIFICATE-----/g, 'X509 CERTIFICATE-----');
    expect((await parse(x509)).facts.signatureHash).toBe('sha224');
  });

  it('reads bare base64 DER and hex DER', async () => {
    const der = pemToDer(fixture('rsa-sha512.pem'));
    const b64 = fixture('rsa-sha512.pem')
      .replace(/-----[A-Z ]+-----/g, '')
      .trim();
    const hex = Array.from(der, (b) => b.toString(16).padStart(2, '0')).join(' ');
    const a = await parse(b64);
    const b = await parse(hex);
    expect(a.facts.format).toBe('der-base64');
    expect(b.facts.format).toBe('der-hex');
    for (const r of [a, b]) {
      expect(r.facts.thumbprint).toBe(expectedThumbprints['rsa-sha512']!.thumbprint);
      expect(r.facts.weakForSqlServer).toBe(true);
    }
  });

  it('says whether the certificate has expired, relative to the time given', async () => {
    const text = fixture('rsa-sha256.pem');
    expect((await parse(text, new Date('2030-01-01T00:00:00Z'))).facts.expired).toBe(false);
    expect((await parse(text, new Date('2040-01-01T00:00:00Z'))).facts.expired).toBe(true);
  });

  it('reports no Server Authentication EKU for a client-only certificate', async () => {
    const r = await parse(fixture('rsa-clientauth-only.pem'));
    expect(r.facts.serverAuthEku).toBe(false);
    expect(r.evidence.find((e) => e.fact === 'serverAuthEku')!.meaning).toMatch(
      /does not list Server Authentication/,
    );
  });
});

describe('certificate parser: damaged and wrong PEM', () => {
  it('reports a PEM cut off before its END line', async () => {
    const text = fixture('rsa-sha256.pem').slice(0, 700);
    const r = await parse(text);
    expect(r.problems.map((p) => p.code)).toContain('truncated-pem');
    expect(r.facts.certificates).toHaveLength(0);
    expect(r.facts.signatureAlgorithm).toBeNull();
  });

  it('reports characters that are not base64', async () => {
    const lines = fixture('rsa-sha256.pem').split('\n');
    lines[3] = lines[3]!.slice(0, 10) + '#' + lines[3]!.slice(11);
    const r = await parse(lines.join('\n'));
    const bad = r.problems.find((p) => p.code === 'bad-base64');
    expect(bad).toBeDefined();
    expect(lines.join('\n')[bad!.start!]).toBe('#');
  });

  it('warns about a private key, drops it and never echoes it', async () => {
    const key =
      '-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQDSECRETSECRET\n-----END PRIVATE KEY-----\n';
    const r = await parse(key + fixture('rsa-sha384.pem'));
    const p = r.problems.find((x) => x.code === 'private-key-pasted');
    expect(p?.severity).toBe('warning');
    expect(p?.message).toMatch(/Never paste private keys/);
    expect(r.facts.certificates).toHaveLength(1);
    expect(r.facts.signatureHash).toBe('sha384');
    expect(JSON.stringify(r.facts)).not.toContain('SECRET');
    expect(r.evidence.some((e) => e.text.includes('SECRET'))).toBe(false);
  });

  it('skips other PEM blocks with a reason', async () => {
    const r = await parse(
      '-----BEGIN CERTIFICATE REQUEST-----\nMIIBIjAN\n-----END CERTIFICATE REQUEST-----\n',
    );
    expect(r.problems.map((p) => p.code)).toEqual(['not-a-certificate-pem']);
  });

  it('reports bytes that are not a certificate', async () => {
    const r = await parse('-----BEGIN CERTIFICATE-----\nTUlJQkl\n-----END CERTIFICATE-----');
    expect(r.problems.map((p) => p.code)).toContain('not-der-certificate');
  });

  it('never throws on empty or odd input', async () => {
    for (const t of [
      '',
      '-----BEGIN ',
      '-----BEGIN CERTIFICATE-----',
      'MII',
      '\u0000\uffff',
      '30 82 ff ff',
    ]) {
      const r = await certificateParser.parse(t);
      expect(r.kind).toBe('certificate');
    }
  });
});

describe('certificate parser: tool output', () => {
  it('certutil -dump (English): algorithm on the line after "Signature Algorithm:", spaced thumbprint', async () => {
    const text = fixture('certutil-dump-en-sha512.txt');
    const r = await parse(text, new Date('2025-01-01T00:00:00Z'));
    expect(r.facts.format).toBe('certutil');
    expect(r.facts.signatureAlgorithm).toBe('sha512WithRSAEncryption');
    expect(r.facts.signatureAlgorithmFriendlyName).toBe('sha512RSA');
    expect(r.facts.weakForSqlServer).toBe(true);
    expect(r.facts.thumbprint).toBe('7D3A91C05E228B4F19A60CD3E8715B2A96F40E8C');
    expect(r.facts.subject).toBe('CN=sql01.contoso.test, O=Contoso Test');
    expect(r.facts.notAfter).toBe('2026-03-04T09:15:00.000Z');
    expect(r.facts.expired).toBe(false);
    expect(r.facts.serverAuthEku).toBe(true);
    expect(r.facts.san).toEqual(['sql01.contoso.test', 'sql01']);
    expect(r.facts.keySize).toBe(2048);
    expectEvidenceMatches(text, r);
  });

  it('certutil -v -store (German labels)', async () => {
    const text = fixture('certutil-v-store-de-sha224.txt');
    const r = await parse(text, new Date('2025-06-01T00:00:00Z'));
    expect(r.facts.signatureHash).toBe('sha224');
    expect(r.facts.weakForSqlServer).toBe(true);
    expect(r.facts.thumbprint).toBe('C0FFEE00112233445566778899AABBCCDDEEFF01');
    expect(r.facts.subject).toBe('CN=sqlprod.fabrikam.test');
    expect(r.facts.issuer).toBe('CN=Fabrikam Root CA, O=Fabrikam');
    expect(r.facts.notAfter).toBe('2025-02-01T10:00:00.000Z');
    expect(r.facts.expired).toBe(true);
    expect(r.facts.serverAuthEku).toBe(true);
    expect(r.facts.san).toEqual(['sqlprod.fabrikam.test']);
    expect(r.facts.keySize).toBe(3072);
    expectEvidenceMatches(text, r);
  });

  it('certutil -store (French labels, no algorithm): asks for certutil -v', async () => {
    const text = fixture('certutil-store-fr.txt');
    const r = await parse(text, new Date('2025-06-01T00:00:00Z'));
    expect(r.facts.thumbprint).toBe('4F9E2A11C07B3D58E6A2F0419CB7D3E85A61F02B');
    expect(r.facts.subject).toBe('CN=sql02.contoso.test');
    expect(r.facts.issuer).toBe('CN=Contoso Issuing CA, DC=contoso, DC=test');
    expect(r.facts.notAfter).toBe('2027-01-15T08:30:00.000Z');
    const p = r.problems.find((x) => x.code === 'signature-algorithm-missing');
    expect(p?.message).toContain('certutil -v -store My 4F9E2A11C07B3D58E6A2F0419CB7D3E85A61F02B');
  });

  it('splits certutil -store output with several certificates', async () => {
    const one = fixture('certutil-store-fr.txt');
    const two = one.replace('Certificat 0', 'Certificat 1').replace('sql02', 'sql09');
    const r = await parse(one + '\n' + two.split('\n').slice(1).join('\n'));
    expect(r.facts.certificates.map((c) => c.subject)).toEqual([
      'CN=sql02.contoso.test',
      'CN=sql09.contoso.test',
    ]);
  });

  it('certutil -dump of an RSASSA-PSS certificate: the hash comes from the parameter bytes', async () => {
    const text = [
      'X509 Certificate:',
      'Signature Algorithm:',
      '    Algorithm ObjectId: 1.2.840.113549.1.1.10 RSASSA-PSS',
      '    Algorithm Parameters:',
      '    0000  30 34 a0 0f 30 0d 06 09  60 86 48 01 65 03 04 02   04..0...`.H.e...',
      '    0010  03 05 00 a1 1c 30 1a 06  09 2a 86 48 86 f7 0d 01   .....0...*.H....',
      '    0020  01 08 30 0d 06 09 60 86  48 01 65 03 04 02 01 05   ..0...`.H.e.....',
      'Issuer:',
      '    CN=pss.contoso.test',
    ].join('\r\n');
    const r = await parse(text);
    expect(r.facts.signatureAlgorithm).toBe('RSASSA-PSS');
    expect(r.facts.signatureHash).toBe('sha512');
    expect(r.facts.weakForSqlServer).toBe(true);
  });

  it('PowerShell Format-List *: says the algorithm is not shown and gives the command that prints it', async () => {
    const text = fixture('powershell-format-list.txt');
    const r = await parse(text);
    expect(r.facts.format).toBe('powershell-list');
    expect(r.facts.thumbprint).toBe('9A0C5E7B31D24F86A1B3C5D7E9F1023456789ABC');
    expect(r.facts.signatureAlgorithm).toBeNull();
    expect(r.facts.serverAuthEku).toBe(true);
    expect(r.facts.san).toEqual(['sql03.contoso.test', 'sql03']);
    expect(r.facts.expired).toBe(true);
    const p = r.problems.find((x) => x.code === 'signature-algorithm-not-shown');
    expect(p?.message).toContain(
      "Get-ChildItem -Path 'Cert:\\LocalMachine\\My\\9A0C5E7B31D24F86A1B3C5D7E9F1023456789ABC' | Select-Object -Property 'Subject', 'Thumbprint', @{Name = 'SignatureAlgorithm'; Expression = {$_.SignatureAlgorithm.FriendlyName}}, 'NotAfter'",
    );
  });

  it('PowerShell Select-Object table with the FriendlyName', async () => {
    const r = await parse(fixture('powershell-select-table.txt'));
    expect(r.facts.signatureAlgorithm).toBe('sha512WithRSAEncryption');
    expect(r.facts.weakForSqlServer).toBe(true);
    expect(r.facts.thumbprint).toBe('E1D2C3B4A5968778695A4B3C2D1E0F1234567890');
  });

  it('openssl x509 -text, including RSASSA-PSS with its hash', async () => {
    const md5 = await parse(fixture('openssl-text-md5.txt'));
    expect(md5.facts.format).toBe('openssl-text');
    expect(md5.facts.signatureAlgorithm).toBe('md5WithRSAEncryption');
    expect(md5.facts.weakOnLinuxOpenSsl).toBe(true);
    expect(md5.facts.san).toEqual(['sql01.contoso.test', 'sql01', 'aglistener.contoso.test']);
    expect(md5.facts.keySize).toBe(2048);
    expect(md5.facts.selfSigned).toBe(true);
    const pss = await parse(fixture('openssl-text-pss-sha384.txt'));
    expect(pss.facts.signatureAlgorithm).toBe('RSASSA-PSS');
    expect(pss.facts.signatureHash).toBe('sha384');
    const ec = await parse(fixture('openssl-text-ecdsa-sha256.txt'));
    expect(ec.facts.keyType).toBe('EC');
    expect(ec.facts.signatureAlgorithm).toBe('ecdsa-with-SHA256');
  });

  it('Windows certificate dialog copy (English): tabs, invisible mark before the thumbprint', async () => {
    const text = fixture('windows-dialog-en.txt');
    const r = await parse(text, new Date('2025-01-01T00:00:00Z'));
    expect(r.facts.signatureAlgorithm).toBe('sha256WithRSAEncryption');
    expect(r.facts.signatureHash).toBe('sha256');
    expect(r.facts.thumbprint).toBe('5B047DCA542A9E46C0EC7BF1AD7889612CADAA2E');
    expect(r.facts.notAfter).toBe('2026-03-04T00:00:00.000Z');
    expect(r.facts.serverAuthEku).toBe(true);
    expectEvidenceMatches(text, r);
  });

  it('Windows certificate dialog copy (German)', async () => {
    const r = await parse(fixture('windows-dialog-de.txt'));
    expect(r.facts.signatureHash).toBe('sha1');
    expect(r.facts.weakForSqlServer).toBe(false);
    expect(r.facts.weakOnLinuxOpenSsl).toBe(true);
    expect(r.facts.thumbprint).toBe('2C0A447E91B36F58D21E88A73C4095FE6B11D092');
    expect(r.facts.notAfter).toBe('2021-10-01T00:00:00.000Z');
    expect(r.facts.expired).toBe(true);
  });

  it('only the signature hash line (SQL Server Configuration Manager style copy)', async () => {
    const r = await parse(
      'Signature hash algorithm\tsha512\nThumbprint\t30f724adb311d732f624fa71d179946a4dba165a\n',
    );
    expect(r.facts.signatureHash).toBe('sha512');
    expect(r.facts.weakForSqlServer).toBe(true);
    expect(r.facts.thumbprint).toBe('30F724ADB311D732F624FA71D179946A4DBA165A');
  });
});

describe('certificate sniff', () => {
  it('scores certificate shapes high and look-alikes low', () => {
    expect(sniffCertificate(fixture('rsa-sha256.pem'))).toBeGreaterThan(0.9);
    expect(sniffCertificate(fixture('certutil-dump-en-sha512.txt'))).toBeGreaterThan(0.8);
    expect(sniffCertificate(fixture('powershell-format-list.txt'))).toBeGreaterThan(0.7);
    expect(sniffCertificate(fixture('openssl-text-md5.txt'))).toBeGreaterThan(0.8);
    expect(
      sniffCertificate(
        '2024-05-01 10:00:00.12 Server      The certificate [Cert Hash(sha1) "0A1B2C3D4E5F60718293A4B5C6D7E8F901234567"] was successfully loaded for encryption.',
      ),
    ).toBeLessThan(0.3);
    expect(sniffCertificate('An existing connection was forcibly closed by the remote host.')).toBe(0);
  });
});

describe('readDate', () => {
  it('reads the orders tools print and keeps ambiguity', () => {
    expect(readDate('Nov 24 00:10:34 2036 GMT').iso).toBe('2036-11-24T00:10:34.000Z');
    expect(readDate('1/29/2021 7:05 PM').iso).toBe('2021-01-29T19:05:00.000Z');
    expect(readDate('29.01.2021 19:05').iso).toBe('2021-01-29T19:05:00.000Z');
    expect(readDate('03/04/2021 10:00').iso).toBeNull();
    expect(readDate('03/04/2021 10:00').candidates).toHaveLength(2);
  });
});
