/**
 * Runs the shared real-world corpus (../shared/corpus or /work/shared/corpus, never committed) through the
 * same engine as the app and the CLI, and prints family accuracy, top-scenario accuracy where an item
 * expects one, and every miss with the reason. Usage: npx tsx scripts/validate-corpus-diagnosis.ts
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { diagnose, inputFromAnalysis } from '../src/engine/diagnosis/index';
import { analyzeText } from '../src/engine/parsers/index';

interface Item {
  id: string;
  kind: string;
  text: string;
  expect?: { family?: string; topScenario?: string };
}

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const candidates = [resolve(root, '../shared/corpus'), '/work/shared/corpus'];
const dir = candidates.find((d) => existsSync(join(d, 'real-world-samples.json')));
if (!dir) {
  console.log(`No corpus found (looked in ${candidates.join(', ')}); nothing to validate.`);
  process.exit(0);
}
const items = JSON.parse(readFileSync(join(dir, 'real-world-samples.json'), 'utf8')) as Item[];

let famTotal = 0;
let famOk = 0;
let topTotal = 0;
let topOk = 0;
const misses: string[] = [];
const byKind = new Map<string, { n: number; top: Map<string, number> }>();

for (const item of items) {
  const analysis = await analyzeText(item.text);
  const d = diagnose([inputFromAnalysis(item.id, analysis)]);
  const top = d.ranked[0]!;
  const k = byKind.get(item.kind) ?? { n: 0, top: new Map() };
  k.n++;
  const label =
    d.family === 'other-error'
      ? `other-error:${d.otherError ?? '?'}`
      : `${d.family}:${top.scenario}(${top.confidence})`;
  k.top.set(label, (k.top.get(label) ?? 0) + 1);
  byKind.set(item.kind, k);
  const want = item.expect;
  if (!want) continue;
  if (want.family) {
    famTotal++;
    if (d.family === want.family) famOk++;
    else
      misses.push(
        `${item.id}: family ${d.family}${d.otherError ? ` (${d.otherError})` : ''}, expected ${want.family}; parts: ${analysis.parts.map((p) => p.kind).join(', ') || 'none'}; ` +
          (analysis.parts.some((p) => p.kind === 'client-error')
            ? `the client-error parser read family "${String((analysis.parts.find((p) => p.kind === 'client-error')!.result.facts as { family?: unknown }).family)}"`
            : 'no part was read as a client error'),
      );
  }
  if (want.topScenario) {
    topTotal++;
    if (top.scenario === want.topScenario && d.family !== 'other-error') topOk++;
    else
      misses.push(
        `${item.id}: top scenario ${top.scenario} (${top.score}), expected ${want.topScenario}; ${top.explanation}`,
      );
  }
}

const pct = (a: number, b: number) => (b === 0 ? 'n/a' : `${a}/${b} (${Math.round((100 * a) / b)}%)`);
console.log(`Corpus: ${dir} (${items.length} items)`);
console.log(`Family accuracy:       ${pct(famOk, famTotal)}`);
console.log(`Top-scenario accuracy: ${pct(topOk, topTotal)}`);
console.log('\nVerdicts per item kind:');
for (const [kind, k] of byKind)
  console.log(`  ${kind} (${k.n}): ${[...k.top].map(([l, n]) => `${l} x${n}`).join(', ')}`);
console.log(misses.length ? `\nMisses (${misses.length}):\n  ${misses.join('\n  ')}` : '\nNo misses.');
