/**
 * Public API of the diagnosis (used by the paste/verdict pages, the wizard and the CLI).
 *
 *   const analysis = await analyzeText(text);                       // parsers/index.ts
 *   const input = inputFromAnalysis('Paste 1', analysis);          // one per paste or file
 *   const d = diagnose([input, ...], answers, { flow });            // Diagnosis
 */
import type { TextAnalysis } from '../parsers/index';
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
