import { describe, expect, it } from 'vitest';
import { applyChanges } from './changes';
import { presetClient, presetServer } from './presets';
import { simulate } from './simulate';
import type { Change, ClientSide, ServerSide, SimOutcome } from './types';

function pair(
  serverId: string,
  clientId: string,
  changes: Change[] = [],
): { server: ServerSide; client: ClientSide } {
  const server = presetServer(serverId);
  const client = presetClient(clientId);
  if (!server || !client) throw new Error(`unknown preset ${serverId} / ${clientId}`);
  return applyChanges({ server, client }, changes);
}

function outcome(serverId: string, clientId: string, changes: Change[] = []): SimOutcome {
  const p = pair(serverId, clientId, changes);
  return simulate(p.server, p.client).outcome;
}

const DHE_FIRST: Change = {
  kind: 'set-cipher-order',
  side: 'server',
  order: [
    'TLS_DHE_RSA_WITH_AES_256_GCM_SHA384',
    'TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384',
    'TLS_RSA_WITH_AES_256_CBC_SHA',
  ],
};

describe('scenario 1: tls-protocol-mismatch', () => {
  it('SQL Server 2008 R2 RTM against a client that requires TLS 1.2', () => {
    const p = pair('ws2008r2-sql2008r2-rtm', 'netfx-4.8-win10-tls12-only');
    const r = simulate(p.server, p.client);
    expect(r.outcome).toBe('tls-protocol-mismatch');
    expect(r.ok).toBe(false);
    expect(r.offers.serverProtocols).toEqual(['SSL 3.0', 'TLS 1.0']);
    expect(r.offers.clientProtocols).toEqual(['TLS 1.2']);
    // the server answers TLS 1.0 (its highest), which the client has switched off: the client aborts
    expect(r.steps.map((s) => s.kind)).toEqual(['tcp', 'prelogin', 'client-hello', 'alert']);
    expect(r.steps.at(-1)?.actor).toBe('client');
    expect(r.explanation).toContain('KB3135244');
  });

  it('OpenSSL 3 at SECLEVEL 2 against a TLS 1.0-only server', () => {
    expect(outcome('ws2012r2-sql2014-rtm', 'openssl3-seclevel2')).toBe('tls-protocol-mismatch');
    // even with MinProtocol lowered, OpenSSL 3 needs SECLEVEL 0 for TLS 1.0
    expect(
      outcome('ws2012r2-sql2014-rtm', 'openssl3-seclevel2', [
        { kind: 'set-openssl', minProtocol: 'TLSv1', secLevel: 1 },
      ]),
    ).toBe('tls-protocol-mismatch');
    expect(
      outcome('ws2012r2-sql2014-rtm', 'openssl3-seclevel2', [
        { kind: 'set-openssl', minProtocol: 'TLSv1', secLevel: 0 },
      ]),
    ).toBe('success');
  });

  it('a .NET 4.5.2 client (TLS 1.0 only) against a TLS 1.2-only server, and Java 8u291 against SQL Server 2012 SP1', () => {
    expect(outcome('ws2019-sql2019-tls12-only', 'netfx-4.5.2-win2012r2')).toBe('tls-protocol-mismatch');
    expect(outcome('ws2012-sql2012-sp1', 'jdbc-java8u291')).toBe('tls-protocol-mismatch');
    expect(outcome('ws2012-sql2012-sp1', 'jdbc-java8u202')).toBe('success');
  });

  it('the legacy SQLSRV32 driver on Server 2016 against a TLS 1.2-only server; SQLOLEDB on 22H2 works', () => {
    expect(outcome('ws2019-sql2019-tls12-only', 'sqlsrv32-win2016')).toBe('tls-protocol-mismatch');
    expect(outcome('ws2019-sql2019-tls12-only', 'sqloledb-win10-22h2')).toBe('success');
  });

  it('a client with every protocol switched off fails before sending a Client Hello', () => {
    const off: Change[] = (['SSL 3.0', 'TLS 1.0', 'TLS 1.1', 'TLS 1.2', 'TLS 1.3'] as const).map(
      (protocol) => ({
        kind: 'set-protocol',
        side: 'client',
        protocol,
        setting: 'disabled',
      }),
    );
    const p = pair('ws2019-sql2019', 'netfx-4.8-win10', off);
    const r = simulate(p.server, p.client);
    expect(r.outcome).toBe('tls-protocol-mismatch');
    expect(r.steps.some((s) => s.kind === 'client-hello')).toBe(false);
    expect(r.steps.at(-1)?.detail).toContain('36871');
  });

  it('a patched SQL Server 2008 R2 SP3 with the TLS 1.2 key set accepts the TLS 1.2-only client', () => {
    const p = pair('ws2008r2-sql2008r2-sp3-tls12', 'netfx-4.8-win10-tls12-only');
    const r = simulate(p.server, p.client);
    expect(r.outcome).toBe('success');
    expect(r.negotiated?.protocol).toBe('TLS 1.2');
  });

  it('the server answers with a version the client switched off: the client aborts', () => {
    // client: TLS 1.0 and 1.2 (1.1 off); server: 1.0 and 1.1 (SQL capped at 1.2, Schannel 1.2 off)
    const p = pair('ws2019-sql2019', 'netfx-4.8-win10', [
      { kind: 'set-protocol', side: 'client', protocol: 'TLS 1.1', setting: 'disabled' },
      { kind: 'set-protocol', side: 'server', protocol: 'TLS 1.2', setting: 'disabled' },
    ]);
    const r = simulate(p.server, p.client);
    expect(r.outcome).toBe('tls-protocol-mismatch');
    expect(r.steps.at(-1)?.actor).toBe('client');
  });
});

