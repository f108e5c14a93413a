/** The diagnosis on top of the real parsers: short texts of our own, through analyzeText(). */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzeText } from '../parsers/index';
import { collectSignals, diagnose, inputFromAnalysis } from './index';

const ERROR =
  'A connection was successfully established with the server, but then an error occurred during the login process. (provider: SSL Provider, error: 0 - An existing connection was forcibly closed by the remote host.)';
const CERTUTIL = readFileSync(
  new URL('../parsers/__fixtures__/certificate/certutil-dump-en-sha512.txt', import.meta.url),
  'utf8',
);
const LOG = (thumb: string) =>
  `2026-05-30 14:59:30.89 Server      The certificate [Cert Hash(sha1) "${thumb}"] was successfully loaded for encryption.\n`;

describe('diagnosis with the real parsers', () => {
  it('a SHA-512 certificate whose thumbprint the ERRORLOG names is the top scenario', async () => {
    const a = await analyzeText(ERROR);
    const b = await analyzeText(LOG('7D3A91C05E228B4F19A60CD3E8715B2A96F40E8C'));
    const c = await analyzeText(CERTUTIL);
    const d = diagnose([
      inputFromAnalysis('error', a),
      inputFromAnalysis('errorlog', b),
      inputFromAnalysis('cert', c),
    ]);
    expect(d.family).toBe('handshake-reset');
    expect(d.ranked[0]).toMatchObject({ scenario: 'weak-certificate-hash', confidence: 'high' });
    expect(d.knownFacts['server.certificateWeak']).toMatchObject({ value: 'weak' });
  });

  it('the same certificate is not blamed when the ERRORLOG names another one', async () => {
    const b = await analyzeText(LOG('5B047DCA542A9E46C0EC7BF1AD7889612CADAA2E'));
    const c = await analyzeText(CERTUTIL);
    const d = diagnose([inputFromAnalysis('errorlog', b), inputFromAnalysis('cert', c)]);
    expect(d.ranked.find((r) => r.scenario === 'weak-certificate-hash')!.score).toBeLessThan(0.2);
    expect(d.contradictions.length).toBeGreaterThan(0);
  });
});

const LINE_17835 = `2026-11-26 10:02:11.40 Logon       Error: 17835, Severity: 20, State: 1.
2026-11-26 10:02:11.40 Logon       Encryption is required to connect to this server but the client library does not support encryption; the connection has been closed. Please upgrade your client library. [CLIENT: 10.20.7.41]
`;
const LINE_17830 = `2026-11-26 10:05:40.66 Logon       Error: 17830, Severity: 20, State: 11.
2026-11-26 10:05:40.66 Logon       Network error code 0x2746 occurred while establishing a connection; the connection has been closed. This may have been caused by client or server login timeout expiration. Time spent during login: total 9 ms, enqueued 0 ms, network writes 0 ms, network reads 2 ms, establishing SSL 7 ms, negotiating SSPI 0 ms, validating login 0 ms, including user-defined login processing 0 ms. [CLIENT: 10.20.6.18]
`;

describe('a look-alike found in the server logs', () => {
  it('ERRORLOG 17835 alone makes the family other-error / encryption-not-supported', async () => {
    const d = diagnose([inputFromAnalysis('ERRORLOG', await analyzeText(LINE_17835))]);
    expect(d.family).toBe('other-error');
    expect(d.otherError).toBe('encryption-not-supported');
    expect(d.familyEvidence[0]?.evidence?.text).toContain('17835');
    expect(d.ranked.every((r) => r.confidence === 'low')).toBe(true);
  });

  it('17835 next to a 17830 handshake reset keeps handshake-reset and lists the look-alike', async () => {
    const d = diagnose([inputFromAnalysis('ERRORLOG', await analyzeText(LINE_17835 + LINE_17830))]);
    expect(d.family).toBe('handshake-reset');
    expect(d.otherError).toBeUndefined();
    expect(d.lookAlikes.map((l) => l.outcome)).toContain('encryption-not-supported');
  });

  it('a client error that names the family wins over the server look-alike', async () => {
    const d = diagnose([
      inputFromAnalysis('error', await analyzeText(ERROR)),
      inputFromAnalysis('ERRORLOG', await analyzeText(LINE_17835)),
    ]);
    expect(d.family).toBe('handshake-reset');
    expect(d.lookAlikes.map((l) => l.outcome)).toContain('encryption-not-supported');
  });
});

