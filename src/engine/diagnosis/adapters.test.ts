import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { eventNumberOfFact } from './adapters';

describe('eventNumberOfFact', () => {
  // the pattern the hand-written reader replaced; the two must agree on every fact name
  const PATTERN = /^events(?:\.(0|[1-9][0-9]*)(?:\.|$)|\[(0|[1-9][0-9]*)\]$)/;
  const byPattern = (fact: string) => {
    const m = PATTERN.exec(fact);
    return m ? Number(m[1] ?? m[2]) : -1;
  };

  it('reads the event number of events.N, events.N.field and events[N]', () => {
    expect(eventNumberOfFact('events.0')).toBe(0);
    expect(eventNumberOfFact('events.12.state')).toBe(12);
    expect(eventNumberOfFact('events[3]')).toBe(3);
  });

  it('refuses leading zeros, missing numbers and other facts', () => {
    for (const fact of [
      'events.01',
      'events[03]',
      'events.',
      'events',
      'events[]',
      'events[3].x',
      'events.5x',
      'eventsx',
      'serverBuild',
    ])
      expect(eventNumberOfFact(fact)).toBe(-1);
  });

  it('agrees with the regular expression on generated fact names', () => {
    const piece = fc.constantFrom('events', '.', '[', ']', '0', '1', '9', '12', 'x', 'state', '');
    const fact = fc
      .tuple(fc.boolean(), fc.array(piece, { maxLength: 5 }))
      .map(([lead, rest]) => (lead ? 'events' : '') + rest.join(''));
    fc.assert(
      fc.property(fact, (f) => eventNumberOfFact(f) === byPattern(f)),
      { numRuns: 20000 },
    );
  });
});
