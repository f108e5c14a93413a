import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { manyErrorlogLines, sqlVersionParser, type SqlVersionFacts } from './sql-version';
import type { ParseResult } from '../model';

const HANG_GUARD_MS = 1500;

const raw = import.meta.glob('./__fixtures__/sql-version/*', {
  query: '?raw',
  import: 'default',
  eager: true,
}) as Record<string, string>;
const fx = (name: string): string => {
  const t = raw[`./__fixtures__/sql-version/${name}`];
  if (typeof t !== 'string') throw new Error(`missing fixture ${name}`);
  return t;
};
const parse = (text: string) => sqlVersionParser.parse(text) as ParseResult<'sql-version', SqlVersionFacts>;
function spansHold(text: string, r: ParseResult<'sql-version', SqlVersionFacts>) {
  for (const e of r.evidence) expect(text.slice(e.start, e.end)).toBe(e.text);
}
const ev = (r: ParseResult<'sql-version', SqlVersionFacts>, fact: string) =>
  r.evidence.find((e) => e.fact === fact)?.text;

describe('sql-version: banners', () => {
  it('reads a multi-line @@VERSION banner on Windows', () => {
    const text = fx('banner-2014-sp2-gdr.txt');
    const r = parse(text);
    expect(r.facts).toMatchObject({
      product: 'SQL Server 2014',
      build: '12.0.5214.6',
      servicingLevel: 'SP2-GDR',
      kb: 'KB4505217',
      edition: 'Standard Edition (64-bit)',
      architecture: 'X64',
      platform: 'windows',
      osName: 'Windows NT 6.3',
      osBuild: 9600,
      osProduct: 'Windows Server 2012 R2 or Windows 8.1',
      supportsTls12: true,
      minimumTls12Build: null,
      hasLoginDispatcherPool: false,
      tds8Capable: false,
    });
    expect(ev(r, 'build')).toBe('12.0.5214.6');
    expect(ev(r, 'osBuild')).toBe('9600');
    expect(ev(r, 'servicingLevel')).toBe('SP2-GDR');
    spansHold(text, r);
    expect(sqlVersionParser.sniff(text)).toBeGreaterThanOrEqual(0.9);
  });
  it('reads a Linux banner from a query result grid', () => {
    const r = parse(fx('banner-2019-linux.txt'));
    expect(r.facts).toMatchObject({
      product: 'SQL Server 2019',
      build: '15.0.4355.3',
      servicingLevel: 'RTM-CU25',
      platform: 'linux',
      osName: 'Ubuntu 22.04.4 LTS',
      osBuild: null,
      hasLoginDispatcherPool: true,
      tds8Capable: false,
      supportsTls12: true,
    });
  });
  it('reads a banner flattened onto one line', () => {
    const r = parse(fx('banner-2016-one-line.txt'));
    expect(r.facts).toMatchObject({
      product: 'SQL Server 2016',
      build: '13.0.6300.2',
      edition: 'Enterprise Edition: Core-based Licensing (64-bit)',
      osName: 'Windows Server 2019 Datacenter 10.0',
      osBuild: 17763,
      osProduct: 'Windows Server 2019',
    });
  });
  it('reads the ERRORLOG first lines, SP3 of 2008 R2 below its TLS 1.2 build', () => {
    const text = fx('errorlog-first-line.txt');
    const r = parse(text);
    expect(r.facts).toMatchObject({
      product: 'SQL Server 2008 R2',
      build: '10.50.6000.34',
      servicingLevel: 'SP3',
      edition: 'Express Edition with Advanced Services (64-bit)',
      osBuild: 7601,
      supportsTls12: false,
      minimumTls12Build: '10.50.6542.0',
      branch: 'SP3',
    });
    expect(r.facts.reason).toMatch(/below 10\.50\.6542\.0/);
    spansHold(text, r);
  });
  it('reads CRLF banners: 2012 SP3 GDR at or above 11.0.6216.27', () => {
    const text = fx('banner-2012-crlf.txt');
    const r = parse(text);
    expect(r.facts).toMatchObject({
      build: '11.0.6260.1',
      branch: 'SP3 GDR',
      supportsTls12: true,
      minimumTls12Build: '11.0.6216.27',
    });
    expect(r.facts.edition).toBe('Web Edition (64-bit)');
    spansHold(text, r);
  });
  it('reads SERVERPROPERTY tables', () => {
    const r = parse(fx('serverproperty.txt'));
    expect(r.facts).toMatchObject({
      product: 'SQL Server 2012',
      build: '11.0.5343.0',
      servicingLevel: 'SP2',
      edition: 'Enterprise Edition (64-bit)',
      supportsTls12: false,
      minimumTls12Build: '11.0.5352.0',
      branch: 'SP2 GDR',
    });
  });
  it('reads what is left of a truncated banner', () => {
    const cut = parse(fx('banner-truncated.txt'));
    expect(cut.facts).toMatchObject({ product: 'SQL Server 2014', build: '12.0.5214', supportsTls12: true });
    const r = parse(fx('banner-truncated.txt').slice(0, 45));
    expect(r.facts.product).toBe('SQL Server 2014');
    expect(r.facts.build).toBeNull();
    expect(r.facts.supportsTls12).toBeNull();
    expect(r.facts.hasLoginDispatcherPool).toBe(false);
    expect(r.problems.map((p) => p.code)).toContain('build-needed');
  });
});

