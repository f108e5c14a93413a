import { describe, expect, it } from 'vitest';
import {
  effectiveProtocols,
  schannelProtocolsParser,
  stateOf,
  type SchannelProtocolsFacts,
} from './schannel-protocols';
import type { ParseResult } from '../model';

const HANG_GUARD_MS = 1500;

const raw = import.meta.glob('./__fixtures__/schannel-protocols/*', {
  query: '?raw',
  import: 'default',
  eager: true,
}) as Record<string, string>;
const fx = (name: string): string => {
  const t = raw[`./__fixtures__/schannel-protocols/${name}`];
  if (typeof t !== 'string') throw new Error(`missing fixture ${name}`);
  return t;
};
const parse = (text: string) =>
  schannelProtocolsParser.parse(text) as ParseResult<'schannel-protocols', SchannelProtocolsFacts>;

/** every evidence span quotes exactly the characters it points at */
function spansHold(text: string, r: ParseResult<'schannel-protocols', SchannelProtocolsFacts>) {
  for (const e of r.evidence) expect(text.slice(e.start, e.end)).toBe(e.text);
  for (const p of r.problems)
    if (p.start !== undefined) expect(p.end ?? p.start).toBeGreaterThanOrEqual(p.start);
}

const utf16Mangled = (s: string) => '\u00ff\u00fe' + [...s].map((ch) => ch + '\u0000').join('');

describe('schannel-protocols: reg query /s', () => {
  const text = fx('reg-query-tls12-only.txt');
  const r = parse(text);
  it('reads each protocol and side', () => {
    expect(r.facts.protocols['TLS 1.0']).toEqual({ server: 'disabled', client: 'disabled' });
    expect(r.facts.protocols['TLS 1.1']).toEqual({ server: 'disabled', client: 'disabled' });
    expect(r.facts.protocols['TLS 1.2']).toEqual({ server: 'enabled', client: 'enabled' });
    expect(r.facts.protocols['SSL 3.0']).toEqual({ server: 'default', client: 'default' });
    // DisabledByDefault alone turns it off
    expect(r.facts.protocols['SSL 2.0'].client).toBe('disabled');
    expect(r.facts.settings['TLS 1.0'].server).toEqual({
      keyPresent: true,
      enabled: 0,
      disabledByDefault: 1,
      state: 'disabled',
    });
    expect(r.facts.formats).toEqual(['reg-query']);
  });
  it('summarises TLS 1.2-only sides', () => {
    expect(r.facts.onlyTls12).toEqual({ server: true, client: true });
    expect(r.facts.tls12Disabled).toEqual({ server: false, client: false });
    expect(r.facts.effective).toBeNull();
  });
  it('points evidence at the value lines', () => {
    spansHold(text, r);
    const e = r.evidence.find((x) => x.fact === 'protocols.TLS 1.0.server' && x.text.startsWith('Enabled'));
    expect(e?.text).toBe('Enabled    REG_DWORD    0x0');
    expect(e?.meaning).toMatch(/turned off/);
  });
  it('sniffs high', () => expect(schannelProtocolsParser.sniff(text)).toBeGreaterThanOrEqual(0.9));
  it('reads the same with CRLF line ends', () => {
    const crlf = text.replace(/\n/g, '\r\n');
    const r2 = parse(crlf);
    expect(r2.facts.protocols).toEqual(r.facts.protocols);
    spansHold(crlf, r2);
  });
  it('reads what survives of a truncated paste', () => {
    const t = fx('reg-query-truncated.txt');
    const r2 = parse(t);
    expect(r2.facts.protocols['TLS 1.0'].client).toBe('disabled');
    expect(r2.facts.protocols['TLS 1.2'].server).toBe('default');
  });
});

