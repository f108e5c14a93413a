import { describe, expect, it } from 'vitest';
import { osVersionParser, type OsVersionFacts } from './os-version';
import type { ParseResult } from '../model';

const HANG_GUARD_MS = 1500;

const raw = import.meta.glob('./__fixtures__/os-version/*', {
  query: '?raw',
  import: 'default',
  eager: true,
}) as Record<string, string>;
const fx = (name: string): string => {
  const t = raw[`./__fixtures__/os-version/${name}`];
  if (typeof t !== 'string') throw new Error(`missing fixture ${name}`);
  return t;
};
const parse = (text: string) => osVersionParser.parse(text) as ParseResult<'os-version', OsVersionFacts>;
function spansHold(text: string, r: ParseResult<'os-version', OsVersionFacts>) {
  for (const e of r.evidence) expect(text.slice(e.start, e.end)).toBe(e.text);
}
const ev = (r: ParseResult<'os-version', OsVersionFacts>, fact: string) =>
  r.evidence.find((e) => e.fact === fact)?.text;

describe('os-version: formats', () => {
  it('winver: 1607 below the leading-zero fix, client/server left open', () => {
    const text = fx('winver.txt');
    const r = parse(text);
    expect(r.facts).toMatchObject({
      build: 14393,
      ubr: 3443,
      displayVersion: '1607',
      defaultCipherFamily: '2016',
      leadingZeroFix: false,
      tls13Supported: false,
    });
    // the winver blurb names the product: server
    expect(r.facts.product).toBe('Windows Server 2016');
    expect(ev(r, 'build')).toBe('14393');
    expect(ev(r, 'ubr')).toBe('3443');
    spansHold(text, r);
    expect(osVersionParser.sniff(text)).toBeGreaterThanOrEqual(0.9);
  });
  it('winver without the product line says the build is client or server', () => {
    const r = parse('Version 1607 (OS Build 14393.3542)');
    expect(r.facts.product).toBe('Windows Server 2016 or Windows 10 version 1607');
    expect(r.facts.productCandidates).toEqual(['Windows Server 2016', 'Windows 10 version 1607']);
    expect(r.facts.isServer).toBeNull();
    expect(r.facts.leadingZeroFix).toBe(true);
    expect(r.problems.map((p) => p.code)).toContain('client-or-server');
  });
  it('systeminfo: 2012 R2 never got the leading-zero fix', () => {
    const text = fx('systeminfo.txt');
    const r = parse(text);
    expect(r.facts).toMatchObject({
      product: 'Windows Server 2012 R2',
      productName: 'Windows Server 2012 R2 Datacenter',
      isServer: true,
      ntVersion: '6.3',
      build: 9600,
      defaultCipherFamily: '2012r2',
      cipherFamilyApproximate: false,
      leadingZeroFix: false,
      tls13Supported: false,
    });
    expect(r.facts.defaultProtocols?.['TLS 1.2']).toEqual({ client: 'enabled', server: 'enabled' });
    expect(r.facts.defaultProtocols?.['SSL 3.0']).toEqual({ client: 'enabled', server: 'enabled' });
    expect(ev(r, 'build')).toBe('9600');
    spansHold(text, r);
  });
  it('[Environment]::OSVersion: the .NET revision 0 is not an update level', () => {
    const r = parse(fx('environment-osversion.txt'));
    expect(r.facts).toMatchObject({
      build: 17763,
      ubr: null,
      ntVersion: '10.0',
      defaultCipherFamily: '2019',
      leadingZeroFix: true,
    });
    expect(r.facts.product).toBe('Windows Server 2019 or Windows 10 version 1809');
  });
  it('Get-ComputerInfo: build lab gives the update level', () => {
    const text = fx('get-computerinfo.txt');
    const r = parse(text);
    expect(r.facts).toMatchObject({
      product: 'Windows Server 2016',
      build: 14393,
      ubr: 3564,
      isServer: true,
      leadingZeroFix: true,
    });
    expect(ev(r, 'ubr')).toBe('3564');
    spansHold(text, r);
  });
  it('Get-CimInstance Win32_OperatingSystem: a Windows 11 workstation', () => {
    const r = parse(fx('cim-operatingsystem.txt'));
    expect(r.facts).toMatchObject({
      product: 'Windows 11 version 23H2',
      isServer: false,
      build: 22631,
      tls13Supported: true,
      defaultCipherFamily: '2022',
      cipherFamilyApproximate: true,
    });
    expect(r.facts.defaultProtocols?.['TLS 1.3'].client).toBe('enabled');
  });
  it('registry CurrentVersion values (reg query), with CRLF too', () => {
    const text = fx('registry-currentversion.txt');
    for (const t of [text, text.replace(/\n/g, '\r\n')]) {
      const r = parse(t);
      expect(r.facts).toMatchObject({
        product: 'Windows Server 2022',
        build: 20348,
        ubr: 0xa1d,
        ntVersion: '10.0',
        displayVersion: '21H2',
        isServer: true,
        tls13Supported: true,
        defaultCipherFamily: '2022',
      });
      spansHold(t, r);
    }
  });
  it('ver output: Windows 10 1507 lacks the leading-zero fix', () => {
    const r = parse(fx('ver-1507.txt'));
    expect(r.facts).toMatchObject({
      build: 10240,
      ubr: 16384,
      product: 'Windows 10 version 1507',
      leadingZeroFix: false,
    });
  });
  it('the SQL Server banner fragment', () => {
    const text =
      'Enterprise Edition (64-bit) on Windows NT 6.1 <X64> (Build 7601: Service Pack 1) (Hypervisor)';
    const r = parse(text);
    expect(r.facts).toMatchObject({ build: 7601, ntVersion: '6.1', defaultCipherFamily: '2008r2' });
    expect(r.facts.defaultProtocols?.['TLS 1.2']).toEqual({ client: 'disabled', server: 'disabled' });
    expect(ev(r, 'build')).toBe('7601');
    expect(ev(r, 'ntVersion')).toBe('6.1');
  });
  it('a product name alone gives its build, and says so', () => {
    const r = parse('the server runs Windows Server 2019');
    expect(r.facts).toMatchObject({
      build: 17763,
      buildFromName: true,
      defaultCipherFamily: '2019',
      product: 'Windows Server 2019',
    });
    expect(r.problems.map((p) => p.code)).toContain('build-from-name');
  });
  it('asks for the update level of 14393 when it is missing', () => {
    const r = parse('OS Version:                10.0.14393 N/A Build 14393');
    expect(r.facts.leadingZeroFix).toBeNull();
    expect(r.problems.map((p) => p.code)).toContain('ubr-needed');
  });
  it('UTF-16 text read as single bytes', () => {
    const text = '\u00ff\u00fe' + [...fx('systeminfo.txt')].map((c) => c + '\u0000').join('');
    const r = parse(text);
    expect(r.facts.build).toBe(9600);
    spansHold(text, r);
  });
  it('does not read a SQL Server version label as Windows', () => {
    const r = parse('Version : 13.0.5102.14');
    expect(r.facts.build).toBeNull();
    expect(r.problems.map((p) => p.code)).toContain('no-windows-version');
  });
});

