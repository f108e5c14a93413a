import { describe, expect, it } from 'vitest';
import { dhePrimeBits, parseClientHello, parseServerHello, parseSslv2ClientHello, toPem } from './tls';
import { clientHello, serverHello } from './testing/writer';

describe('TLS hello decoding', () => {
  it('names suites from the catalogue, leaves GREASE out, shows unknown ids in hex', () => {
    const ch = parseClientHello(
      clientHello({ suites: [0x0a0a, 0xc030, 0x00ff, 0xfefe] }).subarray(4),
      1,
      0x0301,
    )!;
    expect(ch.suiteNames).toEqual(['TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384', '0xFEFE']);
    expect(ch.suites.map((s) => s.hex)).toEqual(['0xC030', '0x00FF', '0xFEFE']);
    expect(ch.recordVersion).toBe('TLS 1.0');
  });

  it('reads a TLS 1.3 Server Hello and a HelloRetryRequest', () => {
    const sh = parseServerHello(serverHello({ suite: 0x1301, supportedVersion: 0x0304 }).subarray(4), 3)!;
    expect(sh).toMatchObject({ version: 'TLS 1.3', serverVersion: 'TLS 1.2', dhe: false });
    expect(sh.suite.name).toBe('TLS_AES_128_GCM_SHA256');
    const hrr = serverHello({ suite: 0x1301, supportedVersion: 0x0304 }).subarray(4);
    hrr.set(
      [...'cf21ad74e59a6111be1d8c021e65b891c2a211167abb8c5e079e09e2c8a8339c'.matchAll(/../g)].map((m) =>
        parseInt(m[0], 16),
      ),
      2,
    );
    expect(parseServerHello(hrr, 3)?.helloRetryRequest).toBe(true);
  });

  it('reads an SSL 2.0-format Client Hello', () => {
    const body = new Uint8Array([
      1,
      3,
      1,
      0,
      6,
      0,
      0,
      0,
      16,
      0,
      0,
      0x39,
      0,
      0,
      0x2f,
      ...new Array(16).fill(1),
    ]);
    const ch = parseSslv2ClientHello(body, 2)!;
    expect(ch.sslv2Format).toBe(true);
    expect(ch.maxVersion).toBe('TLS 1.0');
    expect(ch.suiteNames).toEqual(['TLS_DHE_RSA_WITH_AES_256_CBC_SHA', 'TLS_RSA_WITH_AES_128_CBC_SHA']);
    expect(ch.hasDhe).toBe(true);
  });

  it('returns null for cut messages instead of throwing', () => {
    const full = clientHello({ suites: [0xc030, 0xc02f] }).subarray(4);
    for (let n = 0; n < 40; n++) expect(parseClientHello(full.subarray(0, n), 1, 0x0303)).toBeNull();
    expect(parseServerHello(new Uint8Array(10), 1)).toBeNull();
  });

  it('measures a DHE prime and writes PEM', () => {
    expect(dhePrimeBits(new Uint8Array([0, 3, 0x01, 0xff, 0xff]))).toBe(17);
    expect(toPem(new Uint8Array([1, 2, 3]))).toBe(
      '-----BEGIN CERTIFICATE-----\nAQID\n-----END CERTIFICATE-----\n',
    );
  });
});
