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
