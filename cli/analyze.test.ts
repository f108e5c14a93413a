import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

const dir = mkdtempSync(join(tmpdir(), 'analyze-'));
const ERROR =
  'A connection was successfully established with the server, but then an error occurred during the pre-login handshake. (provider: TCP Provider, error: 0 - An existing connection was forcibly closed by the remote host.)\n';
const OPENSSL =
  '[Microsoft][ODBC Driver 18 for SQL Server]SSL Provider: [error:0A000102:SSL routines::unsupported protocol]\n';

function run(args: string[], input?: string) {
  const r = spawnSync('npx', ['tsx', 'cli/analyze.ts', ...args], {
    encoding: 'utf8',
    input,
    timeout: 60_000,
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

beforeAll(() => {
  writeFileSync(join(dir, 'error.txt'), ERROR);
  writeFileSync(join(dir, 'openssl.txt'), OPENSSL);
  const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(ERROR, 'utf16le')]);
  writeFileSync(join(dir, 'error-utf16.txt'), utf16);
  writeFileSync(
    join(dir, 'junk.bin'),
    Buffer.from([0, 1, 2, 3, 4, 5, 6, 7, 8, 0, 1, 2, 3, 4, 5, 6, 7, 8, 0, 1, 2, 3]),
  );
  writeFileSync(
    join(dir, 'empty.pcap'),
    Buffer.from([0xd4, 0xc3, 0xb2, 0xa1, 2, 0, 4, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff, 0, 0, 1, 0, 0, 0]),
  );
});

describe('npm run analyze', () => {
  it('prints a readable report with the verdict, the quoted evidence and a next step (exit 0)', () => {
    const r = run([join(dir, 'openssl.txt')]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/Family: handshake-reset/);
    expect(r.out).toMatch(/MOST LIKELY SCENARIO\n {2}tls-protocol-mismatch \(high/);
    expect(r.out).toMatch(/openssl\.txt:1: "/);
    expect(r.out).toMatch(/OTHER SCENARIOS/);
    expect(r.out).toMatch(/NEXT STEP/);
  }, 60_000);

  it('prints one JSON object in the documented shape with --json', () => {
    const r = run(['--json', join(dir, 'error.txt')]);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.inputs[0].source).toMatch(/error\.txt$/);
    expect(j.inputs[0].artifacts[0]).toMatchObject({
      kind: 'client-error',
      facts: { family: 'handshake-reset', phase: 'pre-login' },
    });
    expect(j.inputs[0].artifacts[0].evidence[0]).toHaveProperty('text');
    expect(j.diagnosis.family).toBe('handshake-reset');
    expect(j.diagnosis.ranked).toHaveLength(6);
    expect(j.diagnosis.ranked[0]).toMatchObject({
      scenario: expect.any(String),
      confidence: expect.any(String),
    });
    expect(Array.isArray(j.diagnosis.ranked[0].for)).toBe(true);
    expect(j.diagnosis.next.why).toEqual(expect.any(String));
  }, 60_000);

  it('reads stdin with -, UTF-16 files, and reports binary, capture and missing files without failing', () => {
    const r = run(
      [
        '--json',
        '-',
        join(dir, 'error-utf16.txt'),
        join(dir, 'junk.bin'),
        join(dir, 'empty.pcap'),
        join(dir, 'nope.txt'),
      ],
      ERROR,
    );
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.inputs.map((i: { source: string }) => i.source)[0]).toBe('stdin');
    expect(j.inputs[0].artifacts[0].kind).toBe('client-error');
    expect(j.inputs[1]).toMatchObject({ encoding: 'utf-16le' });
    expect(j.inputs[1].artifacts[0].kind).toBe('client-error');
    expect(j.inputs[2].message).toMatch(/binary/i);
    expect(j.inputs[3].encoding).toBe('pcap');
    expect(j.inputs[4].message).toMatch(/does not exist/);
  }, 60_000);

  it('exits 2 with a usage message for no files or an unknown option', () => {
    const none = run([]);
    expect(none.code).toBe(2);
    expect(none.err).toMatch(/Usage: npm run analyze/);
    const bad = run(['--frobnicate', join(dir, 'error.txt')]);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/Unknown option: --frobnicate/);
  }, 60_000);
});
