import { useEffect, useMemo } from 'react';
import { diagnose, inputFromAnalysis, type Diagnosis, type DiagnosisInput } from '@/engine/diagnosis';
import type { TextAnalysis } from '@/engine/parsers';
import type { PasteInput } from '@/store/pasteStore';
import { useWizardStore } from '@/store/wizardStore';

/**
 * Diagnoses everything pasted together with the wizard's answers, and hands the facts the pastes establish
 * to the wizard, which pre-selects those answers ("from your registry paste").
 */
export function useDiagnosis(
  inputs: PasteInput[],
  analyses: Record<string, TextAnalysis | undefined>,
): { diagnosis: Diagnosis | undefined; values: Record<string, string>; ready: boolean } {
  const answers = useWizardStore((s) => s.answers);
  const setKnownFacts = useWizardStore((s) => s.setKnownFacts);
  const ready = inputs.every((i) => analyses[i.id] !== undefined);

  const diagnosis = useMemo(() => {
    if (inputs.length === 0 || !ready) return undefined;
    const diagnosisInputs: DiagnosisInput[] = inputs.map((i) =>
      inputFromAnalysis(i.source, analyses[i.id] ?? { parts: [] }),
    );
    return diagnose(diagnosisInputs, answers);
  }, [inputs, analyses, answers, ready]);

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

  return { diagnosis, values, ready };
}
