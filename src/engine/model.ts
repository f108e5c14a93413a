/**
 * The shared vocabulary of the engine: what a parser returns, how it points at evidence, how it
 * reports what it could not read. Pure data, serialisable to JSON (the CLI prints it as is).
 */

export const ARTIFACT_KINDS = [
  'client-error',
  'schannel-protocols',
  'cipher-suites',
  'certificate',
  'errorlog',
  'schannel-event',
  'sql-version',
  'os-version',
  'packet-capture',
  'unknown',
] as const;
export type ArtifactKind = (typeof ARTIFACT_KINDS)[number];

/** A span of the pasted text (offsets into the text the parser was given, end exclusive). */
export interface Span {
  start: number;
  end: number;
}

/** The exact characters that support a fact, and what they mean in plain words. */
export interface Evidence extends Span {
  /** the characters text.slice(start, end), kept so a report can quote them without the paste */
  text: string;
  /** plain-language meaning, e.g. "The server reset the connection during the pre-login handshake." */
  meaning: string;
  /** the fact this supports, as a dotted path into `facts` (e.g. "phase", "protocols.TLS 1.2.server") */
  fact?: string;
}

export type ProblemSeverity = 'error' | 'warning' | 'info';

/** Something a parser could not read, or read with doubt. Never thrown: returned. */
export interface Problem extends Partial<Span> {
  /** stable machine code, e.g. "truncated-pem", "unknown-protocol-key" */
  code: string;
  severity: ProblemSeverity;
  /** says what was expected, in plain words */
  message: string;
}

/** What every parser returns. Facts are per kind (see each parser's *Facts type). */
export interface ParseResult<K extends ArtifactKind = ArtifactKind, F = Record<string, unknown>> {
  kind: K;
  facts: F;
  evidence: Evidence[];
  problems: Problem[];
}

/** How sure detection is that a part of a paste is of a kind. */
export type Confidence = 'high' | 'medium' | 'low';

/** Builds an Evidence record from a span of `text`. */
export function evidenceAt(
  text: string,
  start: number,
  end: number,
  meaning: string,
  fact?: string,
): Evidence {
  const s = Math.max(0, Math.min(start, text.length));
  const e = Math.max(s, Math.min(end, text.length));
  return fact === undefined
    ? { start: s, end: e, text: text.slice(s, e), meaning }
    : { start: s, end: e, text: text.slice(s, e), meaning, fact };
}