describe('sql-version: bare builds and KB3135244 lines', () => {
  const table: [string, boolean | null, string | null, string][] = [
    ['12.0.4219.0', true, '12.0.4219.0', 'SP1 GDR'],
    ['12.0.4218.0', false, '12.0.4219.0', 'SP1 GDR'],
    ['12.0.4436.0', false, '12.0.4439.1', 'SP1 CU'],
    ['12.0.4439.1', true, '12.0.4439.1', 'SP1 CU'],
    ['11.0.6020', false, '11.0.6216.27', 'SP3 GDR'],
    ['11.0.6518.0', true, '11.0.6518.0', 'SP3 CU'],
    ['11.0.3000.0', false, null, 'RTM to SP1'],
    ['13.0.1601.5', true, null, ''],
    ['9.0.5000.0', false, null, ''],
  ];
  for (const [build, ok, min, branch] of table)
    it(`${build}: TLS 1.2 ${ok}`, () => {
      const r = parse(build);
      expect(r.facts.build).toBe(build);
      expect(r.facts.supportsTls12).toBe(ok);
      expect(r.facts.minimumTls12Build).toBe(min);
      if (branch) expect(r.facts.branch).toBe(branch);
      expect(r.evidence.find((e) => e.fact === 'build')?.text).toBe(build);
    });
  it('warns about builds KB3146034 withdrew', () => {
    const r = parse('10.0.6543.0');
    expect(r.facts.supportsTls12).toBe(true);
    expect(r.facts.pulledBuild).toBe(true);
    const p = r.problems.find((x) => x.code === 'pulled-build')!;
    expect(p.severity).toBe('warning');
    expect(p.message).toContain('10.0.6547.0');
  });
  it('says when the 2014 RTM servicing line was inferred from interleaving ranges', () => {
    const r = parse('SQL Server version 12.0.2480.0');
    expect(r.facts.supportsTls12).toBe(false);
    expect(r.facts.minimumTls12Build).toBe('12.0.2564.0');
    expect(r.facts.branchInferred).toBe(true);
    expect(r.problems.map((p) => p.code)).toContain('branch-inferred');
  });
  it('trusts the build over a product year that disagrees', () => {
    const r = parse('Microsoft SQL Server 2014 - 13.0.5102.14 (X64)');
    expect(r.facts.product).toBe('SQL Server 2016');
    expect(r.problems.map((p) => p.code)).toContain('product-build-mismatch');
  });
  it('does not take a Windows version for a SQL Server build', () => {
    const r = parse('Microsoft Windows NT 10.0.14393.0');
    expect(r.facts.build).toBeNull();
    expect(sqlVersionParser.sniff('Microsoft Windows NT 10.0.14393.0')).toBe(0);
  });
  it('takes only a whole dotted number for the build', () => {
    const build = (t: string) => parse(t).facts.build;
    expect(
      build('Driver 3.1.2.345; Microsoft SQL Server 2014 (SP2-GDR) (KB4505217) - 12.0.5214.6 (X64)'),
    ).toBe('12.0.5214.6');
    // part of a longer number: not a build
    expect(build('112.0.5214.6')).toBeNull();
    expect(build('12.0.52145')).toBeNull();
    expect(build('12.0.5214.6.7')).toBeNull();
    expect(build('v1.12.0.5214.6 then 11.0.7001.0')).toBe('11.0.7001.0');
    // a trailing full stop ends the sentence, not the number
    expect(build('12.0.5214.')).toBe('12.0.5214');
    expect(build('12.00.5214.6')).toBe('12.0.5214.6');
    expect(sqlVersionParser.sniff('SQL Server 12.0.5214.6.7 and 11.0.7001')).toBe(0.8);
  });
  it('reads UTF-16 text read as single bytes', () => {
    const text = [...fx('banner-2014-sp2-gdr.txt')].map((c) => c + '\u0000').join('');
    const r = parse(text);
    expect(r.facts.build).toBe('12.0.5214.6');
    spansHold(text, r);
    expect(sqlVersionParser.sniff(text)).toBeGreaterThanOrEqual(0.9);
  });
  it('knows 2022 speaks TDS 8', () => {
    const r = parse('16.0.4135.4');
    expect(r.facts).toMatchObject({
      product: 'SQL Server 2022',
      tds8Capable: true,
      hasLoginDispatcherPool: true,
    });
  });
});

