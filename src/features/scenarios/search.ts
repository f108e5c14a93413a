import type { Outcome } from '@/engine/knowledge/types';

/** Lower-cases and strips accents and punctuation, so "KB3135244", "kb 3135244" and "3135244" all match. */
const normalize = (text: string) =>
  text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

const haystack = (o: Outcome) =>
  normalize(
    [
      o.id,
      o.title,
      o.summary,
      ...o.symptoms,
      ...o.keywords,
      ...(o.type === 'scenario' ? o.pointsTo : []),
    ].join(' '),
  );

/** Outcomes whose text holds every word of the query (error-text words, KB numbers, event ids). */
export function searchOutcomes(outcomes: readonly Outcome[], query: string): Outcome[] {
  const words = normalize(query)
    .split(' ')
    .filter(Boolean)
    .flatMap((w) => (/^kb\d+$/.test(w) ? [w.slice(2)] : [w]))
    .filter((w) => w !== 'kb');
  if (words.length === 0) return [...outcomes];
  return outcomes.filter((o) => {
    const text = haystack(o);
    return words.every((w) => text.includes(w));
  });
}