describe('scenario 2: cipher-suite-mismatch', () => {
  it('a GCM-only server against a TLS 1.0 client (no GCM suite works with TLS 1.0)', () => {
    const r = (() => {
      const p = pair('ws2019-sql2019-gcm-only', 'sqlsrv32-win2016', [
        { kind: 'set-protocol', side: 'server', protocol: 'TLS 1.0', setting: 'enabled' },
      ]);
      return simulate(p.server, p.client);
    })();
    expect(r.outcome).toBe('cipher-suite-mismatch');
    expect(r.explanation).toContain('TLS 1.0');
    expect(r.steps.at(-1)?.detail).toContain('36874');
  });

  it('an ECDHE-GCM-only server against stock Windows Server 2012 R2 (which has no ECDHE_RSA GCM)', () => {
    expect(
      outcome('ws2019-sql2019-gcm-only', 'netfx-4.6-default', [{ kind: 'remove-dhe', side: 'server' }]),
    ).toBe('cipher-suite-mismatch');
  });

  it('an ECDSA-only order with an RSA certificate has nothing usable', () => {
    expect(
      outcome('ws2019-sql2019', 'netfx-4.8-win10', [
        {
          kind: 'set-cipher-order',
          side: 'server',
          order: ['TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384', 'TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256'],
        },
      ]),
    ).toBe('cipher-suite-mismatch');
  });
});

describe('scenario 3: tls-dhe-ciphers', () => {
  it('Windows Server 2012 R2 with TLS_DHE first against a Windows 10 client: intermittent', () => {
    const p = pair('ws2012r2-sql2016-dhe-first', 'netfx-4.8-win10');
    const r = simulate(p.server, p.client);
    expect(r.outcome).toBe('tls-dhe-ciphers');
    expect(r.intermittent).toBe(true);
    expect(r.negotiated).toEqual({ protocol: 'TLS 1.2', suite: 'TLS_DHE_RSA_WITH_AES_256_GCM_SHA384' });
    expect(r.steps.map((s) => s.kind)).toContain('key-exchange');
    expect(r.explanation).toContain('Remove the TLS_DHE suites');
  });

  it('a 2012 R2 client against a Server 2019 (DHE_RSA GCM is the first suite they share)', () => {
    const r = (() => {
      const p = pair('ws2019-sql2019', 'netfx-4.6-default');
      return simulate(p.server, p.client);
    })();
    expect(r.outcome).toBe('tls-dhe-ciphers');
    expect(r.negotiated?.suite).toMatch(/^TLS_DHE_RSA/);
  });

  it('stock 2012 R2 server against a GCM-only Windows 10 client', () => {
    expect(outcome('ws2012r2-sql2014-sp3', 'win10-gcm-only-netfx')).toBe('tls-dhe-ciphers');
  });

  it('stock 2012 R2 server against a stock Windows 10 client succeeds (ECDHE comes before DHE)', () => {
    const p = pair('ws2012r2-sql2014-sp3', 'netfx-4.8-win10');
    const r = simulate(p.server, p.client);
    expect(r.outcome).toBe('success');
    expect(r.negotiated?.suite).toMatch(/^TLS_ECDHE_RSA/);
  });

  it('DHE between two machines that both lack the fix works (both compute the secret the same way)', () => {
    const p = pair('ws2012r2-sql2016-dhe-first', 'netfx-4.6-default');
    const r = simulate(p.server, p.client);
    expect(r.negotiated?.suite).toMatch(/^TLS_DHE/);
    expect(r.outcome).toBe('success');
  });
});

