/**
 * Public API of the diagnosis (used by the paste/verdict pages, the wizard and the CLI).
 *
 *   const analysis = await analyzeText(text);                       // parsers/index.ts
 *   const input = inputFromAnalysis('Paste 1', analysis);          // one per paste or file
 *   const d = diagnose([input, ...], answers, { flow });            // Diagnosis
 */
import type { ArtifactKind, ParseResult } from '../model';
import { analyzeText, type TextAnalysis } from '../parsers/index';
import { arr, at, isObj, str } from './read';
import type { DiagnosisInput, Side } from './types';

export { diagnose, levelOf, type DiagnoseOptions } from './diagnose';
export { collectSignals } from './signals';
export { RULES, SCENARIO_RULES, LOOK_ALIKE_RULES } from './rules';
export { sourceText } from './answers';
export type * from './types';

/** A DiagnosisInput from analyzeText()'s result. */
export function inputFromAnalysis(source: string, analysis: TextAnalysis, side?: Side): DiagnosisInput {
  return {
    source,
    artifacts: analysis.parts.map((p) => p.result),
    ...(side ? { side } : {}),
  };
}

/**
 * DiagnosisInputs from one paste. A paste of collector output holds sections from known machines: its parts
 * are grouped per machine and side ("Paste 1 (SQL01, server)"), so that the diagnosis knows which registry
 * dump and cipher list belongs to the client and which to the server. Any other paste gives one input.
 */
export function inputsFromAnalysis(source: string, analysis: TextAnalysis, side?: Side): DiagnosisInput[] {
  if (!analysis.collector) return [inputFromAnalysis(source, analysis, side)];
  const groups = new Map<
    string,
    { machine: string | null; side: Side | undefined; parts: TextAnalysis['parts'] }
  >();
  for (const part of analysis.parts) {
    const partSide = part.side === 'server' || part.side === 'client' ? part.side : side;
    const key = `${part.machine ?? ''}|${partSide ?? ''}`;
    const group = groups.get(key) ?? { machine: part.machine ?? null, side: partSide, parts: [] };
    group.parts.push(part);
    groups.set(key, group);
  }
  return [...groups.values()].map((g) => {
    const label = [g.machine, g.side].filter(Boolean).join(', ');
    return {
      source: label ? `${source} (${label})` : source,
      artifacts: g.parts.map((p) => p.result),
      ...(g.side ? { side: g.side } : {}),
    };
  });
}

/** The distinct leaf certificates (PEM) that the packet captures of an input saw the server send. */
function captureLeafPems(input: DiagnosisInput): string[] {
  const out: string[] = [];
  for (const artifact of input.artifacts ?? []) {
    if (!artifact || artifact.kind !== 'packet-capture' || !isObj(artifact.facts)) continue;
    for (const c of arr(at(artifact.facts, 'connections')) ?? []) {
      const pem = str(at(c, 'certificate.leafPem'));
      if (pem && !out.includes(pem)) out.push(pem);
    }
  }
  return out;
}

/**
 * The inputs, with the server certificates that their packet captures carry parsed and appended as
 * `certificate` artifacts (diagnose() is synchronous and cannot parse them itself), so that the weak
 * certificate hash scenario can be judged from a capture alone. Each distinct certificate is parsed once.
 * The appended artifacts' evidence quotes the certificate's PEM text (a capture has no text of its own).
 * Inputs without a certificate in a capture are returned unchanged; the inputs are never modified.
 */
export async function withCaptureCertificates(inputs: DiagnosisInput[]): Promise<DiagnosisInput[]> {
  const parsed = new Map<string, Array<ParseResult<ArtifactKind, object>>>();
  const out: DiagnosisInput[] = [];
  for (const input of inputs) {
    const pems = captureLeafPems(input);
    if (pems.length === 0) {
      out.push(input);
      continue;
    }
    const added: Array<ParseResult<ArtifactKind, object>> = [];
    for (const pem of pems) {
      let certs = parsed.get(pem);
      if (!certs) {
        try {
          const analysis = await analyzeText(pem);
          certs = analysis.parts.map((p) => p.result).filter((r) => r.kind === 'certificate');
        } catch {
          certs = [];
        }
        parsed.set(pem, certs);
      }
      added.push(...certs);
    }
    out.push(added.length ? { ...input, artifacts: [...input.artifacts, ...added] } : input);
  }
  return out;
}
