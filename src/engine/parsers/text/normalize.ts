/**
 * Shared text helpers for the message parsers (client errors, ERRORLOG lines, Schannel events).
 *
 * Pastes arrive mangled: literal `\r\n` / `\n` from JSON logs, `\"` escapes, `> ` quote markers from
 * e-mail and forums, typographic apostrophes, non-breaking spaces, and columns wrapped mid-word by a
 * console. normalizeText() produces a clean view of the text for matching and keeps, for every character
 * of the view, the span of original characters it came from, so evidence highlights the user's own text.
 *
 * Three whitespace modes:
 * - 'keep': line breaks and spaces kept (literal `\n` decoded to a real line break): for line formats.
 * - 'collapse': every run of whitespace, line breaks included, becomes one space: for sentences that wrap.
 * - 'drop': whitespace removed entirely: phrase matching that survives wraps cut mid-word ("connectio\nn"),
 *   double spaces and the space Japanese puts in "リモート ホスト".
 *
 * Everything here is one linear pass; no regular expressions.
 */

export type WhitespaceMode = 'keep' | 'collapse' | 'drop';

export interface NormalizeOptions {
  whitespace: WhitespaceMode;
  /** lower-case letters (only where lower-casing keeps the length) */
  lowercase?: boolean;
  /**
   * Decode JSON-style escapes (`\r\n`, `\n`, `\t`, `\"`, `\\`, `\uXXXX`). 'auto' decodes them when the
   * text looks escaped (literal `\r\n`, or more literal `\n` than real line breaks), so Windows paths
   * such as `C:\node_modules` in an ordinary stack trace stay as they are.
   */
  unescape?: 'auto' | 'always' | 'never';
  /** drop `>` quote markers at the start of lines (default true) */
  dropQuoteMarkers?: boolean;
  /** stop after this many original characters (default 2,000,000) */
  maxInput?: number;
}

/** A normalised view of a text with a map back to the original characters. */
export interface MappedText {
  /** the view */
  text: string;
  /** original offset where each view character starts */
  starts: Int32Array;
  /** original offset just after each view character's source characters */
  ends: Int32Array;
  /** length of the original text */
  originalLength: number;
  /** whether JSON-style escapes were decoded */
  unescaped: boolean;
  /** whether the input was cut at maxInput */
  truncated: boolean;
}

const DEFAULT_MAX_INPUT = 2_000_000;

function isSpace(c: number): boolean {
  return (
    c === 32 ||
    c === 9 ||
    c === 11 ||
    c === 12 ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200b) ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/** Folds look-alike punctuation to ASCII: apostrophes, quotes, dashes, full-width forms. */
export function foldChar(c: number): number {
  switch (c) {
    case 0x2018:
    case 0x2019:
    case 0x201a:
    case 0x201b:
    case 0x2032:
    case 0x02bc:
    case 0x00b4:
    case 0x0060:
    case 0xff07:
      return 39; // '
    case 0x201c:
    case 0x201d:
    case 0x201e:
    case 0x00ab:
    case 0x00bb:
    case 0xff02:
      return 34; // "
    case 0x2010:
    case 0x2011:
    case 0x2012:
    case 0x2013:
    case 0x2014:
    case 0x2212:
    case 0xff0d:
      return 45; // -
    case 0xff1a:
      return 58; // ：
    case 0xff08:
      return 40; // （
    case 0xff09:
      return 41; // ）
    case 0xff0c:
      return 44; // ，
    case 0xff3b:
      return 91; // ［
    case 0xff3d:
      return 93; // ］
    default:
      return c;
  }
}

function isHex(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);
}

/** Whether the text looks JSON-escaped (decides 'auto'). Linear. */
export function looksEscaped(text: string, maxInput = DEFAULT_MAX_INPUT): boolean {
  // The text is read left to right; a backslash takes the character after it along (so `\\n` is an
  // escaped backslash and an `n`). Only backslashes and line breaks matter, so both are found with indexOf
  // (native) instead of reading every character: a paste with a few Windows paths or one JSON line no
  // longer costs a loop over the whole paste.
  const n = Math.min(text.length, maxInput);
  let b = text.indexOf('\\');
  // no backslash before the limit: nothing is escaped
  if (b < 0 || b >= n) return false;
  let literalN = 0;
  /** line breaks taken along by a backslash (not counted as real ones) */
  let takenN = 0;
  while (b >= 0 && b < n) {
    const d = text.charCodeAt(b + 1);
    if (d === 114 && text.charCodeAt(b + 2) === 92 && text.charCodeAt(b + 3) === 110) return true; // \r\n
    if (d === 110) literalN++;
    else if (d === 10 && b + 1 < n) takenN++;
    b = text.indexOf('\\', b + 2);
  }
  if (literalN === 0) return false;
  let realN = -takenN;
  for (let lf = text.indexOf('\n'); lf >= 0 && lf < n; lf = text.indexOf('\n', lf + 1)) realN++;
  return literalN > realN;
}

