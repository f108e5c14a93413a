// Measures what the first screen loads from dist/ (the entry script, its static imports / modulepreloads
// and CSS, plus scripts inlined into index.html) and every lazy chunk, in raw, gzip -9 and brotli -11 bytes.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

export const FIRST_SCREEN_GZIP_BUDGET = 150 * 1024;

const sizes = (buf) => ({
  raw: buf.length,
  gzip: gzipSync(buf, { level: 9 }).length,
  brotli: brotliCompressSync(buf, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
});

/** Static imports of a built chunk (`import ... from "./x.js"` and bare `import "./x.js"`). */
function staticImports(code) {
  const out = new Set();
  for (const m of code.matchAll(/\bimport\s*(?:[^'"()]*?\bfrom\s*)?["']\.\/([^"']+\.js)["']/g)) out.add(m[1]);
  return out;
}

/** Dynamic imports of a chunk (`import("./x.js")`, any quote style). */
function dynamicImports(code) {
  return new Set([...code.matchAll(/\bimport\(\s*["'`]\.\/([^"'`]+\.js)["'`]\s*\)/g)].map((m) => m[1]));
}

export function measureBundle(dist = 'dist') {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const assets = join(dist, 'assets');
  const first = new Set();
  const queue = [];
  for (const m of html.matchAll(/(?:src|href)="\.\/(assets\/[^"]+\.(?:js|css))"/g))
    queue.push(m[1].slice('assets/'.length));
  for (const m of html.matchAll(/src="\.\/([^"/]+\.js)"/g)) first.add(`../${m[1]}`);
  // The entry script only waits for the first paint and then imports the app (src/main.tsx): its dynamic
  // imports are part of the first screen too. Lazy pages are imported further down and are not.
  const entries = new Set(queue.filter((f) => f.endsWith('.js')));
  while (queue.length) {
    const file = queue.shift();
    if (first.has(file)) continue;
    first.add(file);
    if (!file.endsWith('.js')) continue;
    const code = readFileSync(join(assets, file), 'utf8');
    for (const dep of staticImports(code)) queue.push(dep);
    if (entries.has(file)) for (const dep of dynamicImports(code)) queue.push(dep);
  }
  const all = readdirSync(assets).filter((f) => f.endsWith('.js') || f.endsWith('.css'));
  const total = { raw: 0, gzip: 0, brotli: 0 };
  const firstFiles = [];
  for (const file of first) {
    const s = sizes(readFileSync(join(assets, file)));
    firstFiles.push({ file: file.replace(/^\.\.\//, ''), ...s });
    total.raw += s.raw;
    total.gzip += s.gzip;
    total.brotli += s.brotli;
  }
  // Inline scripts (the first-paint script) are JavaScript the first screen runs too.
  for (const m of html.matchAll(/<script>([\s\S]*?)<\/script>/g)) {
    const s = sizes(Buffer.from(m[1], 'utf8'));
    firstFiles.push({ file: 'index.html (inline script)', ...s });
    total.raw += s.raw;
    total.gzip += s.gzip;
    total.brotli += s.brotli;
  }
  const lazy = all
    .filter((f) => !first.has(f))
    .map((file) => ({ file, ...sizes(readFileSync(join(assets, file))) }));
  return { firstScreen: total, firstFiles, lazy };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const r = measureBundle();
  const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
  for (const f of r.firstFiles)
    console.log(`first screen  ${f.file.padEnd(44)} ${kb(f.gzip).padStart(9)} gzip`);
  console.log(
    `first screen total: ${kb(r.firstScreen.raw)} raw, ${kb(r.firstScreen.gzip)} gzip, ${kb(r.firstScreen.brotli)} brotli (budget ${kb(FIRST_SCREEN_GZIP_BUDGET)} gzip)`,
  );
  const ok = r.firstScreen.gzip <= FIRST_SCREEN_GZIP_BUDGET;
  console.log(ok ? 'PASS' : 'FAIL');
  if (process.argv.includes('--check') && !ok) process.exit(1);
}
