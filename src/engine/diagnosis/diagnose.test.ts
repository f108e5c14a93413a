import { describe, expect, it } from 'vitest';
import { diagnose } from './diagnose';
import {
  artifact,
  certificate,
  errorlog,
  input,
  osVersion,
  protocols,
  resetError,
  schannelEvent,
  sqlVersion,
  suites,
} from './testing';
import type { Diagnosis } from './types';

const top = (d: Diagnosis) => d.ranked[0]!;
const rank = (d: Diagnosis, id: string) => d.ranked.find((r) => r.scenario === id)!;
const T1 = 'TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384';
const T2 = 'TLS_RSA_WITH_AES_256_CBC_SHA';
const DHE = 'TLS_DHE_RSA_WITH_AES_256_GCM_SHA384';
const WEAK_THUMB = 'B3029394BB92AA8EDA0B8E37BAD09345B4992E3D';

describe('family', () => {
  it('takes the family from the client error and asks a question next', () => {
    const d = diagnose([input('e.txt', [resetError()])]);
    expect(d.family).toBe('handshake-reset');
    expect(d.next?.question ?? d.next?.paste?.kind).toBeTruthy();
  });
  it('reports a recognised other error with its id, all scenarios low, no next step', () => {
    const d = diagnose([
      input('e.txt', [artifact('client-error', { family: 'other-error', otherError: 'certificate-trust' })]),
    ]);
    expect(d.family).toBe('other-error');
    expect(d.otherError).toBe('certificate-trust');
    expect(d.ranked.every((r) => r.confidence === 'low')).toBe(true);
    expect(d.next).toBeNull();
  });
  it('with nothing recognised asks for the error message', () => {
    const d = diagnose([input('x', [artifact('unknown', {})])]);
    expect(d.family).toBe('unrecognized');
    expect(d.next?.paste?.kind).toBe('client-error');
  });
  it('infers the reset from an ERRORLOG 17830 0x2746 line without a client error', () => {
    const d = diagnose([
      input('log', [errorlog({ events: [{ error: 17830, state: 11, networkError: '0x2746', sslMs: 12 }] })]),
    ]);
    expect(d.family).toBe('handshake-reset');
  });
  it('never throws on odd facts', () => {
    const odd = [
      artifact('client-error', { family: 42, phase: null }),
      artifact('errorlog', { events: 'x' }),
      artifact('cipher-suites', { suites: [1, null, {}] }),
      artifact('schannel-protocols', { protocols: [] }),
    ];
    expect(() => diagnose([input('odd', odd)])).not.toThrow();
  });
});

describe('tls-protocol-mismatch', () => {
  it('fires when the client allows only TLS 1.2 and the server build predates TLS 1.2', () => {
    const d = diagnose([
      input(
        'client',
        [
          resetError(),
          protocols({
            'TLS 1.0': ['disabled', 'disabled'],
            'TLS 1.1': ['disabled', 'disabled'],
            'TLS 1.2': ['enabled', 'enabled'],
          }),
        ],
        'client',
      ),
      input('server', [sqlVersion('11.0.3000.0', { supportsTls12: false })]),
    ]);
    expect(top(d).scenario).toBe('tls-protocol-mismatch');
    expect(top(d).confidence).toBe('high');
    expect(top(d).for.some((r) => r.evidence.some((e) => e.source === 'server'))).toBe(true);
  });
  it('fires on OpenSSL "unsupported protocol" from a Linux client', () => {
    const d = diagnose([
      input('e', [resetError({ opensslReason: 'unsupported protocol', clientPlatform: 'linux-macos' })]),
    ]);
    expect(top(d).scenario).toBe('tls-protocol-mismatch');
    expect(top(d).confidence).toBe('high');
  });
  it('is ruled out when both sides have TLS 1.2 on', () => {
    const d = diagnose([
      input('client', [resetError(), protocols({ 'TLS 1.2': ['enabled', 'enabled'] })], 'client'),
      input('server', [errorlog({}), protocols({ 'TLS 1.2': ['enabled', 'enabled'] })], 'server'),
    ]);
    expect(rank(d, 'tls-protocol-mismatch').score).toBeLessThan(0.1);
    expect(rank(d, 'tls-protocol-mismatch').against[0]?.text).toMatch(/TLS 1\.2/);
  });
  it('an unknown-side dump allowing only TLS 1.2 against an old build settles it either way', () => {
    const d = diagnose([
      input('e', [resetError()]),
      input('dump', [
        protocols({ 'TLS 1.0': ['disabled', 'disabled'], 'TLS 1.1': ['disabled', 'disabled'] }),
      ]),
      input('ver', [sqlVersion('10.50.4000.0', { supportsTls12: false })]),
    ]);
    expect(top(d).scenario).toBe('tls-protocol-mismatch');
    expect(top(d).confidence).toBe('high');
  });
});

