import { describe, expect, it } from 'vitest';
import { COLLECTOR_SECTIONS, collectorScript } from '../knowledge/collector';
import type { ProtocolStates } from './schannel-protocols';
import {
  isCollectorOutput,
  parseCollectorOutput,
  splitCollectorOutput,
  type CollectorAnalysis,
  type CollectorPart,
} from './collector';

const HANG_GUARD_MS = 1500;

const raw = import.meta.glob('./__fixtures__/collector/*', {
  query: '?raw',
  import: 'default',
  eager: true,
}) as Record<string, string>;
const fx = (name: string): string => {
  const t = raw[`./__fixtures__/collector/${name}`];
  if (typeof t !== 'string') throw new Error(`missing fixture ${name}`);
  return t;
};
const SERVER = fx('server-sql2014-sha512.txt');
const CLIENT = fx('client-2012r2-no-tls12.txt');

const part = (a: CollectorAnalysis, id: string, detail?: string): CollectorPart => {
  const p = a.parts.find((x) => x.section.id === id && (detail === undefined || x.section.detail === detail));
  if (!p) throw new Error(`no part ${id}`);
  return p;
};
const facts = (p: CollectorPart) => p.result.facts as Record<string, unknown>;

/** every evidence span quotes exactly the characters it points at, inside its section */
function spansHold(text: string, a: CollectorAnalysis) {
  for (const p of a.parts) {
    for (const e of p.result.evidence) {
      expect(text.slice(e.start, e.end)).toBe(e.text);
      expect(e.start).toBeGreaterThanOrEqual(p.start);
      expect(e.end).toBeLessThanOrEqual(p.end);
    }
  }
}

describe('isCollectorOutput', () => {
  it('recognises the fixtures and nothing else', () => {
    expect(isCollectorOutput(SERVER)).toBe(true);
    expect(isCollectorOutput(CLIENT)).toBe(true);
    expect(isCollectorOutput('----- os-version -----\nCaption : x\n----- hotfixes -----\n')).toBe(true);
    expect(isCollectorOutput('TLS 1.2 Server Enabled 0x1')).toBe(false);
    expect(isCollectorOutput('----- BEGIN CERTIFICATE -----')).toBe(false);
    expect(isCollectorOutput('')).toBe(false);
  });
});

describe('splitCollectorOutput', () => {
  it('reads the header and every section with its kind and side (server)', () => {
    const s = splitCollectorOutput(SERVER);
    expect(s.problems).toEqual([]);
    expect(s.header).toMatchObject({
      version: 1,
      machine: 'SQL01',
      domain: 'contoso.test',
      collectedAt: '2026-05-30T14:59:31Z',
      psVersion: '5.1.14393.3383 Desktop',
      elevated: true,
      role: 'server',
      instances: ['MSSQLSERVER'],
      complete: true,
    });
    expect(s.sections.map((x) => [x.id, x.kind, x.side, x.instance])).toEqual([
      ['os-version', 'os-version', 'server', null],
      ['hotfixes', 'unknown', 'server', null],
      ['schannel-protocols', 'schannel-protocols', 'server', null],
      ['cipher-suites-cmdlet', 'cipher-suites', 'server', null],
      ['cipher-suites-registry', 'cipher-suites', 'server', null],
      ['dotnet-tls', 'unknown', 'server', null],
      ['sql-instances', 'unknown', 'server', null],
      ['sql-instance', 'sql-version', 'server', 'MSSQLSERVER'],
      ['sql-certificate', 'certificate', 'server', 'MSSQLSERVER'],
      ['errorlog', 'errorlog', 'server', 'MSSQLSERVER'],
      ['schannel-events', 'schannel-event', 'server', null],
    ]);
    expect(s.sections.find((x) => x.id === 'sql-certificate')!.detail).toBe('configured');
    for (const x of s.sections) {
      expect(SERVER.slice(x.markerStart, x.markerEnd)).toMatch(/^----- .+ -----$/);
      expect(SERVER.slice(x.start, x.end)).not.toContain('-----');
      expect(x.machine).toBe('SQL01');
    }
  });

  it('labels a machine without SQL Server as the client side; its empty sections are marked', () => {
    const s = splitCollectorOutput(CLIENT);
    expect(s.header.role).toBe('client');
    expect(s.header.elevated).toBe(false);
    expect(new Set(s.sections.map((x) => x.side))).toEqual(new Set(['client']));
    const empty = s.sections.filter((x) => x.empty).map((x) => x.id);
    expect(empty).toEqual(['cipher-suites-cmdlet', 'sql-instances', 'schannel-events']);
  });

  it('fixtures hold the documented sections in the documented order', () => {
    for (const text of [SERVER, CLIENT]) {
      const ids = splitCollectorOutput(text).sections.map((x) => x.id);
      const order = ids.map((id) => COLLECTOR_SECTIONS.indexOf(id as (typeof COLLECTOR_SECTIONS)[number]));
      expect(order.every((i) => i >= 0)).toBe(true);
      expect([...order].sort((a, b) => a - b)).toEqual(order);
      // every section id in a fixture is printed by the script
      for (const id of ids) expect(collectorScript.code).toContain(`----- ${id}`);
    }
  });

  it('splits a paste holding both machines into two blocks', () => {
    const s = splitCollectorOutput(`${SERVER}\n\n${CLIENT}`);
    expect(s.blocks.map((b) => [b.machine, b.role, b.complete])).toEqual([
      ['SQL01', 'server', true],
      ['APP07', 'client', true],
    ]);
    const os = s.sections.filter((x) => x.id === 'os-version');
    expect(os.map((x) => [x.machine, x.side])).toEqual([
      ['SQL01', 'server'],
      ['APP07', 'client'],
    ]);
  });
});

