import { beforeAll, describe, expect, it } from 'vitest';
import {
  keyOccurrences,
  LABEL_PATTERNS,
  LABEL_WORDS,
  MSG_PATTERNS,
  nextMessage,
  parseSchannelEvent,
  schannelEventParser,
  TLS_ALERTS,
  type SchannelEvent,
  type SchannelEventFacts,
} from './schannel-event';

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
import expected from './__fixtures__/schannel-event/expected.json';

const HANG_GUARD_MS = 1500;

const files = import.meta.glob('./__fixtures__/schannel-event/*.{txt,xml}', {
  query: '?raw',
  import: 'default',
  eager: true,
}) as Record<string, string>;

type Expectation = Partial<Record<keyof SchannelEventFacts, unknown>> & {
  hints?: string[];
  problem?: string;
  events?: Partial<SchannelEvent>[];
};

function fixture(name: string): string {
  const text = files[`./__fixtures__/schannel-event/${name}`];
  if (text === undefined) throw new Error(`missing fixture ${name}`);
  return text;
}

describe('schannel-event fixtures', () => {
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
    const result = parseSchannelEvent(text);
    const { hints, problem, events, ...facts } = expectation;
    for (const [key, value] of Object.entries(facts)) {
      expect({ [key]: result.facts[key as keyof SchannelEventFacts] }).toEqual({ [key]: value });
    }
    if (hints)
      expect(result.facts.scenarioHints.map((h) => h.scenario)).toEqual(expect.arrayContaining(hints));
    if (problem) expect(result.problems.map((p) => p.code)).toContain(problem);
    if (events) {
      expect(result.facts.events).toHaveLength(events.length);
      events.forEach((e, i) => expect(result.facts.events[i]).toMatchObject(e));
    }
    for (const ev of result.evidence) expect(text.slice(ev.start, ev.end)).toBe(ev.text);
  });
});

describe('schannel-event details', () => {
  it('names alerts from the IANA registry', () => {
    expect([TLS_ALERTS[40], TLS_ALERTS[70], TLS_ALERTS[20], TLS_ALERTS[10]]).toEqual([
      'handshake_failure',
      'protocol_version',
      'bad_record_mac',
      'unexpected_message',
    ]);
  });
  it('points evidence at the alert number and the state in the original text', () => {
    const text = fixture('general-36888-alert40.txt');
    const r = parseSchannelEvent(text);
    expect(r.evidence.find((e) => e.fact === 'events.0.alert')?.text).toBe('40');
    expect(r.evidence.find((e) => e.fact === 'events.0.state')?.text).toBe('1205');
    const alert = r.evidence.find((e) => e.fact === 'events.0.alert');
    expect(text.slice(alert!.start - 8, alert!.start)).toBe('code is ');
  });
  it('evidence survives a number wrapped across quoted CRLF lines', () => {
    const text = fixture('wrapped-crlf-quoted.txt');
    const alert = parseSchannelEvent(text).evidence.find((e) => e.fact === 'events.0.alert');
    expect(alert?.text).toBe('4\r\n> 0');
  });
  it('reads the Details XML values when the message is missing', () => {
    const r = parseSchannelEvent(fixture('details-xml-only.xml'));
    expect(r.evidence.find((e) => e.fact === 'events.0.alert')?.text).toBe('70');
  });
  it('36871 state other than 10013 gives no protocol hint', () => {
    const r = parseSchannelEvent(
      'A fatal error occurred while creating a TLS server credential. The internal error state is 10010.',
    );
    expect(r.facts.state).toBe(10010);
    expect(r.facts.scenarioHints).toEqual([]);
  });
  it('a client error is not a Schannel event', () => {
    expect(
      schannelEventParser.sniff(
        'A connection was successfully established with the server, but then an error occurred during the pre-login handshake. (provider: TCP Provider, error: 0 - An existing connection was forcibly closed by the remote host.)',
      ),
    ).toBeLessThan(0.3);
    expect(schannelEventParser.sniff(fixture('event-viewer-details.txt'))).toBeGreaterThanOrEqual(0.8);
    expect(schannelEventParser.sniff(fixture('localized-zh-details.txt'))).toBeGreaterThanOrEqual(0.5);
    expect(schannelEventParser.sniff('')).toBe(0);
  });
});