const lowerCache = new Map<number, number>();
function lower(c: number): number {
  if (c < 128) return c >= 65 && c <= 90 ? c + 32 : c;
  const cached = lowerCache.get(c);
  if (cached !== undefined) return cached;
  const s = String.fromCharCode(c).toLowerCase();
  const r = s.length === 1 ? s.charCodeAt(0) : c;
  if (lowerCache.size < 4096) lowerCache.set(c, r);
  return r;
}

/**
 * The view's characters are gathered in one reused buffer (only the view's string leaves a call, so the
 * buffer is free again when the call returns): a 1 MB paste no longer allocates a fresh 2 MB buffer for
 * every view, which the garbage collector then had to reclaim.
 */
let codesBuffer = new Uint16Array(0);
function scratchCodes(size: number): Uint16Array {
  // at most the default input cap is kept between calls (4 MB)
  if (size > DEFAULT_MAX_INPUT + 1) return new Uint16Array(size);
  if (codesBuffer.length < size)
    codesBuffer = new Uint16Array(Math.min(DEFAULT_MAX_INPUT + 1, Math.max(size, codesBuffer.length * 2)));
  return codesBuffer;
}

/**
 * Reused maps for the views of normalizeKeepScratch and squeezeIndexScratch (0: starts, 1: ends, 2: the
 * squeezed view's index). A typed array above 64 bytes lives outside V8's heap: allocating three per block
 * of a paste, then collecting them, cost more than filling them. Kept up to SCRATCH_MAX entries each.
 */
const SCRATCH_MAX = 1 << 18;
const scratchInts: Int32Array[] = [new Int32Array(0), new Int32Array(0), new Int32Array(0)];
/** a fresh Int32Array of `size` entries, or (`slot` >= 0) the reused one of that slot when it fits */
function intsFor(slot: number, size: number): Int32Array {
  if (slot < 0 || size > SCRATCH_MAX) return new Int32Array(size);
  let ints = scratchInts[slot]!;
  if (ints.length < size) {
    ints = new Int32Array(Math.min(SCRATCH_MAX, Math.max(size, ints.length * 2, 4096)));
    scratchInts[slot] = ints;
  }
  return ints;
}

/**
 * One step of the per-character pass at `i`, for a character other than a plain visible ASCII one: what it
 * consumes and yields, in one number so that the passes allocate nothing per character. Bits 0-1: the kind
 * (0 a visible character, 1 a space, 2 a line break, 3 nothing); bits 2-4: how many input characters it
 * consumed (1 to 6: a CR LF pair, an escape); bits 5 and up: the character (an escape decoded, not folded).
 */
function stepAt(
  input: string,
  i: number,
  n: number,
  unescape: boolean,
  atLineStart: boolean,
  dropQuotes: boolean,
): number {
  let c = input.charCodeAt(i);
  let kind = 0;
  let e = i + 1;
  if (c === 13) {
    kind = 2;
    e = i + 1 < n && input.charCodeAt(i + 1) === 10 ? i + 2 : i + 1;
  } else if (c === 10) {
    kind = 2;
  } else if (c === 0) {
    kind = 3;
  } else if (unescape && c === 92 && i + 1 < n) {
    const d = input.charCodeAt(i + 1);
    if (d === 114) {
      kind = 2;
      e = input.charCodeAt(i + 2) === 92 && input.charCodeAt(i + 3) === 110 ? i + 4 : i + 2;
    } else if (d === 110) {
      kind = 2;
      e = i + 2;
    } else if (d === 116) {
      kind = 1;
      c = 9;
      e = i + 2;
    } else if (d === 34 || d === 92 || d === 47 || d === 39) {
      c = d;
      e = i + 2;
    } else if (
      d === 117 &&
      i + 5 < n &&
      isHex(input.charCodeAt(i + 2)) &&
      isHex(input.charCodeAt(i + 3)) &&
      isHex(input.charCodeAt(i + 4)) &&
      isHex(input.charCodeAt(i + 5))
    ) {
      c = parseInt(input.slice(i + 2, i + 6), 16);
      e = i + 6;
      if (c === 10 || c === 13) kind = 2;
      else if (isSpace(c)) kind = 1;
    }
  } else if (c === 32 || (c > 127 && isSpace(c)) || c === 9 || c === 11 || c === 12) {
    kind = 1;
  } else if (atLineStart && dropQuotes && c === 62) {
    kind = 3; // '>' quote marker
  }
  return packStep(kind, e - i, c);
}

