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

interface Index {
  texts: Map<Outcome, string>;
  /** how many outcomes mention a word (in any text) or list a keyword */
  wordCount: Map<string, number>;
  keywordCount: Map<string, number>;
}

const indexes = new WeakMap<readonly Outcome[], Index>();

function indexOf(outcomes: readonly Outcome[]): Index {
  let index = indexes.get(outcomes);
  if (index) return index;
  const texts = new Map<Outcome, string>();
  const wordCount = new Map<string, number>();
  const keywordCount = new Map<string, number>();
  for (const outcome of outcomes) {
    const text = textOf(outcome);
    texts.set(outcome, text);
    for (const word of words(text)) wordCount.set(word, (wordCount.get(word) ?? 0) + 1);
    for (const keyword of new Set(outcome.keywords.map((k) => k.toLowerCase()))) {
      keywordCount.set(keyword, (keywordCount.get(keyword) ?? 0) + 1);
    }
  }
  index = { texts, wordCount, keywordCount };
  indexes.set(outcomes, index);
  return index;
}

/**
 * Outcomes matching `query`, best first (ties keep the knowledge-base order). A keyword found whole in the
 * query (an error fragment, "KB4557473", "36874") weighs most, more when it is long and specific to few
 * outcomes; other shared words count by how rare they are, and words most outcomes use (connection,
 * server, error...) count for nothing. An empty query returns every outcome with score 0.
 */
export function searchOutcomes(outcomes: readonly Outcome[], query: string): SearchHit[] {
  const normalised = query.slice(0, MAX_QUERY).toLowerCase().trim();
  if (normalised === '') return outcomes.map((outcome) => ({ outcome, score: 0 }));
  const { texts, wordCount, keywordCount } = indexOf(outcomes);
  const total = Math.max(outcomes.length, 1);
  const queryWords = words(normalised);
  const hits: SearchHit[] = [];
  for (const outcome of outcomes) {
    let score = 0;
    for (const keyword of new Set(outcome.keywords.map((k) => k.toLowerCase()))) {
      if (keyword.length < 3 || !normalised.includes(keyword)) continue;
      const spread = keywordCount.get(keyword) ?? 1;
      score += (5 + Math.min(10, Math.floor(keyword.length / 4))) / spread;
    }
    for (const reference of referencesOf(outcome)) {
      if (reference.kb && normalised.includes(reference.kb.toLowerCase())) score += 10;
    }
    const haystack = texts.get(outcome) ?? '';
    for (const word of queryWords) {
      const count = wordCount.get(word) ?? total;
      if (count * 4 <= total && haystack.includes(word)) score += Math.log2(total / count);
    }
    if (score > 0) hits.push({ outcome, score: Math.round(score * 10) / 10 });
  }
  return hits.sort((a, b) => b.score - a.score);
}