describe('schannel-protocols: .reg files', () => {
  it('reads version 5 with CRLF, ControlSet001, dword:ffffffff and hex(b) QWORDs', () => {
    const text = fx('regedit5-crlf.reg');
    const r = parse(text);
    expect(r.facts.protocols['TLS 1.2']).toEqual({ server: 'enabled', client: 'enabled' });
    expect(r.facts.settings['TLS 1.2'].client.enabled).toBe(0xffffffff);
    expect(r.facts.settings['TLS 1.2'].server.enabled).toBe(1);
    expect(r.facts.protocols['TLS 1.1'].server).toBe('disabled');
    expect(r.facts.disabledByDefault).toEqual([{ protocol: 'TLS 1.1', side: 'server' }]);
    expect(r.facts.tls13KeysPresent).toBe(true);
    expect(r.problems.map((p) => p.code)).toEqual(
      expect.arrayContaining(['tls13-keys-present', 'key-deleted', 'disabled-by-default']),
    );
    const tls13 = r.problems.find((p) => p.code === 'tls13-keys-present')!;
    expect(tls13.message).toContain("Please delete the key 'TLS 1.3'");
    expect(text.slice(tls13.start, tls13.end)).toContain('TLS 1.3\\Client]');
    spansHold(text, r);
  });
  it('finds the SCHANNEL key in any letter case, also after a dotted capital I elsewhere in the path', () => {
    const text = [
      'Windows Registry Editor Version 5.00',
      '',
      '[HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Control\\securityproviders\\schannel\\protocols\\TLS 1.2\\Server]',
      '"Enabled"=dword:00000000',
      '',
      '[HKEY_LOCAL_MACHINE\\SOFTWARE\\\u0130\\SecurityProviders\\SCHANNEL\\Protocols\\TLS 1.1\\Client]',
      '"Enabled"=dword:00000001',
      '',
    ].join('\r\n');
    const r = parse(text);
    expect(r.facts.protocols['TLS 1.2'].server).toBe('disabled');
    expect(r.facts.protocols['TLS 1.1'].client).toBe('enabled');
    spansHold(text, r);
  });
  it('reads a BOM-prefixed text and UTF-16LE read as single bytes (NULs between letters)', () => {
    const text = fx('regedit5-crlf.reg');
    const plain = parse(text).facts.protocols;
    const bom = '\ufeff' + text;
    expect(parse(bom).facts.protocols).toEqual(plain);
    spansHold(bom, parse(bom));
    const mangled = utf16Mangled(text);
    const r = parse(mangled);
    expect(r.facts.protocols).toEqual(plain);
    expect(r.problems.some((p) => p.code === 'utf16-decoded')).toBe(true);
    spansHold(mangled, r);
    const e = r.evidence
      .filter((x) => x.fact === 'protocols.TLS 1.2.server')
      .map((x) => x.text.split('\u0000').join(''));
    expect(e).toContain('"DisabledByDefault"=hex(b):00,00,00,00,00,00,00,00');
    expect(schannelProtocolsParser.sniff(mangled)).toBeGreaterThanOrEqual(0.9);
  });
  it('reads REGEDIT4 and the other SCHANNEL switches', () => {
    const text = fx('regedit4-iis-crypto.reg');
    const r = parse(text);
    expect(r.facts.protocols['TLS 1.0'].server).toBe('enabled');
    expect(r.facts.protocols['SSL 3.0'].server).toBe('disabled');
    expect(r.facts.ciphers).toEqual({ 'RC4 128/128': 0, 'Triple DES 168': 0 });
    expect(r.facts.hashes).toEqual({ MD5: 0 });
    expect(r.facts.keyExchangeAlgorithms).toEqual({ 'Diffie-Hellman': 0xffffffff });
    expect(r.facts.eventLogging).toBe(7);
    expect(r.facts.fipsEnabled).toBe(true);
    expect(r.facts.dotnet).toEqual([
      {
        path: 'HKLM\\SOFTWARE\\Microsoft\\.NETFramework\\v4.0.30319',
        schUseStrongCrypto: 1,
        systemDefaultTlsVersions: 1,
      },
      {
        path: 'HKLM\\SOFTWARE\\WOW6432Node\\Microsoft\\.NETFramework\\v4.0.30319',
        schUseStrongCrypto: 0,
        systemDefaultTlsVersions: null,
      },
    ]);
    expect(r.facts.ignoredProtocols.sort()).toEqual(['Multi-Protocol Unified Hello', 'PCT 1.0']);
    expect(r.problems.filter((p) => p.code === 'ignored-protocol').every((p) => p.severity === 'info')).toBe(
      true,
    );
    expect(r.problems.some((p) => p.code === 'fips-enabled')).toBe(true);
    spansHold(text, r);
  });
  it('names the usual mistakes', () => {
    const text = fx('mistakes.reg');
    const r = parse(text);
    const codes = r.problems.map((p) => p.code);
    expect(codes).toEqual(
      expect.arrayContaining([
        'values-on-protocol-key',
        'wrong-value-type',
        'misspelled-value',
        'unknown-protocol-key',
        'ignored-protocol',
      ]),
    );
    // a REG_SZ "1" is ignored by Schannel: the client stays at the OS default
    expect(r.facts.protocols['TLS 1.2'].client).toBe('default');
    expect(r.facts.ignoredProtocols).toEqual(['DTLS 1.2']);
  });
});

