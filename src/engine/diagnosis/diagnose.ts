/**
 * diagnose(): everything known (parsed pastes + wizard answers) -> the family, the six scenarios ranked
 * with evidence for and against, look-alikes, contradictions, the next most useful step, and the facts the
 * wizard can pre-fill.
 */
import { isOtherErrorId, SCENARIO_IDS, type Family, type OtherErrorId, type ScenarioId } from '../ids';
import { FLOW } from '../knowledge/flow';
import type { Flow } from '../knowledge/types';
import { knownFactsFor } from './answers';
import { nextStep } from './next';
import { LOOK_ALIKE_RULES, SCENARIO_RULES } from './rules';
import { evidenceOfAll } from './rules/verdict';
import { collectSignals } from './signals';
import type {
  Contradiction,
  Diagnosis,
  DiagnosisInput,
  EvidenceRef,
  Level,
  LookAlike,
  RankedScenario,
  RuleResult,
  Signals,
  WizardAnswers,
} from './types';

export interface DiagnoseOptions {
  /** the wizard flow (for answers and pre-filled facts); the knowledge base's flow by default */
  flow?: Flow;
}

export function levelOf(score: number): Level {
  return score >= 0.8 ? 'high' : score >= 0.5 ? 'medium' : 'low';
}

const HANDSHAKE_EVENTS = new Set([36874, 36887, 36888, 36871]);

function family(s: Signals): { family: Family; evidence: EvidenceRef[] } {
  if (s.family) return { family: s.family.value, evidence: s.family.evidence };
  // no client error: server-side traces of a reset during the handshake
  if (s.errorlogResetDuringLogin)
    return { family: 'handshake-reset', evidence: s.errorlogResetDuringLogin.evidence };
  const events = s.schannelEvents.filter((e) => HANDSHAKE_EVENTS.has(e.value.eventId));
  if (events.length) return { family: 'handshake-reset', evidence: evidenceOfAll(events) };
  // a capture of a handshake the server broke off
  const broken = [s.closedAfterClientHello, s.closedAfterKeyExchange].filter((x) => x !== undefined);
  if (broken.length) return { family: 'handshake-reset', evidence: broken.flatMap((x) => x.evidence) };
  return { family: 'unrecognized', evidence: [] };
}

/** Kinds of paste that come from the SQL Server machine itself. */
const SERVER_KINDS = new Set(['errorlog', 'schannel-event', 'sql-version']);

/**
 * A look-alike that is a known other error, fired with high confidence (score >= 0.7) by server-side
 * evidence only (an ERRORLOG line such as 17835), or undefined.
 */
function serverLookAlike(lookAlikes: readonly LookAlike[]): LookAlike | undefined {
  return lookAlikes.find(
    (l) =>
      isOtherErrorId(l.outcome) &&
      l.score >= 0.7 &&
      l.for.length > 0 &&
      l.for.every(
        (r) =>
          r.evidence.length > 0 && r.evidence.every((e) => e.from === 'paste' && SERVER_KINDS.has(e.kind)),
      ),
  );
}

function safe(
  rule: { id: string; type: 'scenario' | 'look-alike'; evaluate(s: Signals): RuleResult },
  s: Signals,
): RuleResult {
  try {
    return rule.evaluate(s);
  } catch {
    return {
      id: rule.id,
      type: rule.type,
      score: 0,
      for: [],
      against: [],
      explanation: 'This rule could not be evaluated.',
    };
  }
}

function contradictions(s: Signals): Contradiction[] {
  const out = [...s.conflicts];
  if (
    s.certNotInUse &&
    s.errorlogThumbprint &&
    s.certNotInUse.evidence[0] &&
    s.errorlogThumbprint.evidence[0]
  )
    out.push({
      fact: 'certificate in use',
      text: `The pasted certificate (${s.certNotInUse.value.thumbprint}) is not the one the ERRORLOG says SQL Server loaded (${s.errorlogThumbprint.value}).`,
      a: s.certNotInUse.evidence[0],
      b: s.errorlogThumbprint.evidence[0],
    });
  if (
    s.selfGeneratedCert?.value === true &&
    s.errorlogThumbprint &&
    s.selfGeneratedCert.evidence[0] &&
    s.errorlogThumbprint.evidence[0]
  )
    out.push({
      fact: 'certificate in use',
      text: 'The ERRORLOG mentions both a self-generated certificate and a loaded certificate (perhaps from different restarts).',
      a: s.selfGeneratedCert.evidence[0],
      b: s.errorlogThumbprint.evidence[0],
    });
  return out;
}

/** Diagnoses from parsed inputs and wizard answers. Pure; never throws on odd parser output. */
export function diagnose(
  inputs: readonly DiagnosisInput[],
  answers: WizardAnswers = {},
  options: DiagnoseOptions = {},
): Diagnosis {
  const flow = options.flow ?? FLOW;
  const s = collectSignals(inputs, answers, flow);
  const lookAlikes: LookAlike[] = LOOK_ALIKE_RULES.map((r) => safe(r, s))
    .filter((r) => r.for.length > 0 && r.score >= 0.3)
    .sort((a, b) => b.score - a.score)
    .map((r) => ({
      outcome: r.id,
      confidence: levelOf(r.score),
      score: r.score,
      for: r.for,
      against: r.against,
      explanation: r.explanation,
    }));
  const fam: { family: Family; evidence: EvidenceRef[]; otherError?: OtherErrorId } = family(s);
  // no client error named the family and the server's own logs show a recognised other error (17835):
  // that error is the family, unless traces of the handshake reset exist too (then it stays a look-alike)
  if (!s.family && fam.family === 'unrecognized') {
    const server = serverLookAlike(lookAlikes);
    if (server) {
      fam.family = 'other-error';
      fam.otherError = server.outcome as OtherErrorId;
      fam.evidence = server.for.flatMap((r) => r.evidence);
    }
  }
  const order = (id: string) => SCENARIO_IDS.indexOf(id as ScenarioId);
  const ranked: RankedScenario[] = SCENARIO_RULES.map((r) => safe(r, s))
    .sort((a, b) => b.score - a.score || order(a.id) - order(b.id))
    .map((r) => ({
      scenario: r.id as ScenarioId,
      confidence: fam.family === 'other-error' ? 'low' : levelOf(r.score),
      score: r.score,
      for: r.for,
      against: r.against,
      explanation: r.explanation,
    }));
  const diagnosis: Diagnosis = {
    family: fam.family,
    familyEvidence: fam.evidence,
    ranked,
    lookAlikes,
    contradictions: contradictions(s),
    next: nextStep(s, ranked, flow, answers, fam.family),
    knownFacts: knownFactsFor(s, flow),
    signals: s,
  };
  if (fam.family === 'other-error' && fam.otherError) diagnosis.otherError = fam.otherError;
  else if (fam.family === 'other-error' && s.otherError) diagnosis.otherError = s.otherError.value;
  return diagnosis;
}
