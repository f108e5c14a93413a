import { describe, expect, it } from 'vitest';
import type { Flow } from '../knowledge/types';
import { isOnPath, pruneAnswers, walk } from './walk';

const flow: Flow = {
  start: 'q1',
  questions: [
    {
      id: 'q1',
      title: 'Which error?',
      why: 'w',
      answers: [
        { id: 'reset', label: 'Reset', next: { question: 'q2' } },
        { id: 'other', label: 'Other', next: { question: 'q3' } },
      ],
    },
    {
      id: 'q2',
      title: 'Always?',
      why: 'w',
      answers: [
        { id: 'always', label: 'Always', next: { outcome: 'tls-protocol-mismatch' } },
        { id: 'sometimes', label: 'Sometimes', next: { question: 'q3' } },
      ],
    },
    {
      id: 'q3',
      title: 'Busy?',
      why: 'w',
      answers: [
        { id: 'yes', label: 'Yes', next: { outcome: 'tcp-listener-overload' } },
        { id: 'no', label: 'No', next: { outcome: 'escalate' } },
      ],
    },
  ],
};

describe('walk', () => {
  it('stops at the first unanswered question', () => {
    const w = walk(flow, { q1: 'reset' });
    expect(w.steps.map((s) => s.question.id)).toEqual(['q1']);
    expect(w.current?.id).toBe('q2');
    expect(w.outcome).toBeUndefined();
  });

  it('reaches an outcome when the answers lead all the way', () => {
    expect(walk(flow, { q1: 'reset', q2: 'always' }).outcome).toBe('tls-protocol-mismatch');
  });

  it('ignores answers that are not valid for their question (older stored state)', () => {
    const w = walk(flow, { q1: 'no-such-answer' });
    expect(w.current?.id).toBe('q1');
    expect(w.steps).toEqual([]);
  });
});

describe('pruneAnswers', () => {
  it('drops only the answers of the abandoned branch', () => {
    // q3 was answered via q2 = sometimes; changing q1 to "other" keeps q3 (still on the path) but drops q2.
    const answers = { q1: 'other', q2: 'sometimes', q3: 'yes' };
    expect(pruneAnswers(flow, answers)).toEqual({ q1: 'other', q3: 'yes' });
  });

  it('keeps everything when nothing was abandoned', () => {
    const answers = { q1: 'reset', q2: 'sometimes', q3: 'no' };
    expect(pruneAnswers(flow, answers)).toEqual(answers);
  });

  it('drops answers after a question whose answer changed to an outcome', () => {
    expect(pruneAnswers(flow, { q1: 'reset', q2: 'always', q3: 'yes' })).toEqual({
      q1: 'reset',
      q2: 'always',
    });
  });
});

describe('isOnPath', () => {
  it('knows the next question and the answered ones, not the others', () => {
    expect(isOnPath(flow, { q1: 'reset' }, 'q1')).toBe(true);
    expect(isOnPath(flow, { q1: 'reset' }, 'q2')).toBe(true);
    expect(isOnPath(flow, { q1: 'reset' }, 'q3')).toBe(false);
  });
});
