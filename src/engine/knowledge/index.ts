/**
 * The knowledge base's public face: every outcome, the flow, and lookups that accept old ids (aliases).
 */
import { resolveOutcomeId, resolveQuestionId } from './aliases';
import { ALL_COMMANDS } from './commands';
import { FLOW } from './flow';
import { OTHER_OUTCOMES } from './outcomes';
import { SCENARIOS } from './scenarios';
import type { CommandBlock, Flow, Outcome, Question, ResolutionStep } from './types';

export { SCENARIOS, SCENARIO_BY_ID } from './scenarios';
export { OTHER_OUTCOMES, OTHER_ERROR_OUTCOMES } from './outcomes';
export { ALL_COMMANDS } from './commands';
export { OUTCOME_ALIASES, QUESTION_ALIASES, resolveOutcomeId, resolveQuestionId } from './aliases';
export { validateFlow, enumeratePaths } from './graph';
export { searchOutcomes } from './search';
export type { SearchHit } from './search';
export type { FlowPath, FlowProblem, FlowProblemCode, PathStep } from './graph';

export const flow: Flow = FLOW;

/** The six scenarios first (article order), then other errors, related situations and escalation. */
export const allOutcomes: readonly Outcome[] = [...SCENARIOS, ...OTHER_OUTCOMES];

const outcomeById = new Map<string, Outcome>(allOutcomes.map((outcome) => [outcome.id, outcome]));
const questionById = new Map<string, Question>(FLOW.questions.map((question) => [question.id, question]));

/** An outcome by its id or an old alias (e.g. "scenario-4"); undefined when unknown. */
export const getOutcome = (id: string): Outcome | undefined => outcomeById.get(resolveOutcomeId(id));

/** A question by its id or an old alias; undefined when unknown. */
export const getQuestion = (id: string): Question | undefined => questionById.get(resolveQuestionId(id));

const stepsOf = (outcome: Outcome): ResolutionStep[] =>
  outcome.type === 'scenario'
    ? [...outcome.confirm, ...outcome.fix, ...outcome.verify, ...outcome.undo]
    : outcome.steps;

/**
 * Every command block used anywhere (steps of every outcome, "how to find out" of every question), each
 * once, in first-use order, followed by any registered command not used elsewhere.
 */
export function allCommandBlocks(): CommandBlock[] {
  const seen = new Map<string, CommandBlock>();
  const add = (block: CommandBlock) => {
    if (!seen.has(block.id)) seen.set(block.id, block);
  };
  for (const outcome of allOutcomes) for (const step of stepsOf(outcome)) step.commands?.forEach(add);
  for (const question of FLOW.questions) question.howToFind?.commands?.forEach(add);
  ALL_COMMANDS.forEach(add);
  return [...seen.values()];
}

/** The steps of an outcome in reading order (confirm, fix, verify, undo for a scenario). */
export const outcomeSteps = stepsOf;

/**
 * The facts the wizard can pre-select from a paste: fact key -> the question that asks it and the answer
 * ids a known value may take (documented in the header of flow.ts).
 */
export const FACT_KEYS: Readonly<Record<string, { questionId: string; answerIds: readonly string[] }>> =
  Object.fromEntries(
    FLOW.questions
      .filter((question) => question.fact)
      .map((question) => [
        question.fact!,
        { questionId: question.id, answerIds: question.answers.map((a) => a.id) },
      ]),
  );
