/**
 * Pasted text as parsers see it: a byte-order mark removed, and UTF-16LE that arrived mis-decoded (a NUL
 * after every character) folded back. Offsets found in the clean text map back to the text the parser was
 * given, so evidence still points at the user's own characters.
 */
import { evidenceAt, type Evidence } from '../../model';

export interface CleanText {
  /** the text to scan */
  text: string;
  /** original offset of each clean character (length = text.length + 1); null when nothing was removed */
  map: Int32Array | null;
  /** what was removed, for an info problem */
  removedNuls: boolean;
  removedBom: boolean;
}

export function cleanText(original: string): CleanText {
  let start = 0;
  let removedBom = false;
  if (original.charCodeAt(0) === 0xfeff) {
    start = 1;
    removedBom = true;
  } else if (original.charCodeAt(0) === 0xff && original.charCodeAt(1) === 0xfe) {
    start = 2; // UTF-16LE BOM read as latin1
    removedBom = true;
  } else if (original.startsWith('\u00ef\u00bb\u00bf')) {
    start = 3; // UTF-8 BOM read as latin1
    removedBom = true;
  }
  const hasNul = original.indexOf('\u0000') >= 0;
  if (!hasNul && start === 0) return { text: original, map: null, removedNuls: false, removedBom: false };
  if (!hasNul) {
    const map = new Int32Array(original.length - start + 1);
    for (let i = 0; i < map.length; i++) map[i] = i + start;
    return { text: original.slice(start), map, removedNuls: false, removedBom };
  }
  const map = new Int32Array(original.length - start + 1);
  const parts: string[] = [];
  let n = 0;
  let runStart = start;
  for (let i = start; i < original.length; i++) {
    if (original.charCodeAt(i) === 0) {
      if (i > runStart) parts.push(original.slice(runStart, i));
      runStart = i + 1;
      continue;
    }
    map[n++] = i;
  }
  if (original.length > runStart) parts.push(original.slice(runStart));
  map[n] = original.length;
  let text = parts.join('');
  // a UTF-16 BOM that survived as U+FEFF after NUL removal
  if (text.charCodeAt(0) === 0xfeff || (text.charCodeAt(0) === 0xff && text.charCodeAt(1) === 0xfe)) {
    const skip = text.charCodeAt(0) === 0xfeff ? 1 : 2;
    text = text.slice(skip);
    removedBom = true;
    return { text, map: map.subarray(skip, n + 1), removedNuls: true, removedBom };
  }
  return { text, map: map.subarray(0, n + 1), removedNuls: true, removedBom };
}

/** Maps a clean-text offset back to the original text. */
export function toOriginal(c: CleanText, i: number): number {
  if (!c.map) return i;
  const k = Math.max(0, Math.min(i, c.map.length - 1));
  return c.map[k] ?? 0;
}

/** Evidence for a span of the clean text, pointing at the original characters. */
export function evidenceFor(
  original: string,
  c: CleanText,
  start: number,
  end: number,
  meaning: string,
  fact?: string,
): Evidence {
  const s = toOriginal(c, start);
  // end is exclusive: map the last character and step past it
  const e = end > start ? toOriginal(c, end - 1) + 1 : s;
  return evidenceAt(original, s, e, meaning, fact);
}

export interface Line {
  /** offset of the first character */
  start: number;
  /** offset after the last character (line break excluded) */
  end: number;
  text: string;
}

/** Splits on \r\n, \n or \r, keeping offsets. Lines longer than `cap` are cut (the rest is not scanned). */
export function splitLines(text: string, cap = 200_000): Line[] {
  const lines: Line[] = [];
  let i = 0;
  const n = text.length;
  // the next \n and \r at or after i (found natively, not character by character)
  let lf = text.indexOf('\n');
  let cr = text.indexOf('\r');
  while (i <= n) {
    if (lf >= 0 && lf < i) lf = text.indexOf('\n', i);
    if (cr >= 0 && cr < i) cr = text.indexOf('\r', i);
    const j = lf < 0 ? (cr < 0 ? n : cr) : cr < 0 ? lf : Math.min(lf, cr);
    const end = Math.min(j, i + cap);
    lines.push({ start: i, end, text: text.slice(i, end) });
    if (j >= n) break;
    i = text.charCodeAt(j) === 13 && text.charCodeAt(j + 1) === 10 ? j + 2 : j + 1;
  }
  return lines;
}

/**
 * The lines of splitLines one at a time, with the same offsets and cap: a long listing is read without an
 * array holding an object and a string for every line, which kept the garbage collector busy copying them.
 * `start`, `end` and `text` describe the current line after `advance()` returned true.
 */
export class LineCursor {
  start = 0;
  end = 0;
  text = '';
  /** start of the line after the current one; -1 once the last line was reached */
  private next = 0;
  /** the next \n and \r at or after the current line's start (found natively) */
  private lf: number;
  private cr: number;

  constructor(
    private readonly source: string,
    private readonly cap = 200_000,
  ) {
    this.lf = source.indexOf('\n');
    this.cr = source.indexOf('\r');
  }

  /** Moves to the next line; false when there is none. */
  advance(): boolean {
    const i = this.next;
    if (i < 0) return false;
    const text = this.source;
    const n = text.length;
    if (this.lf >= 0 && this.lf < i) this.lf = text.indexOf('\n', i);
    if (this.cr >= 0 && this.cr < i) this.cr = text.indexOf('\r', i);
    const lf = this.lf;
    const cr = this.cr;
    const j = lf < 0 ? (cr < 0 ? n : cr) : cr < 0 ? lf : Math.min(lf, cr);
    const end = Math.min(j, i + this.cap);
    this.start = i;
    this.end = end;
    this.text = text.slice(i, end);
    this.next = j >= n ? -1 : text.charCodeAt(j) === 13 && text.charCodeAt(j + 1) === 10 ? j + 2 : j + 1;
    return true;
  }

  /** another line follows the current one */
  get hasNext(): boolean {
    return this.next >= 0;
  }
}