describe('os-version: robustness', () => {
  const cases: [string, string][] = [
    ['100 KB of newlines', '\n'.repeat(100_000)],
    ['CRLF runs', '\r\n'.repeat(50_000)],
    ['blank-line runs', ('a\n' + '\n'.repeat(200)).repeat(490)],
    ['one 100 KB line', 'OS Version: ' + '1'.repeat(100_000)],
    ['100 KB of one character', ':'.repeat(100_000)],
    ['unclosed brackets', '[Version ' + '10.0.'.repeat(20_000)],
    ['repeated partial matches', 'on Windows '.repeat(9000)],
    ['angle brackets', 'Windows NT 6.3 <'.repeat(6000)],
    ['labels', 'Caption : Windows\n'.repeat(5500)],
  ];
  for (const [name, text] of cases)
    it(`${name}: finishes fast and does not throw`, () => {
      parse(fx('systeminfo.txt'));
      let best = Infinity;
      for (let i = 0; i < 3; i++) {
        const t0 = performance.now();
        const r = parse(text);
        osVersionParser.sniff(text);
        best = Math.min(best, performance.now() - t0);
        expect(r.kind).toBe('os-version');
      }
      // a hang guard, not a speed test (npm run bench measures speed): super-linear work on 100 KB takes seconds
      expect(best).toBeLessThan(HANG_GUARD_MS);
    });
});
