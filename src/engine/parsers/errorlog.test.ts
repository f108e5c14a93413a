import { beforeAll, describe, expect, it } from 'vitest';
import { errorlogParser, parseErrorlog, type ErrorlogEvent, type ErrorlogFacts } from './errorlog';

/**
 * Milliseconds a parse took: wall-clock time from performance.now(), or the process's CPU time when that
 * is smaller (other programs on a loaded machine should not fail a linear parser).
 */
function timed(fn: () => void): number {
  const cpu0 =
    typeof process !== 'undefined' && typeof process.cpuUsage === 'function' ? process.cpuUsage() : null;
  const t0 = performance.now();
  fn();
  const wall = performance.now() - t0;
  if (!cpu0) return wall;
  const d = process.cpuUsage(cpu0);
  return Math.min(wall, (d.user + d.system) / 1000);
}
import expected from './__fixtures__/errorlog/expected.json';

const HANG_GUARD_MS = 1500;

const files = import.meta.glob('./__fixtures__/errorlog/*.{txt,log}', {
  query: '?raw',
  import: 'default',
  eager: true,
}) as Record<string, string>;

type Expectation = Partial<Record<keyof ErrorlogFacts, unknown>> & {
  hints?: string[];
  events?: Partial<ErrorlogEvent>[];
};

function fixture(name: string): string {
  const text = files[`./__fixtures__/errorlog/${name}`];
  if (text === undefined) throw new Error(`missing fixture ${name}`);
  return text;
}

describe('errorlog fixtures', () => {
  const table = Object.entries(expected as Record<string, Expectation>);
  it('has a fixture file for every expectation and an expectation for every file', () => {
    expect(
      Object.keys(files)
        .map((k) => k.split('/').pop())
        .sort(),
    ).toEqual(table.map(([n]) => n).sort());
  });
  it.each(table)('%s', (name, expectation) => {
    const text = fixture(name);
    const result = parseErrorlog(text);
    const { hints, events, ...facts } = expectation;
    for (const [key, value] of Object.entries(facts)) {
      expect({ [key]: result.facts[key as keyof ErrorlogFacts] }).toEqual({ [key]: value });
    }
    if (hints)
      expect(result.facts.scenarioHints.map((h) => h.scenario)).toEqual(expect.arrayContaining(hints));
    if (events) {
      expect(result.facts.events).toHaveLength(events.length);
      events.forEach((e, i) => expect(result.facts.events[i]).toMatchObject(e));
    }
    for (const ev of result.evidence) expect(text.slice(ev.start, ev.end)).toBe(ev.text);
    for (const e of result.facts.events) expect(e.meaning.length).toBeGreaterThan(10);
  });
});

describe('errorlog details', () => {
  it('highlights the thumbprint characters themselves', () => {
    const text = fixture('windows-startup.log');
    const ev = parseErrorlog(text).evidence.find((e) => e.fact === 'certificateThumbprint');
    expect(ev?.text).toBe('3f2a9c41d07b5e86a1c4f09b2d3e7a6c5b8d9e01');
    expect(text.slice(ev!.start - 1, ev!.start)).toBe('"');
  });
  it('says whether the reset came during TLS from the "establishing SSL" timing', () => {
    const during = parseErrorlog(fixture('windows-startup.log')).facts.events.find((e) => e.error === 17830);
    const before = parseErrorlog(fixture('reset-before-ssl.log')).facts.events.find((e) => e.error === 17830);
    expect(during?.meaning).toMatch(/during the TLS handshake/);
    expect(before?.meaning).toMatch(/before the TLS handshake/);
  });
  it('pairs the 17830 timing evidence with the original line', () => {
    const text = fixture('windows-startup.log');
    const ev = parseErrorlog(text).evidence.find((e) => e.fact?.endsWith('.sslMs'));
    expect(ev?.text).toBe('establishing SSL 4 ms');
  });
  it('reads 18456 states it knows and says when it does not', () => {
    const known = parseErrorlog("Error: 18456, Severity: 14, State: 8.\nLogin failed for user 'x'.").facts
      .events[0];
    const unknown = parseErrorlog("Error: 18456, Severity: 14, State: 250.\nLogin failed for user 'x'.").facts
      .events[0];
    expect(known?.stateMeaning).toBe('The password is wrong.');
    expect(unknown?.stateMeaning).toMatch(/not documented/);
  });
  it('keeps a header whose message it does not know', () => {
    const r = parseErrorlog(
      '2024-03-01 10:00:00.00 spid5s      Error: 9999, Severity: 16, State: 2.\n2024-03-01 10:00:00.00 spid5s      Something else entirely.',
    );
    expect(r.facts.events[0]).toMatchObject({ error: 9999, state: 2, message: 'Something else entirely.' });
  });
  it('reads localized header labels', () => {
    const r = parseErrorlog(
      'Erreur : 17830, Gravité : 20, État : 11.\nNetwork error code 0x2746 occurred while establishing a connection; the connection has been closed.',
    );
    expect(r.facts.events[0]).toMatchObject({ error: 17830, severity: 20, state: 11, osError: 10054 });
  });
  it('reads header labels of the longest length, astral characters included', () => {
    for (const label of ['Fehlermeldung1', '\u{1d404}'.repeat(14)]) {
      const r = parseErrorlog(`${label} : 9999, Severity: 16, State: 2.\nSomething else entirely.`);
      expect(r.facts.events[0]).toMatchObject({ error: 9999, severity: 16, state: 2 });
    }
    // one character more is not a header label
    expect(parseErrorlog('Fehlermeldung12 : 9999, Severity: 16, State: 2.').facts.events).toEqual([]);
  });
});

