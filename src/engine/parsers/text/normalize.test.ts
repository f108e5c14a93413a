import { describe, expect, it } from 'vitest';
import {
  looksEscaped,
  normalizeKeepScratch,
  normalizeText,
  normalizeTextByCharacter,
  squeezedSpan,
  squeezeIndex,
  squeezeIndexScratch,
  squeezeView,
  toOriginalSpan,
  type MappedText,
  type NormalizeOptions,
} from './normalize';

describe('normalizeText', () => {
  it('keeps a lone surrogate of a long text unchanged, and an emoji whole', () => {
    const text = `${'x'.repeat(300)} \ud800 lone, pair \ud83d\ude00 end`;
    const view = normalizeText(text, { whitespace: 'keep' });
    expect(view.text).toBe(text);
  });

  it('maps a phrase of the lower-cased, squeezed view back to the characters the user pasted', () => {
    const text = `> ${'Noise. '.repeat(60)}An existing connection was forcibly\nclosed by the Remote Host.`;
    const view = normalizeText(text, { whitespace: 'drop', lowercase: true });
    const at = view.text.indexOf('forciblyclosedbytheremotehost');
    const span = toOriginalSpan(view, at, at + 'forciblyclosedbytheremotehost'.length);
    expect(text.slice(span.start, span.end)).toBe('forcibly\nclosed by the Remote Host');
    expect(view.text.startsWith('noise.')).toBe(true);
  });

  it('decodes escapes only in text that has them', () => {
    expect(looksEscaped('C:\\node_modules\\x\nline two')).toBe(false);
    expect(looksEscaped('no backslash at all\\nhere'.replace('\\n', '\n'))).toBe(false);
    expect(looksEscaped('first\\r\\nsecond')).toBe(true);
    expect(normalizeText('a\\r\\nb', { whitespace: 'keep' }).text).toBe('a\nb');
  });
});

describe('squeezeView', () => {
  it('gives the drop + lowercase view exactly, made from the keep view', () => {
    const pieces = [
      'A fatal alert was received from the remote endpoint.',
      '\r\n',
      '\\n',
      '\\r\\n',
      '\\u0041\\u00a0',
      '\\"',
      '> quoted\n',
      '\t',
      '\u00a0\u2003\u3000',
      'L\u2019h\u00f4te distant ',
      'ÄÖÜ İ K Σ',
      '\ud83d\ude00',
      '\ud800',
      'リモート ホスト',
      '\u0000',
      '\u000b\u000c',
      '＂（）',
    ];
    let seed = 11;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648);
    for (let n = 0; n < 400; n++) {
      let text = '';
      const parts = n % 50 === 0 ? 200 : next() % 12;
      for (let i = 0; i < parts; i++) text += pieces[next() % pieces.length];
      for (const maxInput of [undefined, 30]) {
        const keep = normalizeText(text, { whitespace: 'keep', maxInput });
        const drop = normalizeText(text, { whitespace: 'drop', lowercase: true, maxInput });
        expect(squeezeView(keep)).toEqual(drop);
        // the index form: the same text, and every span maps back as through the view
        const squeezed = squeezeIndex(keep);
        expect(squeezed.text).toBe(drop.text);
        for (let s = -1; s <= drop.text.length + 1; s++)
          for (const e of [s - 1, s, s + 1, s + 4, drop.text.length + 1]) {
            const span = squeezedSpan(squeezed, keep, s, e);
            const expected = toOriginalSpan(drop, s, e);
            if (span.start !== expected.start || span.end !== expected.end)
              expect({ s, e, span }).toEqual({ s, e, span: expected });
          }
      }
    }
  });
});

describe('squeezeIndex, every code unit', () => {
  it('lower-cases every character as the character-by-character view does, in blocks of 512', () => {
    for (let from = 0; from < 0x10000; from += 512) {
      let text = '';
      // each character between two letters; in some blocks a final Σ, an İ or a surrogate pair (case by context)
      for (let c = from; c < from + 512; c++) text += `A${String.fromCharCode(c)}b `;
      if (from % 4096 === 0) text += ' ΟΔΟΣ';
      if (from % 4096 === 1024) text += ' İi';
      if (from % 4096 === 2048) text += ' \ud801\udc00'; // a capital letter outside the BMP
      const keep = normalizeText(text, { whitespace: 'keep' });
      const drop = normalizeText(text, { whitespace: 'drop', lowercase: true });
      const squeezed = squeezeIndex(keep);
      if (squeezed.text !== drop.text)
        expect({ from, text: squeezed.text }).toEqual({ from, text: drop.text });
      const view = squeezeView(keep);
      expect(view.starts.every((x, i) => x === drop.starts[i])).toBe(true);
    }
  });
});

