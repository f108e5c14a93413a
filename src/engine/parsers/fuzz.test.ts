/**
 * Property tests: no registered parser, nor detect() / analyzeText(), throws or hangs on any input, and
 * every offset they return points at the characters they quote.
 *
 * Inputs: arbitrary strings (ASCII, full Unicode including lone surrogates), strings built from tokens
 * the parsers look for, and every fixture under parsers/__fixtures__ mutated by inserting, deleting and
 * duplicating random slices. FUZZ_RUNS=<n> scales the number of runs (default keeps the file under ~20 s).
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ArtifactKind, ParseResult } from '../model';
import { detect } from './detect';
import { analyzeText, PARSERS } from './index';

const RUNS = Math.max(1, Number(process.env.FUZZ_RUNS) || 150);
/** a parse that takes longer than this on a few KB is a hang (timing budgets live in `npm run bench`) */
const HANG_MS = 3000;
/** 10 KB of adversarial input taking longer than this means super-linear work */
const SMALL_MS = 150;

const fixtureFiles = import.meta.glob('./__fixtures__/**/*.{txt,pem,reg,log,json,xml,csv,md}', {
  query: '?raw',
  import: 'default',
  eager: true,
}) as Record<string, string>;

/** Seeds of every kind in our own words, so the mutations start from realistic shapes even without fixtures. */
const SEEDS = [
  'A connection was successfully established with the server, but then an error occurred during the pre-login handshake. (provider: TCP Provider, error: 0 - An existing connection was forcibly closed by the remote host.)\r\n ---> System.ComponentModel.Win32Exception (10054)',
  '[Microsoft][ODBC Driver 18 for SQL Server]TCP Provider: An existing connection was forcibly closed by the remote host.\\r\\n [08S01]',
  '2025-03-01 10:16:40.05 Logon       Error: 17830, Severity: 20, State: 11.\n2025-03-01 10:16:40.05 Logon       Network error code 0x2746 occurred while establishing a connection; the connection has been closed.',
  'HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols\\TLS 1.0\\Server\n    Enabled    REG_DWORD    0x0\n    DisabledByDefault    REG_DWORD    0x1\n',
  'Windows Registry Editor Version 5.00\r\n\r\n[HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols\\TLS 1.2\\Client]\r\n"Enabled"=dword:ffffffff\r\n"DisabledByDefault"=hex(b):00,00,00,00,00,00,00,00\r\n',
  'Name                                   Exchange Cipher Hash\n----                                   -------- ------ ----\nTLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384  ECDH     AES    \nTLS_DHE_RSA_WITH_AES_256_GCM_SHA384    DH       AES    ',
  'A fatal alert was generated and sent to the remote endpoint. This may result in termination of the connection. The TLS protocol defined fatal error code is 40. The Windows SChannel error state is 1205.',
  'Microsoft SQL Server 2014 (SP3) (KB4022619) - 12.0.6024.0 (X64)   Sep  7 2018 01:37:51   Copyright (c) Microsoft Corporation  Standard Edition (64-bit) on Windows NT 6.3 <X64> (Build 9600: ) (Hypervisor)',
  'OS Name:                   Microsoft Windows Server 2012 R2 Standard\nOS Version:                6.3.9600 N/A Build 9600',
  'X509 Certificate:\nSerial Number: 01\nSignature Algorithm:\n    Algorithm ObjectId: 1.2.840.113549.1.1.4 md5RSA\nIssuer:\n    CN=a\nCert Hash(sha1): 00 11 22 33 44 55 66 77 88 99 aa bb cc dd ee ff 00 11 22 33\n',
  'Thumbprint               : 0011223344556677889900AABBCCDDEEFF001122\nSignatureAlgorithm       : System.Security.Cryptography.Oid\nNotAfter                 : 1/2/2020 3:04:05 PM',
];

const CORPUS = [
  ...Object.values(fixtureFiles).filter((t) => typeof t === 'string' && t.length < 200_000),
  ...SEEDS,
];

const TOKENS = [
  '\n',
  '\r\n',
  '\r',
  ' ',
  '\t',
  '"',
  "'",
  ':',
  '=',
  '>',
  '-----BEGIN CERTIFICATE-----',
  '-----END CERTIFICATE-----',
  '-----BEGIN PRIVATE KEY-----',
  '-----BEGIN ',
  'MIIB',
  'HKEY_LOCAL_MACHINE\\',
  '[HKEY_LOCAL_MACHINE\\SYSTEM]',
  'Windows Registry Editor Version 5.00',
  'PS C:\\> ',
  'C:\\> ',
  '2024-01-02 03:04:05.67 spid51      ',
  'Error: 17830, Severity: 20, State: 11.',
  'forcibly closed by the remote host',
  '(provider: SSL Provider, error: 0 - ',
  'Thumbprint : ',
  'Cert Hash(sha1): ',
  'Signature Algorithm:',
  '1.2.840.113549.1.1.13',
  'sha256RSA',
  'TLS_DHE_RSA_WITH_AES_256_GCM_SHA384',
  'Enabled    REG_DWORD    0x1',
  '"Enabled"=dword:00000000',
  'Log Name: System',
  'Event ID: 36888',
  '12.0.6024.0',
  '0x2746',
  '€',
  '\u0000',
  '\ud800',
  '\u200e',
  '𝔘',
];