describe('scenario 4: weak-certificate-hash', () => {
  it('SHA-512 certificate with an older Windows client (no SHA-512 in signature_algorithms)', () => {
    const p = pair('ws2019-sql2019-sha512-cert', 'netfx-4.6-default');
    const r = simulate(p.server, p.client);
    expect(r.outcome).toBe('weak-certificate-hash');
    expect(r.steps.some((s) => s.kind === 'server-hello')).toBe(false);
  });

  it('MD5 certificate against Windows 10 and SHA-224 against Java 17', () => {
    expect(outcome('ws2016-sql2016-md5-cert', 'netfx-4.8-win10')).toBe('weak-certificate-hash');
    expect(outcome('ws2019-sql2019', 'jdbc-java17', [{ kind: 'replace-certificate', hash: 'sha224' }])).toBe(
      'weak-certificate-hash',
    );
  });

  it('SHA-512 certificate with a Windows 10 client works; MD5 over TLS 1.0 works (no signature_algorithms)', () => {
    expect(outcome('ws2019-sql2019-sha512-cert', 'netfx-4.8-win10')).toBe('success');
    expect(
      outcome('ws2016-sql2016-md5-cert', 'netfx-4.5.2-win2012r2', [
        { kind: 'replace-certificate', hash: 'md5' },
      ]),
    ).toBe('success');
  });

  it('OpenSSL 3 at SECLEVEL 2 refuses a SHA-1 certificate; Windows clients accept it', () => {
    const p = pair('ws2016-sql2016-sha1-cert', 'openssl3-seclevel2');
    const r = simulate(p.server, p.client);
    expect(r.outcome).toBe('weak-certificate-hash');
    expect(r.steps.at(-1)?.actor).toBe('client');
    expect(outcome('ws2016-sql2016-sha1-cert', 'netfx-4.8-win10')).toBe('success');
  });

  it('a self-generated certificate is never the weak-hash case', () => {
    expect(
      outcome('ws2016-sql2016-md5-cert', 'netfx-4.8-win10', [{ kind: 'use-self-generated-certificate' }]),
    ).toBe('success');
  });
});

describe('scenario 5: dhe-leading-zero', () => {
  it('Server 2016 before KB4537806 with DHE first, fixed Windows 10 client', () => {
    const r = (() => {
      const p = pair('ws2016-unpatched-sql2016', 'netfx-4.8-win10', [DHE_FIRST]);
      return simulate(p.server, p.client);
    })();
    expect(r.outcome).toBe('dhe-leading-zero');
    expect(r.intermittent).toBe(true);
    expect(r.explanation).toContain('14393.3542');
  });

  it('an unpatched Server 2016 client against a fixed Server 2019 with DHE first', () => {
    expect(outcome('ws2019-sql2019', 'netfx-4.8-win2016-unpatched', [DHE_FIRST])).toBe('dhe-leading-zero');
  });

  it('a Java client (spec-compliant DHE) against an unpatched Server 2016', () => {
    expect(outcome('ws2016-unpatched-sql2016', 'jdbc-java8u291', [DHE_FIRST])).toBe('dhe-leading-zero');
  });

  it('after the update (UBR 3542) the same pair succeeds', () => {
    expect(
      outcome('ws2016-unpatched-sql2016', 'netfx-4.8-win10', [
        DHE_FIRST,
        { kind: 'install-leading-zero-fix', side: 'server' },
      ]),
    ).toBe('success');
  });

  it('Go never offers DHE, so the unpatched server works with it', () => {
    expect(outcome('ws2016-unpatched-sql2016', 'go-1.21', [DHE_FIRST])).toBe('success');
  });
});

