/**
 * Our capture decoder against Wireshark's tshark on the same files: Client Hello suites, the chosen suite, the
 * first alert, who reset the connection (and in which frame) and SYN retransmissions must agree for every
 * connection. Runs where tshark is installed (`.ci/run` installs the Debian package); elsewhere it is skipped
 * with a note, and the engine's own capture tests still run.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { analyzeCapture } from '../src/engine/capture/analyze';
import { buildSyntheticCapture } from '../src/engine/capture/bench.testing';
import {
  cipherMismatch,
  dheClosed,
  goodHandshake,
  protocolMismatch,
  strictTds8,
  outOfOrderClientHello,
  synRetransmits,
} from '../src/engine/capture/testing/scenarios';
import { sll, writePcap, writePcapng, type WFrame } from '../src/engine/capture/testing/writer';
import { findTshark, readWithTshark, type TsharkHints } from './tshark';

const tshark = findTshark();
if (!tshark)
  console.warn('tshark is not installed: the comparison with Wireshark is skipped (apt-get install tshark).');

const dir = mkdtempSync(join(tmpdir(), 'tshark-compare-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The capture stories, each in its own file; `hints` are the "decode as" rules tshark needs (ours needs none). */
const CASES: { name: string; frames: () => WFrame[]; hints?: TsharkHints; linkType?: number }[] = [
  { name: 'reset after Client Hello (TLS 1.2 only)', frames: () => protocolMismatch().frames },
  { name: 'reset after Client Hello (TLS 1.0 only)', frames: () => protocolMismatch(0x0301).frames },
  { name: 'handshake_failure alert', frames: () => cipherMismatch().frames },
  { name: 'DHE chosen, closed after key exchange', frames: () => dheClosed().frames },
  { name: 'SYN retransmitted, then RST', frames: () => synRetransmits().frames },
  { name: 'good TDS 7 + TLS 1.2', frames: () => goodHandshake().frames },
  { name: 'TDS 8 strict, TLS 1.3', frames: () => strictTds8().frames, hints: { tlsPorts: [1433] } },
  { name: 'segments split and out of order', frames: () => outOfOrderClientHello().frames },
  {
    name: 'IPv6 over Linux cooked capture, server on port 51433',
    frames: () =>
      goodHandshake({ client: '2001:db8::5', server: '2001:db8::9', sport: 51433, link: sll }).frames,
    hints: { tdsPorts: [51433] },
    linkType: 113,
  },
];

async function compare(file: string, bytes: Uint8Array, hints: TsharkHints = {}) {
  const ours = (await analyzeCapture(bytes)).facts.connections;
  const theirs = readWithTshark(tshark!, file, hints);
  const key = (e: { ip: string; port: number }) => `${e.ip}#${e.port}`;
  expect(ours.map((c) => key(c.client)).sort()).toEqual(theirs.map((s) => key(s.client)).sort());
  for (const t of theirs) {
    const c = ours.find((o) => key(o.client) === key(t.client))!;
    const label = `connection from ${key(t.client)}`;
    expect(c.clientHello?.suites.map((s) => s.id) ?? [], label).toEqual(t.clientHelloSuites);
    expect(c.clientHello?.frame ?? null, label).toBe(t.clientHelloFrame);
    expect(c.serverHello?.suite.id ?? null, label).toBe(t.serverHelloSuite);
    expect(c.alert ? { description: c.alert.description, from: c.alert.from } : null, label).toEqual(t.alert);
    expect(c.reset ? { by: c.reset.by, frame: c.reset.frame } : null, label).toEqual(t.reset);
    expect(c.synRetransmits, label).toBe(t.synRetransmits);
  }
  return { ours, theirs };
}

describe.skipIf(!tshark)('capture decoding agrees with tshark', () => {
  for (const { name, frames, hints, linkType = 1 } of CASES) {
    for (const format of ['pcap', 'pcapng'] as const) {
      it(`${name} (${format})`, async () => {
        const bytes =
          format === 'pcap'
            ? writePcap(frames(), { linkType })
            : writePcapng(frames(), { interfaces: [{ linkType }] });
        const file = join(dir, `${name.replace(/\W+/g, '-')}.${format}`);
        writeFileSync(file, bytes);
        const { theirs } = await compare(file, bytes, hints);
        // the comparison compared something: each story has exactly one connection
        expect(theirs).toHaveLength(1);
      });
    }
  }

  it('a 3 MB capture with hundreds of mixed connections', async () => {
    const bytes = buildSyntheticCapture(3);
    const file = join(dir, 'mixed.pcap');
    writeFileSync(file, bytes);
    const { ours } = await compare(file, bytes);
    expect(ours.length).toBeGreaterThan(20);
    // every kind of story is in the file, so each comparison above had something to compare
    expect(ours.some((c) => c.reset?.by === 'server')).toBe(true);
    expect(ours.some((c) => c.serverHello !== null)).toBe(true);
    expect(ours.some((c) => c.synRetransmits > 0)).toBe(true);
  }, 60_000);
});
