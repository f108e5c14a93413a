import { useEffect, useState } from 'react';
import { analyzeText, type TextAnalysis } from '@/engine/parsers';
import type { PasteInput } from '@/store/pasteStore';

// Inputs never change once added (a new paste gets a new id), so results are cached per id and text.
const cache = new Map<string, Promise<TextAnalysis>>();
const keyOf = (input: PasteInput) => `${input.id}:${input.text.length}`;

function analysisOf(input: PasteInput): Promise<TextAnalysis> {
  const key = keyOf(input);
  let pending = cache.get(key);
  if (!pending) {
    pending = input.binary ? Promise.resolve({ parts: [] }) : analyzeText(input.text);
    cache.set(key, pending);
  }
  return pending;
}

/** Parses every input (in the page; parsers never throw) and returns the results by input id. */
export function useAnalyses(inputs: PasteInput[]): Record<string, TextAnalysis | undefined> {
  const [results, setResults] = useState<Record<string, TextAnalysis | undefined>>({});
  useEffect(() => {
    let alive = true;
    void Promise.all(inputs.map(async (i) => [i.id, await analysisOf(i)] as const)).then((entries) => {
      if (alive) setResults(Object.fromEntries(entries));
    });
    return () => {
      alive = false;
    };
  }, [inputs]);
  return results;
}
