/**
 * The engine as the app ships it, for the bench's timings: src/engine bundled by esbuild into one ES module,
 * without name-keeping.
 *
 * Why not the sources as tsx runs them: tsx compiles each file with esbuild's keepNames, which wraps every
 * named closure (`const span = () => ...` inside a function) in a `__name()` call, an Object.defineProperty
 * on the new function, each time the closure is created. The production build has no such wrappers; on the
 * 1 MB ERRORLOG paste they were ~5 % of the run (CPU profile: `__name` and its defineProperty).
 *
 * `--sources` (npm run bench -- --sources) times the sources through tsx instead, for comparison.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import type * as EngineEntry from './engine-entry';

export type Engine = typeof EngineEntry;

export async function loadEngine(fromSources = false): Promise<Engine> {
  if (fromSources) return import('./engine-entry');
  const dir = mkdtempSync(join(tmpdir(), 'bench-engine-'));
  const outfile = join(dir, 'engine.mjs');
  await build({
    entryPoints: [fileURLToPath(new URL('./engine-entry.ts', import.meta.url))],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile,
    logLevel: 'error',
  });
  try {
    return (await import(pathToFileURL(outfile).href)) as Engine;
  } finally {
    // once imported the module is in memory: the file is not needed again
    rmSync(dir, { recursive: true, force: true });
  }
}
