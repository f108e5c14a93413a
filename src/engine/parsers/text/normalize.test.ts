import { describe, expect, it } from 'vitest';
import { looksEscaped, normalizeText, squeezeView, toOriginalSpan } from './normalize';

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
      }
    }
  });
});