describe('schannel-protocols: PowerShell', () => {
  it('reads Get-ItemProperty blocks with wrapped PSPath lines and missing-key errors', () => {
    const text = fx('get-itemproperty-list.txt');
    const r = parse(text);
    expect(r.facts.protocols['TLS 1.2'].server).toBe('enabled');
    expect(r.facts.protocols['TLS 1.0'].client).toBe('disabled');
    expect(r.facts.settings['TLS 1.0'].client.enabled).toBe(4294967295);
    expect(r.facts.disabledByDefault).toEqual([{ protocol: 'TLS 1.0', side: 'client' }]);
    expect(r.problems.some((p) => p.code === 'key-not-found' && /TLS 1\.1\\Server/.test(p.message))).toBe(
      true,
    );
    expect(r.facts.formats).toContain('powershell-list');
    const e = r.evidence.find((x) => x.fact === 'protocols.TLS 1.2.server')!;
    expect(e.text).toBe('Enabled           : 1');
    spansHold(text, r);
  });
  it('reads Get-ChildItem -Recurse tables, including keys without values', () => {
    const text = fx('get-childitem-table.txt');
    const r = parse(text);
    expect(r.facts.protocols['TLS 1.0']).toEqual({ server: 'disabled', client: 'disabled' });
    expect(r.facts.protocols['TLS 1.3'].server).toBe('enabled');
    expect(r.facts.tls13KeysPresent).toBe(true);
    expect(r.facts.formats).toContain('powershell-table');
    const e = r.evidence.find((x) => x.fact === 'protocols.TLS 1.0.client')!;
    expect(text.slice(e.start, e.end)).toMatch(/^(Enabled|DisabledByDefault)\s+: [01]$/);
  });
  it('reads a reg query dump pasted after a Get-ChildItem table as reg query, not as table rows', () => {
    const query = fx('reg-query-tls12-only.txt');
    const alone = parse(query).facts.protocols;
    const text = `${fx('get-childitem-table.txt')}\n\n${query}`;
    const r = parse(text);
    // the dump comes last, so its values are the ones that count for the keys both name
    expect(r.facts.protocols['TLS 1.2']).toEqual(alone['TLS 1.2']);
    expect(r.facts.protocols['TLS 1.0']).toEqual(alone['TLS 1.0']);
    expect(r.facts.formats).toEqual(expect.arrayContaining(['powershell-table', 'reg-query']));
    expect(r.problems.filter((p) => p.code === 'unknown-protocol-key')).toEqual([]);
    spansHold(text, r);
  });
  it('takes the key from the command echo when PSPath lines were trimmed off', () => {
    const text =
      "PS C:\\> Get-ItemProperty -Path 'HKLM:\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols\\TLS 1.1\\Client'\n\nEnabled           : 0\nDisabledByDefault : 1\n";
    const r = parse(text);
    expect(r.facts.protocols['TLS 1.1'].client).toBe('disabled');
    spansHold(text, r);
  });
  it('warns when values come without their key', () => {
    const r = parse('Enabled           : 0\nDisabledByDefault : 1\n');
    expect(r.problems.some((p) => p.code === 'values-without-key')).toBe(true);
    expect(r.facts.protocols['TLS 1.0'].server).toBe('default');
  });
});

