import { describe, expect, it } from 'vitest';
import { looksEscaped, normalizeText, toOriginalSpan } from './normalize';

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
