import { describe, expect, it } from 'vitest';
import {
  ANSWER_ALIASES,
  OUTCOME_ALIASES,
  QUESTION_ALIASES,
  resolveAnswerId,
  resolveOutcomeId,
  resolveQuestionId,
} from './aliases';
import { allOutcomes, flow, getOutcome, getQuestion, SCENARIOS } from './index';

const outcomeIds = new Set(allOutcomes.map((o) => o.id));
const questionIds = new Set(flow.questions.map((q) => q.id));

describe('aliases', () => {
  it('point at outcomes and questions that exist, in one hop', () => {
    for (const [alias, target] of Object.entries(OUTCOME_ALIASES)) {
      expect(outcomeIds.has(target), `${alias} -> ${target}`).toBe(true);
      expect(outcomeIds.has(alias), `${alias} shadows a live id`).toBe(false);
      expect(Object.hasOwn(OUTCOME_ALIASES, target)).toBe(false);
    }
    for (const [alias, target] of Object.entries(QUESTION_ALIASES)) {
      expect(questionIds.has(target), `${alias} -> ${target}`).toBe(true);
      expect(questionIds.has(alias)).toBe(false);
    }
  });

  it("map the article's numbering to the scenario with that live number", () => {
    for (const scenario of SCENARIOS) {
      expect(getOutcome(`scenario-${scenario.articleNumber}`)?.id).toBe(scenario.id);
    }
    expect(getOutcome('scenario-4')?.id).toBe('weak-certificate-hash');
    expect(getOutcome('scenario-5')?.id).toBe('dhe-leading-zero');
  });

  it('resolve names from earlier designs', () => {
    expect(getOutcome('strict-encryption-mismatch')?.id).toBe('strict-encryption');
    expect(getQuestion('start')?.id).toBe(flow.start);
  });

  it('leave live and unknown ids alone', () => {
    expect(resolveOutcomeId('tls-dhe-ciphers')).toBe('tls-dhe-ciphers');
    expect(resolveOutcomeId('no-such-thing')).toBe('no-such-thing');
    expect(resolveQuestionId('cert-hash')).toBe('cert-hash');
    expect(getOutcome('no-such-thing')).toBeUndefined();
    expect(getQuestion('no-such-thing')).toBeUndefined();
    expect(getOutcome('__proto__')).toBeUndefined();
    expect(getOutcome('constructor')).toBeUndefined();
  });

  it('map short and earlier answer ids to answers of the same question that exist', () => {
    for (const [questionId, table] of Object.entries(ANSWER_ALIASES)) {
      const question = getQuestion(questionId);
      expect(question?.id, `${questionId} is a current question id`).toBe(questionId);
      const answerIds = new Set(question!.answers.map((a) => a.id));
      for (const [alias, target] of Object.entries(table)) {
        expect(answerIds.has(target), `${questionId}: ${alias} -> ${target}`).toBe(true);
        expect(answerIds.has(alias), `${questionId}: ${alias} shadows a live answer`).toBe(false);
      }
    }
    expect(resolveAnswerId('client-platform', 'linux')).toBe('linux-macos');
    expect(resolveAnswerId('client-platform', 'windows')).toBe('windows');
    // An alias belongs to its question only: "linux" means nothing for another question.
    expect(resolveAnswerId('frequency', 'linux')).toBe('linux');
    expect(resolveAnswerId('constructor', 'linux')).toBe('linux');
  });
});
