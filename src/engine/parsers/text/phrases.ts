/**
 * Many literal phrases looked up in one text, with the answers of `indexOf` but less work.
 *
 * Short texts (a block that detection sniffs), where each indexOf call costs more to set up than to scan:
 * one pass over the text records which pairs of adjacent ASCII characters occur in it, and a phrase is
 * searched only when every ASCII pair it contains occurs somewhere in the text (a phrase that occurs has all
 * of its pairs in the text, so the filter never hides a match). The pass is shared by the sniffers that look
 * at the same text. Long texts (a whole pasted log), where every absent phrase would cost a full read: one
 * pass finds the first occurrence of every phrase. No regular expressions.
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

/**
 * How unlikely a pair of adjacent characters is in what sniffers read (higher: rarer): a pair with a space,
 * then the common pairs of English letters, then pairs of common letters, then the rest. It orders the
 * filter's checks only; the filter's answer is the same in any order.
 */
const COMMON_PAIRS = new Set(
  'th he in er an re on at en nd ti es or te of ed is it al ar st to nt ng se ha as ou io le ve co me de hi ri ro ic ne ea ra ce li ch ll be ma si om ur'.split(
    ' ',
  ),
);
const COMMON_LETTERS = 'etaoinsrhldcu';
function pairRarity(key: number): number {
  const a = String.fromCharCode(key >> 7);
  const b = String.fromCharCode(key & 127);
  if (a === ' ' || b === ' ') return 0;
  if (COMMON_PAIRS.has(a + b)) return 1;
  return 2 + (COMMON_LETTERS.includes(a) ? 0 : 1) + (COMMON_LETTERS.includes(b) ? 0 : 1);
}

export class PhraseSet {
  readonly phrases: readonly string[];
  /** per phrase: the distinct pair keys ((c0 << 7) | c1) of its adjacent ASCII characters */
  private readonly keys: Int32Array[];
  /** long texts: pair key of a phrase's anchor (see scan) -> bucket number + 1 (0: no phrase has that pair) */
  private table: Uint16Array | null = null;
  /** per phrase: offset of its anchor pair */
  private anchors: Int32Array | null = null;
  /** bucket -> ids of the phrases anchored on its pair */
  private buckets: number[][] = [];
  /** ids of the phrases without two adjacent ASCII characters (looked up with indexOf) */
  private others: number[] = [];

  constructor(phrases: readonly string[]) {
    this.phrases = [...phrases];
    this.keys = this.phrases.map((p) => {
      const keys = new Set<number>();
      for (let i = 1; i < p.length; i++) {
        const c0 = p.charCodeAt(i - 1);
        const c1 = p.charCodeAt(i);
        if ((c0 | c1) < 128) keys.add((c0 << 7) | c1);
      }
      // rarest pair first, so that an absent phrase is usually ruled out by its first check
      return Int32Array.from([...keys].sort((a, b) => pairRarity(b) - pairRarity(a)));
    });
  }

  /**
   * For each phrase, the offset of its first occurrence in `text`, or -1 (exactly `text.indexOf(phrase)`).
   * `into`: an array of at least phrases.length to write the answer to and return, for callers that ask once
   * per line: V8 creates a typed array of more than 64 bytes (17 phrases and up) outside its heap, which costs
   * as much as the look-ups themselves.
   */
  firstIndexes(text: string, into?: Int32Array): Int32Array {
    const phrases = this.phrases;
    if (text.length > FILTER_MAX && phrases.length > 8) {
      const found = this.scan(text);
      if (!into || into.length < phrases.length) return found;
      into.set(found);
      return into;
    }
    const out = into && into.length >= phrases.length ? into : new Int32Array(phrases.length);
    const filter = text.length <= FILTER_MAX;
    if (filter) notePairs(text);
    for (let id = 0; id < phrases.length; id++) {
      if (filter && !this.mayOccur(id)) out[id] = -1;
      else out[id] = text.indexOf(phrases[id]!);
    }
    return out;
  }