const tokenString = fc
  .array(fc.oneof(fc.constantFrom(...TOKENS), fc.string({ maxLength: 12 })), { maxLength: 80 })
  .map((parts) => parts.join(''));

type Mutation = { op: 'insert' | 'delete' | 'duplicate'; at: number; len: number; insert: string };
const mutation: fc.Arbitrary<Mutation> = fc.record({
  op: fc.constantFrom('insert' as const, 'delete' as const, 'duplicate' as const),
  at: fc.nat(),
  len: fc.nat({ max: 400 }),
  insert: fc.oneof(fc.constantFrom(...TOKENS), fc.string({ maxLength: 20, unit: 'binary' })),
});

function mutate(text: string, mutations: Mutation[]): string {
  let t = text;
  for (const m of mutations) {
    const at = t.length === 0 ? 0 : m.at % (t.length + 1);
    const end = Math.min(t.length, at + m.len);
    if (m.op === 'insert') t = t.slice(0, at) + m.insert + t.slice(at);
    else if (m.op === 'delete') t = t.slice(0, at) + t.slice(end);
    else t = t.slice(0, end) + t.slice(at, end) + t.slice(end);
  }
  return t;
}

const mutatedFixture = fc
  .tuple(fc.constantFrom(...CORPUS), fc.array(mutation, { maxLength: 6 }))
  .map(([text, ms]) => mutate(text, ms));

const anyInput = fc.oneof(
  fc.string({ maxLength: 500 }),
  fc.string({ maxLength: 300, unit: 'binary' }),
  fc.string({ maxLength: 300, unit: 'grapheme' }),
  tokenString,
  mutatedFixture,
  mutatedFixture,
);

function checkResult(text: string, result: ParseResult<ArtifactKind, object>, base = 0, limit = text.length) {
  expect(result).toBeTypeOf('object');
  expect(Array.isArray(result.evidence)).toBe(true);
  expect(Array.isArray(result.problems)).toBe(true);
  for (const e of result.evidence) {
    expect(Number.isInteger(e.start) && Number.isInteger(e.end)).toBe(true);
    expect(e.start).toBeGreaterThanOrEqual(base);
    expect(e.end).toBeGreaterThanOrEqual(e.start);
    expect(e.end).toBeLessThanOrEqual(limit);
    expect(text.slice(e.start, e.end)).toBe(e.text);
  }
  for (const p of result.problems) {
    expect(typeof p.code).toBe('string');
    if (p.start !== undefined) {
      expect(p.start).toBeGreaterThanOrEqual(base);
      expect(p.start).toBeLessThanOrEqual(limit);
    }
    if (p.end !== undefined) {
      expect(p.end).toBeLessThanOrEqual(limit);
      if (p.start !== undefined) expect(p.end).toBeGreaterThanOrEqual(p.start);
    }
  }
  // facts must survive JSON (the CLI prints them as is)
  expect(() => JSON.stringify(result.facts)).not.toThrow();
}