describe('errorlog sniff', () => {
  it('recognises ERRORLOG text and leaves client errors alone', () => {
    expect(errorlogParser.sniff(fixture('windows-startup.log'))).toBeGreaterThanOrEqual(0.8);
    expect(errorlogParser.sniff(fixture('bare-messages.txt'))).toBeGreaterThanOrEqual(0.5);
    expect(
      errorlogParser.sniff(
        'A connection was successfully established with the server, but then an error occurred during the pre-login handshake. (provider: TCP Provider, error: 0 - An existing connection was forcibly closed by the remote host.)',
      ),
    ).toBeLessThan(0.3);
    expect(errorlogParser.sniff('')).toBe(0);
  });
});

describe('errorlog adversarial input', () => {
  const ts = '2024-03-01 10:16:40.05 Logon       ';
  const cases: [string, string][] = [
    ['one 100 KB line', (ts + 'Network error code 0x2746 ').repeat(2000).slice(0, 100_000)],
    ['100 KB of one character', '9'.repeat(100_000)],
    ['100 KB of headers without messages', 'Error: 17830, Severity: 20, State: 11.\n'.repeat(2600)],
    ['unclosed brackets and quotes', '[Cert Hash(sha1) "'.repeat(5500)],
    ['repeated partial timestamps', '2024-03-01 10:16:4'.repeat(5500)],
    ['many short lines', 'a\n'.repeat(50_000)],
  ];
  beforeAll(() => {
    // warm the JIT on small copies so the timing measures the algorithm, not the first compilation
    for (const [, text] of cases) parseErrorlog(text.slice(0, 5000));
  });
  it.each(cases)('%s parses fast without throwing', (_name, text) => {
    let ms = Infinity;
    let kind = '';
    let score = -1;
    for (let i = 0; i < 3; i++) {
      ms = Math.min(
        ms,
        timed(() => {
          kind = parseErrorlog(text).kind;
          score = errorlogParser.sniff(text);
        }),
      );
    }
    expect(kind).toBe(parseErrorlog('').kind);
    expect(score).toBeGreaterThanOrEqual(0);
    // a hang guard, not a speed test (npm run bench measures speed): super-linear work on 100 KB takes seconds
    expect(ms).toBeLessThan(HANG_GUARD_MS);
  });
  it('never throws on non-string input', () => {
    expect(() => parseErrorlog(42 as unknown as string)).not.toThrow();
  });
});

describe('errorlog lines around letters whose lower case is longer', () => {
  it('reads the same messages when a line holds U+0130 (whose lower case is two characters)', () => {
    const lines = [
      '2024-03-01 10:17:02.11 Logon       Error: 17830, Severity: 20, State: 11.',
      '2024-03-01 10:17:02.11 Logon       Network error code 0x2746 occurred while establishing a connection; the connection has been closed. [CLIENT: 10.0.0.5]',
      '2024-03-01 10:16:38.21 Server      Microsoft SQL Server 2019 (RTM) - 15.0.2000.5 (X64) on Linux (Ubuntu 20.04)',
    ];
    const plain = parseErrorlog(lines.join('\n'));
    const withDottedI = parseErrorlog(['İstanbul office log', ...lines].join('\n'));
    expect(withDottedI.facts.events.map((e) => [e.error, e.client, e.message])).toEqual(
      plain.facts.events.map((e) => [e.error, e.client, e.message]),
    );
    expect(withDottedI.facts.events[0]?.client).toBe('10.0.0.5');
    expect(withDottedI.facts.serverOs).toBe('linux');
    expect(withDottedI.facts.serverBuild).toBe('15.0.2000.5');
  });
});