const BANNER_2016 = `2026-11-25 22:40:07.12 Server      Microsoft SQL Server 2017 (RTM-CU31) (KB5016884) - 14.0.3456.2 (X64) 
	Sep  2 2022 11:01:50 
	Copyright (C) 2017 Microsoft Corporation
	Standard Edition (64-bit) on Windows Server 2016 Standard 10.0 <X64> (Build 14393: ) (Hypervisor)
`;
const VERSION_2017_ON_2016 = `Microsoft SQL Server 2017 (RTM-CU31) (KB5016884) - 14.0.3456.2 (X64) 
	Sep  2 2022 11:01:50 
	Copyright (C) 2017 Microsoft Corporation
	Standard Edition (64-bit) on Windows Server 2016 Standard 10.0 <X64> (Build 14393: ) (Hypervisor)
`;
const computerInfo = (
  build: number,
  ubr: number,
) => `PS C:\\> Get-ComputerInfo -Property 'WindowsProductName', 'OsBuildNumber', 'WindowsBuildLabEx'

WindowsProductName : Windows Server ${build === 14393 ? '2016' : '2019'} Standard
OsBuildNumber      : ${build}
WindowsBuildLabEx  : ${build}.${ubr}.amd64fre.rs1_release.180827-1809
`;

describe('two Windows readings of the same machine', () => {
  it('prefers the reading with a UBR: an ERRORLOG banner on 14393 plus Get-ComputerInfo 14393.2485', async () => {
    for (const text of [
      BANNER_2016 + '\n' + computerInfo(14393, 2485),
      computerInfo(14393, 2485) + '\n' + BANNER_2016,
    ]) {
      const d = diagnose([inputFromAnalysis('server', await analyzeText(text))]);
      expect(d.signals.serverOs?.value).toMatchObject({ build: 14393, ubr: 2485, leadingZeroFix: false });
      expect(d.signals.serverOs?.evidence[0]?.evidence?.text).toContain('2485');
    }
  });

  it('a patched UBR (14393.3542) reads as fixed, and a reading of another build is not merged', async () => {
    const fixed = diagnose([
      inputFromAnalysis('server', await analyzeText(BANNER_2016 + '\n' + computerInfo(14393, 3542))),
    ]);
    expect(fixed.signals.serverOs?.value).toMatchObject({ ubr: 3542, leadingZeroFix: true });
    const other = diagnose([
      inputFromAnalysis('ERRORLOG', await analyzeText(BANNER_2016)),
      inputFromAnalysis('Get-ComputerInfo', await analyzeText(computerInfo(17763, 5830)), 'server'),
    ]);
    expect(other.signals.serverOs?.value).toMatchObject({ build: 14393, ubr: null, leadingZeroFix: null });
    expect(other.contradictions.some((c) => /Windows build/.test(c.fact))).toBe(true);
  });
});

describe('which machine a Windows reading describes', () => {
  it('Get-ComputerInfo pasted with @@VERSION of the same build is the server, not the client', async () => {
    const d = diagnose([
      inputFromAnalysis('error', await analyzeText(ERROR)),
      inputFromAnalysis('server', await analyzeText(VERSION_2017_ON_2016 + '\n' + computerInfo(14393, 2485))),
    ]);
    expect(d.signals.serverOs?.value).toMatchObject({ build: 14393, ubr: 2485, leadingZeroFix: false });
    expect(d.signals.clientOs).toBeUndefined();
    expect(d.signals.machines[1]).toMatchObject({ side: 'server' });
    expect(d.signals.machines[1]!.sideReason).toMatch(/@@VERSION/);
  });

  it('Get-ComputerInfo pasted on its own, next to the server version, is still taken as the client', async () => {
    const d = diagnose([
      inputFromAnalysis('error', await analyzeText(ERROR)),
      inputFromAnalysis('version', await analyzeText(VERSION_2017_ON_2016)),
      inputFromAnalysis('client', await analyzeText(computerInfo(17763, 5830))),
    ]);
    expect(d.signals.serverOs?.value).toMatchObject({ build: 14393, ubr: null });
    expect(d.signals.clientOs?.value).toMatchObject({ build: 17763, ubr: 5830 });
  });
});

