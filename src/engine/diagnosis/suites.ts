/** Small helpers over cipher-suite names (IANA style as Windows prints them). */

/** Upper-case, trimmed, without the Windows 7/8.1 curve suffix (`_P256`, `_P384`, `_P521`). */
export function normaliseSuite(name: string): string {
  return name
    .trim()
    .toUpperCase()
    .replace(/_P(?:256|384|521)$/, '');
}

export const isDheSuite = (name: string): boolean => normaliseSuite(name).startsWith('TLS_DHE_');

/** The suites of `ordered` (in its order, without duplicates) that `other` also has. */
export function intersect(ordered: readonly string[], other: readonly string[]): string[] {
  const set = new Set(other.map(normaliseSuite));
  const out: string[] = [];
  for (const s of ordered) {
    const n = normaliseSuite(s);
    if (set.has(n) && !out.includes(n)) out.push(n);
  }
  return out;
}
