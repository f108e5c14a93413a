/**
 * Where the time of "parse + diagnose a paste" goes, per kind: the bench's pastes (scripts/perf/inputs.ts)
 * timed as detect / parse (split by the parser of each detected part) / the rest of analyzeText (shifting
 * offsets to the whole paste) / collectSignals / the rest of diagnose. Medians of several runs.
 *
 *   npx tsx scripts/perf/parse-profile.ts                  1 MB of every kind
 *   npx tsx scripts/perf/parse-profile.ts --size 100KB     100KB, 1MB or 10MB
 *   npx tsx scripts/perf/parse-profile.ts --kind errorlog  one kind ('*' = all kinds' fixtures in one paste)
 *   npx tsx scripts/perf/parse-profile.ts --runs 9
 *   npx tsx scripts/perf/parse-profile.ts --min            each column's fastest run instead of the median
 *   npx tsx scripts/perf/parse-profile.ts --cpu            CPU time of this process instead of wall time
 *                                                          (steadier when other work loads the machine)
 *
 * For a CPU profile of one kind: node --import tsx --cpu-prof --cpu-prof-dir=/tmp/prof
 * scripts/perf/parse-profile.ts --kind errorlog, then npx tsx scripts/perf/cpuprofile-top.ts /tmp/prof/<file>.
 */
import { loadavg } from 'node:os';
import { analyzeText, detect, PARSERS } from '../../src/engine/parsers/index';
import { collectSignals, diagnose, inputFromAnalysis } from '../../src/engine/diagnosis/index';
import { BENCH_KINDS, benchText } from './inputs';

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
}
const SIZES: Record<string, number> = { '100KB': 100 * 1024, '1MB': 1024 * 1024, '10MB': 10 * 1024 * 1024 };
const sizeLabel = arg('size', '1MB');
const bytes = SIZES[sizeLabel] ?? 1024 * 1024;
const runs = Number(arg('runs', bytes >= SIZES['10MB']! ? '1' : '5'));
const kinds = process.argv.includes('--kind') ? [arg('kind', '*')] : [...BENCH_KINDS];

const cpu = process.argv.includes('--cpu');
/** milliseconds: wall time, or with --cpu the CPU time of this process (all its threads) */
function now(): number {
  if (!cpu) return performance.now();
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
/** with --min: the fastest run (the best estimate of the cost on a loaded machine) instead of the median */
const pick = process.argv.includes('--min') ? (xs: number[]) => Math.min(...xs) : median;
const ms = (x: number) => x.toFixed(1).padStart(7);

interface Sample {
  detect: number;
  parse: Map<string, number>;
  shift: number;
  signals: number;
  rules: number;
  total: number;
  parts: number;
  evidence: number;
}

async function once(text: string): Promise<Sample> {
  let t = now();
  const parts = detect(text);
  const tDetect = now() - t;
  const parse = new Map<string, number>();
  for (const part of parts) {
    const parser = PARSERS.find((p) => p.kind === part.kind);
    if (!parser) continue;
    t = now();
    await parser.parse(text.slice(part.start, part.end));
    parse.set(part.kind, (parse.get(part.kind) ?? 0) + now() - t);
  }
  const tParse = [...parse.values()].reduce((a, b) => a + b, 0);
  t = now();
  const analysis = await analyzeText(text);
  const tAnalyze = now() - t;
  const input = inputFromAnalysis('bench', analysis);
  t = now();
  collectSignals([input], {});
  const tSignals = now() - t;
  t = now();
  diagnose([input]);
  const tDiagnose = now() - t;
  return {
    detect: tDetect,
    parse,
    shift: Math.max(0, tAnalyze - tDetect - tParse),
    signals: tSignals,
    rules: Math.max(0, tDiagnose - tSignals),
    total: tAnalyze + tDiagnose,
    parts: analysis.parts.length,
    evidence: analysis.parts.reduce((n, p) => n + p.result.evidence.length, 0),
  };
}

console.log(
  `${sizeLabel}, ${cpu ? 'CPU' : 'wall'} time in ms, ${pick === median ? 'median' : 'fastest'} of ${runs} runs; load average ${loadavg()
    .map((x) => x.toFixed(2))
    .join(' ')}`,
);
console.log(
  `${'kind'.padEnd(20)}${'total'.padStart(7)}${'detect'.padStart(7)}${'parse'.padStart(7)}${'shift'.padStart(7)}${'signal'.padStart(7)}${'rules'.padStart(7)}  parts evidence  parse by kind`,
);
for (const kind of kinds) {
  const text = benchText(kind, bytes);
  await once(text); // warm-up
  const samples: Sample[] = [];
  for (let i = 0; i < runs; i++) samples.push(await once(text));
  const m = (f: (s: Sample) => number) => pick(samples.map(f));
  const parseKinds = [...new Set(samples.flatMap((s) => [...s.parse.keys()]))];
  const byKind = parseKinds.map((k) => `${k} ${m((s) => s.parse.get(k) ?? 0).toFixed(1)}`).join(', ');
  console.log(
    `${kind.padEnd(20)}${ms(m((s) => s.total))}${ms(m((s) => s.detect))}${ms(
      m((s) => [...s.parse.values()].reduce((a, b) => a + b, 0)),
    )}${ms(m((s) => s.shift))}${ms(m((s) => s.signals))}${ms(m((s) => s.rules))}  ${String(
      samples[0]!.parts,
    ).padStart(5)} ${String(samples[0]!.evidence).padStart(8)}  ${byKind}`,
  );
}