/** A step in stepAt's form: kind, characters consumed, character. */
function packStep(kind: number, consumed: number, c: number): number {
  return kind | (consumed << 2) | (c << 5);
}

/** Whether the escapes of `input` are decoded, for the `unescape` option. */
function decidesUnescape(input: string, option: NormalizeOptions['unescape'], maxInput: number): boolean {
  return option === 'always' ? true : option === 'never' ? false : looksEscaped(input, maxInput);
}

/** Builds the normalised view. Never throws; linear in the input. */
export function normalizeText(original: string, options: NormalizeOptions): MappedText {
  // the line view (whitespace kept, case kept) of the line parsers has its own pass, see normalizeKeep
  if (options.whitespace === 'keep' && !options.lowercase) return normalizeKeep(original, options);
  return normalizeTextByCharacter(original, options);
}

/**
 * normalizeText's general pass, one character at a time: every mode and option. Exported so the tests can
 * hold the 'keep' pass (normalizeKeep) to exactly its results.
 */
export function normalizeTextByCharacter(original: string, options: NormalizeOptions): MappedText {
  const input = typeof original === 'string' ? original : '';
  const maxInput = options.maxInput ?? DEFAULT_MAX_INPUT;
  const n = Math.min(input.length, maxInput);
  const mode = options.whitespace;
  const lowercase = options.lowercase ?? false;
  const dropQuotes = options.dropQuoteMarkers ?? true;
  const unescape = decidesUnescape(input, options.unescape, maxInput);

  const codes = scratchCodes(n + 1);
  const starts = new Int32Array(n + 1);
  const ends = new Int32Array(n + 1);
  const drop = mode === 'drop';
  const collapse = mode === 'collapse';
  let k = 0;
  let atLineStart = true;
  /** collapse mode: a space is pending (emitted before the next visible character) */
  let pendingSpace = -1;
  let pendingSpaceEnd = -1;

  /** whether a UTF-16 surrogate went into the view (codesToString must then keep lone ones) */
  let surrogates = false;
  let i = 0;
  while (i < n) {
    let c = input.charCodeAt(i);
    // the common case first: a visible ASCII character that is not a backslash or a quote marker
    if (c > 32 && c < 127 && c !== 92 && !(c === 62 && atLineStart && dropQuotes)) {
      atLineStart = false;
      if (collapse && pendingSpace >= 0) {
        if (k > 0) {
          codes[k] = 32;
          starts[k] = pendingSpace;
          ends[k] = pendingSpaceEnd;
          k++;
        }
        pendingSpace = -1;
      }
      codes[k] = lowercase && c >= 65 && c <= 90 ? c + 32 : c;
      starts[k] = i;
      ends[k] = i + 1;
      k++;
      i++;
      continue;
    }
    // spaces and line feeds, most of what comes here, without the call (too large to be inlined)
    const step =
      c === 32 || c === 10
        ? packStep(c === 32 ? 1 : 2, 1, c)
        : stepAt(input, i, n, unescape, atLineStart, dropQuotes);
    const kind = step & 3;
    const e = i + ((step >> 2) & 7);
    c = step >>> 5;

    if (kind === 0) {
      atLineStart = false;
      if (collapse && pendingSpace >= 0) {
        if (k > 0) {
          codes[k] = 32;
          starts[k] = pendingSpace;
          ends[k] = pendingSpaceEnd;
          k++;
        }
        pendingSpace = -1;
      }
      let f = c < 128 ? c : foldChar(c);
      if (lowercase) f = f >= 65 && f <= 90 ? f + 32 : f < 128 ? f : lower(f);
      if (f >= 0xd800 && f <= 0xdfff) surrogates = true;
      codes[k] = f;
      starts[k] = i;
      ends[k] = e;
      k++;
    } else if (kind === 1 || kind === 2) {
      if (kind === 2) atLineStart = true;
      if (!drop) {
        if (collapse) {
          if (pendingSpace < 0) pendingSpace = i;
          pendingSpaceEnd = e;
        } else {
          codes[k] = kind === 2 ? 10 : c === 9 ? 9 : 32;
          starts[k] = i;
          ends[k] = e;
          k++;
        }
      }
    }
    i = e;
  }
  starts[k] = n;
  ends[k] = n;
  const text = codesToString(codes, k, surrogates);
  return {
    text,
    starts: starts.subarray(0, k + 1),
    ends: ends.subarray(0, k + 1),
    originalLength: input.length,
    unescaped: unescape,
    truncated: input.length > n,
  };
}

