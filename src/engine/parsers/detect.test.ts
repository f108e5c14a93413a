import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ArtifactKind } from '../model';
import { certificateParser } from './certificate';
import { detect, pemBodyLine, type AnyParser } from './detect';
import { analyzeText, PARSERS as REGISTERED } from './index';

const pem = (
  import.meta.glob('./__fixtures__/certificate/rsa-sha512.pem', {
    query: '?raw',
    import: 'default',
    eager: true,
  }) as Record<string, string>
)['./__fixtures__/certificate/rsa-sha512.pem']!;

/** Test-only stand-ins for teammates' parsers: a sniff by regex, a parse that quotes the first match. */
function stub(kind: ArtifactKind, re: RegExp, score = 0.9): AnyParser {
  return {
    kind,
    sniff: (text) => (re.test(text) ? score : 0),
    parse: (text) => {
      const m = re.exec(text);
      return {
        kind,
        facts: { stub: true },
        evidence: m
          ? [
              {
                start: m.index,
                end: m.index + m[0].length,
                text: m[0],
                meaning: `matched ${kind}`,
                fact: 'stub',
              },
            ]
          : [],
        problems: [],
      };
    },
  };
}

const PARSERS: AnyParser[] = [
  stub('client-error', /forcibly closed by the remote host/),
  stub('errorlog', /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\.\d{2} (?:spid\d+s?|Server|Logon)/m),
  stub('schannel-protocols', /SCHANNEL\\Protocols|^\s+(?:Enabled|DisabledByDefault)\s+REG_DWORD/m),
  certificateParser,
];

const ERROR = `A connection was successfully established with the server, but then an error occurred during the pre-login handshake. (provider: TCP Provider, error: 0 - An existing connection was forcibly closed by the remote host.)`;
const REG = `HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols\\TLS 1.2\\Client
    DisabledByDefault    REG_DWORD    0x0
    Enabled    REG_DWORD    0x1

HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols\\TLS 1.2\\Server
    DisabledByDefault    REG_DWORD    0x0
    Enabled    REG_DWORD    0x1`;
const LOG = `2025-03-01 10:15:02.31 Server      The certificate [Cert Hash(sha1) "30F724ADB311D732F624FA71D179946A4DBA165A"] was successfully loaded for encryption.
2025-03-01 10:16:40.05 Logon       Error: 17830, Severity: 20, State: 11.
2025-03-01 10:16:40.05 Logon       Network error code 0x2746 occurred while establishing a connection; the connection has been closed.`;

const kinds = (text: string) => detect(text, PARSERS).map((p) => p.kind);

