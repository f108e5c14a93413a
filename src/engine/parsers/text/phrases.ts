/**
 * Many literal phrases looked up in one short text (a block that detection sniffs), with fewer `indexOf`
 * calls: on short texts each call costs more to set up than to scan.
 *
 * One pass over the text records which pairs of adjacent ASCII characters occur in it; a phrase is searched
 * only when every ASCII pair it contains occurs somewhere in the text (a phrase that occurs has all of its
 * pairs in the text, so the filter never hides a match). The pass is shared by the sniffers that look at the
 * same text. Long texts skip the filter (nearly every pair occurs in them). No regular expressions.
 */

/** Texts longer than this are searched phrase by phrase without the pair filter. */
const FILTER_MAX = 64 * 1024;

let pairsOf: string | null = null;
const pairs = new Uint32Array(512);

/** Marks the pairs of adjacent ASCII characters of `text` in `pairs` (remembered for the last text). */
function notePairs(text: string): void {
  if (text === pairsOf) return;
  pairs.fill(0);
  const n = text.length;
  let c1 = n > 0 ? text.charCodeAt(0) : 128;
  for (let i = 1; i < n; i++) {
    const c0 = c1;
    c1 = text.charCodeAt(i);
    if ((c0 | c1) < 128) {
      const key = (c0 << 7) | c1;
      pairs[key >>> 5]! |= 1 << (key & 31);
    }
  }
  pairsOf = text;
}

export class PhraseSet {
  readonly phrases: readonly string[];
  /** per phrase: the distinct pair keys ((c0 << 7) | c1) of its adjacent ASCII characters */
  private readonly keys: Int32Array[];

  constructor(phrases: readonly string[]) {
    this.phrases = [...phrases];
    this.keys = this.phrases.map((p) => {
      const keys = new Set<number>();
      for (let i = 1; i < p.length; i++) {
        const c0 = p.charCodeAt(i - 1);
        const c1 = p.charCodeAt(i);
        if ((c0 | c1) < 128) keys.add((c0 << 7) | c1);
      }
      return Int32Array.from(keys);
    });
  }

  /** For each phrase, the offset of its first occurrence in `text`, or -1 (exactly `text.indexOf(phrase)`). */
  firstIndexes(text: string): Int32Array {
    const phrases = this.phrases;
    const out = new Int32Array(phrases.length);
    const filter = text.length <= FILTER_MAX;
    if (filter) notePairs(text);
    for (let id = 0; id < phrases.length; id++) {
      if (filter && !this.mayOccur(id)) out[id] = -1;
      else out[id] = text.indexOf(phrases[id]!);
    }
    return out;
  }

  /** How many of the phrases occur in `text`. */
  countPresent(text: string): number {
    let n = 0;
    for (const at of this.firstIndexes(text)) if (at >= 0) n++;
    return n;
  }

  private mayOccur(id: number): boolean {
    const keys = this.keys[id]!;
    for (let k = 0; k < keys.length; k++) {
      const key = keys[k]!;
      if ((pairs[key >>> 5]! & (1 << (key & 31))) === 0) return false;
    }
    return true;
  }
}

let lastInput: string | null = null;
let lastLimit = 0;
let lastLower = '';

/**
 * `input.slice(0, limit).toLowerCase()`, remembered for the last input: detection hands the same block to
 * every parser's sniff(), and several of them start by lower-casing its head.
 */
export function lowerHead(input: string, limit: number): string {
  if (input === lastInput && (limit === lastLimit || (input.length <= limit && input.length <= lastLimit)))
    return lastLower;
  const lower = (input.length > limit ? input.slice(0, limit) : input).toLowerCase();
  lastInput = input;
  lastLimit = limit;
  lastLower = lower;
  return lower;
}

/** The text without NUL characters (UTF-16 text read as single bytes has one after each character). */
export function withoutNuls(text: string): string {
  return text.includes('\u0000') ? text.split('\u0000').join('') : text;
}