describe.each(PARSERS.map((p) => [p.kind, p] as const))('parser %s under arbitrary input', (kind, parser) => {
  beforeAll(async () => {
    // load lazily imported code (the X.509 decoder) before anything is timed
    for (const seed of CORPUS.slice(0, 50)) await parser.parse(seed);
  });

  it('sniff returns a number in [0, 1] and parse never throws, with offsets matching the text', async () => {
    await fc.assert(
      fc.asyncProperty(anyInput, async (text) => {
        const t0 = performance.now();
        const score = parser.sniff(text);
        expect(typeof score).toBe('number');
        expect(score).toBeGreaterThanOrEqual(0);
        expect(score).toBeLessThanOrEqual(1);
        // detection skips a parser once a block's best score reaches its sniffMax
        expect(score).toBeLessThanOrEqual(parser.sniffMax ?? 1);
        const result = await parser.parse(text);
        expect(result.kind).toBe(kind);
        checkResult(text, result);
        expect(performance.now() - t0).toBeLessThan(HANG_MS);
      }),
      { numRuns: RUNS },
    );
  });

  it('never scores a fixture of any kind above its sniffMax', () => {
    for (const text of CORPUS) expect(parser.sniff(text)).toBeLessThanOrEqual(parser.sniffMax ?? 1);
  });

  it('stays linear on 100 KB of adversarial input (no super-linear regular expressions)', async () => {
    // each shape at 10 KB first: a parser that needs more than the whole 100 KB budget for a tenth of
    // it is super-linear, and failing there keeps this test from running for minutes
    const shapes: Array<[string, (n: number) => string]> = [
      ['one letter', (n) => 'a'.repeat(n)],
      ['spaces', (n) => ' '.repeat(n)],
      ['newlines', (n) => '\n'.repeat(n)],
      ['CRLF', (n) => '\r\n'.repeat(n / 2)],
      ['tabs', (n) => '\t'.repeat(n)],
      ['unclosed quotes', (n) => '"'.repeat(n)],
      ['colons', (n) => ':'.repeat(n)],
      ['dashes', (n) => '-'.repeat(n)],
      ['equals', (n) => '='.repeat(n)],
      ['zeros', (n) => '0'.repeat(n)],
      ['base64 then junk', (n) => 'A'.repeat(n - 1) + '!'],
      ['PEM BEGIN', (n) => '-----BEGIN '.repeat(n / 11)],
      ['unended PEM', (n) => '-----BEGIN CERTIFICATE-----\n' + 'MIIB'.repeat(n / 4)],
      ['registry keys', (n) => 'HKEY_LOCAL_MACHINE\\'.repeat(n / 19)],
      ['ERRORLOG stamps', (n) => '2024-01-02 03:04:05.67 spid51 '.repeat(n / 30)],
      ['error states', (n) => 'Error: 17830, Severity: 20, State: '.repeat(n / 35)],
      ['OID prefix', (n) => '1.2.840.'.repeat(n / 8)],
      ['dotted digits', (n) => '1.'.repeat(n / 2)],
      ['short lines', (n) => ('x '.repeat(50) + '\n').repeat(n / 101)],
      ['blank-line runs', (n) => ('a\n' + '\n'.repeat(200)).repeat(n / 203)],
      ['labels', (n) => 'Thumbprint : '.repeat(n / 13)],
      ['provider', (n) => '(provider: '.repeat(n / 11)],
      ['algorithm names', (n) => 'sha256RSA '.repeat(n / 10)],
      ['one long line', (n) => 'x'.repeat(n / 2) + ' ' + 'y'.repeat(n / 2)],
    ];
    for (const [name, make] of shapes) {
      const timed = async (text: string) => {
        const t0 = performance.now();
        parser.sniff(text);
        const result = await parser.parse(text);
        const ms = performance.now() - t0;
        checkResult(text, result);
        return ms;
      };
      // timings are noisy on a shared machine, so each size gets a second try before it counts as slow;
      // a super-linear parser needs hundreds of milliseconds for 10 KB already and fails there quickly
      const best = async (text: string, limit: number) => {
        const first = await timed(text);
        return first < limit ? first : Math.min(first, await timed(text));
      };
      const small = await best(make(10_000), SMALL_MS);
      expect(small, `${kind}: ${name} x 10 KB took ${small.toFixed(0)} ms`).toBeLessThan(SMALL_MS);
      const large = await best(make(100_000), HANG_MS);
      expect(
        large,
        `${kind}: ${name} x 100 KB took ${large.toFixed(0)} ms (10 KB: ${small.toFixed(1)} ms)`,
      ).toBeLessThan(HANG_MS);
    }
  });
});

describe('detect and analyzeText under arbitrary input', () => {
  it('detect: ordered, non-overlapping parts inside the text', () => {
    fc.assert(
      fc.property(
        fc.array(anyInput, { maxLength: 4 }).map((xs) => xs.join('\n\n')),
        (text) => {
          const parts = detect(text);
          let last = 0;
          for (const p of parts) {
            expect(p.start).toBeGreaterThanOrEqual(last);
            expect(p.end).toBeGreaterThan(p.start);
            expect(p.end).toBeLessThanOrEqual(text.length);
            expect(['high', 'medium', 'low']).toContain(p.confidence);
            expect(p.score).toBeGreaterThanOrEqual(0);
            expect(p.score).toBeLessThanOrEqual(1);
            last = p.end;
          }
        },
      ),
      { numRuns: RUNS * 2 },
    );
  });

  it('analyzeText: evidence and problems point into the whole paste, inside their part', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(anyInput, { maxLength: 4 }).map((xs) => xs.join('\n')),
        async (text) => {
          const t0 = performance.now();
          const { parts } = await analyzeText(text);
          for (const part of parts) checkResult(text, part.result, part.start, part.end);
          expect(performance.now() - t0).toBeLessThan(HANG_MS);
        },
      ),
      { numRuns: RUNS },
    );
  });
});