describe('detect', () => {
  it('splits a paste of four things, in order, with offsets that cover each', () => {
    const text = `${ERROR}\n\nC:\\> reg query "HKLM\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols" /s\n${REG}\n\n${pem}\n${LOG}\n`;
    const parts = detect(text, PARSERS);
    expect(parts.map((p) => p.kind)).toEqual([
      'client-error',
      'schannel-protocols',
      'certificate',
      'errorlog',
    ]);
    expect(text.slice(parts[0]!.start, parts[0]!.end)).toBe(ERROR);
    expect(text.slice(parts[2]!.start, parts[2]!.end)).toBe(pem.trimEnd());
    expect(text.slice(parts[3]!.start, parts[3]!.end)).toBe(LOG);
    expect(parts[2]!.confidence).toBe('high');
    for (const p of parts) expect(p.start).toBeLessThan(p.end);
  });

  it('merges blocks of one kind separated by blank lines (a reg query dump is one part)', () => {
    const parts = detect(REG, PARSERS);
    expect(parts).toHaveLength(1);
    expect(parts[0]!.kind).toBe('schannel-protocols');
    expect(parts[0]!.start).toBe(0);
    expect(parts[0]!.end).toBe(REG.length);
  });

  it('keeps a PEM chain with blank lines between certificates as one certificate part', () => {
    expect(kinds(`${pem}\n\n${pem}`)).toEqual(['certificate']);
  });

  it('splits ERRORLOG lines that follow an error message without a blank line', () => {
    expect(kinds(`${ERROR}\n${LOG}`)).toEqual(['client-error', 'errorlog']);
  });

  it('lets a short greeting and a stack trace join their neighbour across a blank line', () => {
    const text = `Hi, we get this since Monday:\n\n${ERROR}\n\n   at System.Data.SqlClient.SqlConnection.OnError(SqlException exception)\n   at Program.Main()`;
    const parts = detect(text, PARSERS);
    expect(parts).toHaveLength(1);
    expect(parts[0]).toMatchObject({ kind: 'client-error', start: 0, end: text.length });
  });

  it('names text it cannot place "unknown" with low confidence', () => {
    const parts = detect('lorem ipsum dolor sit amet\nconsectetur', PARSERS);
    expect(parts).toEqual([{ start: 0, end: 38, kind: 'unknown', confidence: 'low', score: 0 }]);
  });

  it('ends a PEM block cut short at the first line that is not base64', () => {
    const cut = pem.split('\n').slice(0, 6).join('\n');
    expect(kinds(`${cut}\n${LOG}`)).toEqual(['certificate', 'errorlog']);
  });

  it('returns nothing for empty or blank text', () => {
    expect(detect('', PARSERS)).toEqual([]);
    expect(detect('\n \r\n\t\n', PARSERS)).toEqual([]);
  });

  it('survives a sniff that throws or returns nonsense', () => {
    const bad: AnyParser = {
      kind: 'os-version',
      sniff: () => {
        throw new Error('boom');
      },
      parse: () => ({ kind: 'os-version', facts: {}, evidence: [], problems: [] }),
    };
    const nan: AnyParser = { ...bad, kind: 'sql-version', sniff: () => Number.NaN };
    expect(detect(ERROR, [bad, nan, ...PARSERS]).map((p) => p.kind)).toEqual(['client-error']);
  });

  it('uses PowerShell prompt lines as boundaries', () => {
    const text = `${ERROR}\nPS C:\\> Get-ChildItem -Path 'Cert:\\LocalMachine\\My' | Format-List -Property *\nThumbprint   : 30F724ADB311D732F624FA71D179946A4DBA165A\nSignatureAlgorithm : System.Security.Cryptography.Oid`;
    expect(kinds(text)).toEqual(['client-error', 'certificate']);
  });
});