describe('parseCollectorOutput: server (SQL Server 2014 SP1, SHA-512 certificate)', async () => {
  const a = await parseCollectorOutput(SERVER);

  it('reads protocol states: TLS 1.0 and 1.1 disabled, TLS 1.2 enabled', () => {
    const p = facts(part(a, 'schannel-protocols')).protocols as ProtocolStates;
    expect(p['TLS 1.0']).toEqual({ server: 'disabled', client: 'disabled' });
    expect(p['TLS 1.1']).toEqual({ server: 'disabled', client: 'disabled' });
    expect(p['TLS 1.2']).toEqual({ server: 'enabled', client: 'enabled' });
  });

  it('reads both cipher lists with their DHE suites', () => {
    const cmdlet = facts(part(a, 'cipher-suites-cmdlet'));
    expect(cmdlet.hasDhe).toBe(true);
    expect(cmdlet.suites).toContain('TLS_DHE_RSA_WITH_AES_256_GCM_SHA384');
    const reg = facts(part(a, 'cipher-suites-registry'));
    expect(reg.source).toBe('local');
    expect((reg.lists as { policy: unknown }).policy).toBeNull();
    expect(reg.dheSuites).toEqual([
      'TLS_DHE_RSA_WITH_AES_256_GCM_SHA384',
      'TLS_DHE_RSA_WITH_AES_128_GCM_SHA256',
    ]);
  });

  it('reads the OS build without the leading-zero fix', () => {
    const os = facts(part(a, 'os-version'));
    expect(os).toMatchObject({
      product: 'Windows Server 2016',
      build: 14393,
      ubr: 3384,
      leadingZeroFix: false,
    });
  });

  it('reads the SQL Server build from the registry and judges TLS 1.2 support', () => {
    const v = facts(part(a, 'sql-instance'));
    expect(v).toMatchObject({
      product: 'SQL Server 2014',
      build: '12.0.4100.1',
      servicingLevel: 'SP1',
      supportsTls12: false,
    });
    expect(v.edition).toBe('Standard Edition');
  });

  it('reads the configured certificate: thumbprint, SHA-512 hash, Server Authentication', () => {
    const c = facts(part(a, 'sql-certificate', 'configured'));
    expect(c).toMatchObject({
      thumbprint: '4E1F0C9A6B2D3E8F7A5C1B0D9E8F7A6B5C4D3E2F',
      signatureHash: 'sha512',
      weakForSqlServer: true,
      serverAuthEku: true,
      subject: 'CN=sql01.contoso.test',
      notAfter: '2027-06-01T00:00:00.000Z',
    });
    expect(c.san).toEqual(['sql01.contoso.test', 'sql01']);
  });

  it('reads the ERRORLOG thumbprint, build and the reset during SSL', () => {
    const e = facts(part(a, 'errorlog'));
    expect(e.certificateThumbprint).toBe('4E1F0C9A6B2D3E8F7A5C1B0D9E8F7A6B5C4D3E2F');
    expect(e.serverBuild).toBe('12.0.4100.1');
    expect(e.resetsDuringSsl).toBe(1);
  });

  it('reads the Schannel event', () => {
    expect(facts(part(a, 'schannel-events'))).toMatchObject({ eventId: 36888, alert: 40 });
  });

  it('reads hotfixes, .NET keys and instances itself', () => {
    expect(a.facts).toHaveLength(1);
    expect(a.facts[0]!.hotfixes).toEqual({
      installed: [],
      missing: ['KB4537806', 'KB4540670'],
      recent: ['KB4530689', 'KB4520724'],
    });
    expect(a.facts[0]!.dotnet![0]).toMatchObject({
      wow64: false,
      schUseStrongCrypto: 1,
      systemDefaultTlsVersions: null,
    });
    expect(a.facts[0]!.instances).toEqual([{ name: 'MSSQLSERVER', id: 'MSSQL12.MSSQLSERVER' }]);
  });

  it('tags every part with machine and side, with evidence inside its section', () => {
    expect(a.parts.every((p) => p.machine === 'SQL01' && p.side === 'server')).toBe(true);
    spansHold(SERVER, a);
    const thumbEvidence = part(a, 'errorlog').result.evidence.find((e) => e.fact === 'certificateThumbprint');
    expect(thumbEvidence?.text).toContain('4E1F0C9A6B2D3E8F7A5C1B0D9E8F7A6B5C4D3E2F');
  });
});

