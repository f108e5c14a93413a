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

/** Short names of the kinds, for counts of many parts ("ERRORLOG excerpts: 301"). */
export const KIND_NAMES: Record<ArtifactKind, string> = {
  'client-error': 'client error messages',
  'schannel-protocols': 'SCHANNEL protocol settings',
  'cipher-suites': 'cipher-suite lists',
  certificate: 'certificates',
  errorlog: 'ERRORLOG excerpts',
  'schannel-event': 'Schannel event excerpts',
  'sql-version': 'SQL Server versions',
  'os-version': 'Windows versions',
  'packet-capture': 'packet captures',
  unknown: 'not recognised',
};

export function describePart(kind: ArtifactKind, confidence: Confidence): string {
  if (kind === 'unknown') return 'Not recognised';
  const hedge = confidence === 'high' ? 'This is' : confidence === 'medium' ? 'Looks like' : 'Might be';
  return `${hedge} ${KIND_LABELS[kind]}`;
}
