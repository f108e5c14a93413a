import { describe, expect, it } from 'vitest';
import { readAnswers } from './prefill';

describe('answers in links', () => {
  it('fills in a consistent chain of answers, and says which', () => {
    const result = readAnswers('error-text:handshake-reset,client-platform:linux-macos');
    expect(result.answers).toEqual({ 'error-text': 'handshake-reset', 'client-platform': 'linux-macos' });
    expect(result.notices).toHaveLength(1);
    expect(result.notices[0]!.title).toBe('The link filled in 2 answers');
    expect(result.notices[0]!.items[1]).toContain('Linux or macOS');
  });

  it('accepts old question ids and short answer ids', () => {
    const result = readAnswers('start:10054,client-platform:linux');
    expect(result.answers).toEqual({ 'error-text': 'handshake-reset', 'client-platform': 'linux-macos' });
    expect(result.notices.some((n) => n.items.some((i) => i.includes('“start” is now “error-text”')))).toBe(
      true,
    );
  });

  it('ignores unknown questions, unknown answers, malformed pairs and answers off the path, naming each', () => {
    const result = readAnswers(
      'error-text:handshake-reset,no-such-question:yes,client-platform:amiga,garbage,busy-server:yes,%E0%A4%A:x',
    );
    expect(result.answers).toEqual({ 'error-text': 'handshake-reset' });
    const ignored = result.notices.find((n) => n.severity === 'warning')!.items.join('\n');
    expect(ignored).toContain('no question “no-such-question”');
    expect(ignored).toContain('“amiga” is not one of the answers');
    expect(ignored).toContain('“garbage”: not in the form question:answer');
    expect(ignored).toContain('“busy-server:yes”: the other answers do not lead to this question');
    expect(ignored).toContain('not readable');
  });

  it('keeps the first answer when a question is answered twice', () => {
    const result = readAnswers('error-text:handshake-reset,error-text:other-error');
    expect(result.answers).toEqual({ 'error-text': 'handshake-reset' });
    expect(result.notices.find((n) => n.severity === 'warning')!.items[0]).toContain('already answered');
  });

  it('fills in nothing from an empty or hostile value, and never throws', () => {
    expect(readAnswers('')).toEqual({ answers: {}, notices: [] });
    expect(readAnswers('__proto__:x,constructor:y').answers).toEqual({});
    expect(readAnswers(','.repeat(10_000)).answers).toEqual({});
    const long = readAnswers('a:b,'.repeat(100));
    expect(long.notices[0]!.items[0]).toContain('first 40 answers');
  });
});
