/**
 * The single most useful next step: among the signals still missing, the one that best separates the
 * scenarios still in the running. Each probe says which scenarios its answer would confirm or rule out
 * (relevance 0..1); its value is the sum over scenarios of relevance x uncertainty (score x (1 - score)),
 * so a probe that speaks to several close candidates beats one that speaks to a settled one.
 */
import type { Family, ScenarioId } from '../ids';
import {
  checkCertificateByThumbprint,
  checkCipherSuites,
  checkErrorlogCertificate,
  checkErrorlogListener,
  checkOsVersion,
  checkSchannelEvents,
  checkSchannelProtocols,
  checkServerAuthCertificates,
  checkSqlVersionInvokeSqlcmd,
  checkSqlVersionSqlcmd,
} from '../knowledge/commands';
import type { Flow, Question } from '../knowledge/types';
import type { NextStep, PasteRequest, RankedScenario, Signals } from './types';

interface Probe {
  signal: string;
  /** already known: no need to ask */
  known(s: Signals): boolean;
  relevance: Partial<Record<ScenarioId, number>>;
  /** flow fact keys of a question that gives this signal */
  questionFacts?: readonly string[];
  paste?: (s: Signals) => PasteRequest;
  why: string;
}

const PROBES: Probe[] = [
  {
    signal: 'frequency',
    known: (s) => !!s.frequency,
    relevance: {
      'tls-protocol-mismatch': 0.6,
      'cipher-suite-mismatch': 0.6,
      'weak-certificate-hash': 0.6,
      'tls-dhe-ciphers': 0.9,
      'dhe-leading-zero': 0.9,
      'tcp-listener-overload': 0.9,
    },
    questionFacts: ['error.frequency', 'frequency', 'failure.frequency', 'pattern'],
    why: 'Whether it fails every time or only sometimes separates configuration mismatches (always) from DHE key problems and listener overload (intermittent).',
  },
  {
    signal: 'sql-version',
    known: (s) => !!s.sql,
    relevance: { 'tls-protocol-mismatch': 1, 'tcp-listener-overload': 0.7 },
    paste: () => ({
      kind: 'sql-version',
      where: 'server',
      what: 'the output of SELECT @@VERSION (or the SQL Server build number)',
      commands: [checkSqlVersionInvokeSqlcmd, checkSqlVersionSqlcmd],
    }),
    why: 'The SQL Server build tells whether it supports TLS 1.2 at all (KB3135244) and whether it has the login dispatcher pool of SQL Server 2019.',
  },
  {
    signal: 'server-protocols',
    known: (s) => !!s.serverProtocols && s.machines.some((m) => m.side === 'server' && m.protocols),
    relevance: { 'tls-protocol-mismatch': 0.9 },
    paste: () => ({
      kind: 'schannel-protocols',
      where: 'server',
      what: 'the TLS protocol settings of the SQL Server machine',
      commands: [checkSchannelProtocols],
    }),
    why: 'The SCHANNEL protocol keys on the server show which TLS versions it accepts; compare with what the client insists on.',
  },
  {
    signal: 'client-protocols',
    known: (s) => !!s.clientProtocols && s.machines.some((m) => m.side === 'client' && m.protocols),
    relevance: { 'tls-protocol-mismatch': 0.7 },
    paste: () => ({
      kind: 'schannel-protocols',
      where: 'client',
      what: 'the TLS protocol settings of the client machine',
      commands: [checkSchannelProtocols],
    }),
    why: 'The SCHANNEL protocol keys on the client show which TLS versions it offers.',
  },
  {
    signal: 'server-suites',
    known: (s) => !!s.serverSuites,
    relevance: { 'cipher-suite-mismatch': 1, 'tls-dhe-ciphers': 0.8, 'dhe-leading-zero': 0.8 },
    paste: () => ({
      kind: 'cipher-suites',
      where: 'server',
      what: 'the enabled cipher suites of the SQL Server machine, in order',
      commands: [checkCipherSuites],
    }),
    why: "The server's cipher-suite list, compared with the client's, shows whether they share a suite and whether a TLS_DHE suite is chosen.",
  },
  {
    signal: 'client-suites',
    known: (s) => !!s.clientSuites,
    relevance: { 'cipher-suite-mismatch': 0.9, 'tls-dhe-ciphers': 0.6, 'dhe-leading-zero': 0.6 },
    paste: () => ({
      kind: 'cipher-suites',
      where: 'client',
      what: 'the enabled cipher suites of the client machine, in order',
      commands: [checkCipherSuites],
    }),
    why: "The client's cipher-suite list, compared with the server's, shows whether they share a suite.",
  },
  {
    signal: 'certificate-in-use',
    known: (s) => !!s.errorlogThumbprint || s.selfGeneratedCert !== undefined,
    relevance: { 'weak-certificate-hash': 1 },
    paste: () => ({
      kind: 'errorlog',
      where: 'server',
      what: 'the ERRORLOG line that names the certificate SQL Server loaded',
      commands: [checkErrorlogCertificate],
    }),
    why: 'The ERRORLOG says which certificate SQL Server loaded (or that it made its own, which rules out the weak-hash case).',
  },
  {
    signal: 'certificate',
    known: (s) => !!s.certInUse || s.selfGeneratedCert?.value === true,
    relevance: { 'weak-certificate-hash': 0.9 },
    paste: (s) =>
      s.errorlogThumbprint
        ? {
            kind: 'certificate',
            where: 'server',
            what: `the details of the certificate ${s.errorlogThumbprint.value} that SQL Server loaded`,
            commands: [checkCertificateByThumbprint],
            values: { thumbprint: s.errorlogThumbprint.value },
          }
        : {
            kind: 'certificate',
            where: 'server',
            what: 'the certificates SQL Server could use, with their signature algorithms',
            commands: [checkServerAuthCertificates],
          },
    why: "The certificate's signature algorithm shows whether it is one TLS 1.2 on Windows cannot use (MD5, SHA-224, SHA-512).",
  },
  {
    signal: 'os-versions',
    known: (s) => !!s.serverOs && !!s.clientOs,
    relevance: { 'tls-dhe-ciphers': 0.9, 'dhe-leading-zero': 0.9, 'cipher-suite-mismatch': 0.3 },
    paste: (s) => ({
      kind: 'os-version',
      where: s.serverOs ? 'client' : s.clientOs ? 'server' : 'both',
      what:
        'the Windows version and exact build (with UBR) of ' +
        (s.serverOs ? 'the client' : s.clientOs ? 'the SQL Server machine' : 'both machines'),
      commands: [checkOsVersion],
    }),
    why: 'The Windows builds of both machines tell the two DHE cases apart: Windows Server 2012 / 2012 R2 never got the leading-zero fix, Server 2016 has it from build 14393.3542.',
  },
  {
    signal: 'schannel-events',
    known: (s) => s.schannelEvents.length > 0,
    relevance: {
      'cipher-suite-mismatch': 0.7,
      'tls-dhe-ciphers': 0.6,
      'dhe-leading-zero': 0.6,
      'weak-certificate-hash': 0.4,
      'tls-protocol-mismatch': 0.4,
    },
    paste: () => ({
      kind: 'schannel-event',
      where: 'server',
      what: 'recent Schannel errors from the System log of the SQL Server machine',
      commands: [checkSchannelEvents],
    }),
    why: 'Schannel events on the server name the failure: 36874 no common suite, 36888 alert 20 a DHE key mismatch, 36871 no protocol enabled.',
  },
  {
    signal: 'busy',
    known: (s) => !!s.busyServer,
    relevance: { 'tcp-listener-overload': 0.8 },
    questionFacts: ['server.busy', 'busy', 'load'],
    why: 'Listener overload happens only when the server is busy or gets bursts of new connections.',
  },
  {
    signal: 'listener-errors',
    known: (s) => !!s.listenerStress,
    relevance: { 'tcp-listener-overload': 0.9 },
    paste: () => ({
      kind: 'errorlog',
      where: 'server',
      what: 'ERRORLOG messages about the listener and login timeouts',
      commands: [checkErrorlogListener],
    }),
    why: 'ERRORLOG messages 17887 (non-yielding IO Completion Listener) and 17197 (login timeout under load) confirm listener overload.',
  },
];

