/**
 * Bytes the browser downloads: the first screen (entry script, its static imports, CSS, the colour-scheme
 * script) split into JS and CSS, gzip and brotli, and the lazy chunks of certificate decoding and capture
 * analysis, which must stay out of the first screen (design.md §6).
 */
import { FIRST_SCREEN_GZIP_BUDGET, measureBundle } from '../bundle-size.mjs';
import type { Row } from './types';

const kb = (n: number) => n / 1024;

/** Lazy chunks that must never be part of the first screen, by file-name prefix. */
const MUST_BE_LAZY: [string, RegExp][] = [
  ['certificate (X.509 decoder)', /^certificate-x509-/],
  ['capture (analysis in the page)', /^capture-/],
  ['capture (Web Worker)', /^worker-/],
];

export function bytesRows(dist = 'dist'): Row[] {
  const bundle = measureBundle(dist);
  const rows: Row[] = [];
  const sum = (ext: string, key: 'gzip' | 'brotli') =>
    bundle.firstFiles.filter((f) => f.file.endsWith(ext)).reduce((a, f) => a + f[key], 0);
  rows.push({
    group: 'bytes',
    name: `first screen JS+CSS (gzip), ${bundle.firstFiles.length} files`,
    value: kb(bundle.firstScreen.gzip),
    unit: 'KB',
    budget: `<= ${FIRST_SCREEN_GZIP_BUDGET / 1024} KB`,
    pass: bundle.firstScreen.gzip <= FIRST_SCREEN_GZIP_BUDGET,
  });
  rows.push({
    group: 'bytes',
    name: 'first screen JS+CSS (brotli)',
    value: kb(bundle.firstScreen.brotli),
    unit: 'KB',
    budget: `<= ${FIRST_SCREEN_GZIP_BUDGET / 1024} KB`,
    pass: bundle.firstScreen.brotli <= FIRST_SCREEN_GZIP_BUDGET,
  });
  for (const ext of ['.js', '.css']) {
    for (const key of ['gzip', 'brotli'] as const) {
      rows.push({
        group: 'bytes',
        name: `  of which ${ext.slice(1).toUpperCase()} (${key})`,
        value: kb(sum(ext, key)),
        unit: 'KB',
      });
    }
  }
  const firstNames = new Set(bundle.firstFiles.map((f) => f.file.replace(/^.*\//, '')));
  for (const [label, pattern] of MUST_BE_LAZY) {
    const chunk = bundle.lazy.find((c) => pattern.test(c.file));
    const inFirst = [...firstNames].some((f) => pattern.test(f));
    rows.push({
      group: 'bytes',
      name: `lazy chunk: ${label} (gzip)`,
      value: chunk ? kb(chunk.gzip) : null,
      unit: 'KB',
      budget: 'not in first screen',
      pass: !inFirst && chunk !== undefined,
      note: chunk
        ? `${chunk.file}; brotli ${kb(chunk.brotli).toFixed(1)} KB`
        : inFirst
          ? 'loaded by the first screen'
          : 'chunk not found',
    });
  }
  for (const chunk of bundle.lazy
    .filter((c) => c.gzip > 4096 && !MUST_BE_LAZY.some(([, p]) => p.test(c.file)))
    .sort((a, b) => b.gzip - a.gzip)) {
    rows.push({
      group: 'bytes',
      name: `lazy chunk ${chunk.file.replace(/-[\w-]{8}\.(js|css)$/, '')} (gzip)`,
      value: kb(chunk.gzip),
      unit: 'KB',
      note: `brotli ${kb(chunk.brotli).toFixed(1)} KB`,
    });
  }
  return rows;
}
