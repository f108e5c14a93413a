import { beforeAll, describe, expect, it } from 'vitest';
import { clientErrorParser, parseClientError, type ClientErrorFacts } from './client-error';

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
import expected from './__fixtures__/client-error/expected.json';

const HANG_GUARD_MS = 1500;

const files = import.meta.glob('./__fixtures__/client-error/*.txt', {
  query: '?raw',
  import: 'default',
  eager: true,
}) as Record<string, string>;

type Expectation = Partial<Record<keyof ClientErrorFacts, unknown>> & { hints?: string[]; problem?: string };

function fixture(name: string): string {
  const text = files[`./__fixtures__/client-error/${name}`];
  if (text === undefined) throw new Error(`missing fixture ${name}`);
  return text;
}

describe('client-error fixtures', () => {
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
    const result = parseClientError(text);
    const { hints, problem, ...facts } = expectation;
    for (const [key, value] of Object.entries(facts)) {
      expect({ [key]: result.facts[key as keyof ClientErrorFacts] }).toEqual({ [key]: value });
    }
    if (hints)
      expect(result.facts.scenarioHints.map((h) => h.scenario)).toEqual(expect.arrayContaining(hints));
    if (problem) expect(result.problems.map((p) => p.code)).toContain(problem);
    // every evidence span quotes the characters it points at
    for (const ev of result.evidence) {
      expect(text.slice(ev.start, ev.end)).toBe(ev.text);
      expect(ev.meaning.length).toBeGreaterThan(0);
    }
    if (result.facts.family !== 'unrecognized')
      expect(result.evidence.some((e) => e.fact === 'family')).toBe(true);
  });
});

describe('client-error: the article case versus look-alikes, both directions', () => {
  const reset = 'An existing connection was forcibly closed by the remote host.';
  it('the same 10054 text is the handshake reset before login and a reset-after-login after it', () => {
    const pre = parseClientError(
      `A connection was successfully established with the server, but then an error occurred during the pre-login handshake. (provider: TCP Provider, error: 0 - ${reset})`,
    );
    const after = parseClientError(
      `A transport-level error has occurred when sending the request to the server. (provider: TCP Provider, error: 0 - ${reset})`,
    );
    expect([pre.facts.family, pre.facts.phase]).toEqual(['handshake-reset', 'pre-login']);
    expect([after.facts.family, after.facts.otherError, after.facts.phase]).toEqual([
      'other-error',
      'reset-after-login',
      'after-login',
    ]);
  });
  it('10053 is not 10054', () => {
    expect(parseClientError('TCP Provider: Error code 0x2745').facts.otherError).toBe('connection-aborted');
    expect(parseClientError('TCP Provider: Error code 0x2746').facts.family).toBe('handshake-reset');
  });
  it('SNI error 35 follows its inner exception', () => {
    const head =
      'A connection was successfully established with the server, but then an error occurred during the pre-login handshake. (provider: TCP Provider, error: 35 - An internal exception was caught)\n';
    expect(
      parseClientError(head + ' ---> System.Net.Sockets.SocketException (10054): ' + reset).facts.family,
    ).toBe('handshake-reset');
    expect(
      parseClientError(
        head +
          ' ---> System.Security.Authentication.AuthenticationException: The remote certificate was rejected by the provided RemoteCertificateValidationCallback.',
      ).facts.otherError,
    ).toBe('certificate-trust');
  });
  it('"target principal name" is a certificate name problem over TLS and SSPI with Kerberos wording', () => {
    expect(
      parseClientError('(provider: SSL Provider, error: 0 - The target principal name is incorrect.)').facts
        .otherError,
    ).toBe('certificate-name');
    expect(
      parseClientError('The target principal name is incorrect. Cannot generate SSPI context.').facts
        .otherError,
    ).toBe('sspi');
  });
  it('OpenSSL wording maps to the right scenario', () => {
    const hint = (t: string) => parseClientError(t).facts.scenarioHints[0]?.scenario;
    expect(
      hint('SSL Provider: [error:1425F102:SSL routines:ssl_choose_client_version:unsupported protocol]'),
    ).toBe('tls-protocol-mismatch');
    expect(hint('SSL Provider: [error:0A00014D:SSL routines::legacy sigalg disallowed or unsupported]')).toBe(
      'weak-certificate-hash',
    );
    expect(hint('SSL Provider: [error:0A000410:SSL routines::sslv3 alert handshake failure]')).toBe(
      'cipher-suite-mismatch',
    );
    // Go's own words are not an OpenSSL reason
    const go = parseClientError(
      'TLS Handshake failed: tls: server selected unsupported protocol version 301',
    );
    expect(go.facts.opensslReason).toBeNull();
    expect(go.facts.scenarioHints[0]?.scenario).toBe('tls-protocol-mismatch');
  });
  it('login failed after a completed handshake is not a reset', () => {
    expect(parseClientError("Login failed for user 'sa'.").facts.family).toBe('other-error');
  });
  it('a timeout is not a reset, and a reset wins over a timeout line in the same paste', () => {
    expect(parseClientError('Login timeout expired').facts.otherError).toBe('timeout');
    expect(
      parseClientError(
        '[Microsoft][ODBC Driver 17 for SQL Server]TCP Provider: An existing connection was forcibly closed by the remote host.\n[Microsoft][ODBC Driver 17 for SQL Server]Login timeout expired',
      ).facts.family,
    ).toBe('handshake-reset');
  });
});

