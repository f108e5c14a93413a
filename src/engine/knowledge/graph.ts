/**
 * Checks on the question graph and a walk over every path through it. The UI team generates one
 * end-to-end test per path from `enumeratePaths`, so the flow is kept small enough to walk completely.
 */
import type { Flow, NodeRef, Outcome, Question } from './types';

export type FlowProblemCode =
  | 'missing-start'
  | 'duplicate-question'
  | 'duplicate-outcome'
  | 'duplicate-answer'
  | 'too-few-answers'
  | 'dangling-question'
  | 'dangling-outcome'
  | 'unreachable-question'
  | 'unreachable-outcome'
  | 'cycle';

export interface FlowProblem {
  code: FlowProblemCode;
  /** the question or outcome the problem is about */
  id: string;
  message: string;
}

const isQuestionRef = (ref: NodeRef): ref is { question: string } => 'question' in ref;

/**
 * Everything wrong with the graph, in a stable order; an empty list means the flow is sound: every id
 * resolves, every question and outcome is reachable from the start, there are no cycles, and every
 * question offers at least two distinct answers.
 */
export function validateFlow(flow: Flow, outcomes: readonly Pick<Outcome, 'id'>[]): FlowProblem[] {
  const problems: FlowProblem[] = [];
  const questions = new Map<string, Question>();
  for (const question of flow.questions) {
    if (questions.has(question.id)) {
      problems.push({
        code: 'duplicate-question',
        id: question.id,
        message: `Question id "${question.id}" is used more than once.`,
      });
    } else {
      questions.set(question.id, question);
    }
  }
  const outcomeIds = new Set<string>();
  for (const outcome of outcomes) {
    if (outcomeIds.has(outcome.id)) {
      problems.push({
        code: 'duplicate-outcome',
        id: outcome.id,
        message: `Outcome id "${outcome.id}" is used more than once.`,
      });
    }
    outcomeIds.add(outcome.id);
  }
  for (const question of flow.questions) {
    if (question.answers.length < 2) {
      problems.push({
        code: 'too-few-answers',
        id: question.id,
        message: `Question "${question.id}" has fewer than two answers.`,
      });
    }
    const seen = new Set<string>();
    for (const answer of question.answers) {
      if (seen.has(answer.id)) {
        problems.push({
          code: 'duplicate-answer',
          id: question.id,
          message: `Question "${question.id}" has two answers with id "${answer.id}".`,
        });
      }
      seen.add(answer.id);
      if (isQuestionRef(answer.next)) {
        if (!questions.has(answer.next.question)) {
          problems.push({
            code: 'dangling-question',
            id: question.id,
            message: `Answer "${answer.id}" of "${question.id}" leads to unknown question "${answer.next.question}".`,
          });
        }
      } else if (!outcomeIds.has(answer.next.outcome)) {
        problems.push({
          code: 'dangling-outcome',
          id: question.id,
          message: `Answer "${answer.id}" of "${question.id}" leads to unknown outcome "${answer.next.outcome}".`,
        });
      }
    }
  }
  if (!questions.has(flow.start)) {
    problems.push({
      code: 'missing-start',
      id: flow.start,
      message: `The start question "${flow.start}" does not exist.`,
    });
    return problems;
  }

  // Reachability and cycles in one depth-first walk (colours: 1 = on the current path, 2 = finished).
  const colour = new Map<string, 1 | 2>();
  const reachedOutcomes = new Set<string>();
  const cycles = new Set<string>();
  const visit = (id: string): void => {
    colour.set(id, 1);
    for (const answer of questions.get(id)?.answers ?? []) {
      if (!isQuestionRef(answer.next)) {
        reachedOutcomes.add(answer.next.outcome);
        continue;
      }
      const next = answer.next.question;
      if (!questions.has(next)) continue;
      const state = colour.get(next);
      if (state === 1) cycles.add(next);
      else if (state === undefined) visit(next);
    }
    colour.set(id, 2);
  };
  visit(flow.start);

  for (const id of cycles) {
    problems.push({ code: 'cycle', id, message: `Question "${id}" can be reached again from itself.` });
  }
  for (const id of questions.keys()) {
    if (!colour.has(id)) {
      problems.push({
        code: 'unreachable-question',
        id,
        message: `Question "${id}" cannot be reached from the start.`,
      });
    }
  }
  for (const id of outcomeIds) {
    if (!reachedOutcomes.has(id)) {
      problems.push({ code: 'unreachable-outcome', id, message: `No answer leads to outcome "${id}".` });
    }
  }
  return problems;
}

export interface PathStep {
  questionId: string;
  answerId: string;
}

export interface FlowPath {
  steps: PathStep[];
  outcome: string;
}

/**
 * Every path from the start to an outcome, depth first in answer order. Cycles and dangling references are
 * skipped (validateFlow reports them); `limit` stops a runaway graph from exhausting memory.
 */
export function enumeratePaths(flow: Flow, limit = 10_000): FlowPath[] {
  const questions = new Map(flow.questions.map((question) => [question.id, question]));
  const paths: FlowPath[] = [];
  const onPath = new Set<string>();
  const steps: PathStep[] = [];
  const walk = (id: string): void => {
    const question = questions.get(id);
    if (!question || onPath.has(id)) return;
    onPath.add(id);
    for (const answer of question.answers) {
      if (paths.length >= limit) break;
      steps.push({ questionId: id, answerId: answer.id });
      if (isQuestionRef(answer.next)) walk(answer.next.question);
      else paths.push({ steps: [...steps], outcome: answer.next.outcome });
      steps.pop();
    }
    onPath.delete(id);
  };
  walk(flow.start);
  return paths;
}