describe('analyzeText', () => {
  it('parses each part and shifts evidence to the whole paste', async () => {
    const text = `${ERROR}\n\n${pem}\n${LOG}`;
    const { parts } = await analyzeText(text, { parsers: PARSERS });
    expect(parts.map((p) => p.kind)).toEqual(['client-error', 'certificate', 'errorlog']);
    const cert = parts[1]!.result;
    expect((cert.facts as { signatureAlgorithm: string }).signatureAlgorithm).toBe('sha512WithRSAEncryption');
    for (const part of parts) {
      for (const e of part.result.evidence) {
        expect(text.slice(e.start, e.end)).toBe(e.text);
        expect(e.start).toBeGreaterThanOrEqual(part.start);
        expect(e.end).toBeLessThanOrEqual(part.end);
      }
    }
    const logEvidence = parts[2]!.result.evidence[0]!;
    expect(logEvidence.text.startsWith('2025-03-01 10:15:02.31 Server')).toBe(true);
  });

  it('reports unknown parts with what the app accepts', async () => {
    const { parts } = await analyzeText('just some words', { parsers: PARSERS });
    expect(parts[0]!.result.problems[0]!.code).toBe('unrecognized-part');
  });

  it('turns a parser that throws into a problem', async () => {
    const thrower: AnyParser = {
      kind: 'client-error',
      sniff: () => 1,
      parse: () => {
        throw new Error('bug');
      },
    };
    const { parts } = await analyzeText('anything', { parsers: [thrower] });
    expect(parts[0]!.result.problems[0]!.code).toBe('parser-failed');
  });

  it('with the real parsers: a help-desk paste of six things comes apart in order', async () => {
    const ciphers = `PS C:\\> Get-TlsCipherSuite | Format-Table -Property 'Name'\n\nName\n----\nTLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384\nTLS_DHE_RSA_WITH_AES_256_GCM_SHA384`;
    const version =
      'Microsoft SQL Server 2014 (SP3) (KB4022619) - 12.0.6024.0 (X64)   Sep  7 2018 01:37:51   Copyright (c) Microsoft Corporation  Standard Edition (64-bit) on Windows NT 6.3 <X64> (Build 9600: ) (Hypervisor)';
    const text = `Hello, the app fails with:\n\n${ERROR}\n\nC:\\> reg query "HKLM\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols" /s\n${REG}\n\n${pem}\n${LOG}\n\n${ciphers}\n\n${version}\n`;
    const { parts } = await analyzeText(text);
    expect(parts.map((p) => p.kind)).toEqual([
      'client-error',
      'schannel-protocols',
      'certificate',
      'errorlog',
      'cipher-suites',
      'sql-version',
    ]);
    expect(text.slice(parts[4]!.start).startsWith('PS C:\\> Get-TlsCipherSuite')).toBe(true);
    const cert = parts[2]!.result.facts as { thumbprint: string };
    const log = parts[3]!.result.facts as { certificateThumbprint?: string };
    expect(log.certificateThumbprint).toBe(cert.thumbprint);
  });

  it("keeps an ERRORLOG's version banner and its indented lines together, as the SQL Server version", async () => {
    const banner = [
      '2024-03-01 10:16:38.21 Server      Microsoft SQL Server 2016 (SP3) (KB5003279) - 13.0.6300.2 (X64) ',
      '\tAug  7 2021 01:20:37 ',
      '\tCopyright (c) Microsoft Corporation',
      '\tStandard Edition (64-bit) on Windows Server 2012 R2 Standard 6.3 <X64> (Build 9600: ) (Hypervisor)',
    ].join('\n');
    const rest = [
      '2024-03-01 10:16:38.21 Server      UTC adjustment: 1:00',
      '2024-03-01 10:16:40.05 Logon       Error: 17830, Severity: 20, State: 11.',
      '2024-03-01 10:16:40.05 Logon       Network error code 0x2746 occurred while establishing a connection; the connection has been closed.',
    ].join('\n');
    const text = `${rest}\n${banner}\n${rest}\n`;
    const { parts } = await analyzeText(text);
    expect(parts.map((p) => p.kind)).toEqual(['errorlog', 'sql-version', 'errorlog']);
    expect(text.slice(parts[1]!.start, parts[1]!.end)).toBe(banner);
    // the Windows under SQL Server is read from the same part
    expect(parts[1]!.result.facts).toMatchObject({ build: '13.0.6300.2', osBuild: 9600 });
    // a banner line with nothing indented under it stays with the lines around it
    const oneLine = (await analyzeText(`${rest}\n${banner.split('\n')[0]}\n${rest}\n`)).parts;
    expect(oneLine.map((p) => p.kind)).toEqual(['errorlog']);
    // nor does one followed by a line of blanks
    const blankUnder = (await analyzeText(`${rest}\n${banner.split('\n')[0]}\n\t\n${rest}\n`)).parts;
    expect(blankUnder.map((p) => p.kind)).toEqual(['errorlog']);
    // Windows line breaks, and indentation turned into spaces by an editor
    const crlf = `${rest}\n${banner}\n${rest}\n`.replace(/\n/g, '\r\n');
    expect((await analyzeText(crlf)).parts.map((p) => p.kind)).toEqual([
      'errorlog',
      'sql-version',
      'errorlog',
    ]);
    const spaces = `${rest}\n${banner.replace(/\t/g, '    ')}\n${rest}\n`;
    expect((await analyzeText(spaces)).parts.map((p) => p.kind)).toEqual([
      'errorlog',
      'sql-version',
      'errorlog',
    ]);
  });

  it('uses the registry by default', async () => {
    const { parts } = await analyzeText(pem);
    expect(parts).toHaveLength(1);
    expect(parts[0]!.kind).toBe('certificate');
  });
});

