import { describe, expect, it } from 'vitest';
import { LineCursor, splitLines } from './clean';

function cursorLines(text: string, cap?: number) {
  const c = new LineCursor(text, cap);
  const out: { start: number; end: number; text: string }[] = [];
  while (c.advance()) out.push({ start: c.start, end: c.end, text: c.text });
  return out;
}

describe('LineCursor', () => {
  it('gives the lines of splitLines, with the same offsets, breaks and cap', () => {
    const texts = [
      '',
      'one line',
      'a\nb\r\nc\rd',
      'ends with a break\n',
      '\r\n\r\n',
      '\n\r',
      'x\r\r\ny\n\n',
      'a very long line that is cut\nshort',
    ];
    for (const t of texts) {
      expect(cursorLines(t)).toEqual(splitLines(t));
      expect(cursorLines(t, 4)).toEqual(splitLines(t, 4));
    }
  });

  it('says whether another line follows', () => {
    const c = new LineCursor('a\nb');
    c.advance();
    expect(c.hasNext).toBe(true);
    c.advance();
    expect(c.hasNext).toBe(false);
    expect(c.advance()).toBe(false);
  });
});