const LIST_WITH_DHE = `Name
----
TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384
TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384
TLS_DHE_RSA_WITH_AES_256_GCM_SHA384
TLS_RSA_WITH_AES_256_GCM_SHA384
`;
const LIST_WITHOUT_DHE = `Name
----
TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384
TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384
TLS_RSA_WITH_AES_256_GCM_SHA384
`;

describe('evidence of the TLS_DHE reasons', () => {
  it('"TLS_DHE suites are enabled" quotes the DHE suite itself, not the first suite of the list', async () => {
    const d = diagnose([
      inputFromAnalysis('error', await analyzeText(ERROR)),
      inputFromAnalysis('list', await analyzeText(LIST_WITH_DHE)),
    ]);
    const reason = d.ranked
      .find((r) => r.scenario === 'tls-dhe-ciphers')!
      .for.find((r) => /TLS_DHE suites are enabled/.test(r.text))!;
    expect(reason.evidence.map((e) => e.evidence?.text)).toEqual(['TLS_DHE_RSA_WITH_AES_256_GCM_SHA384']);
  });

  it('the first shared suite, when DHE, is quoted in both lists', async () => {
    const server = `Name\n----\nTLS_DHE_RSA_WITH_AES_256_GCM_SHA384\nTLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384\n`;
    const d = diagnose([
      inputFromAnalysis('client', await analyzeText(LIST_WITH_DHE), 'client'),
      inputFromAnalysis('server', await analyzeText(server), 'server'),
    ]);
    expect(d.signals.dheFirst?.value).toBe(true);
    expect(d.signals.dheFirst!.evidence.map((e) => [e.input, e.evidence?.text])).toEqual([
      [1, 'TLS_DHE_RSA_WITH_AES_256_GCM_SHA384'],
      [0, 'TLS_DHE_RSA_WITH_AES_256_GCM_SHA384'],
    ]);
  });

  it('a list without TLS_DHE gives no such reason, and the reason against quotes the list', async () => {
    const d = diagnose([
      inputFromAnalysis('error', await analyzeText(ERROR)),
      inputFromAnalysis('list', await analyzeText(LIST_WITHOUT_DHE)),
    ]);
    const dhe = d.ranked.find((r) => r.scenario === 'tls-dhe-ciphers')!;
    expect(dhe.for.some((r) => /TLS_DHE/.test(r.text))).toBe(false);
    expect(d.signals.dheEnabledSomewhere).toBeUndefined();
    const against = dhe.against.find((r) => /no TLS_DHE suite/.test(r.text))!;
    expect(against.evidence[0]?.evidence?.text).toMatch(/^TLS_/);
  });
});

const schannel = (id: number, message: string) => `Log Name:      System
Source:        Schannel
Date:          11/26/2026 2:03:17 PM
Event ID:      ${id}
Task Category: None
Level:         Error
Keywords:      
User:          SYSTEM
Computer:      SQLAPP03.corp.example.com
Description:
${message}`;
const E36874 =
  'An TLS 1.2 connection request was received from a remote client application, but none of the cipher suites supported by the client application are supported by the server. The TLS connection request has failed.';
const E36888 = (alert: number, state: number) =>
  `A fatal alert was generated and sent to the remote endpoint. This may result in termination of the connection. The TLS protocol defined fatal error code is ${alert}. The Windows SChannel error state is ${state}.`;
const E36871 = (state: number) =>
  `A fatal error occurred while creating a TLS client credential. The internal error state is ${state}.`;

