import { describe, expect, it } from 'vitest';
import { canonicalPath, readRegistryText } from './index';

describe('canonicalPath', () => {
  it('folds every hive spelling in any letter case to its short name', () => {
    expect(canonicalPath('HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet')).toBe(
      'HKLM\\SYSTEM\\CurrentControlSet',
    );
    expect(canonicalPath('hkey_local_machine\\SYSTEM')).toBe('HKLM\\SYSTEM');
    expect(canonicalPath('HKLM:\\SOFTWARE\\Microsoft')).toBe('HKLM\\SOFTWARE\\Microsoft');
    expect(canonicalPath('hkcu\\Software')).toBe('HKCU\\Software');
    expect(canonicalPath('HKEY_USERS')).toBe('HKU');
    expect(
      canonicalPath(
        'Microsoft.PowerShell.Core\\Registry::HKEY_LOCAL_MACHINE\\SYSTEM\\ControlSet002\\Control',
      ),
    ).toBe('HKLM\\SYSTEM\\CurrentControlSet\\Control');
  });
  it('needs a separator after the hive and rejects other words', () => {
    expect(canonicalPath('HKLMX\\SYSTEM')).toBeNull();
    expect(canonicalPath('HKEY_LOCAL_MACHINE2\\SYSTEM')).toBeNull();
    expect(canonicalPath('C:\\Windows')).toBeNull();
  });
  it('reads heads with letters outside ASCII as upper-casing them would', () => {
    // a dotless i upper-cases to I
    expect(canonicalPath('HKEY_LOCAL_MACH\u0131NE\\SYSTEM')).toBe('HKLM\\SYSTEM');
    // other letters outside ASCII never spell a hive
    expect(canonicalPath('HKEY_LOCAL_MACH\u00cdNE\\SYSTEM')).toBeNull();
    expect(canonicalPath('HKLM\\SYST\u00c9M\\x')).toBe('HKLM\\SYST\u00c9M\\x');
  });
});

describe('readRegistryText', () => {
  it('reads dword: in any letter case', () => {
    const read = readRegistryText(
      'Windows Registry Editor Version 5.00\n\n[HKEY_LOCAL_MACHINE\\X]\n"A"=DWORD:00000010\n"B"=Dword:1\n',
    );
    expect(read.keys[0]!.values.map((v) => [v.name, v.type, v.number])).toEqual([
      ['A', 'REG_DWORD', 16],
      ['B', 'REG_DWORD', 1],
    ]);
  });
});
