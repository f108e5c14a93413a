/**
 * A small builder every rule uses: start from a prior, add reasons for and against with a weight, get a
 * score in 0..1 (a logistic of the summed weights) and a plain-language explanation.
 */
import type { ScenarioId } from '../../ids';
import type { EvidenceRef, Reason, RuleResult, Signal, Signals } from '../types';

/** How much one reason moves the score (on a log-odds scale). */
export const W = {
  /** settles it on its own */
  DECISIVE: 4,
  STRONG: 2.5,
  MEDIUM: 1.5,
  WEAK: 0.7,
} as const;

const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));

export class Verdict {
  private readonly pros: Reason[] = [];
  private readonly cons: Reason[] = [];
  constructor(
    private readonly id: string,
    private readonly type: 'scenario' | 'look-alike',
    /** log-odds before any evidence: how common the cause is */
    private readonly prior: number,
  ) {}

  for(text: string, weight: number, evidence: readonly EvidenceRef[] = []): this {
    this.pros.push({ text, weight: Math.abs(weight), evidence: [...evidence] });
    return this;
  }

  against(text: string, weight: number, evidence: readonly EvidenceRef[] = []): this {
    this.cons.push({ text, weight: -Math.abs(weight), evidence: [...evidence] });
    return this;
  }

  /** Adds a reason unless a reason already given rests on the same characters (no double counting). */
  forUnlessCovered(text: string, weight: number, evidence: readonly EvidenceRef[] = []): this {
    const overlaps = (a: EvidenceRef, b: EvidenceRef) =>
      a.input === b.input &&
      a.part === b.part &&
      a.evidence !== null &&
      b.evidence !== null &&
      a.evidence.start < b.evidence.end &&
      b.evidence.start < a.evidence.end;
    const covered = this.pros.some((r) => r.evidence.some((a) => evidence.some((b) => overlaps(a, b))));
    return covered ? this : this.for(text, weight, evidence);
  }

  get hasFor(): boolean {
    return this.pros.length > 0;
  }

  result(summary?: string): RuleResult {
    const total = this.prior + [...this.pros, ...this.cons].reduce((a, r) => a + r.weight, 0);
    const score = Math.round(sigmoid(total) * 1000) / 1000;
    const pros = sameTextOnce([...this.pros].sort((a, b) => b.weight - a.weight));
    const cons = sameTextOnce([...this.cons].sort((a, b) => a.weight - b.weight));
    const explanation =
      summary ??
      (pros.length === 0 && cons.length === 0
        ? 'Nothing pasted or answered speaks for or against this yet.'
        : [
            pros[0] ? `For: ${pros[0].text}` : 'Nothing points to it.',
            cons[0] ? `Against: ${cons[0].text}` : '',
          ]
            .filter(Boolean)
            .join(' '));
    return { id: this.id, type: this.type, score, for: pros, against: cons, explanation };
  }
}

/**
 * Reasons with the same text told once, with the evidence of all of them, in the order of `sorted` (each at
 * the place of its first, strongest, occurrence). A long Schannel export gives one reason per event, 272
 * times "A TLS protocol_version alert (70)..."; the score has already counted each.
 */
function sameTextOnce(sorted: readonly Reason[]): Reason[] {
  const byText = new Map<string, Reason>();
  const out: Reason[] = [];
  for (const r of sorted) {
    const first = byText.get(r.text);
    if (first) {
      for (const e of r.evidence) first.evidence.push(e);
    } else {
      // a new record: the builder's own reasons stay as they were (result() may be asked again)
      const merged = { text: r.text, weight: r.weight, evidence: [...r.evidence] };
      byText.set(r.text, merged);
      out.push(merged);
    }
  }
  return out;
}

export const ev = <T>(s: Signal<T> | undefined): EvidenceRef[] => (s ? s.evidence : []);

/**
 * The evidence of several signals in order, at most `max` records. A loop, not flatMap: flatMap is slow on
 * the thousands of events of a long paste, and a caller that keeps a few records stops early.
 */
export function evidenceOfAll(
  signals: readonly { evidence: readonly EvidenceRef[] }[],
  max = Infinity,
): EvidenceRef[] {
  const out: EvidenceRef[] = [];
  for (const x of signals) {
    for (const e of x.evidence) {
      if (out.length >= max) return out;
      out.push(e);
    }
  }
  return out;
}

/** The family gate every scenario shares: a different error, or a reset after login, is not the article's case. */
export function familyGate(v: Verdict, s: Signals): void {
  if (s.family?.value === 'other-error')
    v.against(
      'The error is a different, recognised problem, not the handshake reset.',
      W.DECISIVE,
      ev(s.family),
    );
  if (s.phase?.value === 'after-login')
    v.against('The connection failed after login, not during the handshake.', W.STRONG, ev(s.phase));
}

export const PRIORS = {
  'tls-protocol-mismatch': -1.2,
  'cipher-suite-mismatch': -2.0,
  'tls-dhe-ciphers': -2.4,
  'weak-certificate-hash': -2.4,
  'dhe-leading-zero': -2.6,
  'tcp-listener-overload': -2.8,
} as const;

/** What the client-error parser read as naming this scenario's cause, unless a rule already counted it. */
export function applyHints(v: Verdict, s: Signals, scenario: ScenarioId): void {
  for (const h of s.hints) {
    if (h.value.scenario !== scenario) continue;
    // 'strong': the message itself names the cause (a JDBC or Go text saying the version was refused)
    v.forUnlessCovered(h.value.why, h.value.strength === 'strong' ? W.DECISIVE : W.WEAK, h.evidence);
  }
}

/** The user's answer to the question whose flow fact is `fact`, when given. */
export const answered = (s: Signals, fact: string): Signal<string> | undefined => s.answerFacts[fact];

export interface AlertSeen {
  alert: number;
  state: number | null;
  /** 'event' = a Schannel 36887/36888 event; 'wire' = an alert in a packet capture */
  seen: 'event' | 'wire';
  evidence: EvidenceRef[];
}

/** TLS alerts from Schannel events (36887 received, 36888 sent) and from captures. */
export function tlsAlerts(s: Signals): AlertSeen[] {
  const out: AlertSeen[] = [];
  for (const e of s.schannelEvents)
    if ((e.value.eventId === 36887 || e.value.eventId === 36888) && e.value.alert !== null)
      out.push({ alert: e.value.alert, state: e.value.state, seen: 'event', evidence: e.evidence });
  for (const a of s.wireAlerts)
    out.push({ alert: a.value.alert, state: null, seen: 'wire', evidence: a.evidence });
  return out;
}
