/**
 * Line iteration over a normalised view (see ./normalize.ts), with offsets kept in view coordinates.
 * Lines longer than a cap are cut for scanning so no regular expression ever sees an unbounded line.
 */
import type { MappedText } from './normalize';

export interface ViewLine {
  /** offset of the first character in the view */
  start: number;
  /** offset after the last character in the view (line break excluded; after capping) */
  end: number;
  /** the line's text (capped) */
  text: string;
  /** zero-based line number */
  index: number;
}

/** Splits a view on '\n' (the view has no CR). Each line is capped at `cap` characters. */
export function viewLines(view: MappedText | string, cap = 4000): ViewLine[] {
  const text = typeof view === 'string' ? view : view.text;
  const lines: ViewLine[] = [];
  let i = 0;
  const n = text.length;
  let index = 0;
  while (i <= n) {
    let j = text.indexOf('\n', i);
    if (j < 0) j = n;
    const end = Math.min(j, i + cap);
    lines.push({ start: i, end, text: text.slice(i, end), index });
    index++;
    if (j >= n) break;
    i = j + 1;
  }
  return lines;
}

/** Finds every occurrence of `needle` in `hay`, at most `max`. */
export function findAll(hay: string, needle: string, max = 200): number[] {
  const out: number[] = [];
  if (!needle) return out;
  let from = 0;
  while (out.length < max) {
    const at = hay.indexOf(needle, from);
    if (at < 0) break;
    out.push(at);
    from = at + needle.length;
  }
  return out;
}