describe('schannel-event adversarial input', () => {
  const cases: [string, string][] = [
    [
      'one 100 KB line',
      'A fatal alert was generated and sent to the remote endpoint. '.repeat(1700).slice(0, 100_000),
    ],
    ['100 KB of one character', '<'.repeat(100_000)],
    ['unclosed XML data elements', '<Data Name="AlertDesc">'.repeat(4300)],
    ['repeated event headers', 'Event ID: 36888\n'.repeat(6250)],
    ['repeated partial messages', 'The following fatal alert was generated: '.repeat(2400)],
    ['many short lines', 'a\n'.repeat(50_000)],
  ];
  beforeAll(() => {
    for (const [, text] of cases) parseSchannelEvent(text.slice(0, 5000));
  });
  it.each(cases)('%s parses fast without throwing', (_name, text) => {
    let ms = Infinity;
    let kind = '';
    let score = -1;
    for (let i = 0; i < 3; i++) {
      ms = Math.min(
        ms,
        timed(() => {
          kind = parseSchannelEvent(text).kind;
          score = schannelEventParser.sniff(text);
        }),
      );
    }
    expect(kind).toBe(parseSchannelEvent('').kind);
    expect(score).toBeGreaterThanOrEqual(0);
    // a hang guard, not a speed test (npm run bench measures speed): super-linear work on 100 KB takes seconds
    expect(ms).toBeLessThan(HANG_GUARD_MS);
  });
  it('never throws on non-string input', () => {
    expect(() => parseSchannelEvent({} as unknown as string)).not.toThrow();
  });
});

describe('schannel-event localized text', () => {
  it('highlights the alert and state read by structure in a French paste', () => {
    const text = fixture('localized-fr-details.txt');
    const r = parseSchannelEvent(text);
    const alert = r.evidence.find((e) => e.fact === 'events.0.alert');
    const state = r.evidence.find((e) => e.fact === 'events.0.state');
    expect(alert?.text).toBe('40');
    expect(state?.text).toBe('1205');
    expect(text.slice(alert!.start - 15, alert!.start)).toBe('Code d’alerte TLS : '.slice(-15));
  });
});

describe('schannel-event message search', () => {
  // pieces of the squeezed messages, every alternative of every pattern included
  const pieces = [
    ...new Set(MSG_PATTERNS.map((p) => p.key)),
    'a',
    'an',
    'the',
    'was',
    'tls',
    'ssl',
    'dtls',
    '1.2',
    'client',
    'server',
    '.',
    ',',
    '40',
    '1205',
    '0x8009030d',
    'credential',
    'credentialprivatekey',
    'thetlsprotocoldefinedfatalalertcodeis',
    'thetlsprotocoldefinedfatalerrorcodeis',
    'thewindowsschannelerrorstateis',
    'theinternalerrorstateis',
    'theerrorcodeis',
    'theerrorcodereturnedfromthecryptographicmoduleis',
    'butnoneofthecipher',
    'protocolversion:tls1.2',
    'ciphersuite:0xc030',
    "specifiedcertificate's",
    'certificate',
    'serverhasbeenrevoked',
    'clientapplicationhasbeenrevoked',
    'tlsclientauthentication,butnosuitableclientcertificate',
    'clientauthenticationbutnosuitable',
    'xyz',
    // whole messages whose parts vary
    'afatalalertwasgeneratedandsenttotheremoteendpoint.thetlsprotocoldefinedfatalalertcodeis40.thewindowsschannelerrorstateis1205',
    'afatalalertwasgeneratedandsenttotheremoteendpointthetlsprotocoldefinedfatalerrorcodeis20',
    'afatalalertwasreceivedfromtheremoteendpoint.thetlsprotocoldefinedfatalalertcodeis70',
    'atls1.2connectionrequestwasreceivedfromaremoteclientapplication,butnoneofthecipher',
    'andtls1.0connectionrequestwasreceivedfromaremoteclientapplicationbutnoneofthecipher',
    'afatalerroroccurredwhenattemptingtoaccessthetls1.2servercredentialprivatekey.theerrorcodereturnedfromthecryptographicmoduleis0x8009030d.theinternalerrorstateis10001',
    'afatalerroroccurredwhenattemptingtoaccessthesslclientcredentialprivatekey',
    'afatalerroroccurredwhilecreatinganssl3.0clientcredential.theinternalerrorstateis10013',
    'afatalerroroccurredwhilecreatingatlsservercredential',
    "thetlsservercredential'scertificatedoesnothaveaprivatekeyinformationproperty",
    "thesslclientcredential'scertificatedoesnothaveaprivatekeyinformationproperty",
    'antls1.2clienthandshakecompletedsuccessfully.protocolversion:tls1.2ciphersuite:0xc030',
    'asslserverhandshakecompletedsuccessfully',
    'creatingansslclientcredential',
    'creatingatlsservercredential',
    "thetlsclientcredential'sprivatekeyhasthefollowingproperties",
  ];

  it('finds exactly what a global search of each pattern finds', () => {
    let seed = 7;
    const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) >>> 8;
    const matched = new Set<string>();
    for (let n = 0; n < 400; n++) {
      let text = '';
      const count = n % 40 === 0 ? 400 : 1 + (next() % 30);
      for (let i = 0; i < count; i++) text += pieces[next() % pieces.length];
      for (const p of MSG_PATTERNS) {
        const global = new RegExp(p.re.source, 'g');
        const expected: string[] = [];
        for (let m = global.exec(text); m; m = global.exec(text)) {
          matched.add(p.re.source);
          expected.push(`${m.index}:${m.slice().join('|')}`);
          // the pattern's key is in every match, at most `before` characters in
          const at = m[0].indexOf(p.key);
          expect({ re: p.re.source, match: m[0], at: at >= 0 && at <= p.before }).toEqual({
            re: p.re.source,
            match: m[0],
            at: true,
          });
        }
        const found: string[] = [];
        const occurrences = keyOccurrences(text).get(p.key) ?? [];
        const everyOccurrence: number[] = [];
        for (let at = text.indexOf(p.key); at >= 0; at = text.indexOf(p.key, at + 1))
          everyOccurrence.push(at);
        expect(occurrences).toEqual(everyOccurrence);
        for (
          let m = nextMessage(p, text, 0, occurrences);
          m;
          m = nextMessage(p, text, m.index + m[0].length, occurrences)
        )
          found.push(`${m.index}:${m.slice().join('|')}`);
        expect(found).toEqual(expected);
      }
    }
    // every pattern was met
    expect(MSG_PATTERNS.filter((p) => !matched.has(p.re.source)).map((p) => p.re.source)).toEqual([]);
  });
});

