import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyzeCapture, CaptureAnalyzer } from './analyze';
import { dheClosed, goodHandshake, strictTds8 } from './testing/scenarios';
import { writePcap, writePcapng } from './testing/writer';

const valid = [
  writePcap(goodHandshake().frames),
  writePcapng(dheClosed().frames),
  writePcap(strictTds8().frames, { bigEndian: true }),
];

function analyseSync(bytes: Uint8Array) {
  const a = new CaptureAnalyzer();
  a.push(bytes);
  return a.end();
}

describe('never throws on damaged input', () => {
  it('random bytes, with and without a capture magic number', () => {
    const magic = fc.constantFrom(
      [],
      [0xd4, 0xc3, 0xb2, 0xa1],
      [0xa1, 0xb2, 0xc3, 0xd4],
      [0x4d, 0x3c, 0xb2, 0xa1],
      [0x0a, 0x0d, 0x0d, 0x0a],
    );
    fc.assert(
      fc.property(magic, fc.uint8Array({ maxLength: 4096 }), (m, rest) => {
        const r = analyseSync(new Uint8Array([...m, ...rest]));
        expect(r.kind).toBe('packet-capture');
      }),
      { numRuns: 400 },
    );
  });

  it('valid captures with bytes flipped, cut short or with absurd lengths', () => {
    fc.assert(
      fc.property(
        fc.nat({ max: valid.length - 1 }),
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 40 }),
        fc.nat(),
        (which, edits, cut) => {
          const b = valid[which]!.slice();
          for (const [at, v] of edits) b[24 + (at % (b.length - 24))] = v;
          const r = analyseSync(b.subarray(0, 24 + (cut % (b.length - 23))));
          expect(Array.isArray(r.facts.connections)).toBe(true);
          // evidence stays inside the file
          for (const e of r.evidence) expect(e.end).toBeLessThanOrEqual(b.length);
        },
      ),
      { numRuns: 400 },
    );
  });

  it('chunk boundaries do not change the result', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.nat({ max: valid.length - 1 }),
        fc.integer({ min: 1, max: 300 }),
        async (which, size) => {
          const b = valid[which]!;
          async function* chunks() {
            for (let i = 0; i < b.length; i += size) yield b.subarray(i, i + size);
          }
          expect(await analyzeCapture(chunks())).toEqual(await analyzeCapture(b));
        },
      ),
      { numRuns: 60 },
    );
  });

  it('100 KB of adversarial input is read quickly', () => {
    const b = new Uint8Array(100 * 1024);
    b.set([0xd4, 0xc3, 0xb2, 0xa1, 2, 0, 4, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 4, 0, 1, 0, 0, 0]);
    // every record: 60-byte frame
    for (let o = 24; o + 76 <= b.length; o += 76) {
      b[o + 8] = 60;
      b[o + 12] = 60;
      b.fill(0x12, o + 16, o + 76);
    }
    const t0 = performance.now();
    const r = analyseSync(b);
    expect(r.facts.frames).toBeGreaterThan(1000);
    expect(performance.now() - t0).toBeLessThan(500);
  });
});
