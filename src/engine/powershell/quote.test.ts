import { describe, expect, it } from 'vitest';
import type { CommandBlock } from '../knowledge/types';
import { fillCommand, fillWithDefaults, psSingleQuote, validateParameter } from './quote';
import { parsePowerShell } from './syntax.testing';

const HOSTILE = [
  "x'; Remove-Item -Path C:\\ -Recurse; '",
  '$(Remove-Item -Path C:\\)',
  '`$env:USERPROFILE`',
  'a; b',
  'line1\nline2',
  'line1\r\nStop-Computer',
  'it\u2019s \u2018quoted\u2019 \u201Alow\u201B',
  '"double" and \'single\'',
  '{{thumbprint}}',
  '',
];

/** Reads back the value of a single-quoted literal the way PowerShell's tokenizer does. */
function unquote(literal: string): string {
  const quote = /['\u2018\u2019\u201A\u201B]/;
  expect(quote.test(literal[0] ?? '')).toBe(true);
  let value = '';
  for (let i = 1; i < literal.length; i += 1) {
    const ch = literal[i] ?? '';
    if (quote.test(ch)) {
      if (quote.test(literal[i + 1] ?? '')) {
        value += ch;
        i += 1;
        continue;
      }
      expect(i).toBe(literal.length - 1); // the closing quote must be the last character
      return value;
    }
    value += ch;
  }
  throw new Error('unterminated literal');
}

describe('psSingleQuote', () => {
  it.each(HOSTILE)('keeps %j as one inert literal', async (value) => {
    const literal = psSingleQuote(value);
    expect(unquote(literal)).toBe(value);
    const parsed = await parsePowerShell(`$value = ${literal}`);
    expect(parsed.hasError).toBe(false);
    // Nothing inside the literal became a command of its own.
    expect(parsed.commandNames).toEqual([]);
  });

  it('doubles every quote variant PowerShell recognises', () => {
    expect(psSingleQuote("a'b")).toBe("'a''b'");
    expect(psSingleQuote('a\u2018b\u2019c\u201Ad\u201Be')).toBe(
      "'a\u2018\u2018b\u2019\u2019c\u201A\u201Ad\u201B\u201Be'",
    );
  });
});

describe('validators', () => {
  it('accepts a thumbprint copied with spaces and an invisible mark, and upper-cases it', () => {
    const copied = '\u200Eb3 02 93 94 bb 92 aa 8e da 0b 8e 37 ba d0 93 45 b4 99 2e 3d';
    expect(validateParameter('thumbprint', copied)).toEqual({
      ok: true,
      value: 'B3029394BB92AA8EDA0B8E37BAD09345B4992E3D',
    });
  });

  it.each([
    'B3029394BB92AA8EDA0B8E37BAD09345B4992E3',
    'B3029394BB92AA8EDA0B8E37BAD09345B4992E3DA',
    'Z3029394BB92AA8EDA0B8E37BAD09345B4992E3D',
    ...HOSTILE,
  ])('refuses thumbprint %j', (value) => {
    expect(validateParameter('thumbprint', value).ok).toBe(false);
  });

  it('accepts instance names and refuses anything else', () => {
    expect(validateParameter('instance-name', 'MSSQLSERVER').ok).toBe(true);
    expect(validateParameter('instance-name', 'SQLEXPRESS').ok).toBe(true);
    expect(validateParameter('instance-name', '_Inst01').ok).toBe(true);
    for (const bad of ['1ABC', 'A'.repeat(17), 'SQL-01', 'SQL 01', 'A$B', ...HOSTILE]) {
      expect(validateParameter('instance-name', bad).ok, bad).toBe(false);
    }
  });

  it('accepts host names and IP addresses, refuses instance suffixes and injection', () => {
    for (const good of ['localhost', 'sql01', 'sql01.contoso.com', '10.0.0.5', 'fe80::1']) {
      expect(validateParameter('host-name', good).ok, good).toBe(true);
    }
    for (const bad of ['sql01\\INST', '-sql01', 'sql01.', 'a'.repeat(64), 'sql 01', ':', ...HOSTILE]) {
      expect(validateParameter('host-name', bad).ok, bad).toBe(false);
    }
  });

  it('accepts exactly the Schannel protocol names', () => {
    for (const good of ['SSL 2.0', 'SSL 3.0', 'TLS 1.0', 'TLS 1.1', 'TLS 1.2', 'TLS 1.3']) {
      expect(validateParameter('protocol', good).ok).toBe(true);
    }
    for (const bad of ['TLS1.2', 'tls 1.2', 'DTLS 1.2', 'TLS 1.4', ...HOSTILE]) {
      expect(validateParameter('protocol', bad).ok, bad).toBe(false);
    }
  });

  it('accepts cipher-suite names only', () => {
    expect(validateParameter('cipher-suite', 'TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384').ok).toBe(true);
    for (const bad of [
      'tls_ecdhe',
      'SSL_CK_RC4',
      'TLS_',
      'TLS_ABC DEF',
      `TLS_${'A'.repeat(120)}`,
      ...HOSTILE,
    ]) {
      expect(validateParameter('cipher-suite', bad).ok, bad).toBe(false);
    }
  });

  it('accepts the SQL Server service names only', () => {
    expect(validateParameter('service-name', 'MSSQLSERVER')).toEqual({ ok: true, value: 'MSSQLSERVER' });
    expect(validateParameter('service-name', 'mssql$sqlexpress')).toEqual({
      ok: true,
      value: 'MSSQL$sqlexpress',
    });
    for (const bad of ['SQLSERVERAGENT', 'MSSQL$', 'MSSQL$A-B', 'MSSQLSERVER2', 'W32Time', ...HOSTILE]) {
      expect(validateParameter('service-name', bad).ok, bad).toBe(false);
    }
  });
});

const block = (
  code: string,
  parameters: CommandBlock['parameters'],
  language: CommandBlock['language'] = 'powershell',
) => ({
  code,
  language,
  parameters,
});
const thumbprint = {
  token: '{{thumbprint}}',
  kind: 'thumbprint' as const,
  label: 'Thumbprint',
  defaultValue: 'B3029394BB92AA8EDA0B8E37BAD09345B4992E3D',
};
const service = {
  token: '{{serviceName}}',
  kind: 'service-name' as const,
  label: 'Service',
  defaultValue: 'MSSQLSERVER',
};

describe('fillCommand', () => {
  it('substitutes validated, quoted values and defaults', () => {
    const result = fillCommand(block('$t = {{thumbprint}}; $s = {{serviceName}}', [thumbprint, service]), {
      serviceName: 'MSSQL$PROD',
    });
    expect(result).toEqual({
      ok: true,
      code: "$t = 'B3029394BB92AA8EDA0B8E37BAD09345B4992E3D'; $s = 'MSSQL$PROD'",
    });
  });

  it('accepts values keyed by the full token', () => {
    const result = fillCommand(block('$s = {{serviceName}}', [service]), { '{{serviceName}}': 'MSSQL$B' });
    expect(result).toEqual({ ok: true, code: "$s = 'MSSQL$B'" });
  });

  it.each(HOSTILE)('refuses hostile value %j and returns no code', (value) => {
    const result = fillCommand(block('$t = {{thumbprint}}', [thumbprint]), { thumbprint: value });
    expect(result.ok).toBe(false);
    expect('code' in result).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(/Thumbprint/);
  });

  it('refuses a placeholder without a declared parameter', () => {
    const result = fillCommand(block('$t = {{thumbprint}}; {{other}}', [thumbprint]));
    expect(result).toEqual({ ok: false, reason: expect.stringContaining('{{other}}') });
  });

  it('refuses a declared parameter the code does not use', () => {
    expect(fillCommand(block('Get-Date', [thumbprint])).ok).toBe(false);
  });

  it('does not re-scan inserted values for placeholders', () => {
    const host = {
      token: '{{hostName}}',
      kind: 'host-name' as const,
      label: 'Host',
      defaultValue: 'localhost',
    };
    const result = fillCommand(block('$h = {{hostName}}; $t = {{thumbprint}}', [host, thumbprint]));
    expect(result).toEqual({
      ok: true,
      code: "$h = 'localhost'; $t = 'B3029394BB92AA8EDA0B8E37BAD09345B4992E3D'",
    });
  });

  it('inserts plain values into non-PowerShell code and refuses ones with shell-special characters', () => {
    expect(
      fillCommand(
        block(
          'sqlcmd -S {{hostName}}',
          [{ token: '{{hostName}}', kind: 'host-name', label: 'Host', defaultValue: 'sql01' }],
          'shell',
        ),
      ),
    ).toEqual({
      ok: true,
      code: 'sqlcmd -S sql01',
    });
    expect(
      fillCommand(block('systemctl restart {{serviceName}}', [service], 'shell'), { serviceName: 'MSSQL$X' })
        .ok,
    ).toBe(false);
  });

  it('fills a command without parameters unchanged', () => {
    expect(fillWithDefaults(block('Get-Date', undefined))).toEqual({ ok: true, code: 'Get-Date' });
  });
});