describe('sniffMax (parsers skipped once a block has a sure kind)', () => {
  const fixtures = Object.values(
    import.meta.glob('./__fixtures__/**/*.{txt,pem,reg,log,xml}', {
      query: '?raw',
      import: 'default',
      eager: true,
    }) as Record<string, string>,
  );
  // every fixture joined: blocks of every kind next to each other, as in a pasted ticket
  const everything = fixtures.join('\n\n');

  it('names the same parts, kinds and scores as asking every parser', () => {
    const askEveryParser = REGISTERED.map((p) => ({ ...p, sniffMax: undefined }));
    expect(detect(everything, REGISTERED)).toEqual(detect(everything, askEveryParser));
    expect(detect(everything, REGISTERED).length).toBeGreaterThan(20);
  });

  it('skips a later parser that cannot beat the best score, and asks one that can', () => {
    const asked: string[] = [];
    const sure = { ...stub('errorlog', /Error: \d+/, 0.95), sniffMax: 0.95 };
    const spy = (kind: ArtifactKind, max: number): AnyParser => ({
      ...stub(kind, /Error: \d+/, max),
      sniffMax: max,
      sniff: () => {
        asked.push(kind);
        return 0;
      },
    });
    detect('Error: 17830', [
      sure,
      spy('certificate', 0.9),
      spy('sql-version', 0.95),
      spy('os-version', 0.97),
    ]);
    expect(asked).toEqual(['os-version']);
  });
});

describe('pemBodyLine (which lines keep a PEM block open)', () => {
  /**
   * The rule in plain terms: after any spaces, tabs and '>' quote marks, a line is blank, the END line, or
   * base64 with ':', '-' and ',' (RFC 1421 headers), where words separated by spaces are prose unless the
   * line has a colon ("Proc-Type: 4,ENCRYPTED").
   */
  const byRule = (line: string) => {
    const t = line.replace(/^[ \t>]*/, '');
    if (t === '' || t.startsWith('-----END ')) return true;
    if (!/^[A-Za-z0-9+/=:,\- \t\r]*$/.test(t)) return false;
    return t.includes(':') || !/[^ \t\r][ \t\r]+[^ \t\r]/.test(t);
  };
  const piece = fc.constantFrom(
    'MIIB',
    'Zz09+/==',
    ' ',
    '\t',
    '\r',
    '>',
    ':',
    ',',
    '-',
    '-----END ',
    'Proc-Type',
    'é',
    '.',
    '\u2028',
  );

  it('agrees with the rule on lines as detection cuts them (without the CR of a CRLF), anywhere in a text', () => {
    let kept = 0;
    fc.assert(
      fc.property(
        fc.array(piece, { maxLength: 20, size: 'max' }),
        fc.constantFrom('', 'x\n', 'MIIB\r\n'),
        fc.constantFrom('', '\n', '\r\n', '\nMIIB'),
        (pieces, before, after) => {
          const text = before + pieces.join('') + after;
          // the line as detection cuts it: up to the next line feed, without one CR before it
          const start = before.length;
          let end = text.indexOf('\n', start);
          if (end < 0) end = text.length;
          if (end > start && text.charCodeAt(end - 1) === 13) end--;
          const expected = byRule(text.slice(start, end));
          if (expected) kept++;
          expect(pemBodyLine(text, start, end)).toBe(expected);
        },
      ),
      { numRuns: 5000 },
    );
    expect(kept).toBeGreaterThan(500);
  });
});
