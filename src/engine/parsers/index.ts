/**
 * The ordered parser registry and analyzeText(): detect the parts of a paste, parse each with its
 * parser, and report evidence and problems with offsets into the whole paste.
 *
 * Order matters only for ties in sniff scores: the earlier parser wins.
 */
import type { ArtifactKind, Confidence, Evidence, ParseResult, Problem } from '../model';
import { certificateParser } from './certificate';
import { cipherSuitesParser } from './cipher-suites';
import { clientErrorParser } from './client-error';
import { errorlogParser } from './errorlog';
import { schannelEventParser } from './schannel-event';
import { osVersionParser } from './os-version';
import { schannelProtocolsParser } from './schannel-protocols';
import { sqlVersionParser } from './sql-version';
import { isCollectorOutput, parseCollectorOutput } from './collector';
import { detect, type AnyParser, type DetectedPart } from './detect';

export const PARSERS: readonly AnyParser[] = [
  clientErrorParser,
  errorlogParser,
  schannelEventParser,
  schannelProtocolsParser,
  cipherSuitesParser,
  certificateParser,
  sqlVersionParser,
  osVersionParser,
];

export { detect };
export type { AnyParser, DetectedPart };

export interface AnalyzedPart {
  kind: ArtifactKind;
  confidence: Confidence;
  score: number;
  start: number;
  end: number;
  /** offsets in evidence and problems are into the whole paste */
  result: ParseResult<ArtifactKind, object>;
  /** for parts of collector output: the machine it ran on, and whether that machine is the client or the server */
  machine?: string | null;
  side?: 'server' | 'client' | 'unknown';
  /** the collector section the part came from */
  section?: string;
}

export interface TextAnalysis {
  parts: AnalyzedPart[];
  /** set when the paste is the output of the app's collector script */
  collector?: {
    machines: { machine: string | null; side: 'server' | 'client' | 'unknown' }[];
    problems: Problem[];
  };
}

export interface AnalyzeOptions {
  parsers?: readonly AnyParser[];
}

const UNKNOWN_MESSAGE =
  'Could not tell what this part is. The app reads: client error messages, ERRORLOG lines, Schannel System-log events, SCHANNEL Protocols registry dumps (reg query, .reg, PowerShell), cipher-suite lists (Get-TlsCipherSuite, Functions), certificates (PEM, certutil, PowerShell, openssl), SELECT @@VERSION and Windows version output.';

function unknownResult(text: string, part: DetectedPart): ParseResult<ArtifactKind, object> {
  return {
    kind: 'unknown',
    facts: {},
    evidence: [],
    problems: [
      {
        code: 'unrecognized-part',
        severity: 'info',
        message: UNKNOWN_MESSAGE,
        start: part.start,
        end: Math.min(part.end, text.length),
      },
    ],
  };
}

/** Shifts a span from part-relative to paste-relative offsets and keeps it inside the part. */
function shiftSpan(start: number, end: number, part: DetectedPart): [number, number] {
  const s = Math.max(part.start, Math.min(part.end, part.start + (Number.isFinite(start) ? start : 0)));
  const e = Math.max(s, Math.min(part.end, part.start + (Number.isFinite(end) ? end : 0)));
  return [s, e];
}

function shiftResult(
  text: string,
  part: DetectedPart,
  result: ParseResult<ArtifactKind, object>,
): ParseResult<ArtifactKind, object> {
  // built field by field, not spread: a long paste has thousands of evidence records, and spread copies
  // are slow dictionary-mode objects that every later reader (the diagnosis) pays for again
  const evidence: Evidence[] = (Array.isArray(result.evidence) ? result.evidence : []).map((ev) => {
    const [start, end] = shiftSpan(ev.start, ev.end, part);
    const out: Evidence = { start, end, text: text.slice(start, end), meaning: ev.meaning };
    if (ev.fact !== undefined) out.fact = ev.fact;
    return out;
  });
  const problems: Problem[] = (Array.isArray(result.problems) ? result.problems : []).map((p) => {
    if (p.start === undefined && p.end === undefined) return p;
    const [start, end] = shiftSpan(p.start ?? 0, p.end ?? p.start ?? 0, part);
    return { ...p, start, end };
  });
  return { kind: result.kind, facts: result.facts ?? {}, evidence, problems };
}

/** Detects the parts of a paste and parses each; never throws. */
export async function analyzeText(text: string, options: AnalyzeOptions = {}): Promise<TextAnalysis> {
  const parsers = options.parsers ?? PARSERS;
  const input = typeof text === 'string' ? text : '';
  // The collector's output is one block of labelled sections: each section goes to its own parser and
  // keeps the machine and side it describes.
  if (!options.parsers && isCollectorOutput(input)) {
    const c = await parseCollectorOutput(input);
    return {
      parts: c.parts.map((p) => ({
        kind: p.kind,
        confidence: 'high' as const,
        score: 1,
        start: p.start,
        end: p.end,
        result: p.result,
        machine: p.machine,
        side: p.side,
        section: p.section.id,
      })),
      collector: {
        machines: c.facts.map((f) => ({ machine: f.machine, side: f.side })),
        problems: c.problems,
      },
    };
  }
  const parts: AnalyzedPart[] = [];
  for (const part of detect(input, parsers)) {
    const parser = parsers.find((p) => p.kind === part.kind);
    let result: ParseResult<ArtifactKind, object>;
    if (!parser) result = unknownResult(input, part);
    else {
      try {
        result = shiftResult(input, part, await parser.parse(input.slice(part.start, part.end)));
      } catch (error) {
        result = {
          kind: part.kind,
          facts: {},
          evidence: [],
          problems: [
            {
              code: 'parser-failed',
              severity: 'error',
              message: `This part could not be read (${error instanceof Error ? error.message : 'unknown error'}).`,
              start: part.start,
              end: part.end,
            },
          ],
        };
      }
    }
    parts.push({
      kind: part.kind,
      confidence: part.confidence,
      score: part.score,
      start: part.start,
      end: part.end,
      result,
    });
  }
  return { parts };
}