describe('cipher-suite-mismatch', () => {
  it('fires when the two lists share nothing', () => {
    const d = diagnose([
      input('c', [resetError(), suites([T1])], 'client'),
      input('s', [errorlog({}), suites([T2])], 'server'),
    ]);
    expect(top(d).scenario).toBe('cipher-suite-mismatch');
    expect(d.knownFacts['tls.commonCipher']?.value).toBe('none');
  });
  it('fires on Schannel 36874', () => {
    const d = diagnose([input('e', [resetError()]), input('ev', [schannelEvent(36874)])]);
    expect(top(d).scenario).toBe('cipher-suite-mismatch');
  });
  it('is less likely when the lists share suites', () => {
    const d = diagnose([
      input('c', [resetError(), suites([T1, T2])], 'client'),
      input('s', [errorlog({}), suites([T2, T1])], 'server'),
    ]);
    expect(rank(d, 'cipher-suite-mismatch').score).toBeLessThan(0.1);
  });
});

describe('DHE scenarios', () => {
  const dheLists = (clientOs: string, clientProduct: string, serverOs: string, serverProduct: string) => [
    input('c', [resetError(), suites([DHE, T2]), osVersion(clientOs, clientProduct)], 'client'),
    input('s', [errorlog({}), suites([DHE]), osVersion(serverOs, serverProduct)], 'server'),
  ];
  it('2012 R2 against 2019 with only DHE in common -> tls-dhe-ciphers first', () => {
    const d = diagnose(dheLists('9600', 'Windows Server 2012 R2', '17763.1', 'Windows Server 2019'), {
      frequency: 'intermittent',
    });
    expect(top(d).scenario).toBe('tls-dhe-ciphers');
    expect(rank(d, 'tls-dhe-ciphers').score).toBeGreaterThan(rank(d, 'dhe-leading-zero').score);
  });
  it('unpatched 2016 (14393.3384) -> dhe-leading-zero first', () => {
    const d = diagnose(dheLists('14393.3384', 'Windows Server 2016', '17763.1', 'Windows Server 2019'), {
      frequency: 'intermittent',
    });
    expect(top(d).scenario).toBe('dhe-leading-zero');
    expect(d.knownFacts['os.dheFix']?.value).toBe('missing-fix');
  });
  it('both fixed and no DHE in common -> both DHE scenarios unlikely', () => {
    const d = diagnose([
      input('c', [resetError(), suites([T1]), osVersion('17763.1', 'Windows Server 2019')], 'client'),
      input('s', [errorlog({}), suites([T1, DHE]), osVersion('20348.1', 'Windows Server 2022')], 'server'),
    ]);
    expect(rank(d, 'tls-dhe-ciphers').score).toBeLessThan(0.05);
    expect(rank(d, 'dhe-leading-zero').score).toBeLessThan(0.05);
  });
  it('Schannel 36888 alert 20 points to DHE; "always fails" counts against it', () => {
    const a = diagnose([input('e', [resetError()]), input('ev', [schannelEvent(36888, 20, 960)])]);
    const b = diagnose([input('e', [resetError()]), input('ev', [schannelEvent(36888, 20, 960)])], {
      frequency: 'always',
    });
    expect(['tls-dhe-ciphers', 'dhe-leading-zero']).toContain(top(a).scenario);
    expect(rank(b, 'tls-dhe-ciphers').score).toBeLessThan(rank(a, 'tls-dhe-ciphers').score);
  });
});

