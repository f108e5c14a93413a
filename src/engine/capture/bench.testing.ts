/**
 * Throughput check (test-only script, not a timed test): builds a synthetic capture of 100+ MB in memory and
 * measures how fast analyzeCapture reads it. Run: `npx tsx src/engine/capture/bench.testing.ts [MB]`.
 */
import { analyzeCapture } from './analyze';
import { dheClosed, goodHandshake, protocolMismatch, synRetransmits } from './testing/scenarios';
import { writePcap, writePcapng, type WFrame } from './testing/writer';

function buildFrames(targetBytes: number): WFrame[] {
  const frames: WFrame[] = [];
  let size = 0;
  let i = 0;
  const blob = new Uint8Array(1460).fill(0x17);
  while (size < targetBytes) {
    const cport = 1024 + (i % 60000);
    const client = `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`;
    const o = { cport, client, start: 1_700_000_000_000 + i * 50 };
    const kind = i % 10;
    const s =
      kind === 0
        ? protocolMismatch()
        : kind === 1
          ? dheClosed()
          : kind === 2
            ? synRetransmits()
            : goodHandshake(o);
    if (kind >= 3) {
      // bulk result rows from the server, acknowledged by the client every other segment
      s.frames.splice(s.frames.length - 2);
      s.cseq--;
      s.sseq--;
      for (let k = 0; k < 120; k++) {
        const n = k % 3 === 0 ? 1460 : k % 3 === 1 ? 700 : 180;
        s.seg(false, 0x18, blob.subarray(0, n), 0.05);
        if (k % 2 === 1) s.seg(true, 0x10, undefined, 0.01);
      }
      s.fin(true).fin(false);
    }
    for (const f of s.frames) {
      frames.push(f);
      size += f.data.length + 16;
    }
    i++;
  }
  return frames;
}

/** A synthetic capture of at least `megabytes` MB: 10 connection stories mixed, mostly bulk result rows. */
export function buildSyntheticCapture(megabytes: number, format: 'pcap' | 'pcapng' = 'pcap'): Uint8Array {
  const frames = buildFrames(megabytes * 1e6);
  return format === 'pcap' ? writePcap(frames) : writePcapng(frames);
}

export interface ThroughputResult {
  megabytes: number;
  /** median of the runs */
  mbPerSecond: number;
  bestMbPerSecond: number;
  /** median seconds for one pass over the file */
  seconds: number;
  sqlConnections: number;
}

/** Reads the capture `runs` times with analyzeCapture and returns the median rate. */
export async function measureThroughput(bytes: Uint8Array, runs = 3): Promise<ThroughputResult> {
  const times: number[] = [];
  let conns = 0;
  for (let r = 0; r < runs; r++) {
    const t0 = performance.now();
    const res = await analyzeCapture(bytes);
    times.push((performance.now() - t0) / 1000);
    conns = res.facts.totals.sqlConnections;
  }
  times.sort((a, b) => a - b);
  const seconds = times[Math.floor(times.length / 2)]!;
  const megabytes = bytes.length / 1e6;
  return {
    megabytes,
    mbPerSecond: megabytes / seconds,
    bestMbPerSecond: megabytes / times[0]!,
    seconds,
    sqlConnections: conns,
  };
}

// Run directly: `npx tsx src/engine/capture/bench.testing.ts [MB]`. Importing this module runs nothing.
const argv = (globalThis as { process?: { argv?: string[] } }).process?.argv ?? [];
if (argv[1]?.endsWith('bench.testing.ts')) {
  const mb = Number(argv[2] ?? 110);
  for (const format of ['pcap', 'pcapng'] as const) {
    const r = await measureThroughput(buildSyntheticCapture(mb, format));
    console.log(
      `${format}: ${r.megabytes.toFixed(1)} MB, ${r.sqlConnections} SQL connections; ` +
        `median ${r.mbPerSecond.toFixed(0)} MB/s, best ${r.bestMbPerSecond.toFixed(0)} MB/s`,
    );
  }
}
