/**
 * The small pieces the paste page needs to hand captures to this feature and their facts to the diagnosis.
 */
import {
  withCaptureCertificates,
  type Diagnosis,
  type DiagnosisInput,
  type Signal,
} from '@/engine/diagnosis';
import { useEffect, useMemo, useState } from 'react';
import { useCaptureStore, type CaptureEntry } from './captureStore';

export interface PastedCipherList {
  /** where the list came from, e.g. "Paste 2" */
  source: string;
  side: 'client' | 'server' | 'unknown';
  suites: string[];
}

const CAPTURE_EXTENSIONS = ['.pcap', '.pcapng', '.cap'];

const startsWith = (b: Uint8Array, ...sig: number[]) => sig.every((v, i) => b[i] === v);

/**
 * True for a file that belongs to the capture reader: a pcap or pcapng by its first bytes, or by its name
 * (.pcap, .pcapng, .cap), so that a damaged capture gets the reader's clear message rather than "binary file".
 * Reads only the first 4 bytes.
 */
export async function isCaptureFile(file: File): Promise<boolean> {
  const lower = file.name.toLowerCase();
  if (CAPTURE_EXTENSIONS.some((e) => lower.endsWith(e))) return true;
  const head = new Uint8Array(await file.slice(0, 4).arrayBuffer());
  return (
    startsWith(head, 0xd4, 0xc3, 0xb2, 0xa1) ||
    startsWith(head, 0xa1, 0xb2, 0xc3, 0xd4) ||
    startsWith(head, 0x4d, 0x3c, 0xb2, 0xa1) ||
    startsWith(head, 0xa1, 0xb2, 0x3c, 0x4d) ||
    startsWith(head, 0x0a, 0x0d, 0x0d, 0x0a)
  );
}

/** Finished captures as diagnosis inputs (one per file, its `packet-capture` facts as the only artifact). */
export function captureDiagnosisInputs(captures: readonly CaptureEntry[]): DiagnosisInput[] {
  const out: DiagnosisInput[] = [];
  for (const c of captures) {
    if (c.status === 'done' && c.result && c.result.facts.connections.length > 0)
      out.push({ source: c.name, artifacts: [c.result] });
  }
  return out;
}

/** The cipher-suite lists the user pasted (not those read from a capture), with their side when known. */
export function cipherListsFrom(diagnosis: Diagnosis | undefined): PastedCipherList[] {
  if (!diagnosis) return [];
  const s = diagnosis.signals;
  const out: PastedCipherList[] = [];
  const add = (signal: Signal<string[]> | undefined, side: PastedCipherList['side']) => {
    if (!signal || signal.value.length === 0) return;
    const pasted = signal.evidence.find((e) => e.from === 'paste' && e.kind === 'cipher-suites');
    if (!pasted) return;
    out.push({ source: pasted.source, side, suites: signal.value });
  };
  add(s.serverSuites, 'server');
  add(s.clientSuites, 'client');
  add(s.unknownSideSuites, 'unknown');
  return out;
}

/**
 * Finished captures as diagnosis inputs, with the server certificates they carry parsed (so a weak
 * signature hash seen on the wire counts); the same array until a capture finishes or is removed.
 */
export function useCaptureDiagnosisInputs(): DiagnosisInput[] {
  const key = useCaptureStore((s) =>
    s.captures
      .filter((c) => c.status === 'done')
      .map((c) => c.id)
      .join(','),
  );
  const [withCertificates, setWithCertificates] = useState<{ key: string; inputs: DiagnosisInput[] }>({
    key: '',
    inputs: [],
  });
  useEffect(() => {
    if (key === '') return;
    let alive = true;
    void withCaptureCertificates(captureDiagnosisInputs(useCaptureStore.getState().captures)).then(
      (inputs) => {
        if (alive) setWithCertificates({ key, inputs });
      },
    );
    return () => {
      alive = false;
    };
  }, [key]);
  return useMemo(
    () => (key === '' ? [] : withCertificates.key === key ? withCertificates.inputs : []),
    [key, withCertificates],
  );
}
