import { describe, expect, it } from 'vitest';
import { OTHER_ERROR_IDS, SCENARIO_IDS } from '../ids';
import flowSource from './flow.ts?raw';
import { enumeratePaths, validateFlow, type FlowProblemCode } from './graph';
import { allOutcomes, flow } from './index';
import type { Flow, Question } from './types';

describe('the real flow', () => {
  const paths = enumeratePaths(flow);

  it('validates clean', () => {
    expect(validateFlow(flow, allOutcomes)).toEqual([]);
  });

  it('reaches every scenario and every other outcome by at least one path', () => {
    const reached = new Set(paths.map((path) => path.outcome));
    for (const id of [...SCENARIO_IDS, ...OTHER_ERROR_IDS]) expect(reached.has(id), id).toBe(true);
    for (const outcome of allOutcomes) expect(reached.has(outcome.id), outcome.id).toBe(true);
  });

  it('keeps the number of paths small enough for one end-to-end test each', () => {
    expect(paths.length).toBeGreaterThanOrEqual(allOutcomes.length);
    expect(paths.length).toBeLessThanOrEqual(150);
  });

  it('asks at most eight questions on any path and two on the shortest', () => {
    const lengths = paths.map((path) => path.steps.length);
    expect(Math.max(...lengths)).toBeLessThanOrEqual(8);
    expect(Math.min(...lengths)).toBe(2);
  });

  it('gives paths that follow the answers exactly', () => {
    const byId = new Map(flow.questions.map((q) => [q.id, q]));
    for (const path of paths) {
      expect(path.steps[0]?.questionId).toBe(flow.start);
      path.steps.forEach((step, index) => {
        const answer = byId.get(step.questionId)?.answers.find((a) => a.id === step.answerId);
        expect(answer, `${step.questionId}/${step.answerId}`).toBeDefined();
        const next = path.steps[index + 1];
        expect(answer!.next).toEqual(next ? { question: next.questionId } : { outcome: path.outcome });
      });
    }
  });

  it('gives every path a distinct answer sequence', () => {
    const keys = paths.map((path) => path.steps.map((s) => `${s.questionId}=${s.answerId}`).join('>'));
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('offers one answer per look-alike error, with the OtherErrorId as answer id', () => {
    const question = flow.questions.find((q) => q.fact === 'error.otherErrorId');
    for (const id of OTHER_ERROR_IDS) {
      expect(question?.answers.find((a) => a.id === id)?.next).toEqual({ outcome: id });
    }
  });

  it('documents every fact key and its answer ids in the comment block of flow.ts', () => {
    const header = flowSource.slice(0, flowSource.indexOf('*/'));
    for (const question of flow.questions.filter((q) => q.fact)) {
      const line = header.split('\n').findIndex((l) => l.includes(` ${question.fact} `));
      expect(line, `fact ${question.fact}`).toBeGreaterThan(0);
      const documented = header
        .split('\n')
        .slice(line, line + 3)
        .join(' ');
      for (const answer of question.answers) {
        if (
          question.fact === 'error.otherErrorId' &&
          (OTHER_ERROR_IDS as readonly string[]).includes(answer.id)
        )
          continue;
        expect(documented, `${question.fact}: ${answer.id}`).toContain(answer.id);
      }
    }
  });

  it('gives every question a reason and every answer a label', () => {
    for (const question of flow.questions) {
      expect(question.title.endsWith('?'), question.id).toBe(true);
      expect(question.why.length).toBeGreaterThan(20);
      for (const answer of question.answers) expect(answer.label.trim().length).toBeGreaterThan(0);
    }
  });

  it('offers a not-sure way forward on the questions a help-desk person may not be able to answer', () => {
    for (const id of [
      'error-text',
      'client-platform',
      'frequency',
      'busy-server',
      'intermittent-phase',
      'dhe-os',
      'cert-hash',
      'server-logs',
      'what-changed',
      'sql-tls12',
      'protocol-common',
      'cipher-common',
    ]) {
      const question = flow.questions.find((q) => q.id === id)!;
      const unsure = question.answers.some((a) => /not sure|don't have|can't|cannot/i.test(a.label));
      expect(unsure, id).toBe(true);
    }
  });
});

// ---------------------------------------------------------------------------------------------------
// Broken fixtures: each kind of problem is caught.
// ---------------------------------------------------------------------------------------------------

const q = (id: string, ...answers: [string, { question: string } | { outcome: string }][]): Question => ({
  id,
  title: `${id}?`,
  why: 'fixture',
  answers: answers.map(([answerId, next]) => ({ id: answerId, label: answerId, next })),
});
const outcomes = [{ id: 'o1' }, { id: 'o2' }];
const good: Flow = {
  start: 'a',
  questions: [
    q('a', ['x', { question: 'b' }], ['y', { outcome: 'o1' }]),
    q('b', ['x', { outcome: 'o1' }], ['y', { outcome: 'o2' }]),
  ],
};
const codes = (flowUnderTest: Flow, outcomeList = outcomes): FlowProblemCode[] =>
  validateFlow(flowUnderTest, outcomeList).map((p) => p.code);

describe('validateFlow on broken graphs', () => {
  it('accepts the sound fixture', () => {
    expect(codes(good)).toEqual([]);
    expect(enumeratePaths(good).map((p) => p.outcome)).toEqual(['o1', 'o2', 'o1']);
  });

  it('catches a missing start', () => {
    expect(codes({ ...good, start: 'nope' })).toContain('missing-start');
  });

  it('catches duplicate question ids', () => {
    expect(
      codes({
        ...good,
        questions: [...good.questions, q('b', ['x', { outcome: 'o1' }], ['y', { outcome: 'o2' }])],
      }),
    ).toContain('duplicate-question');
  });

  it('catches duplicate outcome ids', () => {
    expect(codes(good, [...outcomes, { id: 'o1' }])).toContain('duplicate-outcome');
  });

  it('catches duplicate answer ids', () => {
    const flowUnderTest: Flow = {
      start: 'a',
      questions: [q('a', ['x', { outcome: 'o1' }], ['x', { outcome: 'o2' }])],
    };
    expect(codes(flowUnderTest)).toEqual(['duplicate-answer']);
  });

  it('catches a question with fewer than two answers', () => {
    const flowUnderTest: Flow = {
      start: 'a',
      questions: [
        q('a', ['x', { question: 'b' }], ['y', { outcome: 'o1' }]),
        q('b', ['x', { outcome: 'o2' }]),
      ],
    };
    expect(codes(flowUnderTest)).toEqual(['too-few-answers']);
  });

  it('catches an answer leading to an unknown question', () => {
    const flowUnderTest: Flow = {
      start: 'a',
      questions: [q('a', ['x', { question: 'ghost' }], ['y', { outcome: 'o1' }]), good.questions[1]!],
    };
    expect(codes(flowUnderTest)).toEqual(
      expect.arrayContaining(['dangling-question', 'unreachable-question']),
    );
  });

  it('catches an answer leading to an unknown outcome', () => {
    const flowUnderTest: Flow = {
      start: 'a',
      questions: [q('a', ['x', { question: 'b' }], ['y', { outcome: 'ghost' }]), good.questions[1]!],
    };
    expect(codes(flowUnderTest)).toEqual(['dangling-outcome']);
  });

  it('catches an unreachable question', () => {
    expect(
      codes({
        ...good,
        questions: [...good.questions, q('island', ['x', { outcome: 'o1' }], ['y', { outcome: 'o2' }])],
      }),
    ).toEqual(['unreachable-question']);
  });

  it('catches an unreachable outcome', () => {
    expect(codes(good, [...outcomes, { id: 'o3' }])).toEqual(['unreachable-outcome']);
  });

  it('catches a cycle, and enumeratePaths still terminates', () => {
    const flowUnderTest: Flow = {
      start: 'a',
      questions: [
        q('a', ['x', { question: 'b' }], ['y', { outcome: 'o1' }]),
        q('b', ['back', { question: 'a' }], ['y', { outcome: 'o2' }]),
      ],
    };
    expect(codes(flowUnderTest)).toEqual(['cycle']);
    expect(enumeratePaths(flowUnderTest).map((p) => p.outcome)).toEqual(['o2', 'o1']);
  });

  it('caps runaway path counts', () => {
    const layers = 20;
    const questions = Array.from({ length: layers }, (_, i) =>
      q(
        `l${i}`,
        ['x', i + 1 < layers ? { question: `l${i + 1}` } : { outcome: 'o1' }],
        ['y', i + 1 < layers ? { question: `l${i + 1}` } : { outcome: 'o2' }],
      ),
    );
    expect(enumeratePaths({ start: 'l0', questions }, 500)).toHaveLength(500);
  });
});

describe('FACT_KEYS', () => {
  it('lists each fact once, with the answer ids of its question', async () => {
    const { FACT_KEYS } = await import('./index');
    const facts = flow.questions.filter((question) => question.fact).map((question) => question.fact);
    expect(new Set(facts).size).toBe(facts.length);
    expect(FACT_KEYS['error.family']).toEqual({
      questionId: 'error-text',
      answerIds: ['handshake-reset', 'other-error', 'unrecognized'],
    });
    expect(FACT_KEYS['error.phase']?.answerIds).toEqual(['pre-login', 'login', 'after-login', 'unknown']);
    expect(FACT_KEYS['server.sqlSupportsTls12']?.answerIds).toEqual(['no', 'yes']);
  });
});
