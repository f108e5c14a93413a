/**
 * Golden check for engine speed work: runs analyzeText + diagnose over every parser fixture, every sample,
 * every item of the shared corpus (when ../shared/corpus exists), the bench's 100 KB and 1 MB pastes of each
 * kind and the bench's adversarial shapes, and stores or compares the JSON results.
 *
 *   npx tsx scripts/perf/golden.ts write [DIR]     store the results (default /tmp/golden; never in the repo:
 *                                                  the corpus results quote texts that must not be committed)
 *   npx tsx scripts/perf/golden.ts check [DIR]     compare with the stored results; lists every case that differs
 *   npx tsx scripts/perf/golden.ts check DIR FILTER   only cases whose name contains FILTER
 *
 * The comparison is of the whole output: parts, facts, evidence spans and texts, problems, and the diagnosis
 * (family, ranking with scores, look-alikes, contradictions, next step, known facts, signals).
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeBytes } from '../../src/engine/input/decode';
import { analyzeText, PARSERS } from '../../src/engine/parsers/index';
import { diagnose, inputFromAnalysis, inputsFromAnalysis } from '../../src/engine/diagnosis/index';
import { SAMPLES } from '../../src/engine/samples/samples';
import type { DiagnosisInput } from '../../src/engine/diagnosis/index';
import { ADVERSARIAL, BENCH_KINDS, benchText } from './inputs';

const [mode = 'check', dir = '/tmp/golden', filter = ''] = process.argv.slice(2);
const CORPUS = '../shared/corpus/real-world-samples.json';

function replacer(_key: string, value: unknown) {
  if (value instanceof Map) return { __map: [...value.entries()] };
  if (value instanceof Set) return { __set: [...value.values()] };
  return value;
}

type Case = { name: string; run: () => Promise<unknown> };
const cases: Case[] = [];

async function one(source: string, text: string) {
  const analysis = await analyzeText(text);
  return { analysis, diagnosis: diagnose(inputsFromAnalysis(source, analysis)) };
}

function walk(root: string): string[] {
  return readdirSync(root).flatMap((f) => {
    const p = join(root, f);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}

for (const root of ['src/engine/parsers/__fixtures__', 'src/engine/diagnosis/__fixtures__']) {
  if (!existsSync(root)) continue;
  for (const file of walk(root).sort()) {
    if (file.endsWith('.json')) continue;
    cases.push({
      name: `fixture:${file}`,
      run: async () => {
        const decoded = decodeBytes(new Uint8Array(readFileSync(file)), file);
        return decoded.type === 'text' ? one(file, decoded.text) : decoded;
      },
    });
  }
}

for (const sample of SAMPLES) {
  cases.push({
    name: `sample:${sample.id}`,
    run: async () => {
      const inputs: DiagnosisInput[] = [];
      const analyses = [];
      for (const input of sample.inputs) {
        const analysis = await analyzeText(input.text);
        analyses.push(analysis);
        inputs.push(...inputsFromAnalysis(input.source, analysis));
      }
      return { analyses, diagnosis: diagnose(inputs, sample.answers ?? {}) };
    },
  });
}

if (existsSync(CORPUS)) {
  const items = JSON.parse(readFileSync(CORPUS, 'utf8')) as Array<{ id: string; text: string }>;
  for (const item of items) cases.push({ name: `corpus:${item.id}`, run: () => one(item.id, item.text) });
}

for (const kind of BENCH_KINDS) {
  for (const [label, bytes] of [
    ['100KB', 100 * 1024],
    ['1MB', 1024 * 1024],
  ] as const) {
    cases.push({
      name: `bench:${kind}:${label}`,
      run: async () => {
        const analysis = await analyzeText(benchText(kind, bytes));
        return { analysis, diagnosis: diagnose([inputFromAnalysis('bench', analysis)]) };
      },
    });
  }
}
cases.push({
  name: 'bench:all-kinds:1MB',
  run: () => one('bench', benchText('*', 1024 * 1024)),
});

for (const parser of PARSERS) {
  for (const [shape, text] of ADVERSARIAL) {
    cases.push({ name: `adversarial:${parser.kind}:${shape}`, run: async () => parser.parse(text) });
  }
}

const file = (name: string) => join(dir, `${name.replace(/[^A-Za-z0-9._-]+/g, '_')}.json`);
mkdirSync(dir, { recursive: true });
let differ = 0;
let missing = 0;
let ran = 0;
for (const c of cases) {
  if (filter && !c.name.includes(filter)) continue;
  ran++;
  const json = JSON.stringify(await c.run(), replacer);
  if (mode === 'write') {
    writeFileSync(file(c.name), json);
    continue;
  }
  if (!existsSync(file(c.name))) {
    missing++;
    console.log(`MISSING  ${c.name}`);
    continue;
  }
  const golden = readFileSync(file(c.name), 'utf8');
  if (golden !== json) {
    differ++;
    let i = 0;
    while (i < golden.length && golden[i] === json[i]) i++;
    console.log(`DIFFERS  ${c.name} at char ${i}:`);
    console.log(`   golden: ${golden.slice(Math.max(0, i - 150), i + 150)}`);
    console.log(`   now:    ${json.slice(Math.max(0, i - 150), i + 150)}`);
    writeFileSync(`${file(c.name)}.now`, json);
  }
}
if (mode === 'write') console.log(`wrote ${ran} cases to ${dir}`);
else {
  console.log(`${ran} cases: ${differ} differ, ${missing} missing`);
  process.exitCode = differ || missing ? 1 : 0;
}