/*
 * The 'keep' view without lower-casing, in stretches. In that view almost every ASCII character stays as it
 * is: only CR, NUL, vertical tab, form feed, backslashes when escapes are decoded, and `>` quote markers at
 * line starts change. A 1 MB paste is mostly long stretches of other ASCII characters, so instead of one
 * step per character the pass finds the end of each stretch with one regular expression (native scanning),
 * writes the stretch's map entries in a tight loop and takes the stretch's text as a slice of the input (no
 * buffer of codes to decode). Everything else, non-ASCII characters included (a character class listing
 * exactly the non-ASCII ones that change made the scan many times slower), goes through exactly
 * normalizeTextByCharacter's step, and unchanged characters are still taken with the slice. Tested equal.
 */

/**
 * Where a stretch of unchanged ASCII ends, per [unescape][dropQuotes]: a character that may change, or a
 * `>` after a line break and spaces (a quote marker). Linear: a single character class, or a line break
 * followed by spaces that each line break reads once.
 */
const KEEP_STOPS = [false, true].map((unescape) =>
  [false, true].map(
    (dropQuotes) =>
      new RegExp(
        `[\\0\\v\\f\\r${unescape ? '\\\\' : ''}\\u0080-\\uffff]${dropQuotes ? '|\\n[ \\t]*>' : ''}`,
        'g',
      ),
  ),
);

/** 0, 1, 2, ...: the map entries of unchanged stretches are copied from it (a memory copy, not a loop) */
let identity = new Int32Array(0);
/** identity with at least `size` entries, or null above the default input cap (then the caller loops) */
function identityTable(size: number): Int32Array | null {
  if (identity.length >= size) return identity;
  if (size > DEFAULT_MAX_INPUT + 2) return null;
  // grown in steps of 64 K entries, at most the default input cap is kept (8 MB)
  const grown = new Int32Array(Math.min(DEFAULT_MAX_INPUT + 2, (size + 0xffff) & ~0xffff));
  grown.set(identity);
  for (let x = identity.length; x < grown.length; x++) grown[x] = x;
  identity = grown;
  return identity;
}

/** pieces of view text after which normalizeKeep checks whether the changes are too dense for it */
const DENSE_PIECES = 4096;

/**
 * normalizeText(original, { ...options, whitespace: 'keep', lowercase: false }) whose `starts` and `ends` are
 * reused by the next call (for a parser that is done with the view before it returns: no map is allocated
 * per call). The view must not be kept: its maps change with the next call.
 */
export function normalizeKeepScratch(
  original: string,
  options: Omit<NormalizeOptions, 'whitespace' | 'lowercase'>,
): MappedText {
  return normalizeKeep(original, options, true);
}

