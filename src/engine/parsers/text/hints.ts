/**
 * A pointer from a parsed fact to one of the article's scenarios, with the reason in plain words.
 * Parsers only hint; the diagnosis weighs hints from every artifact.
 */
import type { ScenarioId } from '../../ids';

export interface ScenarioHint {
  scenario: ScenarioId;
  /** plain words: which text points there and why */
  why: string;
  /** 'strong': the text names the cause; 'weak': a common cause for this shape of evidence */
  strength: 'strong' | 'weak';
}

/** Adds a hint unless one for the same scenario is already there (the first reason wins). */
export function addHint(
  hints: ScenarioHint[],
  scenario: ScenarioId,
  why: string,
  strength: 'strong' | 'weak',
): void {
  const existing = hints.find((h) => h.scenario === scenario);
  if (existing) {
    if (existing.strength === 'weak' && strength === 'strong') {
      existing.strength = 'strong';
      existing.why = why;
    }
    return;
  }
  hints.push({ scenario, why, strength });
}
