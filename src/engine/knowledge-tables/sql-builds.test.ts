import { describe, expect, it } from 'vitest';
import {
  compareSqlBuild,
  parseSqlBuild,
  PULLED_TLS12_BUILDS,
  SQL_BRANCHES,
  sqlProduct,
  tls12Support,
} from './sql-builds';

const v = (s: string) => {
  const b = parseSqlBuild(s);
  if (!b) throw new Error(s);
  return tls12Support(b);
};
const step = (s: string, delta: number) => {
  const b = parseSqlBuild(s)!;
  if (b.revision !== null && b.revision + delta >= 0)
    return `${b.major}.${b.minor}.${b.build}.${b.revision + delta}`;
  return `${b.major}.${b.minor}.${b.build + delta}.0`;
};

describe('KB3135244 minimum builds, one below / at / above each', () => {
  const minimums = SQL_BRANCHES.filter((x) => x.tls12 && x.tls12 !== 'all');
  it('covers every dated minimum of domain-facts §1.1', () => {
    expect(minimums.map((x) => x.tls12).sort()).toEqual(
      [
        '10.0.5545.0',
        '10.0.5896.0',
        '10.0.6547.0',
        '10.50.4047.0',
        '10.50.4344.0',
        '10.50.6542.0',
        '11.0.5352.0',
        '11.0.5644.2',
        '11.0.6216.27',
        '11.0.6518.0',
        '12.0.2271.0',
        '12.0.2564.0',
        '12.0.4219.0',
        '12.0.4439.1',
      ].sort(),
    );
  });
  for (const line of minimums) {
    const min = line.tls12!;
    it(`${min} (${line.name})`, () => {
      const below = step(min, -1);
      const above = step(min, +1);
      const pulledBelow = PULLED_TLS12_BUILDS.includes(below);
      expect(v(below).supportsTls12).toBe(pulledBelow);
      expect(v(below).minimumTls12Build).toBe(min);
      expect(v(min).supportsTls12).toBe(true);
      expect(v(min).minimumTls12Build).toBe(min);
      expect(v(above).supportsTls12).toBe(true);
      expect(v(above).branch).toBe(line.name);
    });
  }
  it('each GDR/CU line is judged on its own minimum', () => {
    // 2014 SP1 CU1..CU4 are numerically above the SP1 GDR minimum but lack TLS 1.2
    expect(v('12.0.4416.0').supportsTls12).toBe(false);
    expect(v('12.0.4436.0').supportsTls12).toBe(false);
    // 2012 SP3 GDR and SP3 CU1 are TLS 1.2-capable (a common readiness script gets these wrong)
    expect(v('11.0.6216.27').supportsTls12).toBe(true);
    expect(v('11.0.6518.0').supportsTls12).toBe(true);
    expect(v('11.0.6020.0').supportsTls12).toBe(false);
    // 2012 SP2 CU9 is below the SP2 CU minimum
    expect(v('11.0.5641.0').supportsTls12).toBe(false);
  });
  it('whole lines with or without TLS 1.2', () => {
    for (const b of [
      '12.0.5000.0',
      '12.0.6024.0',
      '11.0.7001.0',
      '13.0.1601.5',
      '14.0.1000.169',
      '15.0.2000.5',
      '16.0.1000.6',
    ])
      expect(v(b).supportsTls12).toBe(true);
    for (const b of [
      '11.0.2100.60',
      '11.0.3000.0',
      '10.50.1600.1',
      '10.50.2500.0',
      '10.0.1600.22',
      '9.0.5000.0',
      '8.0.2039.0',
    ])
      expect(v(b).supportsTls12).toBe(false);
  });
  it('warns about the KB3146034 builds while counting them as TLS 1.2-capable', () => {
    for (const b of PULLED_TLS12_BUILDS) {
      const r = v(b);
      expect(r.pulled).toBe(true);
      expect(r.supportsTls12).toBe(true);
      expect(r.reason).toMatch(/KB3146034/);
    }
  });
  it('compares on three parts when the revision is missing', () => {
    expect(v('11.0.6216').supportsTls12).toBe(true);
    expect(compareSqlBuild(parseSqlBuild('11.0.6216')!, parseSqlBuild('11.0.6216.27')!)).toBe(0);
  });
  it('marks the 2014 RTM GDR/CU split as inferred', () => {
    expect(v('12.0.2271.0').branchInferred).toBe(true);
    expect(v('12.0.2000.8')).toMatchObject({ supportsTls12: false, minimumTls12Build: '12.0.2271.0' });
  });
  it('names products', () => {
    expect(sqlProduct(10, 50)).toBe('SQL Server 2008 R2');
    expect(sqlProduct(16, 0)).toBe('SQL Server 2022');
    expect(sqlProduct(18, 0)).toBeNull();
    expect(v('18.0.1000.0').supportsTls12).toBe(true);
  });
});