describe('client-error evidence', () => {
  it('points at the original characters of a phrase wrapped mid-word', () => {
    const text = 'error: 0 - An existing connection was forcibly cl\nosed by the remote host.)';
    const r = parseClientError(text);
    const ev = r.evidence.find((e) => e.fact === 'family');
    expect(ev).toBeDefined();
    expect(text.slice(ev!.start, ev!.end)).toBe(
      'existing connection was forcibly cl\nosed by the remote host',
    );
  });
  it('points at the characters of a JSON-escaped line, escapes included', () => {
    const text =
      '{"m":"pre-login handshake.\\r\\n (provider: TCP Provider, error: 0 - An existing connection was forcibly closed by the remote host.)"}';
    const r = parseClientError(text);
    const provider = r.evidence.find((e) => e.fact === 'provider');
    expect(provider?.text).toBe('(provider: TCP Provider, error: 0 -');
    expect(r.facts.phase).toBe('pre-login');
  });
  it('highlights the localized 10054 text', () => {
    const text = 'Fehler: Eine vorhandene Verbindung wurde vom Remotehost geschlossen.';
    const r = parseClientError(text);
    expect(r.evidence.find((e) => e.fact === 'family')?.text).toBe(
      'Eine vorhandene Verbindung wurde vom Remotehost geschlossen',
    );
    expect(r.facts.language).toBe('de');
  });
});

describe('client-error sniff', () => {
  it('scores client errors high and other artifacts low', () => {
    expect(clientErrorParser.sniff(fixture('sqlclient-mds-prelogin.txt'))).toBeGreaterThanOrEqual(0.8);
    expect(clientErrorParser.sniff(fixture('odbc18-openssl3-unsupported.txt'))).toBeGreaterThanOrEqual(0.5);
    expect(
      clientErrorParser.sniff(
        '2024-03-01 10:16:40.05 Logon       Error: 17830, Severity: 20, State: 11.\n2024-03-01 10:16:40.05 Logon       Network error code 0x2746 occurred while establishing a connection; the connection has been closed.',
      ),
    ).toBeLessThanOrEqual(0.3);
    expect(clientErrorParser.sniff('Get-TlsCipherSuite | Format-Table Name')).toBeLessThan(0.3);
    expect(clientErrorParser.sniff('')).toBe(0);
  });
});

describe('client-error adversarial input', () => {
  const cases: [string, string][] = [
    ['one 100 KB line', 'provider: TCP Provider, error: 0 - '.repeat(3000).slice(0, 100_000)],
    ['100 KB of one character', 'a'.repeat(100_000)],
    ['100 KB of backslashes', '\\'.repeat(100_000)],
    ['unclosed quotes and parentheses', '("'.repeat(50_000)],
    ['repeated partial matches', 'An existing connection was forc'.repeat(3300)],
    ['repeated provider prefix', '(provider:'.repeat(10_000)],
    ['many lines of quote markers', '> > >\n'.repeat(16_000)],
    ['escaped unicode runs', '\\u00e9\\n'.repeat(12_500)],
  ];
  beforeAll(() => {
    // warm the JIT on small copies so the timing measures the algorithm, not the first compilation
    for (const [, text] of cases) parseClientError(text.slice(0, 5000));
  });
  it.each(cases)('%s parses fast without throwing', (_name, text) => {
    let ms = Infinity;
    let kind = '';
    let score = -1;
    for (let i = 0; i < 3; i++) {
      ms = Math.min(
        ms,
        timed(() => {
          kind = parseClientError(text).kind;
          score = clientErrorParser.sniff(text);
        }),
      );
    }
    expect(kind).toBe(parseClientError('').kind);
    expect(score).toBeGreaterThanOrEqual(0);
    // a hang guard, not a speed test (npm run bench measures speed): super-linear work on 100 KB takes seconds
    expect(ms).toBeLessThan(HANG_GUARD_MS);
  });
  it('never throws on non-string input', () => {
    expect(() => parseClientError(undefined as unknown as string)).not.toThrow();
    expect(clientErrorParser.sniff(null as unknown as string)).toBe(0);
  });
});

describe('client-error: named pipes and shared memory', () => {
  it('reads the pipe forms of the failure during login', () => {
    const r = parseClientError(
      'A connection was successfully established with the server, but then an error occurred during the login process. (provider: SSL Provider, error: 0 - No process is on the other end of the pipe.) (Microsoft SQL Server, Error: 233)',
    );
    expect([r.facts.family, r.facts.phase, r.facts.osError, r.facts.errorNumber]).toEqual([
      'handshake-reset',
      'login',
      233,
      233,
    ]);
    const zh = parseClientError(
      '已成功与服务器建立连接，但是在登录前的握手期间发生错误。 (provider: Shared Memory Provider, error: 0 - 管道已结束。)',
    );
    expect([zh.facts.family, zh.facts.phase, zh.facts.provider, zh.facts.language]).toEqual([
      'handshake-reset',
      'pre-login',
      'Shared Memory Provider',
      'zh',
    ]);
  });
});

describe('client-error: several errors in one paste', () => {
  it('names the other outcomes it saw besides the verdict', () => {
    const r = parseClientError(
      "Login failed for user 'app'.\n[Microsoft][ODBC Driver 17 for SQL Server]TCP Provider: An existing connection was forcibly closed by the remote host.\n[Microsoft][ODBC Driver 17 for SQL Server]Client unable to establish connection",
    );
    expect(r.facts.otherError).toBe('login-failed');
    expect(r.facts.alsoFound).toContain('handshake-reset');
    expect(r.problems.map((p) => p.code)).toContain('several-errors');
    expect(parseClientError('TCP Provider: Error code 0x2746').facts.alsoFound).toEqual([]);
  });
});
