/**
 * The pastes that `npm run bench` times (scripts/bench.ts imports them from here): every fixture of a kind
 * joined with blank lines, doubled until the size is reached, then cut; and the adversarial 100 KB shapes.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const FIXTURES = 'src/engine/parsers/__fixtures__';

export const BENCH_KINDS = [
  'client-error',
  'errorlog',
  'schannel-event',
  'schannel-protocols',
  'cipher-suites',
  'sql-version',
  'os-version',
  'certificate',
] as const;

/** Every fixture file of `kind` joined with blank lines ('' when the kind has no fixtures). */
export function fixtureText(kind: string): string {
  const dir = join(FIXTURES, kind);
  if (!existsSync(dir)) return '';
  return readdirSync(dir)
    .filter((f) => /\.(txt|log|reg|pem|xml)$/.test(f))
    .map((f) => readFileSync(join(dir, f), 'utf8'))
    .join('\n\n');
}

/** The bench's paste of `kind` ('*': all kinds' fixtures joined) of `bytes` characters. */
export function benchText(kind: string, bytes: number): string {
  return ofSize(kind === '*' ? BENCH_KINDS.map(fixtureText).join('\n\n') : fixtureText(kind), bytes);
}

/** `seed` doubled with blank lines until `bytes` characters, then cut ('' stays ''). */
export function ofSize(seed: string, bytes: number): string {
  if (!seed) return '';
  let out = seed;
  while (out.length < bytes) out += `\n\n${out}`;
  return out.slice(0, bytes);
}

const N = 100 * 1024;
export const ADVERSARIAL: [string, string][] = [
  ['one character', 'a'.repeat(N)],
  ['newlines', '\n'.repeat(N)],
  ['one long line of words', 'forcibly closed '.repeat(N / 16)],
  ['unclosed quotes', '"'.repeat(N)],
  ['unclosed brackets', '['.repeat(N)],
  ['registry key prefixes', 'HKEY_LOCAL_MACHINE\\'.repeat(N / 19)],
  ['PEM armour', '-----BEGIN CERTIFICATE-----\n'.repeat(N / 28)],
  ['suite prefixes', 'TLS_ECDHE_'.repeat(N / 10)],
  ['hex', '0x'.repeat(N / 2)],
  ['error markers', 'Error: 10054 '.repeat(N / 13)],
  ['timestamps', '2024-01-01 00:00:00.00 spid1 '.repeat(N / 29)],
  ['escapes', '\\r\\n'.repeat(N / 4)],
];
