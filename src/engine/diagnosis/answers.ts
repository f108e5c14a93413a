/**
 * Wizard answers <-> signals. The flow's questions name the fact each answers (`Question.fact`); this is
 * the only place that knows those fact keys and their answer ids. Both directions:
 * - an answer becomes an observation (the user told us), with the answer as its evidence;
 * - known signals become a pre-selected answer for the wizard (knownFacts), with the paste as source.
 */
import { isOtherErrorId } from '../ids';
import type { Flow, Question } from '../knowledge/types';
import type { Observation } from './adapters';
import { osClass } from './rules/dhe';
import { evidenceOfAll } from './rules/verdict';
import type { EvidenceRef, Signals, SqlInfo, WizardAnswers } from './types';

export interface AnswerFact {
  fact: string;
  questionId: string;
  answerId: string;
  ref: EvidenceRef;
}

interface FactMapping {
  /** fact keys this mapping understands (the flow may spell a key in one of these ways) */
  facts: readonly string[];
  /** answer id -> observations; unknown ids observe nothing */
  toObservations(answerId: string, ref: EvidenceRef): Observation[];
  /** the answer id the signals imply (must be one of the question's answers to be used) */
  fromSignals(s: Signals): { value: string; evidence: EvidenceRef[] } | null;
}

const ids = (...list: string[]) => new Set(list);
const PHASES = ids('pre-login', 'login', 'after-login');

const sqlFromAnswer = (supportsTls12: boolean): SqlInfo => ({
  product: null,
  build: null,
  major: null,
  supportsTls12,
  minimumTls12Build: null,
  hasLoginDispatcherPool: null,
  linux: false,
});

const pasteOnly = (evidence: readonly EvidenceRef[]) => evidence.filter((e) => e.from === 'paste');

/**
 * One entry per fact key of knowledge/flow.ts (its header lists the keys and answer ids). Facts that
 * combine several signals (os.dheFix, tls.commonProtocol, tls.commonCipher, server.certificateWeak) are
 * read by the rules straight from `answerFacts`; here they only get their pre-fill from the pastes.
 */