  /**
   * Long texts, where one indexOf per absent phrase would read the whole text again: a single left-to-right
   * pass looks up the pair of characters at each offset; a phrase leaves the pass once found, and the pass
   * stops when every phrase is found.
   */
  private scan(text: string): Int32Array {
    const phrases = this.phrases;
    if (!this.table) {
      // each phrase is keyed on its rarest pair of ASCII characters (its anchor), not its first pair: far
      // fewer offsets of a long text then call for a comparison (a phrase starting with "co" or "er" would be
      // compared at thousands of places)
      const table = new Uint16Array(128 * 128);
      const anchors = new Int32Array(phrases.length);
      phrases.forEach((p, id) => {
        let anchor = -1;
        let rarest = -1;
        for (let k = 0; k + 1 < p.length; k++) {
          const c0 = p.charCodeAt(k);
          const c1 = p.charCodeAt(k + 1);
          if ((c0 | c1) >= 128) continue;
          const rarity = pairRarity((c0 << 7) | c1);
          if (rarity > rarest) {
            rarest = rarity;
            anchor = k;
          }
        }
        if (anchor < 0) {
          this.others.push(id);
          return;
        }
        anchors[id] = anchor;
        const key = (p.charCodeAt(anchor) << 7) | p.charCodeAt(anchor + 1);
        if (table[key] === 0) {
          this.buckets.push([]);
          table[key] = this.buckets.length;
        }
        this.buckets[table[key]! - 1]!.push(id);
      });
      this.anchors = anchors;
      this.table = table;
    }
    const table = this.table;
    const anchors = this.anchors!;
    const out = new Int32Array(phrases.length).fill(-1);
    for (const id of this.others) out[id] = text.indexOf(phrases[id]!);
    // per call: the phrases still looked for, per bucket (found ones are dropped)
    const pending = this.buckets.map((b) => b.slice());
    let left = phrases.length - this.others.length;
    const n = text.length;
    let c1 = n > 0 ? text.charCodeAt(0) : 128;
    // i: where an anchor pair starts; a phrase's candidate start is i minus its anchor's offset. Offsets of
    // one phrase are met in increasing order, so its first match is its first occurrence.
    for (let i = 0; i + 1 < n && left > 0; i++) {
      const c0 = c1;
      c1 = text.charCodeAt(i + 1);
      if ((c0 | c1) >= 128) continue;
      const b = table[(c0 << 7) | c1]!;
      if (b === 0) continue;
      const ids = pending[b - 1]!;
      for (let j = 0; j < ids.length; j++) {
        const id = ids[j]!;
        const p = phrases[id]!;
        const len = p.length;
        const start = i - anchors[id]!;
        if (start < 0 || start + len > n) continue;
        let k = 0;
        while (k < len && text.charCodeAt(start + k) === p.charCodeAt(k)) k++;
        if (k < len) continue;
        out[id] = start;
        left--;
        ids.splice(j, 1);
        j--;
      }
    }
    return out;
  }

  /**
   * Whether at least one of the phrases occurs in `text` (sniffers use it to return 0 early, without running
   * their regular expressions, on blocks that hold none of the words those need).
   */
  someOccur(text: string): boolean {
    const phrases = this.phrases;
    const filter = text.length <= FILTER_MAX;
    if (filter) notePairs(text);
    for (let id = 0; id < phrases.length; id++) {
      if (filter && !this.mayOccur(id)) continue;
      if (text.indexOf(phrases[id]!) >= 0) return true;
    }
    return false;
  }

  /** How many of the phrases occur in `text` (allocates nothing: sniffers ask it of every block). */
  countPresent(text: string): number {
    const phrases = this.phrases;
    if (text.length > FILTER_MAX && phrases.length > 8) {
      let found = 0;
      for (const at of this.scan(text)) if (at >= 0) found++;
      return found;
    }
    const filter = text.length <= FILTER_MAX;
    if (filter) notePairs(text);
    let n = 0;
    for (let id = 0; id < phrases.length; id++) {
      if (filter && !this.mayOccur(id)) continue;
      if (text.indexOf(phrases[id]!) >= 0) n++;
    }
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

let nulsOf: string | null = null;
let nulsFound = false;

/**
 * Whether `text` holds a NUL character, remembered for the last text: detection hands each block to every
 * sniffer, and half of them ask this first (each asking read the whole block again).
 */
export function hasNul(text: string): boolean {
  if (text !== nulsOf) {
    nulsFound = text.includes('\u0000');
    nulsOf = text;
  }
  return nulsFound;
}

/** The text without NUL characters (UTF-16 text read as single bytes has one after each character). */
export function withoutNuls(text: string): string {
  return hasNul(text) ? text.split('\u0000').join('') : text;
}

/**
 * False when the first `limit` characters of `text`, lower-cased, hold none of `gate`'s phrases: a sniffer
 * whose every non-zero score needs one of them returns 0 without running its regular expressions (detection
 * asks every sniffer about every block of a paste, and most blocks interest one of them at most). Phrases
 * are lower case; the test is case-insensitive, so it also holds for case-sensitive patterns. A text with a
 * NUL character always may (sniffers read such text without the NULs, which can join a phrase).
 */
export function mayHold(text: string, limit: number, gate: PhraseSet): boolean {
  if (hasNul(text)) return true;
  return gate.someOccur(lowerHead(text, limit));
}