describe('schannel-protocols: effective states (SQLCheck algorithm over OS defaults)', () => {
  it('maps raw values to states', () => {
    expect(stateOf(null, null)).toBe('default');
    expect(stateOf(1, null)).toBe('enabled');
    expect(stateOf(0xffffffff, 0)).toBe('enabled');
    expect(stateOf(1, 1)).toBe('disabled');
    expect(stateOf(0, 0)).toBe('disabled');
    expect(stateOf(null, 1)).toBe('disabled');
    expect(stateOf(null, 0)).toBe('default');
  });
  it('leaves TLS 1.2 off on Windows Server 2008 R2 unless set, and on by default on 2012 R2', () => {
    const r = parse('');
    const on2008r2 = effectiveProtocols(r.facts.protocols, { build: 7601 });
    expect(on2008r2['TLS 1.2']).toEqual({ server: 'disabled', client: 'disabled' });
    expect(on2008r2['TLS 1.0']).toEqual({ server: 'enabled', client: 'enabled' });
    expect(effectiveProtocols(r.facts.protocols, { build: 9600 })['TLS 1.2'].server).toBe('enabled');
    const set = parse(fx('reg-query-tls12-only.txt'));
    expect(effectiveProtocols(set.facts.protocols, { build: 7601 })['TLS 1.2'].server).toBe('enabled');
    expect(effectiveProtocols(set.facts.protocols, { build: 7601 })['TLS 1.0'].server).toBe('disabled');
  });
  it('keeps TLS 1.3 unsupported before Windows Server 2022 whatever the keys say', () => {
    const r = parse(fx('get-childitem-table.txt'));
    expect(effectiveProtocols(r.facts.protocols, { build: 17763 })['TLS 1.3'].server).toBe('not-supported');
    expect(effectiveProtocols(r.facts.protocols, { build: 20348 })['TLS 1.3'].server).toBe('enabled');
    expect(effectiveProtocols(r.facts.protocols)['TLS 1.2'].server).toBe('unknown');
    expect(effectiveProtocols(r.facts.protocols, { build: 14393 })['SSL 3.0'].client).toBe('disabled');
  });
  it('computes effective states when the dump carries the Windows build', () => {
    const text =
      fx('reg-query-tls12-only.txt') +
      '\nHKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\n    CurrentBuild    REG_SZ    7601\n';
    const r = parse(text);
    expect(r.facts.os?.build).toBe(7601);
    expect(r.facts.effective?.['TLS 1.2'].server).toBe('enabled');
    expect(r.facts.effective?.['SSL 3.0'].server).toBe('enabled');
  });
});

describe('schannel-protocols: robustness', () => {
  it('reports an error for unrelated text and does not sniff it', () => {
    const r = parse('hello world');
    expect(r.problems[0]?.code).toBe('no-registry-listing');
    expect(schannelProtocolsParser.sniff('hello world')).toBe(0);
  });
  const cases: [string, string][] = [
    ['100 KB of newlines', '\n'.repeat(100_000)],
    ['CRLF runs', '\r\n'.repeat(50_000)],
    ['blank-line runs', ('a\n' + '\n'.repeat(200)).repeat(490)],
    ['one 100 KB line', 'HKEY_LOCAL_MACHINE\\' + 'a'.repeat(100_000)],
    ['100 KB of one character', '\\'.repeat(100_000)],
    ['unclosed quotes', '[HKEY_LOCAL_MACHINE\\X]\n' + '"Enabled=dword:'.repeat(7000)],
    ['unclosed brackets', '['.repeat(100_000)],
    ['repeated partial matches', '    Enabled    REG_'.repeat(5500)],
    ['hex continuation storm', '[HKEY_LOCAL_MACHINE\\X]\n"Functions"=hex(7):' + '00,\\\n'.repeat(20_000)],
    ['spaces', ' '.repeat(100_000)],
    ['list lines', 'Enabled : 1\n'.repeat(8500)],
    ['NULs', 'T\u0000'.repeat(50_000)],
  ];
  // The machine running the tests may be busy: warm the parser up on a normal fixture, then keep the best
  // of three runs. Super-linear work would be slow on every run; scheduling noise is not.
  for (const [name, text] of cases)
    it(`${name}: finishes fast and does not throw`, () => {
      parse(fx('reg-query-tls12-only.txt'));
      let best = Infinity;
      for (let i = 0; i < 3; i++) {
        const t0 = performance.now();
        const r = parse(text);
        schannelProtocolsParser.sniff(text);
        best = Math.min(best, performance.now() - t0);
        expect(r.kind).toBe('schannel-protocols');
      }
      // a hang guard, not a speed test (npm run bench measures speed): super-linear work on 100 KB takes seconds
      expect(best).toBeLessThan(HANG_GUARD_MS);
    });
});
