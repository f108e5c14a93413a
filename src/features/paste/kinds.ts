import type { ArtifactKind, Confidence } from '@/engine/model';

/** How each artifact kind is named to the user ("Looks like ..."). */
export const KIND_LABELS: Record<ArtifactKind, string> = {
  'client-error': 'a client error message',
  'schannel-protocols': 'SCHANNEL protocol settings from the registry',
  'cipher-suites': 'a cipher-suite list',
  certificate: 'a certificate',
  errorlog: 'SQL Server ERRORLOG lines',
  'schannel-event': 'Schannel events from the System log',
  'sql-version': 'a SQL Server version (@@VERSION)',
  'os-version': 'a Windows version',
  'packet-capture': 'a packet capture',
  unknown: 'something we do not recognise',
};

export function describePart(kind: ArtifactKind, confidence: Confidence): string {
  if (kind === 'unknown') return 'Not recognised';
  const hedge = confidence === 'high' ? 'This is' : confidence === 'medium' ? 'Looks like' : 'Might be';
  return `${hedge} ${KIND_LABELS[kind]}`;
}