describe('TDS 8 (strict)', () => {
  it('a TDS 7.x client against Force Strict Encryption', () => {
    const p = pair('ws2022-sql2022-strict', 'ssms19-tds7');
    const r = simulate(p.server, p.client);
    expect(r.outcome).toBe('strict-encryption');
    expect(r.steps.map((s) => s.kind)).toEqual(['tcp', 'prelogin', 'reset']);
  });

  it('Encrypt=Strict against SQL Server 2019, and against SQL Server 2022', () => {
    expect(outcome('ws2019-sql2019', 'odbc18-strict-win11')).toBe('strict-encryption');
    expect(outcome('ws2022-sql2022', 'odbc18-strict-win11')).toBe('success');
  });

  it('TLS 1.3 only under TDS 8 on Server 2022 with SQL Server 2022 CU1+', () => {
    const strict = pair('ws2022-sql2022-strict', 'mds-5-strict');
    const r = simulate(strict.server, strict.client);
    expect(r.negotiated?.protocol).toBe('TLS 1.3');
    expect(r.tds8).toBe(true);
    expect(r.steps[1]?.kind).toBe('client-hello');
    const tds7 = pair('ws2022-sql2022', 'mds-5');
    expect(simulate(tds7.server, tds7.client).negotiated?.protocol).toBe('TLS 1.2');
    const rtm = pair('ws2022-sql2022-strict', 'mds-5-strict', [
      { kind: 'set-sql-build', build: '16.0.1000.6' },
    ]);
    expect(simulate(rtm.server, rtm.client).negotiated?.protocol).toBe('TLS 1.2');
  });

  it('Encrypt=Strict with a driver that does not support it is refused before connecting', () => {
    const r = (() => {
      const p = pair('ws2022-sql2022', 'netfx-4.8-win10', [{ kind: 'set-encrypt', mode: 'strict' }]);
      return simulate(p.server, p.client);
    })();
    expect(r.outcome).toBe('unsupported-setup');
    expect(r.ok).toBe(false);
  });
});

describe('other stacks', () => {
  it('Java 7 offers TLS 1.0 only unless sslProtocol asks for TLS 1.2', () => {
    const p = pair('ws2019-sql2019-tls12-only', 'jdbc-java7');
    expect(simulate(p.server, p.client).outcome).toBe('tls-protocol-mismatch');
    expect(simulate(p.server, p.client).offers.clientProtocols).toEqual(['TLS 1.0']);
    expect(
      outcome('ws2019-sql2019-tls12-only', 'jdbc-java7', [{ kind: 'set-java', sslProtocol: 'TLSv1.2' }]),
    ).toBe('success');
  });

  it('Node.js and Go default to TLS 1.2 as the minimum', () => {
    expect(outcome('ws2012r2-sql2014-rtm', 'node-20')).toBe('tls-protocol-mismatch');
    expect(outcome('ws2012r2-sql2014-rtm', 'go-1.21')).toBe('tls-protocol-mismatch');
    expect(
      outcome('ws2012r2-sql2014-rtm', 'go-1.21', [{ kind: 'set-go-min-version', minVersion: 'TLS 1.0' }]),
    ).toBe('success');
  });

  it('Microsoft.Data.SqlClient on Linux follows the system OpenSSL settings', () => {
    expect(outcome('ws2008r2-sql2008r2-rtm', 'mds-5-linux')).toBe('tls-protocol-mismatch');
    expect(outcome('ws2019-sql2019', 'mds-5-linux')).toBe('success');
  });
});

describe('robustness and assumptions', () => {
  it('reports assumptions for approximate data', () => {
    const p = pair('ws2025-sql2022', 'mds-5');
    const r = simulate(p.server, p.client);
    expect(r.ok).toBe(true);
    expect(r.assumptions.some((a) => a.includes('26100'))).toBe(true);
  });

  it('a Server 2016 build without UBR is assumed unpatched and says so', () => {
    const p = pair('ws2016-unpatched-sql2016', 'netfx-4.8-win10', [
      DHE_FIRST,
      { kind: 'set-windows-build', side: 'server', build: 14393, ubr: null },
    ]);
    const r = simulate(p.server, p.client);
    expect(r.outcome).toBe('dhe-leading-zero');
    expect(r.assumptions.some((a) => a.includes('14393'))).toBe(true);
  });

  it('does not throw on garbage and names what it replaced', () => {
    const r = simulate({ windows: 5, sqlBuild: {} } as unknown as ServerSide, null as unknown as ClientSide);
    expect(typeof r.outcome).toBe('string');
    expect(r.assumptions.length).toBeGreaterThan(0);
  });
});