const MAPPINGS: FactMapping[] = [
  {
    facts: ['error.family'],
    toObservations: (id, ref) =>
      id === 'handshake-reset' || id === 'other-error' ? [{ type: 'family', value: id, ref }] : [],
    fromSignals: (s) =>
      s.family && s.family.value !== 'unrecognized'
        ? { value: s.family.value, evidence: s.family.evidence }
        : null,
  },
  {
    facts: ['error.otherErrorId'],
    toObservations: (id, ref) =>
      isOtherErrorId(id)
        ? [
            { type: 'family', value: 'other-error', ref },
            { type: 'otherError', value: id, ref },
          ]
        : [],
    fromSignals: (s) =>
      s.otherError ? { value: s.otherError.value, evidence: s.otherError.evidence } : null,
  },
  {
    facts: ['server.logEvidence'],
    toObservations: (id, ref) => {
      const event = (eventId: number, alert: number | null, state: number | null): Observation => ({
        type: 'schannelEvent',
        value: { eventId, alert, state, protocol: null, side: 'server' },
        ref,
      });
      if (id === 'schannel-36871') return [event(36871, null, 10013)];
      if (id === 'schannel-36874') return [event(36874, null, null)];
      if (id === 'schannel-36888')
        return [event(36888, 20, null), { type: 'frequency', value: 'intermittent', ref }];
      if (id === 'schannel-36888-40')
        return [event(36888, 43, null), { type: 'frequency', value: 'always', ref }];
      if (id === 'listener')
        return [
          {
            type: 'errorlogEvent',
            value: { error: 17887, state: null, networkError: null, sslMs: null },
            ref,
          },
        ];
      return [];
    },
    fromSignals: (s) => {
      const find = (f: (e: Signals['schannelEvents'][number]) => boolean) =>
        s.schannelEvents.filter((e) => e.value.side !== 'client' && f(e));
      const pick = (value: string, list: Array<{ evidence: EvidenceRef[] }>) =>
        list.length ? { value, evidence: evidenceOfAll(list) } : null;
      return (
        pick(
          'schannel-36874',
          find((e) => e.value.eventId === 36874),
        ) ??
        pick(
          'schannel-36871',
          find((e) => (e.value.eventId === 36871 && e.value.state === 10013) || e.value.alert === 70),
        ) ??
        pick(
          'schannel-36888',
          find((e) => e.value.eventId === 36888 && e.value.alert === 20),
        ) ??
        pick(
          'schannel-36888-40',
          find((e) => e.value.eventId === 36888 && (e.value.alert === 40 || e.value.alert === 43)),
        ) ??
        (s.listenerStress ? { value: 'listener', evidence: s.listenerStress.evidence } : null)
      );
    },
  },
  {
    facts: ['client.platform'],
    toObservations: (id, ref) =>
      id === 'windows' || id === 'linux-macos'
        ? [{ type: 'clientPlatform', value: id, ref }]
        : id === 'java'
          ? [{ type: 'clientStack', value: 'java', ref }]
          : [],
    fromSignals: (s) =>
      s.clientStack?.value === 'java'
        ? { value: 'java', evidence: s.clientStack.evidence }
        : s.clientPlatform
          ? { value: s.clientPlatform.value, evidence: s.clientPlatform.evidence }
          : null,
  },
  {
    facts: ['client.opensslError'],
    toObservations: (id, ref) =>
      id === 'unsupported-protocol'
        ? [{ type: 'opensslReason', value: 'unsupported protocol', ref }]
        : id === 'legacy-sigalg'
          ? [{ type: 'opensslReason', value: 'legacy sigalg disallowed or unsupported', ref }]
          : [],
    fromSignals: (s) => {
      const r = s.opensslReason?.value;
      if (!r) return null;
      const value = /unsupported protocol|wrong version number/i.test(r)
        ? 'unsupported-protocol'
        : /sigalg|md too weak/i.test(r)
          ? 'legacy-sigalg'
          : 'other';
      return { value, evidence: s.opensslReason!.evidence };
    },
  },
  {
    facts: ['client.jdbcError'],
    toObservations: (id, ref) =>
      id === 'protocol-not-accepted'
        ? [{ type: 'jdbcReason', value: 'protocol version is not accepted by client preferences', ref }]
        : id === 'handshake-failure'
          ? [{ type: 'jdbcReason', value: 'Received fatal alert: handshake_failure', ref }]
          : id === 'pkix'
            ? [
                { type: 'family', value: 'other-error', ref },
                { type: 'otherError', value: 'certificate-trust', ref },
              ]
            : [],
    fromSignals: (s) => {
      if (s.clientStack?.value !== 'java') return null;
      if (s.otherError?.value === 'certificate-trust')
        return { value: 'pkix', evidence: s.otherError.evidence };
      const hint = s.hints.find(
        (h) =>
          h.value.strength === 'strong' &&
          (h.value.scenario === 'tls-protocol-mismatch' || h.value.scenario === 'cipher-suite-mismatch'),
      );
      if (hint)
        return {
          value:
            hint.value.scenario === 'tls-protocol-mismatch' ? 'protocol-not-accepted' : 'handshake-failure',
          evidence: hint.evidence,
        };
      return null;
    },
  },
  {
    facts: ['error.frequency'],
    toObservations: (id, ref) =>
      id === 'always' || id === 'intermittent' ? [{ type: 'frequency', value: id, ref }] : [],
    fromSignals: (s) => (s.frequency ? { value: s.frequency.value, evidence: s.frequency.evidence } : null),
  },
  {
    facts: ['server.busyOldSql'],
    toObservations: (id, ref) =>
      id === 'yes'
        ? [{ type: 'busyServer', value: true, ref }]
        : id === 'no'
          ? [{ type: 'busyServer', value: false, ref }]
          : [],
    fromSignals: (s) => {
      if (s.sql?.value.major != null && s.sql.value.major >= 15)
        return { value: 'no', evidence: s.sql.evidence };
      if (s.listenerStress) return { value: 'yes', evidence: s.listenerStress.evidence };
      return s.busyServer
        ? { value: s.busyServer.value ? 'yes' : 'no', evidence: s.busyServer.evidence }
        : null;
    },
  },
  {
    facts: ['error.phase'],
    toObservations: (id, ref) => (PHASES.has(id) ? [{ type: 'phase', value: id as 'pre-login', ref }] : []),
    fromSignals: (s) =>
      s.phase && s.phase.value !== 'unknown' ? { value: s.phase.value, evidence: s.phase.evidence } : null,
  },
  {
    facts: ['os.dheFix'],
    toObservations: () => [],
    fromSignals: (s) => {
      const known = [s.serverOs, s.clientOs].filter((x): x is NonNullable<typeof x> => !!x);
      const classes = known.map((k) => osClass(k.value));
      const evidence = known.flatMap((k) => k.evidence);
      if (s.dheInCommon?.value === false) return { value: 'all-fixed', evidence: s.dheInCommon.evidence };
      if (classes.includes('unpatched')) return { value: 'missing-fix', evidence };
      if (
        known.length === 2 &&
        classes.includes('never-fixed') &&
        known.some((k) => (k.value.build ?? 0) >= 14393)
      )
        return { value: 'mixed-2012r2', evidence };
      if (
        s.clientPlatform?.value === 'linux-macos' &&
        s.serverOs &&
        osClass(s.serverOs.value) !== 'fixed' &&
        osClass(s.serverOs.value) !== 'unknown'
      )
        return { value: 'non-windows', evidence: [...s.clientPlatform.evidence, ...s.serverOs.evidence] };
      if (known.length === 2 && classes.every((c) => c === 'fixed')) return { value: 'all-fixed', evidence };
      return null;
    },
  },
  {
    facts: ['server.sqlSupportsTls12'],
    toObservations: (id, ref) => (id === 'no' ? [{ type: 'sql', value: sqlFromAnswer(false), ref }] : []),
    fromSignals: (s) =>
      s.sql && s.sql.value.supportsTls12 !== null
        ? { value: s.sql.value.supportsTls12 ? 'yes' : 'no', evidence: s.sql.evidence }
        : null,
  },
  {
    facts: ['tls.commonProtocol'],
    toObservations: () => [],
    fromSignals: (s) => {
      const verdict = commonProtocol(s);
      return verdict;
    },
  },
  {
    facts: ['server.certificateWeak'],
    toObservations: () => [],
    fromSignals: (s) => {
      if (s.selfGeneratedCert?.value) return { value: 'not-weak', evidence: s.selfGeneratedCert.evidence };
      const used = s.certInUse;
      if (!used || used.value.weakForSqlServer === null) return null;
      // a single pasted certificate counts only when the ERRORLOG confirms it is the one in use
      if (!used.value.matchedErrorlog && !used.value.weakForSqlServer) return null;
      return { value: used.value.weakForSqlServer ? 'weak' : 'not-weak', evidence: used.evidence };
    },
  },
  {
    facts: ['tls.commonCipher'],
    toObservations: () => [],
    fromSignals: (s) => {
      if (s.commonSuites) {
        if (s.commonSuites.value.length === 0) return { value: 'none', evidence: s.commonSuites.evidence };
        if (s.dheOnlyInCommon?.value) return { value: 'dhe-only', evidence: s.commonSuites.evidence };
        return { value: 'shared', evidence: s.commonSuites.evidence };
      }
      const e36874 = s.schannelEvents.filter((e) => e.value.eventId === 36874);
      if (e36874.length) return { value: 'none', evidence: evidenceOfAll(e36874) };
      return null;
    },
  },
];