/** normalizeText for { whitespace: 'keep', lowercase: false }: same results as normalizeTextByCharacter. */
function normalizeKeep(
  original: string,
  options: Omit<NormalizeOptions, 'whitespace' | 'lowercase'>,
  scratch = false,
): MappedText {
  const input = typeof original === 'string' ? original : '';
  const maxInput = options.maxInput ?? DEFAULT_MAX_INPUT;
  const n = Math.min(input.length, maxInput);
  const dropQuotes = options.dropQuoteMarkers ?? true;
  const unescape = decidesUnescape(input, options.unescape, maxInput);
  const stops = KEEP_STOPS[unescape ? 1 : 0]![dropQuotes ? 1 : 0]!;

  const starts = intsFor(scratch ? 0 : -1, n + 1);
  const ends = intsFor(scratch ? 1 : -1, n + 1);
  /**
   * the view's text in pieces, joined once at the end: join() gives one flat string, which the callers read
   * character by character faster than the tree of pieces that `+=` would leave
   */
  const pieces: string[] = [];
  /** input[copyFrom, i) is unchanged in the view and not yet added to `pieces` */
  let copyFrom = 0;
  let k = 0;
  let atLineStart = true;
  let i = 0;
  while (i < n) {
    if (!atLineStart && input.charCodeAt(i) < 128) {
      // a stretch of unchanged characters up to the next character that needs the step below
      let j = n;
      let quote = false;
      // a short stretch (between non-ASCII characters, say) is found by hand, as a regular expression call
      // costs more than a few characters: the same end as `stops` when no line break comes before it
      let h = i;
      const handLimit = Math.min(n, i + 8);
      while (h < handLimit) {
        const c = input.charCodeAt(h);
        if (c >= 128 || c === 0 || c === 10 || c === 11 || c === 12 || c === 13 || (unescape && c === 92))
          break;
        h++;
      }
      if (h < handLimit && input.charCodeAt(h) !== 10) j = h;
      else {
        stops.lastIndex = i;
        const m = stops.exec(input);
        if (m !== null) {
          // a quote marker match starts at its line break: the stretch ends just before the '>'
          quote = m[0].length > 1;
          j = Math.min(n, m.index + m[0].length - 1);
        }
      }
      if (j > i) {
        // the stretch maps to itself: starts i..j-1 and ends i+1..j, copied from the table 0, 1, 2, ...
        // (short stretches by hand: two views of the table cost more than a few entries)
        const table = j - i >= 64 ? identityTable(j + 1) : null;
        if (table) {
          starts.set(table.subarray(i, j), k);
          ends.set(table.subarray(i + 1, j + 1), k);
          k += j - i;
        } else {
          for (let p = i; p < j; p++) {
            starts[k] = p;
            ends[k] = p + 1;
            k++;
          }
        }
      }
      if (quote) atLineStart = true;
      else {
        // the stretch may end with a line break and spaces (before a changed space or a CR, say)
        let b = j - 1;
        while (b >= i && (input.charCodeAt(b) === 32 || input.charCodeAt(b) === 9)) b--;
        if (b >= i && input.charCodeAt(b) === 10) atLineStart = true;
      }
      i = j;
      if (i >= n) break;
    }
    // one step of normalizeTextByCharacter ('keep', no lower-casing)
    const step = stepAt(input, i, n, unescape, atLineStart, dropQuotes);
    const kind = step & 3;
    const e = i + ((step >> 2) & 7);
    const c = step >>> 5;
    let out = -1;
    if (kind === 0) {
      atLineStart = false;
      out = c < 128 ? c : foldChar(c);
    } else if (kind === 1 || kind === 2) {
      if (kind === 2) atLineStart = true;
      out = kind === 2 ? 10 : c === 9 ? 9 : 32;
    }
    if (out >= 0) {
      starts[k] = i;
      ends[k] = e;
      k++;
    }
    if (out < 0 || e !== i + 1 || out !== input.charCodeAt(i)) {
      // the view differs from the input here: the unchanged text before, then this step's character
      if (copyFrom < i) pieces.push(input.slice(copyFrom, i));
      if (out >= 0) pieces.push(String.fromCharCode(out));
      copyFrom = e;
      // changes every few characters (a non-breaking space between every word, quote markers on short
      // lines): stretches no longer pay, the per-character pass is quicker for such a text
      if (pieces.length > DENSE_PIECES && pieces.length * 16 > i)
        return normalizeTextByCharacter(original, { ...options, whitespace: 'keep', lowercase: false });
    }
    i = e;
  }
  if (copyFrom < n) pieces.push(copyFrom === 0 && n === input.length ? input : input.slice(copyFrom, n));
  const text = pieces.length === 1 ? pieces[0]! : pieces.join('');
  starts[k] = n;
  ends[k] = n;
  return {
    text,
    starts: starts.subarray(0, k + 1),
    ends: ends.subarray(0, k + 1),
    originalLength: input.length,
    unescaped: unescape,
    truncated: input.length > n,
  };
}

/** The text of squeezeView(keep), with the 'keep' view offset each of its characters came from. */
export interface SqueezedText {
  text: string;
  /** 'keep' view offset of each character of `text`; at[text.length] = keep.text.length */
  at: Int32Array;
}

/**
 * squeezeView's text without its two maps: one index into the 'keep' view per character instead of two
 * original offsets copied from it (half the writes and no reads of the keep view's maps). For callers that
 * map back only a few spans (squeezedSpan).
 */
export function squeezeIndex(keep: MappedText): SqueezedText {
  return squeeze(keep, false);
}

/** squeezeIndex(keep) whose `at` is reused by the next call (see normalizeKeepScratch). */
export function squeezeIndexScratch(keep: MappedText): SqueezedText {
  return squeeze(keep, true);
}