describe('weak-certificate-hash', () => {
  const weak = certificate({
    thumbprint: WEAK_THUMB,
    signatureHash: 'sha512',
    signatureAlgorithm: 'sha512WithRSAEncryption',
    weakForSqlServer: true,
    serverAuthEku: true,
  });
  it('fires when the certificate in use (thumbprint matches the ERRORLOG) is SHA-512 signed', () => {
    const d = diagnose([
      input('e', [resetError()]),
      input('s', [errorlog({ certificateThumbprint: WEAK_THUMB.toLowerCase(), selfGenerated: false }), weak]),
    ]);
    expect(top(d).scenario).toBe('weak-certificate-hash');
    expect(top(d).confidence).toBe('high');
    expect(d.knownFacts['server.certificateWeak']?.value).toBe('weak');
  });
  it('is ruled out by a self-generated certificate', () => {
    const d = diagnose([input('e', [resetError()]), input('s', [errorlog({ selfGenerated: true })])]);
    expect(rank(d, 'weak-certificate-hash').score).toBeLessThan(0.02);
  });
  it('a weak certificate that is not the one loaded is a contradiction, not a verdict', () => {
    const d = diagnose([
      input('e', [resetError()]),
      input('s', [errorlog({ certificateThumbprint: '5B047DCA542A9E46C0EC7BF1AD7889612CADAA2E' }), weak]),
    ]);
    expect(rank(d, 'weak-certificate-hash').score).toBeLessThan(0.2);
    expect(d.contradictions.some((c) => c.fact === 'certificate in use')).toBe(true);
  });
});

describe('tcp-listener-overload', () => {
  it('fires for intermittent failures on a busy SQL Server 2016 with 17887', () => {
    const d = diagnose(
      [
        input('e', [resetError({ phase: 'pre-login' })]),
        input('s', [
          sqlVersion('13.0.5026.0', { supportsTls12: true }),
          errorlog({ events: [{ error: 17887 }] }),
        ]),
      ],
      { frequency: 'intermittent', 'busy-server': 'yes' },
    );
    expect(top(d).scenario).toBe('tcp-listener-overload');
  });
  it('is unlikely on SQL Server 2019 (login dispatcher pool)', () => {
    const d = diagnose(
      [
        input('e', [resetError()]),
        input('s', [sqlVersion('15.0.2000.5', { supportsTls12: true, hasLoginDispatcherPool: true })]),
      ],
      { frequency: 'intermittent', 'busy-server': 'yes' },
    );
    expect(rank(d, 'tcp-listener-overload').against.some((r) => /2019/.test(r.text))).toBe(true);
    expect(rank(d, 'tcp-listener-overload').score).toBeLessThan(0.5);
  });
});

describe('look-alikes, answers and pre-fill', () => {
  it('a reset after login is a look-alike, and the scenarios are pushed down', () => {
    const d = diagnose([
      input('e', [
        artifact('client-error', {
          family: 'other-error',
          otherError: 'reset-after-login',
          phase: 'after-login',
        }),
      ]),
    ]);
    expect(d.lookAlikes[0]?.outcome).toBe('reset-after-login');
  });
  it('pre-fills wizard facts from pastes with their source', () => {
    const d = diagnose([input('err.txt', [resetError({ clientPlatform: 'linux-macos' })])]);
    expect(d.knownFacts['error.family']).toMatchObject({ value: 'handshake-reset' });
    expect(d.knownFacts['client.platform']?.source).toMatch(/error message paste/);
  });
  it("the user's answer overrides a paste and the disagreement is reported", () => {
    const d = diagnose([input('e', [resetError({ phase: 'login' })])], { 'intermittent-phase': 'pre-login' });
    expect(d.signals.phase?.value).toBe('pre-login');
    expect(d.contradictions.some((c) => c.fact === 'phase')).toBe(true);
  });
});