/** Whether both sides share a TLS version, as far as the pastes tell. */
function commonProtocol(s: Signals): { value: string; evidence: EvidenceRef[] } | null {
  const TLS = ['TLS 1.0', 'TLS 1.1', 'TLS 1.2', 'TLS 1.3'] as const;
  const c = s.clientProtocols?.value;
  const v = s.serverProtocols?.value;
  if (c && v) {
    const evidence = pasteOnly([...s.clientProtocols!.evidence, ...s.serverProtocols!.evidence]);
    if (TLS.every((p) => c[p] === 'off' || v[p] === 'off')) return { value: 'no', evidence };
    if (TLS.some((p) => c[p] === 'on' && v[p] === 'on')) return { value: 'yes', evidence };
  }
  if (s.opensslReason && /unsupported protocol|wrong version number/i.test(s.opensslReason.value))
    return { value: 'no', evidence: s.opensslReason.evidence };
  if (s.serverPickedOldProtocol) return { value: 'no', evidence: s.serverPickedOldProtocol.evidence };
  return null;
}

function mappingFor(fact: string): FactMapping | undefined {
  return MAPPINGS.find((m) => m.facts.includes(fact));
}

/** Observations from the wizard's answers, through each question's `fact`. */
export function answerObservations(
  answers: WizardAnswers,
  flow: Flow | undefined,
): { facts: AnswerFact[]; observations: Observation[] } {
  const facts: AnswerFact[] = [];
  const observations: Observation[] = [];
  if (!flow || !answers) return { facts, observations };
  for (const q of flow.questions) {
    const answerId = answers[q.id];
    if (typeof answerId !== 'string') continue;
    const answer = q.answers.find((a) => a.id === answerId);
    if (!answer) continue;
    const ref: EvidenceRef = {
      from: 'answer',
      input: -1,
      source: 'your answer',
      part: -1,
      kind: 'answer',
      evidence: null,
      note: `You answered "${answer.label}" to "${q.title}".`,
      questionId: q.id,
      answerId,
    };
    if (q.fact) {
      facts.push({ fact: q.fact, questionId: q.id, answerId, ref });
      const mapping = mappingFor(q.fact);
      if (mapping) observations.push(...mapping.toObservations(answerId, ref));
    }
  }
  return { facts, observations };
}

