import { describe, expect, it } from 'vitest';
import {
  CIPHER_SUITES,
  formatSuiteId,
  isDhe,
  suiteById,
  suiteByName,
  suiteByOpenssl,
  suiteProtocols,
} from './cipher-suites';
import { DEFAULT_CIPHER_ORDER } from './windows';

describe('cipher-suite catalogue', () => {
  it('holds every suite of every documented Windows default order', () => {
    for (const list of Object.values(DEFAULT_CIPHER_ORDER))
      for (const n of list) expect(suiteByName(n), n).not.toBeNull();
  });
  it('holds every TLS_DHE name Windows uses (domain-facts §5.1)', () => {
    const names = [
      'TLS_DHE_RSA_WITH_AES_256_GCM_SHA384',
      'TLS_DHE_RSA_WITH_AES_128_GCM_SHA256',
      'TLS_DHE_RSA_WITH_AES_256_CBC_SHA',
      'TLS_DHE_RSA_WITH_AES_128_CBC_SHA',
      'TLS_DHE_DSS_WITH_AES_256_CBC_SHA256',
      'TLS_DHE_DSS_WITH_AES_128_CBC_SHA256',
      'TLS_DHE_DSS_WITH_AES_256_CBC_SHA',
      'TLS_DHE_DSS_WITH_AES_128_CBC_SHA',
      'TLS_DHE_DSS_WITH_3DES_EDE_CBC_SHA',
      'TLS_DHE_DSS_WITH_DES_CBC_SHA',
      'TLS_DHE_DSS_EXPORT1024_WITH_DES_CBC_SHA',
    ];
    for (const n of names) expect(isDhe(suiteByName(n)!.suite), n).toBe(true);
  });
  it('has the wire ids of domain-facts §5.1', () => {
    const ids: [string, number][] = [
      ['TLS_DHE_RSA_WITH_AES_256_GCM_SHA384', 0x009f],
      ['TLS_DHE_RSA_WITH_AES_128_GCM_SHA256', 0x009e],
      ['TLS_DHE_RSA_WITH_AES_256_CBC_SHA', 0x0039],
      ['TLS_DHE_RSA_WITH_AES_128_CBC_SHA', 0x0033],
      ['TLS_DHE_DSS_WITH_AES_256_CBC_SHA256', 0x006a],
      ['TLS_DHE_DSS_WITH_AES_128_CBC_SHA256', 0x0040],
      ['TLS_DHE_DSS_WITH_AES_256_CBC_SHA', 0x0038],
      ['TLS_DHE_DSS_WITH_AES_128_CBC_SHA', 0x0032],
      ['TLS_DHE_DSS_WITH_3DES_EDE_CBC_SHA', 0x0013],
      ['TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384', 0xc030],
      ['TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256', 0xc02f],
      ['TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384', 0xc02c],
      ['TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256', 0xc02b],
      ['TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384', 0xc028],
      ['TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256', 0xc027],
      ['TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA', 0xc014],
      ['TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA', 0xc013],
      ['TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA', 0xc00a],
      ['TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA', 0xc009],
      ['TLS_RSA_WITH_AES_256_GCM_SHA384', 0x009d],
      ['TLS_RSA_WITH_AES_128_GCM_SHA256', 0x009c],
      ['TLS_RSA_WITH_AES_256_CBC_SHA256', 0x003d],
      ['TLS_RSA_WITH_AES_128_CBC_SHA256', 0x003c],
      ['TLS_RSA_WITH_AES_256_CBC_SHA', 0x0035],
      ['TLS_RSA_WITH_AES_128_CBC_SHA', 0x002f],
      ['TLS_RSA_WITH_3DES_EDE_CBC_SHA', 0x000a],
      ['TLS_AES_128_GCM_SHA256', 0x1301],
      ['TLS_AES_256_GCM_SHA384', 0x1302],
      ['TLS_CHACHA20_POLY1305_SHA256', 0x1303],
      ['TLS_EMPTY_RENEGOTIATION_INFO_SCSV', 0x00ff],
    ];
    for (const [n, id] of ids) {
      expect(suiteByName(n)?.suite.id, n).toBe(id);
      expect(suiteById(id)?.iana).toBe(n);
    }
    // Get-TlsCipherSuite's decimal id
    expect(suiteById(49200)?.iana).toBe('TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384');
    expect(formatSuiteId(49200)).toBe('0xC030');
  });
  it('has no duplicate IANA names or two-byte ids', () => {
    const names = CIPHER_SUITES.map((s) => s.iana);
    expect(new Set(names).size).toBe(names.length);
    const ids = CIPHER_SUITES.map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
  });
  it('maps OpenSSL names both ways and strips Windows curve suffixes', () => {
    expect(suiteByOpenssl('ECDHE-RSA-AES128-GCM-SHA256')?.iana).toBe('TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256');
    expect(suiteByOpenssl('DHE-RSA-DES-CBC3-SHA')?.iana).toBe('TLS_DHE_RSA_WITH_3DES_EDE_CBC_SHA');
    expect(suiteByOpenssl('TLS_AES_256_GCM_SHA384')?.iana).toBe('TLS_AES_256_GCM_SHA384');
    expect(suiteByName('TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA384_P384')).toMatchObject({
      curve: 'P384',
      suite: { iana: 'TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA384' },
    });
    expect(suiteByName('tls_rsa_with_aes_128_cbc_sha')?.suite.id).toBe(0x002f);
    expect(suiteByName('TLS_NOT_A_SUITE')).toBeNull();
  });
  it('gives the versions each suite can serve', () => {
    expect(suiteProtocols(suiteByName('TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA')!.suite)).toEqual([
      'TLS 1.0',
      'TLS 1.1',
      'TLS 1.2',
    ]);
    expect(suiteProtocols(suiteByName('TLS_RSA_WITH_AES_256_GCM_SHA384')!.suite)).toEqual(['TLS 1.2']);
    expect(suiteProtocols(suiteByName('TLS_AES_128_GCM_SHA256')!.suite)).toEqual(['TLS 1.3']);
    expect(suiteByName('TLS_RSA_EXPORT1024_WITH_RC4_56_SHA')!.suite.weak).toEqual(['export', 'rc4']);
  });
});
