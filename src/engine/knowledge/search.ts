/**
 * Search over every outcome for the scenario index page: by words of an error text, event ids, KB numbers.
 * Linear in the size of the knowledge base; the query is capped so a huge paste stays fast.
 */
import type { Outcome, Reference } from './types';

const MAX_QUERY = 2000;

const referencesOf = (outcome: Outcome): Reference[] =>
  outcome.type === 'scenario' ? outcome.references : outcome.whereToGo;

const textOf = (outcome: Outcome): string =>
  [
    outcome.id,
    outcome.title,
    outcome.summary,
    ...outcome.symptoms,
    ...outcome.keywords,
    ...referencesOf(outcome).map((r) => r.kb ?? ''),
  ]
    .join('\n')
    .toLowerCase();

const words = (text: string): string[] => [
  ...new Set(text.split(/[^a-z0-9_.]+/).filter((word) => word.length >= 3)),
];

export interface SearchHit {
  outcome: Outcome;
  score: number;
}

/**
 * Outcomes matching `query`, best first (ties keep the knowledge-base order). A keyword found whole in the
 * query (an error fragment, "KB4557473", "36874") weighs most; other shared words count once each. An
 * empty query returns every outcome with score 0.
 */
export function searchOutcomes(outcomes: readonly Outcome[], query: string): SearchHit[] {
  const normalised = query.slice(0, MAX_QUERY).toLowerCase().trim();
  if (normalised === '') return outcomes.map((outcome) => ({ outcome, score: 0 }));
  const queryWords = words(normalised);
  const hits: SearchHit[] = [];
  for (const outcome of outcomes) {
    let score = 0;
    for (const keyword of outcome.keywords) {
      const k = keyword.toLowerCase();
      if (k.length >= 3 && normalised.includes(k)) score += 5 + Math.min(5, Math.floor(k.length / 8));
    }
    for (const reference of referencesOf(outcome)) {
      if (reference.kb && normalised.includes(reference.kb.toLowerCase())) score += 10;
    }
    const haystack = textOf(outcome);
    for (const word of queryWords) if (haystack.includes(word)) score += 1;
    if (score > 0) hits.push({ outcome, score });
  }
  return hits.sort((a, b) => b.score - a.score);
}
