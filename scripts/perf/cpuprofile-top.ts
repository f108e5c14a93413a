/**
 * Sums self time per function of a V8 .cpuprofile (node --cpu-prof) and prints the top entries.
 *
 *   npx tsx scripts/perf/cpuprofile-top.ts FILE.cpuprofile [N] [--lines]
 *
 * tsx strips line breaks from what it runs, so for line numbers profile a bundle instead:
 *   npx esbuild ENTRY.ts --bundle --platform=node --format=esm --outfile=/tmp/x.mjs
 *   node --cpu-prof --cpu-prof-dir=/tmp/prof /tmp/x.mjs; ... --lines   (lines of /tmp/x.mjs)
 */
import { readFileSync } from 'node:fs';

interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
  positionTicks?: { line: number; ticks: number }[];
}
const lines = process.argv.includes('--lines');
const [file, n = '40'] = process.argv.slice(2).filter((a) => a !== '--lines');
if (!file) throw new Error('usage: cpuprofile-top.ts FILE [N]');
const profile = JSON.parse(readFileSync(file, 'utf8')) as {
  nodes: Node[];
  samples: number[];
  timeDeltas: number[];
};
const byId = new Map(profile.nodes.map((node) => [node.id, node]));
const self = new Map<string, number>();
let total = 0;
profile.samples.forEach((id, i) => {
  const dt = profile.timeDeltas[i] ?? 0;
  total += dt;
  const f = byId.get(id)!.callFrame;
  const key = `${f.functionName || '(anonymous)'} ${f.url.replace(/^.*\/work\/main\//, '')}:${f.lineNumber + 1}:${f.columnNumber + 1}`;
  self.set(key, (self.get(key) ?? 0) + dt);
});
console.log(`total ${(total / 1000).toFixed(0)} ms`);
for (const [key, us] of [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, Number(n)))
  console.log(
    `${(us / 1000).toFixed(1).padStart(9)} ms ${((100 * us) / total).toFixed(1).padStart(5)}%  ${key}`,
  );

if (lines) {
  // self ticks per source line (V8 records them per function node)
  const perLine = new Map<string, number>();
  let ticks = 0;
  for (const node of profile.nodes) {
    for (const p of node.positionTicks ?? []) {
      const key = `${node.callFrame.functionName || '(anonymous)'} ${node.callFrame.url.replace(/^.*\//, '')}:${p.line}`;
      perLine.set(key, (perLine.get(key) ?? 0) + p.ticks);
      ticks += p.ticks;
    }
  }
  console.log(`\nself ticks by line (${ticks} ticks)`);
  for (const [key, t] of [...perLine.entries()].sort((a, b) => b[1] - a[1]).slice(0, Number(n)))
    console.log(`${String(t).padStart(7)} ${((100 * t) / ticks).toFixed(1).padStart(5)}%  ${key}`);
}