const KIND_WORDS: Record<string, string> = {
  'client-error': 'your error message paste',
  'schannel-protocols': 'your registry paste',
  'cipher-suites': 'your cipher-suite paste',
  certificate: 'your certificate paste',
  errorlog: 'your ERRORLOG paste',
  'schannel-event': 'your Schannel event paste',
  'sql-version': 'your SQL Server version paste',
  'os-version': 'your Windows version paste',
  'packet-capture': 'your packet capture',
};

/** "from your registry paste" */
export function sourceText(evidence: readonly EvidenceRef[]): string {
  const paste = evidence.find((e) => e.from === 'paste');
  if (!paste) return 'from your answers';
  return `from ${KIND_WORDS[paste.kind] ?? 'your paste'} (${paste.source})`;
}

/** Answers the wizard can pre-select: question fact -> answer id implied by the pastes. */
export function knownFactsFor(
  signals: Signals,
  flow: Flow | undefined,
): Record<string, { value: string; source: string; evidence: EvidenceRef[] }> {
  const out: Record<string, { value: string; source: string; evidence: EvidenceRef[] }> = {};
  if (!flow) return out;
  for (const q of flow.questions) {
    if (!q.fact || out[q.fact]) continue;
    const mapping = mappingFor(q.fact);
    const known = mapping?.fromSignals(signals);
    if (!known) continue;
    // only what the pastes say: an answer is not pre-filled from itself
    const fromPaste = known.evidence.filter((e) => e.from === 'paste');
    if (fromPaste.length === 0) continue;
    if (!q.answers.some((a: Question['answers'][number]) => a.id === known.value)) continue;
    out[q.fact] = { value: known.value, source: sourceText(fromPaste), evidence: fromPaste };
  }
  return out;
}