function questionFor(flow: Flow | undefined, facts: readonly string[] | undefined): Question | undefined {
  if (!flow || !facts) return undefined;
  return flow.questions.find((q) => q.fact !== undefined && facts.includes(q.fact));
}

export function nextStep(
  s: Signals,
  ranked: readonly RankedScenario[],
  flow: Flow | undefined,
  answered: Readonly<Record<string, string>>,
  family: Family = s.family?.value ?? 'unrecognized',
): NextStep | null {
  if (family === 'unrecognized' && !s.clientStack && !s.phase) {
    return {
      paste: {
        kind: 'client-error',
        where: 'client',
        what: 'the full error message the application or tool shows (with any inner exception)',
        commands: [],
      },
      why: 'The exact error text tells whether this is the handshake reset at all, and which driver and phase it comes from.',
      signal: 'client-error',
    };
  }
  if (family === 'other-error') return null;
  // a clear leader: the useful step is the one that confirms (or refutes) it
  const top = ranked[0];
  const settled = top !== undefined && top.confidence === 'high' && (ranked[1]?.score ?? 0) < 0.5;
  let best: { probe: Probe; value: number; question?: Question } | null = null;
  for (const probe of PROBES) {
    if (probe.known(s)) continue;
    const question = questionFor(flow, probe.questionFacts);
    if (question && answered[question.id] !== undefined) continue;
    if (!question && !probe.paste) continue;
    let value = 0;
    if (settled) value = probe.relevance[top.scenario] ?? 0;
    else for (const r of ranked) value += (probe.relevance[r.scenario] ?? 0) * r.score * (1 - r.score);
    if (question) value *= 1.15; // a question is cheaper than running a command
    if (!best || value > best.value + 1e-9) best = { probe, value, ...(question ? { question } : {}) };
  }
  if (!best || best.value <= 0) return null;
  const step: NextStep = {
    why: settled ? `To confirm ${top.scenario}: ${best.probe.why}` : best.probe.why,
    signal: best.probe.signal,
  };
  if (best.question) step.question = best.question.id;
  else if (best.probe.paste) step.paste = best.probe.paste(s);
  return step;
}
