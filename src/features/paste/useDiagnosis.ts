import { useEffect, useMemo } from 'react';
import { diagnose, inputsFromAnalysis, type Diagnosis, type DiagnosisInput } from '@/engine/diagnosis';
import type { TextAnalysis } from '@/engine/parsers';
import type { PasteInput } from '@/store/pasteStore';
import { useWizardStore } from '@/store/wizardStore';
import { useCaptureDiagnosisInputs } from '@/features/capture';

/**
 * Diagnoses everything pasted together with the wizard's answers, and hands the facts the pastes establish
 * to the wizard, which pre-selects those answers ("from your registry paste").
 */
export function useDiagnosis(
  inputs: PasteInput[],
  analyses: Record<string, TextAnalysis | undefined>,
): {
  diagnosis: Diagnosis | undefined;
  values: Record<string, string>;
  ready: boolean;
  /** the text behind each diagnosis input (evidence offsets point into it) */
  inputTexts: string[];
} {
  const answers = useWizardStore((s) => s.answers);
  const setKnownFacts = useWizardStore((s) => s.setKnownFacts);
  const ready = inputs.every((i) => analyses[i.id] !== undefined);
  const captureInputs = useCaptureDiagnosisInputs();

  const { diagnosis, inputTexts } = useMemo(() => {
    if ((inputs.length === 0 && captureInputs.length === 0) || !ready)
      return { diagnosis: undefined, inputTexts: [] };
    const diagnosisInputs: DiagnosisInput[] = [];
    const texts: string[] = [];
    for (const i of inputs) {
      // A collector paste becomes one input per machine; all of them point into the same text.
      for (const d of inputsFromAnalysis(i.source, analyses[i.id] ?? { parts: [] })) {
        diagnosisInputs.push(d);
        texts.push(i.text);
      }
    }
    // Captures come last; their evidence points at frames and byte offsets, not at pasted text.
    for (const c of captureInputs) {
      diagnosisInputs.push(c);
      texts.push('');
    }
    return { diagnosis: diagnose(diagnosisInputs, answers), inputTexts: texts };
  }, [inputs, analyses, answers, ready, captureInputs]);

  useEffect(() => {
    if (!diagnosis) return;
    setKnownFacts(
      Object.fromEntries(
        Object.entries(diagnosis.knownFacts).map(([fact, known]) => [
          fact,
          { value: known.value, source: known.source },
        ]),
      ),
    );
  }, [diagnosis, setKnownFacts]);

  const values = useMemo(() => {
    const out: Record<string, string> = {};
    const thumbprint =
      diagnosis?.signals.certInUse?.value.thumbprint ?? diagnosis?.signals.errorlogThumbprint?.value;
    if (thumbprint) out.thumbprint = thumbprint;
    return out;
  }, [diagnosis]);

  return { diagnosis, values, ready, inputTexts };
}