describe('schannel-event label look-ups', () => {
  const labels = [
    'Log Name:      System',
    'Source:        Schannel',
    'Date:          2024-03-01 10:00:00',
    'Event ID:      36888',
    'EventID : 36888',
    'Id               : 36888',
    'TimeCreated      : 3/1/2024 10:00:00 AM',
    'MachineName      : SQL01',
    'Computer:      SQL01',
    'Description:',
    'Message : A fatal alert',
    'Event[0]:',
    'Event Xml:',
    'EVENT XML:',
    'event xml:',
    'Nom du journal : Système',
    'Source :        Schannel',
    'Date :          01/03/2024',
    'ID de l’événement : 36888',
    "ID de l'évènement : 36888",
    'Niveau :        Erreur',
    'Ordinateur :    SQL01',
    'XML de l’événement :',
    'xml de l’événement :',
    '日志名称:          System',
    '来源:            Schannel',
    '日期:            2024/3/1 10:00:00',
    '事件 ID:         36888',
    '事件ID：36888',
    '级别:            错误',
    '计算机:          SQL01',
    '描述:',
    '事件 XML:',
    'Protokollname: System',
    'Quelle:        Schannel',
    'Ereignis-ID:   36888',
    'Ebene:         Fehler',
    'Computer:      SQL01',
    'Computername:  SQL01',
    'Datum:         01.03.2024',
    'Beschreibung:',
    'Ereignis-XML:',
    'Nombre de registro: Sistema',
    'Origen:        Schannel',
    'Id. del evento: 36888',
    'ID del evento: 36888',
    'Nivel:         Error',
    'Equipo:        SQL01',
    'Fecha:         01/03/2024',
    'Descripción:',
    'XML del evento:',
    'ログの名前:      システム',
    'ソース:         Schannel',
    'イベント ID:     36888',
    'イベントID: 36888',
    'レベル:         エラー',
    'コンピューター:   SQL01',
    '説明:',
    '이벤트 ID: 36888',
    'Id. do Evento: 36888',
    'ID do Evento: 36888',
    'Descrição:',
  ];
  const files = Object.values(
    import.meta.glob('./__fixtures__/**/*.{txt,xml,log}', { query: '?raw', import: 'default', eager: true }),
  ) as string[];
  const lines = [...labels, ...files.flatMap((f) => f.split(/\r?\n/))];

  it('tests a line against a label pattern whenever the pattern could match it', () => {
    let matches = 0;
    for (const line of lines) {
      for (const pad of ['', ' ', '\t', '        ', '  \t  ', '         ']) {
        const t = pad + line;
        let f0 = 0;
        while (f0 < t.length && (t.charCodeAt(f0) === 32 || t.charCodeAt(f0) === 9)) f0++;
        const lead = f0 <= 8 ? t.charCodeAt(f0) : -1;
        for (const [re, first] of LABEL_PATTERNS) {
          if (!re.test(t)) continue;
          matches++;
          expect({ re: re.source, t, tested: first.has(lead) }).toEqual({ re: re.source, t, tested: true });
        }
      }
    }
    expect(matches).toBeGreaterThan(labels.length * 5);
  });

  it('tests a line against a label pattern whenever its words stand at the first visible character', () => {
    let starts = 0;
    for (const line of [...lines, ...lines.map((l) => l.toUpperCase())]) {
      for (const pad of ['', ' ', '\t', '        ', '         ']) {
        const t = pad + line;
        let f0 = 0;
        while (f0 < t.length && (t.charCodeAt(f0) === 32 || t.charCodeAt(f0) === 9)) f0++;
        for (const [re, wordsAt] of LABEL_WORDS) {
          if (!re.test(t)) continue;
          starts++;
          expect({ re: re.source, t, tested: wordsAt(t, f0) }).toEqual({ re: re.source, t, tested: true });
        }
      }
    }
    expect(starts).toBeGreaterThan(100);
  });
});

