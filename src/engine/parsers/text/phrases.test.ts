import { describe, expect, it } from 'vitest';
import { lowerHead, mayHold, PhraseSet, withoutNuls } from './phrases';

const indexOfAll = (text: string, phrases: string[]) => phrases.map((p) => text.indexOf(p));

describe('PhraseSet', () => {
  it('finds the first occurrence of every phrase, like indexOf', () => {
    const phrases = [
      'forcibly closed',
      'remote host',
      'host',
      'ho',
      'x',
      '远程主机',
      'closed',
      'absent phrase',
      'aa',
    ];
    const texts = [
      'an existing connection was forcibly closed by the remote host. closed again; host; 远程主机强迫关闭',
      'aaaa',
      '',
      'h',
      'x',
      'no match here',
      'ho ho host',
    ];
    const set = new PhraseSet(phrases);
    for (const t of texts) expect([...set.firstIndexes(t)]).toEqual(indexOfAll(t, phrases));
  });

  it('gives the same answers on repeated calls (nothing carried over between texts)', () => {
    const phrases = ['abc', 'abd', 'bcd', 'ab'];
    const set = new PhraseSet(phrases);
    const texts = ['abcabd', 'xx', 'zzbcdab', 'abd', 'abc'];
    for (let r = 0; r < 3; r++)
      for (const t of texts) expect([...set.firstIndexes(t)]).toEqual(indexOfAll(t, phrases));
  });

  it('agrees with indexOf on random texts over a small alphabet', () => {
    let seed = 7;
    const rnd = (n: number) => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed % n;
    };
    const word = (len: number) => Array.from({ length: len }, () => 'abc é'[rnd(5)]).join('');
    const phrases = Array.from({ length: 40 }, () => word(1 + rnd(5)));
    const set = new PhraseSet(phrases);
    for (let k = 0; k < 50; k++) {
      const t = word(rnd(200));
      expect([...set.firstIndexes(t)]).toEqual(indexOfAll(t, phrases));
    }
    expect(set.countPresent('abc')).toBe(indexOfAll('abc', phrases).filter((i) => i >= 0).length);
  });
});

describe('lowerHead and withoutNuls', () => {
  it('lower-cases the head of each text given, never an earlier one', () => {
    expect(lowerHead('ABC DEF', 3)).toBe('abc');
    expect(lowerHead('ABC DEF', 100)).toBe('abc def');
    expect(lowerHead('XYZ', 100)).toBe('xyz');
    expect(lowerHead('XYZ', 2)).toBe('xy');
    expect(lowerHead('XYZ', 2)).toBe('xy');
  });

  it('drops NUL characters only', () => {
    expect(withoutNuls('a\u0000b\u0000')).toBe('ab');
    expect(withoutNuls('plain')).toBe('plain');
  });
});

describe('PhraseSet on long texts', () => {
  it('finds the first occurrence of every phrase in one pass, like indexOf', () => {
    const phrases = [
      'forcibly closed',
      'remote host',
      'ho',
      'x',
      '远程主机',
      'absent phrase',
      'hostess',
      'end marker',
      'aab',
      'ab',
    ];
    const filler = 'the connection was reset by the remote ho st; '.repeat(3000);
    const texts = [
      filler,
      `${filler}aab forcibly closed 远程主机 end marker`,
      'ab'.repeat(40000),
      `${'a'.repeat(70000)}b`,
    ];
    const set = new PhraseSet(phrases);
    for (const t of texts) expect([...set.firstIndexes(t)]).toEqual(indexOfAll(t, phrases));
    for (const t of texts) expect([...set.firstIndexes(t)]).toEqual(indexOfAll(t, phrases));
  });
});

describe("PhraseSet on long texts (one pass keyed on each phrase's rarest pair)", () => {
  it('agrees with indexOf for phrases anchored anywhere, at the edges of the text and overlapping', () => {
    let seed = 5;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648);
    const alphabet = 'eeeettaaoin sr1:\\qzé';
    const word = (len: number) =>
      Array.from({ length: len }, () => alphabet[next() % alphabet.length]).join('');
    const phrases = [
      ...Array.from({ length: 60 }, () => word(2 + (next() % 7))),
      'zq',
      'é1',
      'éé',
      'x',
      'eeeeeeee',
    ];
    const set = new PhraseSet(phrases);
    for (let n = 0; n < 6; n++) {
      const text = `zq${word(70_000)}é1q:`;
      expect([...set.firstIndexes(text)]).toEqual(indexOfAll(text, phrases));
      expect(set.countPresent(text)).toBe(indexOfAll(text, phrases).filter((at) => at >= 0).length);
    }
  });
});

describe("someOccur and mayHold (the sniffers' early exits)", () => {
  it('someOccur agrees with indexOf on random texts, short and long', () => {
    const phrases = ['ab', 'bca', 'cc', 'abcab'];
    const set = new PhraseSet(phrases);
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648);
    for (let n = 0; n < 300; n++) {
      const len = n % 3 === 0 ? 70_000 + (next() % 50) : next() % 12;
      let text = '';
      for (let i = 0; i < len; i++) text += n % 3 === 0 ? 'a' : 'abc'[next() % 3];
      expect(set.someOccur(text)).toBe(phrases.some((p) => text.includes(p)));
    }
  });

  it('countPresent and firstIndexes into a reused array agree with indexOf, short texts and long', () => {
    // 20 phrases: more than fit in V8's on-heap typed arrays, the case the reused array is for
    const phrases = [
      'ab',
      'bca',
      'cc',
      'abcab',
      'é',
      'aé',
      ...Array.from({ length: 14 }, (_, i) => 'ab'.repeat(i + 2)),
    ];
    const set = new PhraseSet(phrases);
    const into = new Int32Array(phrases.length + 3).fill(99);
    let seed = 11;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648);
    for (let n = 0; n < 300; n++) {
      const len = n % 3 === 0 ? 70_000 + (next() % 50) : next() % 40;
      let text = n % 3 === 0 ? 'c'.repeat(len - 8) : '';
      while (text.length < len) text += 'abcé'[next() % 4];
      const expected = indexOfAll(text, phrases);
      expect(set.countPresent(text)).toBe(expected.filter((at) => at >= 0).length);
      const found = set.firstIndexes(text, into);
      expect(found).toBe(into);
      expect([...found.subarray(0, phrases.length)]).toEqual(expected);
    }
    // an array too short is not used
    expect([...set.firstIndexes('abcab', new Int32Array(2))]).toEqual(indexOfAll('abcab', phrases));
  });

  it('mayHold answers no only when no phrase occurs in the lower-cased head', () => {
    const gate = new PhraseSet(['schannel', 'os build']);
    expect(mayHold('Source: SCHANNEL', 100, gate)).toBe(true);
    expect(mayHold('OS Build 17763', 100, gate)).toBe(true);
    expect(mayHold('nothing here', 100, gate)).toBe(false);
    // past the head: not looked at
    expect(mayHold(`${'x'.repeat(50)}schannel`, 20, gate)).toBe(false);
    // UTF-16 read as bytes: the NULs split the words, so the answer is always maybe
    expect(mayHold('s\u0000c\u0000h\u0000a\u0000n\u0000n\u0000e\u0000l\u0000', 100, gate)).toBe(true);
  });
});
