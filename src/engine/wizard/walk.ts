/**
 * Where a set of wizard answers leads. The wizard's position comes from the URL, its answers from the
 * store; this walks the flow from the start through the answers, so the path shown ("your answers so far")
 * is always the path actually taken, and answers on an abandoned branch can be dropped.
 */
import type { Answer, Flow, Question } from '../knowledge/types';

export type Answers = Readonly<Record<string, string>>;

export interface PathStep {
  question: Question;
  answer: Answer;
}

export interface Walk {
  /** questions answered on the way, in order */
  steps: PathStep[];
  /** the first question on the path still without a (valid) answer; undefined when an outcome is reached */
  current?: Question;
  /** the outcome the answers lead to, when they lead all the way */
  outcome?: string;
}

export function walk(flow: Flow, answers: Answers): Walk {
  const byId = new Map(flow.questions.map((q) => [q.id, q]));
  const steps: PathStep[] = [];
  const seen = new Set<string>();
  let question = byId.get(flow.start);
  while (question && !seen.has(question.id)) {
    seen.add(question.id);
    const answer = question.answers.find((a) => a.id === answers[question!.id]);
    if (!answer) return { steps, current: question };
    steps.push({ question, answer });
    if ('outcome' in answer.next) return { steps, outcome: answer.next.outcome };
    question = byId.get(answer.next.question);
  }
  // A dangling or cyclic reference: the graph tests forbid both, so this is only reachable with bad data.
  return { steps, ...(question ? { current: question } : {}) };
}

/** Keeps only the answers on the path the answers themselves take; the rest belonged to abandoned branches. */
export function pruneAnswers(flow: Flow, answers: Answers): Record<string, string> {
  const kept: Record<string, string> = {};
  for (const step of walk(flow, answers).steps) kept[step.question.id] = step.answer.id;
  return kept;
}

/** Is this question on the path the answers take (answered or the next one to answer)? */
export function isOnPath(flow: Flow, answers: Answers, questionId: string): boolean {
  const w = walk(flow, answers);
  return w.current?.id === questionId || w.steps.some((s) => s.question.id === questionId);
}
