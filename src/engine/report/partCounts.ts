import type { ArtifactKind } from '../model';

/** Short plural names of the kinds, for counts of many parts ("ERRORLOG excerpts: 301"). */
export const KIND_COUNT_NAMES: Record<ArtifactKind, string> = {
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

/**
 * "ERRORLOG excerpts: 301; SQL Server versions: 300" for a paste of many parts, most frequent first (ties in
 * the order the kinds first appear). The paste page and `npm run analyze` both say it above a shortened list.
 */
export function partCounts(parts: ReadonlyArray<{ kind: ArtifactKind; section?: string }>): string {
  const counts = new Map<string, number>();
  for (const p of parts) {
    // a section of the collector's output that no parser reads is read by the collector itself
    const name =
      p.kind === 'unknown' && p.section
        ? 'sections read by the collector'
        : (KIND_COUNT_NAMES[p.kind] ?? p.kind);
    counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  return [...counts]
    .sort((a, b) => b[1] - a[1])
    .map(([name, n]) => `${name}: ${n.toLocaleString('en-US')}`)
    .join('; ');
}
