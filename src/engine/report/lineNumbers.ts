/**
 * Line numbers of offsets in a pasted text, for the paste page and `npm run analyze`. A long paste quotes
 * thousands of spans (a 1 MB ERRORLOG has about 9,000 pieces of evidence): counting the line breaks before
 * each one from the start made showing them quadratic, and froze the page for minutes. The offsets of the
 * line breaks are found once per text and each look-up is a binary search.
 */
import { lowerBound } from '../sorted';

const MAX_TEXTS = 8;
/** text -> offsets of its line breaks, for the last few texts asked about (the most recently used last) */
const breaksByText = new Map<string, Int32Array>();

function lineBreaks(text: string): Int32Array {
  const known = breaksByText.get(text);
  if (known) {
    // most recently used last: the oldest entry is the one dropped
    breaksByText.delete(text);
    breaksByText.set(text, known);
    return known;
  }
  let count = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) count++;
  const breaks = new Int32Array(count);
  let k = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) breaks[k++] = i;
  if (breaksByText.size >= MAX_TEXTS) breaksByText.delete(breaksByText.keys().next().value!);
  breaksByText.set(text, breaks);
  return breaks;
}

/** The 1-based line of `text` that holds `offset` (offsets past the end count as the last line). */
export function lineNumberAt(text: string, offset: number): number {
  // one more than the number of line breaks before `offset`
  return lowerBound(lineBreaks(text), offset) + 1;
}