function squeeze(keep: MappedText, scratch: boolean): SqueezedText {
  const src = keep.text;
  const n = src.length;
  const codes = scratchCodes(n + 1);
  const at = intsFor(scratch ? 2 : -1, n + 1);
  let k = 0;
  let surrogates = false;
  for (let i = 0; i < n; i++) {
    const c = src.charCodeAt(i);
    if (c === 32 || c === 10 || c === 9) continue;
    const f = c >= 65 && c <= 90 ? c + 32 : c < 128 ? c : lower(c);
    if (f >= 0xd800 && f <= 0xdfff) surrogates = true;
    codes[k] = f;
    at[k] = i;
    k++;
  }
  at[k] = n;
  return { text: codesToString(codes, k, surrogates), at: at.subarray(0, k + 1) };
}

/**
 * The 'drop' + lowercase view made from a 'keep' view of the same text (same other options): exactly what
 * normalizeText(original, { whitespace: 'drop', lowercase: true, ... }) returns. In a 'keep' view whitespace
 * is always a space, a tab or a line break, and visible characters are already folded, so dropping those
 * three and lower-casing the rest gives the same characters with the same original spans. The Schannel event
 * parser uses squeezeIndexScratch (no maps built); this function and squeezeIndex stay for the tests that
 * hold the squeezed index equal to normalizeText's 'drop' view (squeezeIndex with the keep view's maps read
 * through `at`).
 */
export function squeezeView(keep: MappedText): MappedText {
  const { text, at } = squeezeIndex(keep);
  const k = text.length;
  const starts = new Int32Array(k + 1);
  const ends = new Int32Array(k + 1);
  for (let i = 0; i < k; i++) {
    starts[i] = keep.starts[at[i]!]!;
    ends[i] = keep.ends[at[i]!]!;
  }
  starts[k] = keep.starts[keep.text.length] ?? keep.originalLength;
  ends[k] = keep.ends[keep.text.length] ?? keep.originalLength;
  return {
    text,
    starts,
    ends,
    originalLength: keep.originalLength,
    unescaped: keep.unescaped,
    truncated: keep.truncated,
  };
}

/** toOriginalSpan(squeezeView(keep), start, end), from squeezeIndex(keep). */
export function squeezedSpan(
  squeezed: SqueezedText,
  keep: MappedText,
  start: number,
  end: number,
): { start: number; end: number } {
  const len = squeezed.text.length;
  const s = Math.max(0, Math.min(start, len));
  const e = Math.max(s, Math.min(end, len));
  const from = squeezed.at[s]!;
  return toOriginalSpan(keep, from, e === s ? from : squeezed.at[e - 1]! + 1);
}

const utf16 = typeof TextDecoder === 'function' ? new TextDecoder('utf-16le') : null;

/** The first `k` UTF-16 code units as a string (TextDecoder when the platform has it: browsers, workers, Node). */
function codesToString(codes: Uint16Array, k: number, surrogates: boolean): string {
  if (utf16 && k > 256) {
    try {
      const view = codes.subarray(0, k);
      // lone surrogates must survive unchanged: TextDecoder would replace them, so it is used only when the
      // view holds no surrogate at all
      if (!surrogates) return utf16.decode(view);
    } catch {
      // fall through
    }
  }
  let text = '';
  const CHUNK = 8192;
  for (let j = 0; j < k; j += CHUNK) {
    text += String.fromCharCode.apply(null, codes.subarray(j, Math.min(k, j + CHUNK)) as unknown as number[]);
  }
  return text;
}

/** Maps a view span [start, end) back to an original span. */
export function toOriginalSpan(view: MappedText, start: number, end: number): { start: number; end: number } {
  const len = view.text.length;
  const s = Math.max(0, Math.min(start, len));
  const e = Math.max(s, Math.min(end, len));
  if (e === s) {
    const at = view.starts[s] ?? view.originalLength;
    return { start: at, end: at };
  }
  return { start: view.starts[s] ?? 0, end: view.ends[e - 1] ?? view.originalLength };
}

/** A phrase in the form the 'drop' + lowercase view holds it (whitespace removed, folded, lower-cased). */
export function squeezePhrase(phrase: string): string {
  let out = '';
  for (let i = 0; i < phrase.length; i++) {
    const c = phrase.charCodeAt(i);
    if (isSpace(c) || c === 10 || c === 13) continue;
    out += String.fromCharCode(lower(foldChar(c)));
  }
  return out;
}