describe('sql-version: robustness', () => {
  const cases: [string, string][] = [
    ['100 KB of newlines', '\n'.repeat(100_000)],
    ['CRLF runs', '\r\n'.repeat(50_000)],
    ['blank-line runs', ('a\n' + '\n'.repeat(200)).repeat(490)],
    ['one 100 KB line', 'Microsoft SQL Server 2019 ' + '1'.repeat(100_000)],
    ['100 KB of one character', '.'.repeat(100_000)],
    ['unclosed parentheses', 'Microsoft SQL Server 2014 (' + 'SP2-'.repeat(25_000)],
    ['repeated partial matches', '12.0.'.repeat(20_000)],
    ['many builds', '12.0.4219.0 '.repeat(8000)],
    ['editions', 'Enterprise '.repeat(9000)],
    ['os fragments', 'on Windows NT 6.3 <X64> (Build '.repeat(3000)],
  ];
  for (const [name, text] of cases)
    it(`${name}: finishes fast and does not throw`, () => {
      parse(fx('banner-2014-sp2-gdr.txt'));
      let best = Infinity;
      for (let i = 0; i < 3; i++) {
        const t0 = performance.now();
        const r = parse(text);
        sqlVersionParser.sniff(text);
        best = Math.min(best, performance.now() - t0);
        expect(r.kind).toBe('sql-version');
      }
      // a hang guard, not a speed test (npm run bench measures speed): super-linear work on 100 KB takes seconds
      expect(best).toBeLessThan(HANG_GUARD_MS);
    });
});

describe('manyErrorlogLines (whether a version text sits in more than three ERRORLOG lines)', () => {
  // the definition it replaces, without a pattern
  const byPattern = (head: string) =>
    (head.match(/^[ \t]*\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\.\d{2}\s/gm) ?? []).length > 3;
  const STAMP = '2024-01-02 10:11:12.34';

  it('agrees with the pattern on texts made of stamps, near-stamps, indents and every kind of line break', () => {
    const piece = fc.constantFrom(
      STAMP,
      `${STAMP} `,
      `${STAMP}\t`,
      '2024-01-02 10:11:12',
      '2024-01-02 10:11:12.3 ',
      '12:34',
      ':',
      ' ',
      '\t',
      '\n',
      '\r\n',
      '\r',
      '\u2028',
      '\u2029',
      'x',
      '9',
      'spid12 Server ',
    );
    let many = 0;
    fc.assert(
      // size 'max': arrays up to 60 pieces (the default size stops near 10, too few for four stamped lines)
      fc.property(fc.array(piece, { maxLength: 60, size: 'max' }), (pieces) => {
        const head = pieces.join('');
        const expected = byPattern(head);
        if (expected) many++;
        expect(manyErrorlogLines(head)).toBe(expected);
      }),
      { numRuns: 3000 },
    );
    // the texts must include both answers, or the property says little
    expect(many).toBeGreaterThan(100);
  });

  it('counts four stamped lines, indented or not, and not three or a stamp inside a line', () => {
    const lines = (n: number, indent = '') =>
      Array.from({ length: n }, () => `${indent}${STAMP} spid9 x`).join('\n');
    expect(manyErrorlogLines(lines(4))).toBe(true);
    expect(manyErrorlogLines(lines(4, ' \t '))).toBe(true);
    expect(manyErrorlogLines(lines(3))).toBe(false);
    expect(manyErrorlogLines(`${lines(3)}\nnote ${STAMP} x`)).toBe(false);
  });
});
