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

async function measure(label: string, bytes: Uint8Array, runs = 3) {
  const rates: number[] = [];
  let conns = 0;
  for (let r = 0; r < runs; r++) {
    const t0 = performance.now();
    const res = await analyzeCapture(bytes);
    const ms = performance.now() - t0;
    conns = res.facts.totals.sqlConnections;
    rates.push(bytes.length / 1e6 / (ms / 1000));
  }
  rates.sort((a, b) => a - b);
  console.log(
    `${label}: ${(bytes.length / 1e6).toFixed(1)} MB, ${conns} SQL connections; ` +
      `median ${rates[Math.floor(rates.length / 2)]!.toFixed(0)} MB/s, best ${rates[rates.length - 1]!.toFixed(0)} MB/s`,
  );
}

const mb = Number(globalThis.process?.argv?.[2] ?? 110);
const frames = buildFrames(mb * 1e6);
const pcap = writePcap(frames);
await measure('pcap', pcap);
await measure('pcapng', writePcapng(frames));