describe('parseCollectorOutput: client (Windows Server 2012 R2 without TLS 1.2 keys)', async () => {
  const a = await parseCollectorOutput(CLIENT);

  it('leaves every protocol but SSL 2.0 client at the Windows default', () => {
    const p = facts(part(a, 'schannel-protocols')).protocols as ProtocolStates;
    expect(p['TLS 1.2']).toEqual({ server: 'default', client: 'default' });
    expect(p['SSL 2.0'].client).toBe('disabled');
  });

  it('reads the 2012 R2 build (no leading-zero fix) and the local list with curve suffixes removed', () => {
    expect(facts(part(a, 'os-version'))).toMatchObject({
      build: 9600,
      ubr: 19913,
      leadingZeroFix: false,
      isServer: true,
    });
    const reg = facts(part(a, 'cipher-suites-registry'));
    expect((reg.suites as string[])[0]).toBe('TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384');
    expect(reg.hasDhe).toBe(true);
  });

  it('turns "# not found" sections into info problems, not data', () => {
    const cmdlet = part(a, 'cipher-suites-cmdlet');
    expect(cmdlet.kind).toBe('unknown');
    expect(cmdlet.result.problems[0]).toMatchObject({ code: 'collector-not-found', severity: 'info' });
    expect(cmdlet.result.problems[0]!.message).toContain('Get-TlsCipherSuite');
    expect(part(a, 'schannel-events').kind).toBe('unknown');
    expect(a.facts[0]!.instances).toEqual([]);
    expect(a.parts.every((p) => p.side === 'client' && p.machine === 'APP07')).toBe(true);
  });
});

describe('damaged output never throws', () => {
  it('a cut copy reports the missing end marker and keeps what it has', async () => {
    const cut = SERVER.slice(0, SERVER.indexOf('SignatureAlgorithmOid'));
    const a = await parseCollectorOutput(cut);
    expect(a.problems.map((p) => p.code)).toContain('collector-truncated');
    expect(facts(part(a, 'sql-certificate')).signatureHash).toBe('sha512');
    expect(a.parts.some((p) => p.section.id === 'errorlog')).toBe(false);
  });

  it('output without its header has an unknown side but server sections stay server', async () => {
    const tail = SERVER.slice(SERVER.indexOf('----- schannel-protocols'));
    const a = await parseCollectorOutput(tail);
    expect(a.problems.map((p) => p.code)).toContain('collector-header-missing');
    expect(part(a, 'schannel-protocols').side).toBe('unknown');
    expect(part(a, 'sql-instance').side).toBe('server');
  });

  it('unknown section ids, newer versions and two blocks without an end marker become problems', async () => {
    const text = `${SERVER.replace('v1 =====', 'v2 =====').replace('----- hotfixes -----', '----- future-thing x -----')}`;
    const twice = text.replace('===== end of collector output =====', '') + '\n' + CLIENT;
    const a = await parseCollectorOutput(twice);
    const codes = a.problems.map((p) => p.code);
    expect(codes).toEqual(
      expect.arrayContaining(['collector-newer-version', 'collector-unknown-section', 'collector-truncated']),
    );
    expect(a.blocks).toHaveLength(2);
  });

  it('mangled, random and huge inputs return without throwing, quickly', async () => {
    const inputs: string[] = [
      '',
      '=====',
      '----- -----',
      '----- os-version -----',
      '===== 10054 troubleshooter collector v1 =====',
      SERVER.replace(/\n/g, '\r\n'),
      SERVER.split('\n').reverse().join('\n'),
      SERVER.replace(/ : /g, ''),
      SERVER.slice(0, 100),
      SERVER.slice(SERVER.length / 2),
      '----- sql-certificate '.repeat(5000),
      ('----- errorlog X -----\n' + '#'.repeat(500) + '\n').repeat(200),
      '-'.repeat(100_000),
      ('----- os-version -----\n' + 'x'.repeat(1000) + '\n').repeat(100),
    ];
    for (const input of inputs) {
      const t0 = performance.now();
      const a = await parseCollectorOutput(input);
      expect(Array.isArray(a.parts)).toBe(true);
      expect(performance.now() - t0).toBeLessThan(2000);
    }
    // non-string input from a careless caller
    await expect(parseCollectorOutput(undefined as unknown as string)).resolves.toBeTruthy();
    expect(splitCollectorOutput(null as unknown as string).sections).toEqual([]);
  });

  it('splitting 100 KB of adversarial marker-like lines stays well under 50 ms', () => {
    const line = '----- a' + ' x'.repeat(60) + ' ----\n';
    const text = line.repeat(Math.ceil(100_000 / line.length));
    splitCollectorOutput(text);
    const t0 = performance.now();
    splitCollectorOutput(text);
    isCollectorOutput(text);
    // a hang guard, not a speed test (npm run bench measures speed): super-linear work on 100 KB takes seconds
    expect(performance.now() - t0).toBeLessThan(HANG_GUARD_MS);
  });
});
