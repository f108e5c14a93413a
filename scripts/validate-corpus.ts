/**
 * Runs every item of the shared real-world corpus through analyzeText() and prints a table: expected kind
 * vs kinds found, and for client errors expected family vs found family, then the totals.
 *
 *   npx tsx scripts/validate-corpus.ts [--verbose]
 *
 * The corpus lives outside the project (/work/shared/corpus or ../shared/corpus from the project root, or
 * CORPUS_DIR). Its texts are never copied into the project, and this script prints only ids and verdicts.
 * When the folder is missing it prints one line and exits 0.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ArtifactKind } from '../src/engine/model';
import { analyzeText } from '../src/engine/parsers/index';

interface CorpusItem {
  id: string;
  kind: string;
  text: string;
  expect?: { family?: string; topScenario?: string };
}

/** Corpus kind names -> the engine's artifact kinds. */
export const CORPUS_KIND: Record<string, ArtifactKind> = {
  client_error: 'client-error',
  errorlog: 'errorlog',
  cert_pem: 'certificate',
  certutil: 'certificate',
  certificate: 'certificate',
  schannel_event: 'schannel-event',
  version: 'sql-version',
  sql_version: 'sql-version',
  os_version: 'os-version',
  cipher_list: 'cipher-suites',
  reg_protocols: 'schannel-protocols',
  packet_decode: 'packet-capture',
};

export const toArtifactKind = (kind: string): string => CORPUS_KIND[kind] ?? kind.replace(/_/g, '-');

function findCorpus(): string | null {
  const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
  const candidates = [
    process.env.CORPUS_DIR,
    '/work/shared/corpus',
    resolve(root, '../shared/corpus'),
    resolve(root, '../../shared/corpus'),
  ].filter((c): c is string => typeof c === 'string' && c.length > 0);
  for (const dir of candidates) if (existsSync(join(dir, 'real-world-samples.json'))) return dir;
  return null;
}

const pad = (s: string, n: number) => (s.length >= n ? s.slice(0, n) : s + ' '.repeat(n - s.length));
const pct = (a: number, b: number) => (b === 0 ? 'n/a' : `${((100 * a) / b).toFixed(1)}%`);

async function main(): Promise<void> {
  const dir = findCorpus();
  if (!dir) {
    console.log('validate-corpus: no corpus folder (../shared/corpus) found; nothing to validate.');
    return;
  }
  const verbose = process.argv.includes('--verbose');
  const items = JSON.parse(readFileSync(join(dir, 'real-world-samples.json'), 'utf8')) as CorpusItem[];
  let kindHits = 0;
  let kindStrict = 0;
  let familyTotal = 0;
  let familyHits = 0;
  const t0 = performance.now();
  console.log(
    `${pad('id', 9)} ${pad('expected kind', 19)} ${pad('kinds found', 34)} ${pad('ok', 3)} ${pad('expected family', 17)} ${pad('found family', 17)} ok`,
  );
  console.log('-'.repeat(110));
  const misses: string[] = [];
  for (const item of items) {
    const expectedKind = toArtifactKind(item.kind);
    const { parts } = await analyzeText(item.text);
    const found = parts.map((p) => p.kind);
    const foundKinds = [...new Set(found)];
    const kindOk = foundKinds.includes(expectedKind as ArtifactKind);
    const strictOk = foundKinds.length === 1 && foundKinds[0] === expectedKind;
    if (kindOk) kindHits++;
    if (strictOk) kindStrict++;
    let famExpected = '';
    let famFound = '';
    let famMark = '';
    if (expectedKind === 'client-error' && item.expect?.family) {
      familyTotal++;
      famExpected = item.expect.family;
      const client = parts.find((p) => p.kind === 'client-error');
      const family = (client?.result.facts as { family?: unknown } | undefined)?.family;
      famFound = typeof family === 'string' ? family : client ? '(none)' : '(no part)';
      const ok = famFound === famExpected;
      if (ok) familyHits++;
      famMark = ok ? 'y' : 'N';
    }
    if (!kindOk || famMark === 'N') misses.push(item.id);
    const foundLabel =
      parts.length === 0 ? '(nothing)' : found.map((k, i) => `${k}:${parts[i]!.confidence[0]}`).join(',');
    console.log(
      `${pad(item.id, 9)} ${pad(expectedKind, 19)} ${pad(foundLabel, 34)} ${pad(strictOk ? 'y' : kindOk ? '~' : 'N', 3)} ${pad(famExpected, 17)} ${pad(famFound, 17)} ${famMark}`,
    );
    if (verbose) {
      for (const part of parts) {
        for (const p of part.result.problems)
          console.log(`          ${part.kind} problem ${p.code}: ${p.message.slice(0, 90)}`);
      }
    }
  }
  const ms = performance.now() - t0;
  console.log('-'.repeat(110));
  console.log(
    `kind accuracy: ${kindHits}/${items.length} (${pct(kindHits, items.length)}) expected kind among the parts found; ${kindStrict}/${items.length} (${pct(kindStrict, items.length)}) found as the only kind`,
  );
  console.log(
    `family accuracy (client errors): ${familyHits}/${familyTotal} (${pct(familyHits, familyTotal)})`,
  );
  console.log(`misses: ${misses.length ? misses.join(' ') : 'none'}`);
  console.log(
    `analyzed ${items.length} items in ${ms.toFixed(0)} ms (legend: y = only kind, ~ = among kinds, N = missing; confidence h/m/l)`,
  );
}

main().catch((error: unknown) => {
  console.error('validate-corpus failed:', error);
  process.exitCode = 1;
});
