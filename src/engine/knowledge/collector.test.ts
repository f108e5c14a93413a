import { describe, expect, it } from 'vitest';
import { CMDLET_NAME, parsePowerShell, POWERSHELL_ALIASES } from '../powershell/syntax.testing';
import {
  COLLECTOR_BEGIN,
  COLLECTOR_END,
  COLLECTOR_SECTIONS,
  collectorHowToRun,
  collectorScript,
} from './collector';

const code = collectorScript.code;

/** Verbs that change a system; a read-only script uses none of them as commands. */
const CHANGING_VERBS =
  /^(Set|New-Item|New-ItemProperty|Remove|Enable|Disable|Restart|Stop|Start|Clear|Add|Install|Uninstall|Register|Unregister|Rename|Move|Copy|Reset|Update|Suspend|Resume|Invoke|Import|Export|Out-File|Send)(-|$)/;

describe('collector script', () => {
  it('is declared read-only, elevated, for both machines', () => {
    expect(collectorScript.language).toBe('powershell');
    expect(collectorScript.changesSystem).toBe(false);
    expect(collectorScript.runAsAdministrator).toBe(true);
    expect(collectorScript.where).toBe('both');
  });

  it('parses without error (tree-sitter-powershell)', async () => {
    const parsed = await parsePowerShell(code);
    expect(parsed.firstError, parsed.firstError).toBeUndefined();
    expect(parsed.hasError).toBe(false);
  });

  it('uses full cmdlet names, no aliases, and no command that changes the system', async () => {
    const { commandNames } = await parsePowerShell(code);
    expect(commandNames.length).toBeGreaterThan(20);
    const functions = new Set([...code.matchAll(/^function ([A-Za-z-]+)/gm)].map((m) => m[1]!));
    for (const name of commandNames) {
      expect(POWERSHELL_ALIASES.has(name.toLowerCase()), `alias ${name}`).toBe(false);
      expect(CMDLET_NAME.test(name), `"${name}" is not a Verb-Noun name`).toBe(true);
      if (!functions.has(name)) expect(CHANGING_VERBS.test(name), `${name} changes the system`).toBe(false);
    }
    expect(commandNames).toEqual(
      expect.arrayContaining(['Get-WinEvent', 'Get-ChildItem', 'Get-CimInstance']),
    );
  });

  it('has no backticks, prompts, input requests, blank lines or registry writes', () => {
    expect(code).not.toContain('`');
    expect(code).not.toMatch(/^\s*PS\s+[A-Za-z]:\\[^\n]*>/m);
    expect(code).not.toMatch(/Read-Host|Get-Credential|-Confirm|Pause\b/i);
    // a blank line inside a block ends a paste in consoles without PSReadLine
    expect(code).not.toMatch(/\n[ \t]*\n/);
    expect(code).not.toMatch(/\.(SetValue|DeleteValue|DeleteSubKey\w*|CreateSubKey)\(/);
    expect(code).not.toMatch(/OpenSubKey\([^)]*,\s*\$true\)/);
    expect(code).not.toMatch(/\breg(\.exe)?\s+(add|delete|import)/i);
  });

  it('is ASCII only', () => {
    expect(/^[\x20-\x7e\n]*$/.test(code)).toBe(true);
  });

  it('checks the TLS module before using it and catches event log errors', () => {
    expect(code).toContain("Get-Command -Name 'Get-TlsCipherSuite'");
    expect(code).toMatch(/try \{\s*\$filter = @\{ LogName = 'System'/);
    for (const id of [36870, 36871, 36874, 36887, 36888]) expect(code).toContain(String(id));
    for (const kb of ['KB4537806', 'KB4540670']) expect(code).toContain(kb);
  });

  it('prints the begin and end markers and the documented sections in order', () => {
    expect(code).toContain(`Write-Output '${COLLECTOR_BEGIN}'`);
    expect(code.trimEnd().endsWith(`Write-Output '${COLLECTOR_END}'`)).toBe(true);
    const printed = [...code.matchAll(/'----- ([a-z-]+)(?: \{0\}(?: \{1\})?)? -----'/g)].map((m) => m[1]!);
    // sql-certificate is printed from two places next to each other (none configured / each certificate)
    const inOrder = printed.filter((id, i) => id !== printed[i - 1]);
    expect(inOrder).toEqual([...COLLECTOR_SECTIONS]);
  });

  it('says "not found" for what it cannot read', () => {
    expect((code.match(/# not found:/g) ?? []).length).toBeGreaterThan(20);
    expect(code).toContain('# not found: policy cipher order (no Group Policy list)');
  });

  it('explains how to run it without changing the execution policy', () => {
    expect(collectorHowToRun).toMatch(/Run as administrator/);
    expect(collectorHowToRun).toMatch(/execution policy/i);
    expect(collectorHowToRun).toMatch(/\.ps1/);
  });
});