describe('Schannel events from Event Viewer', () => {
  const run = async (event: string, answers: Record<string, string> = {}) =>
    diagnose(
      [
        inputFromAnalysis('error', await analyzeText(ERROR)),
        inputFromAnalysis('System log', await analyzeText(event)),
      ],
      answers,
    );

  it('36874 makes cipher-suite-mismatch the top scenario; without it nothing does', async () => {
    const d = await run(schannel(36874, E36874));
    expect(d.ranked[0]).toMatchObject({ scenario: 'cipher-suite-mismatch', confidence: 'high' });
    const none = diagnose([inputFromAnalysis('error', await analyzeText(ERROR))]);
    expect(none.ranked.find((r) => r.scenario === 'cipher-suite-mismatch')!.confidence).toBe('low');
  });

  it('36888 alert 20 / state 960 with intermittent failures points to DHE; failing every time it does not', async () => {
    const d = await run(schannel(36888, E36888(20, 960)), { frequency: 'intermittent' });
    expect(d.ranked[0]!.scenario).toBe('tls-dhe-ciphers');
    expect(d.ranked[0]!.confidence).not.toBe('low');
    const always = await run(schannel(36888, E36888(20, 960)), { frequency: 'always' });
    for (const id of ['tls-dhe-ciphers', 'dhe-leading-zero'])
      expect(always.ranked.find((r) => r.scenario === id)!.confidence).toBe('low');
  });

  it('36871 state 10013 points to the protocol mismatch; another state does not', async () => {
    const d = await run(schannel(36871, E36871(10013)));
    expect(d.ranked[0]).toMatchObject({ scenario: 'tls-protocol-mismatch', confidence: 'high' });
    expect(d.signals.clientProtocols?.value['TLS 1.2']).toBe('off');
    const other = await run(schannel(36871, E36871(10010)));
    expect(other.signals.clientProtocols).toBeUndefined();
    expect(other.ranked.find((r) => r.scenario === 'tls-protocol-mismatch')!.confidence).toBe('low');
  });
});

describe('a long ERRORLOG', () => {
  it('quotes each event from its own lines, also when there are many events', async () => {
    const text = Array.from({ length: 30 }, (_, i) => (i % 2 === 0 ? LINE_17830 : LINE_17835)).join('');
    const s = collectSignals([inputFromAnalysis('ERRORLOG', await analyzeText(text))]);
    expect(s.errorlogEvents.length).toBe(30);
    s.errorlogEvents.forEach((e, i) => {
      expect(e.value.error).toBe(i % 2 === 0 ? 17830 : 17835);
      const quoted = e.evidence[0]?.evidence;
      expect(quoted).toBeTruthy();
      expect(text.slice(quoted!.start, quoted!.end)).toBe(quoted!.text);
    });
    // the events of one kind are quoted at different places of the log, each from its own block
    const starts = s.errorlogEvents.map((e) => e.evidence[0]!.evidence!.start);
    expect(new Set(starts).size).toBe(30);
  });
});

/** Event 36880 as Event Viewer shows it: the message, a blank line, the negotiated parameters. */
const E36880 = (suite: string) =>
  `An TLS 1.2 server handshake completed successfully. The negotiated cryptographic parameters are as follows.

   Protocol version: TLS 1.2
   CipherSuite: ${suite}
   Exchange strength: 384 bits`;

describe('a successful handshake (event 36880) with its negotiated parameters', () => {
  it('is one Schannel event, not an event and a one-suite cipher list', async () => {
    const a = await analyzeText(schannel(36880, E36880('0xC030')));
    expect(a.parts.map((p) => p.kind)).toEqual(['schannel-event']);
    expect(collectSignals([inputFromAnalysis('System log', a)]).negotiatedSuite?.value).toBe(
      'TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384',
    );
    const d = diagnose([inputFromAnalysis('System log', a)]);
    // no "only 1 suites are enabled" reading of the negotiated suite
    const mismatch = d.ranked.find((r) => r.scenario === 'cipher-suite-mismatch')!;
    expect([...mismatch.for, ...mismatch.against].map((r) => r.text).join(' ')).not.toMatch(/Only 1 suites/);
    expect(mismatch.against.map((r) => r.text).join(' ')).toMatch(/A suite was negotiated/);
  });

  it('names a suite given in hex, so a DHE suite counts as DHE', async () => {
    const a = await analyzeText(schannel(36880, E36880('0x009F')));
    expect(collectSignals([inputFromAnalysis('System log', a)]).negotiatedSuite?.value).toBe(
      'TLS_DHE_RSA_WITH_AES_256_GCM_SHA384',
    );
  });

  it('Get-TlsCipherSuite output ("CipherSuite : 49200", a decimal number) is still a cipher list', async () => {
    const a = await analyzeText(
      'KeyType               : 0\nName                  : TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384\nCipherSuite           : 49200\nCipher                : AES\n',
    );
    expect(a.parts.map((p) => p.kind)).toEqual(['cipher-suites']);
  });
});

