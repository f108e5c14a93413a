// `npm test`: type-check, lint, format check, unit tests (Vitest), production build, end-to-end tests
// (Playwright in Chromium). Ends with ONE plain line "N passed, N failed" adding everything up (each static
// check counts as one test), and exits non-zero when anything failed.
//   --only=unit | --only=e2e | --only=static   run a subset
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { ensureChromium } from './chromium.mjs';

const only = process.argv.find((a) => a.startsWith('--only='))?.slice('--only='.length);
const wants = (part) => !only || only === part;
const env = { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' };
const REPORTS = '.reports';
mkdirSync(REPORTS, { recursive: true });

const results = []; // { name, passed, failed }

function step(name, command, args, extraEnv = {}) {
  console.log(`\n=== ${name}: ${command} ${args.join(' ')}`);
  const started = Date.now();
  const r = spawnSync(command, args, { stdio: 'inherit', env: { ...env, ...extraEnv } });
  console.log(
    `=== ${name}: ${r.status === 0 ? 'ok' : `FAILED (exit ${r.status})`} in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
  return r.status === 0;
}

function check(name, command, args) {
  const ok = step(name, command, args);
  results.push({ name, passed: ok ? 1 : 0, failed: ok ? 0 : 1 });
  return ok;
}

function readJson(path) {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return undefined;
  }
}

if (wants('static')) {
  check('type-check', 'npx', ['tsc', '-p', '.', '--noEmit']);
  check('lint', 'npx', ['eslint', '.', '--max-warnings=0']);
  check('format', 'npx', ['prettier', '--check', '.', '--log-level', 'warn']);
}

if (wants('unit')) {
  const out = `${REPORTS}/vitest.json`;
  rmSync(out, { force: true });
  const ok = step('unit tests', 'npx', [
    'vitest',
    'run',
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${out}`,
  ]);
  const report = readJson(out);
  if (report) {
    const failed = report.numFailedTests + (ok || report.numFailedTests > 0 ? 0 : 1);
    results.push({ name: 'unit tests', passed: report.numPassedTests, failed });
  } else {
    results.push({ name: 'unit tests (no report: the runner failed)', passed: 0, failed: 1 });
  }
}

if (wants('e2e')) {
  const built = check('production build', 'npx', ['vite', 'build']);
  // The one deterministic budget: bytes the first screen loads (timings live in `npm run bench`).
  if (built) check('first-screen byte budget', 'node', ['scripts/bundle-size.mjs', '--check']);
  const browser = ensureChromium();
  if ('error' in browser) {
    console.error(`\n${browser.error}`);
    results.push({ name: 'end-to-end tests (no browser)', passed: 0, failed: 1 });
  } else if (built) {
    console.log(`Chromium: ${browser.path} (${browser.source})`);
    const out = `${REPORTS}/playwright.json`;
    rmSync(out, { force: true });
    const ok = step('end-to-end tests', 'npx', ['playwright', 'test', '--reporter=list,json'], {
      PLAYWRIGHT_JSON_OUTPUT_NAME: out,
      CHROMIUM_PATH: browser.path,
      E2E_SKIP_BUILD: '1',
    });
    const report = existsSync(out) ? readJson(out) : undefined;
    if (report?.stats) {
      const { expected = 0, unexpected = 0, flaky = 0 } = report.stats;
      const failed = unexpected + (ok || unexpected > 0 ? 0 : 1);
      results.push({ name: 'end-to-end tests', passed: expected + flaky, failed });
    } else {
      results.push({ name: 'end-to-end tests (no report: the runner failed)', passed: 0, failed: 1 });
    }
  }
}

console.log('\nSummary:');
for (const r of results) console.log(`  ${r.name}: ${r.passed} passed, ${r.failed} failed`);
const passed = results.reduce((n, r) => n + r.passed, 0);
const failed = results.reduce((n, r) => n + r.failed, 0);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
