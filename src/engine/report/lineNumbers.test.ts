import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lineNumberAt } from './lineNumbers';

/** the definition: one more than the line breaks before the offset */
const byCounting = (text: string, offset: number) => {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
};

describe('lineNumberAt', () => {
  it('numbers lines from 1, the line break belonging to the line it ends', () => {
    const text = 'one\ntwo\r\n\nfour';
    expect([0, 3, 4, 8, 9, 10, 14].map((o) => lineNumberAt(text, o))).toEqual([1, 1, 2, 2, 3, 4, 4]);
    expect(lineNumberAt('', 0)).toBe(1);
    expect(lineNumberAt('a\nb', 99)).toBe(2);
  });

  it('agrees with counting the line breaks before the offset, for any text and offset', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom('a', '\n', '\r', ' ', 'é'), maxLength: 200 }),
        fc.nat(220),
        (text, offset) => lineNumberAt(text, offset) === byCounting(text, offset),
      ),
      { numRuns: 2000 },
    );
  });

  it('answers for several texts in turn (each keeps its own line breaks)', () => {
    const a = 'x\n'.repeat(50);
    const b = 'y'.repeat(100);
    for (let i = 0; i < 3; i++) {
      expect(lineNumberAt(a, 10)).toBe(6);
      expect(lineNumberAt(b, 10)).toBe(1);
    }
  });
});
