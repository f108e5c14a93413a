/**
 * How fast this machine runs plain JavaScript right now: one fixed loop (the bytes of a 1 MB array summed), timed before and after the parse + diagnose rows. The machine's speed drifts from minute to minute
 * (this loop has taken from 1.45 to 2.75 ms here within one afternoon, with nothing else running), and every
 * timed row moves with it: the figure says in what state the rows were measured, so two runs can be compared.
 */
import { median } from './types';

const BYTES = new Uint8Array(1 << 20).map((_, i) => 97 + (i % 26));

function sumBytes(bytes: Uint8Array): number {
  let sum = 0;
  for (let i = 0; i < bytes.length; i++) sum += bytes[i]!;
  return sum;
}

/** Milliseconds per pass of the reference loop (median of 50, after 20 warm-up passes). */
export function referenceLoopMs(): number {
  let sink = 0;
  for (let i = 0; i < 20; i++) sink ^= sumBytes(BYTES);
  const samples: number[] = [];
  for (let i = 0; i < 50; i++) {
    const t0 = performance.now();
    sink ^= sumBytes(BYTES);
    samples.push(performance.now() - t0);
  }
  // the sum is used, so the loop cannot be optimised away
  if (sink === 0.5) console.log(sink);
  return median(samples);
}