describe('schannel-event limits', () => {
  it('keeps the first 1000 events of a long export and says so', () => {
    const one =
      'A fatal alert was received from the remote endpoint. The TLS protocol defined fatal alert code is 40.';
    const other =
      'A fatal alert was generated and sent to the remote endpoint. This may result in termination of the connection. The TLS protocol defined fatal error code is 40. The Windows SChannel error state is 1205.';
    // two messages, each found by its own pattern: 1,200 found in all
    const r = parseSchannelEvent(Array.from({ length: 1200 }, (_, i) => (i % 2 ? other : one)).join('\n\n'));
    expect(r.facts.events).toHaveLength(1000);
    expect(r.problems.map((p) => p.code)).toContain('too-many-events');
    // no evidence names an event that was left out
    const named = r.evidence
      .map((e) => /^events\.(\d+)/.exec(e.fact ?? '')?.[1])
      .filter((n) => n !== undefined);
    expect(named.length).toBeGreaterThan(0);
    expect(Math.max(...named.map(Number))).toBe(999);
    const few = parseSchannelEvent(Array.from({ length: 3 }, () => one).join('\n\n'));
    expect(few.facts.events).toHaveLength(3);
    expect(few.problems.map((p) => p.code)).not.toContain('too-many-events');
  });
});

describe('a header that names another event than its message', () => {
  const record = (id: number) =>
    [
      'Log Name:      System',
      'Source:        Schannel',
      'Date:          3/1/2024 10:16:40 AM',
      `Event ID:      ${id}`,
      'Level:         Error',
      'Computer:      SQL01.contoso.com',
      'Description:',
      'A fatal alert was generated and sent to the remote endpoint. This may result in termination of the connection. The TLS protocol defined fatal alert code is 40. The Windows SChannel error state is 1205.',
      '',
    ].join('\n');

  it('is told once per pair of ids, at the first header, with how many records repeat it', () => {
    const text = [record(36874), record(36874), record(36874), record(36887)].join('\n');
    const r = parseSchannelEvent(text);
    expect(r.facts.events.map((e) => e.eventId)).toEqual([36888, 36888, 36888, 36888]);
    const mismatches = r.problems.filter((p) => p.code === 'event-id-mismatch');
    expect(mismatches.map((p) => p.message)).toEqual([
      'The header says event 36874 but the message reads like event 36888; the message was trusted. The same is true of 2 more records.',
      'The header says event 36887 but the message reads like event 36888; the message was trusted.',
    ]);
    // each points at the header's event id
    expect(mismatches.map((p) => text.slice(p.start, p.end))).toEqual(['36874', '36887']);
    expect(mismatches[0]!.start).toBe(text.indexOf('36874'));
  });
});
