/**
 * The bench's own sequence for one kind, in a fresh process, with every timed run printed: 1 KB (1 + 5 runs),
 * 100 KB (1 + 5), then 1 MB (1 + 7, the budgeted row's median). Shows how much of the 1 MB row is JIT warm-up:
 * if the first timed runs are far slower than the last, V8 is still compiling (see --trace-opt / --trace-deopt).
 *
 *   npx tsx scripts/perf/warmup.ts --kind errorlog [--extra 8]   (--extra: more 1 MB runs after the bench's 7)
 *   node --import tsx --trace-opt --trace-deopt scripts/perf/warmup.ts --kind errorlog
 */
import { analyzeText } from '../../src/engine/parsers/index';
import { diagnose, inputFromAnalysis } from '../../src/engine/diagnosis/index';
import { benchText } from './inputs';

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
}
const kind = arg('kind', 'errorlog');
const extra = Number(arg('extra', '0'));
const onlyLarge = process.argv.includes('--only-1mb');
/** --marks: a line before each timed run, to place V8's --trace-opt / --trace-deopt output among the runs */
const marks = process.argv.includes('--marks');
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function once(text: string): Promise<number> {
  const t0 = performance.now();
  const analysis = await analyzeText(text);
  diagnose([inputFromAnalysis('bench', analysis)]);
  return performance.now() - t0;
}

for (const [label, bytes, runs] of [
  ['1 KB', 1024, 5],
  ['100 KB', 100 * 1024, 5],
  ['1 MB', 1024 * 1024, 7 + extra],
] as const) {
  if (onlyLarge && bytes < 1024 * 1024) continue;
  const text = benchText(kind, bytes);
  const times: number[] = [];
  const warm = await once(text);
  for (let i = 0; i < runs; i++) {
    if (marks) console.log(`-- ${label} run ${i + 1}`);
    times.push(await once(text));
  }
  const benchRuns = times.slice(0, label === '1 MB' ? 7 : runs);
  console.log(
    `${kind} ${label}: warm-up ${warm.toFixed(1)}, runs ${times.map((t) => t.toFixed(0)).join(' ')}; bench median ${median(benchRuns).toFixed(1)} ms`,
  );
}