describe('contradictions in a long paste', () => {
  const banner = (product: string, build: string) =>
    `2024-03-01 10:16:38.21 Server      Microsoft SQL Server ${product} (RTM) - ${build} (X64) \n` +
    `\tJul 27 2023 18:11:00 \n\tCopyright (C) Microsoft Corporation\n` +
    `\tStandard Edition (64-bit) on Windows Server 2019 Standard 10.0 <X64> (Build 17763: )\n` +
    `2024-03-01 10:16:40.05 Logon       Error: 17830, Severity: 20, State: 11.\n` +
    `2024-03-01 10:16:40.05 Logon       Network error code 0x2746 occurred while establishing a connection; the connection has been closed.\n`;

  it('quotes the two builds (not "[object Object]") and says once how often two servers disagree', async () => {
    // the ERRORLOGs of two servers, pasted three times over
    const twoLogs = `${banner('2019', '15.0.4322.2')}\n\n${banner('2016', '13.0.6300.2')}`;
    const a = await analyzeText([twoLogs, twoLogs, twoLogs].join('\n\n'));
    const d = diagnose([inputFromAnalysis('logs', a)]);
    const builds = d.contradictions.filter((c) => c.fact === 'SQL Server build');
    expect(builds).toHaveLength(1);
    expect(builds[0]!.text).toContain('15.0.4322.2');
    expect(builds[0]!.text).toContain('13.0.6300.2');
    expect(builds[0]!.text).not.toContain('[object Object]');
    expect(builds[0]!.text).toMatch(/in 2 more places\.$/);
    // and where: the 2016 build of the second and third copies, in paste order
    const text = [twoLogs, twoLogs, twoLogs].join('\n\n');
    const second = builds[0]!.b.evidence!.start;
    const places = (builds[0]!.elsewhere ?? []).map((r) => r.evidence!.start);
    expect(places).toEqual([
      text.indexOf('13.0.6300.2', second + 1),
      text.indexOf('13.0.6300.2', text.indexOf('13.0.6300.2', second + 1) + 1),
    ]);
    expect(places.every((at) => text.slice(at, at + 11) === '13.0.6300.2')).toBe(true);
  });
});

describe('reasons in a long paste', () => {
  const EVENT_36871 = readFileSync(
    new URL('../parsers/__fixtures__/schannel-event/general-36871-10013.txt', import.meta.url),
    'utf8',
  ).trim();

  it('the same reason from six events is told once, with the six quotes', async () => {
    const a = await analyzeText(Array(6).fill(EVENT_36871).join('\n\n'));
    const d = diagnose([inputFromAnalysis('events', a)]);
    const top = d.ranked[0]!;
    expect(top.scenario).toBe('tls-protocol-mismatch');
    const state = top.for.filter((r) => r.text.startsWith('Schannel event 36871 with state 10013'));
    expect(state).toHaveLength(1);
    expect(state[0]!.evidence).toHaveLength(6);
    expect(new Set(top.for.map((r) => r.text)).size).toBe(top.for.length);
  });
});

describe('the certificate SQL Server uses, from ERRORLOG lines', () => {
  const RESET =
    '2024-03-01 10:16:40.05 Logon       Error: 17830, Severity: 20, State: 11.\n' +
    '2024-03-01 10:16:40.05 Logon       Network error code 0x2746 occurred while establishing a connection; the connection has been closed.\n';
  const LOADED =
    '2024-03-01 10:16:39.50 Server      The certificate [Cert Hash(sha1) "3f2a9c41d07b5e86a1c4f09b2d3e7a6c5b8d9e01"] was successfully loaded for encryption.\n';
  const SELF =
    '2024-03-01 10:16:39.50 Server      A self-generated certificate was successfully loaded for encryption.\n';
  const signalOf = async (text: string) =>
    collectSignals([inputFromAnalysis('log', await analyzeText(text))]).selfGeneratedCert;

  it('is unknown from lines that do not name it (they used to claim a configured certificate)', async () => {
    expect(await signalOf(RESET)).toBeUndefined();
  });

  it('is a configured one from the line that loads it, quoted; a self-generated one from its own line', async () => {
    const configured = await signalOf(LOADED + RESET);
    expect(configured?.value).toBe(false);
    expect(configured?.evidence[0]?.evidence?.text).toContain('3f2a9c41d07b5e86a1c4f09b2d3e7a6c5b8d9e01');
    const self = await signalOf(SELF + RESET);
    expect(self?.value).toBe(true);
    expect(self?.evidence[0]?.evidence?.text).toContain('self-generated certificate');
  });
});