describe('normalizeText, line view (keep, no lower-casing)', () => {
  const variants: NormalizeOptions[] = [];
  for (const unescape of ['auto', 'always', 'never'] as const)
    for (const dropQuoteMarkers of [true, false])
      for (const maxInput of [undefined, 1, 7, 30])
        variants.push({ whitespace: 'keep', unescape, dropQuoteMarkers, maxInput });

  /** the two views are equal (compared field by field: toEqual on long typed arrays is slow) */
  const expectSame = (a: MappedText, b: MappedText): void => {
    const same =
      a.text === b.text &&
      a.originalLength === b.originalLength &&
      a.unescaped === b.unescaped &&
      a.truncated === b.truncated &&
      a.starts.length === b.starts.length &&
      a.ends.length === b.ends.length &&
      a.starts.every((x, i) => x === b.starts[i]) &&
      a.ends.every((x, i) => x === b.ends[i]);
    if (!same) expect(a).toEqual(b);
  };

  it('gives exactly the character-by-character view for every code unit, in several positions', () => {
    const units = Array.from({ length: 0x10000 }, (_, c) => String.fromCharCode(c));
    const contexts = [
      (ch: string) => `ab${ch}cd`,
      (ch: string) => `\n${ch}>x`,
      (ch: string) => `x\n ${ch}> y`,
      (ch: string) => `q\\u00${ch}1`,
    ];
    for (const context of contexts) {
      const text = units.map(context).join('');
      for (const unescape of ['always', 'never'] as const) {
        const options: NormalizeOptions = { whitespace: 'keep', unescape };
        expectSame(normalizeText(text, options), normalizeTextByCharacter(text, options));
      }
    }
  });

  it('gives exactly the character-by-character view on mixed pastes', () => {
    const pieces = [
      'Event ID: 36888 ',
      'A fatal alert.',
      '\n',
      '\r\n',
      '\r',
      '\t',
      '  ',
      '\\n',
      '\\r\\n',
      '\\u0041\\u00a0\\u000a',
      '\\"',
      '\\',
      '>',
      '> quoted\n',
      ' >> x',
      '<Data Name="AlertDesc">40</Data>',
      '\u00a0\u2003\u3000\ufeff',
      'L\u2019h\u00f4te \u201cdistant\u201d \u2013 ',
      '\ud83d\ude00',
      '\ud800',
      '致命警报',
      '\u0000',
      '\u000b\u000c',
      '\uff02\uff08\uff09',
      '\u0001\u007f',
    ];
    let seed = 5;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648);
    for (let n = 0; n < 500; n++) {
      let text = '';
      const parts = n % 100 === 0 ? 300 : next() % 14;
      for (let i = 0; i < parts; i++) text += pieces[next() % pieces.length];
      for (const options of variants) {
        expectSame(normalizeText(text, options), normalizeTextByCharacter(text, options));
      }
    }
  });

  it('gives the same view for texts that change every few characters', () => {
    for (const text of [
      'a\u00a0'.repeat(10_000),
      'x\r\n> y'.repeat(5_000),
      `${'z'.repeat(70_000)}${'\r\n'.repeat(9_000)}`,
    ])
      expectSame(
        normalizeText(text, { whitespace: 'keep' }),
        normalizeTextByCharacter(text, { whitespace: 'keep' }),
      );
  });

  it('gives the same views with reused maps, one paste after another, short and long', () => {
    const line = 'Event ID:\u00a036888\r\n> A fatal alert was Generated\t\n';
    for (const count of [1, 3000, 2, 9000, 0, 300_000, 40, 5000]) {
      const text = line.repeat(count);
      for (const options of [{}, { unescape: 'always' as const, maxInput: 7000 }]) {
        const keep = normalizeKeepScratch(text, options);
        const fresh = normalizeText(text, { ...options, whitespace: 'keep' });
        expectSame(keep, fresh);
        const squeezed = squeezeIndexScratch(keep);
        const expected = squeezeIndex(fresh);
        expect(squeezed.text).toBe(expected.text);
        expect(
          squeezed.at.length === expected.at.length && squeezed.at.every((x, i) => x === expected.at[i]),
        ).toBe(true);
      }
    }
  });

  it('returns the paste itself when nothing in it changes', () => {
    const text = 'Event ID: 36888\n\tA fatal alert > was generated\n';
    expect(normalizeText(text, { whitespace: 'keep' }).text).toBe(text);
  });
});

describe('looksEscaped', () => {
  /** the character-by-character reading it replaced: the reference */
  function byCharacter(text: string, maxInput = 2_000_000): boolean {
    let literalN = 0;
    let realN = 0;
    const n = Math.min(text.length, maxInput);
    for (let i = 0; i < n; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) realN++;
      else if (c === 92) {
        const d = text.charCodeAt(i + 1);
        if (d === 114 && text.charCodeAt(i + 2) === 92 && text.charCodeAt(i + 3) === 110) return true;
        if (d === 110) literalN++;
        i++;
      }
    }
    return literalN > 0 && literalN > realN;
  }

  it('answers as reading every character would, limit included', () => {
    const pieces = ['\\', 'n', 'r', '\n', '\\n', '\\r\\n', '\\\\', 'x', 'C:\\new', '\r\n', '\\\n'];
    let seed = 3;
    const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) >>> 8;
    let yes = 0;
    for (let n = 0; n < 3000; n++) {
      let text = '';
      const count = next() % 16;
      for (let i = 0; i < count; i++) text += pieces[next() % pieces.length];
      for (const maxInput of [undefined, 1, 2, 3, 5, 9]) {
        const expected = byCharacter(text, maxInput);
        if (expected) yes++;
        if (looksEscaped(text, maxInput) !== expected) expect({ text, maxInput }).toBe(expected);
      }
    }
    expect(yes).toBeGreaterThan(1000);
  });
});
