import { describe, expect, it } from 'vitest';
import { ALL_COMMANDS } from '../knowledge/commands';
import { applyChanges } from './changes';
import { findSmallestFixes } from './fixes';
import { SCENARIO_PRESETS, resolvePreset } from './presets';
import { simulate } from './simulate';
import type { SimPair } from './types';

const known = new Set(ALL_COMMANDS.map((c) => c.id));

function get(id: string): SimPair {
  const p = resolvePreset(id);
  if (!p) throw new Error(id);
  return p;
}

describe('findSmallestFixes', () => {
  it('SQL Server 2008 R2 RTM vs a TLS 1.2-only client: patching (plus the 2008 R2 TLS 1.2 key) ranks before re-enabling TLS 1.0', () => {
    const p = get('protocol-sql2008r2-rtm-vs-tls12-client');
    const fixes = findSmallestFixes(p.server, p.client);
    expect(fixes.length).toBeGreaterThan(1);
    const first = fixes[0];
    expect(first?.changes.map((c) => c.kind).sort()).toEqual(['patch-sql-tls12', 'set-protocol']);
    expect(first?.descriptions[0]).toContain('10.50.6542.0');
    const legacy = fixes.findIndex((f) =>
      f.changes.some((c) => c.kind === 'set-protocol' && c.protocol === 'TLS 1.0' && c.setting === 'enabled'),
    );
    expect(legacy).toBeGreaterThan(0);
    expect(fixes[legacy]?.risk).toBe('high');
    expect(fixes[legacy]?.why).toContain('stop-gap');
    expect(first?.commandIds).toContain('fix-enable-protocol');
    expect(first?.commands.find((c) => c.id === 'fix-enable-protocol')?.params).toEqual({
      protocol: 'TLS 1.2',
    });
  });

  it('DHE between 2012 R2 and Windows 10: removing TLS_DHE is the fix, with the knowledge-base command', () => {
    const p = get('dhe-2012r2-dhe-first-vs-win10');
    const fixes = findSmallestFixes(p.server, p.client);
    expect(fixes[0]?.changes).toEqual([{ kind: 'remove-dhe', side: 'server' }]);
    expect(fixes[0]?.commandIds).toEqual([
      'check-dhe-suites',
      'backup-cipher-suites',
      'fix-disable-dhe-suites',
      'restart-sql-service',
    ]);
    // the 2012 R2 server cannot get the leading-zero fix, so that is never offered for it
    expect(
      fixes.some((f) => f.changes.some((c) => c.kind === 'install-leading-zero-fix' && c.side === 'server')),
    ).toBe(false);
  });

  it('an unpatched Server 2016: the Windows update comes first', () => {
    const p = get('leading-zero-unpatched-2016-vs-win10');
    const fixes = findSmallestFixes(p.server, p.client);
    expect(fixes[0]?.changes).toEqual([{ kind: 'install-leading-zero-fix', side: 'server' }]);
    expect(fixes[0]?.commandIds).toContain('check-dhe-fix-hotfixes');
  });

  it('a weak-hash certificate: replace it (SHA-256) before falling back to the self-generated one', () => {
    const p = get('weak-hash-md5-vs-win10');
    const fixes = findSmallestFixes(p.server, p.client);
    expect(fixes[0]?.changes).toEqual([{ kind: 'replace-certificate', hash: 'sha256' }]);
    expect(fixes[1]?.changes).toEqual([{ kind: 'use-self-generated-certificate' }]);
    expect(fixes[1]?.commandIds).toContain('fix-clear-sql-certificate');
  });

  it('OpenSSL 3 client vs SQL Server 2014 RTM: patch the server first, lowering SECLEVEL last', () => {
    const p = get('protocol-openssl3-vs-sql2014-rtm');
    const fixes = findSmallestFixes(p.server, p.client);
    expect(fixes[0]?.changes).toEqual([{ kind: 'patch-sql-tls12' }]);
    const last = fixes.at(-1);
    expect(last?.changes[0]?.kind).toBe('set-openssl');
    expect(last?.configText).toContain('CipherString = DEFAULT:@SECLEVEL=0');
    expect(last?.commandIds).toContain('fix-openssl-legacy-config');
  });

  it('Force Strict vs a TDS 7.x client: switch the client to Strict before turning Force Strict off', () => {
    const p = get('strict-ssms19-vs-force-strict');
    const fixes = findSmallestFixes(p.server, p.client);
    expect(fixes[0]?.changes).toEqual([{ kind: 'set-encrypt', mode: 'strict' }]);
    expect(fixes.some((f) => f.changes.some((c) => c.kind === 'set-force-strict'))).toBe(true);
  });

  it('a successful pair needs no fix', () => {
    const p = get('success-2012r2-default-vs-win10');
    expect(findSmallestFixes(p.server, p.client)).toEqual([]);
  });

  it.each(SCENARIO_PRESETS.filter((s) => s.expected !== 'success').map((s) => [s.id] as const))(
    '%s: every option, applied, succeeds; options are minimal, sorted by risk, and name existing commands',
    (id) => {
      const p = get(id);
      const fixes = findSmallestFixes(p.server, p.client);
      expect(fixes.length).toBeGreaterThan(0);
      for (const f of fixes) {
        const after = applyChanges(p, f.changes);
        expect(simulate(after.server, after.client).ok).toBe(true);
        for (const c of f.changes) {
          const alone = applyChanges(p, [c]);
          if (f.changes.length > 1) expect(simulate(alone.server, alone.client).ok).toBe(false);
        }
        for (const c of f.commandIds) expect(known.has(c), c).toBe(true);
        expect(f.descriptions).toHaveLength(f.changes.length);
      }
      for (let i = 1; i < fixes.length; i++)
        expect((fixes[i]?.riskScore ?? 0) >= (fixes[i - 1]?.riskScore ?? 0)).toBe(true);
    },
  );
});
