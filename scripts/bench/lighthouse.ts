/**
 * Lighthouse 12 (the project's devDependency) against the production build on the local static server, with
 * Debian Chromium (CHROME_PATH, default /usr/bin/chromium): mobile (default simulated throttling) and
 * desktop (--preset=desktop), each the median of `runs` runs per category. Flags from
 * ../shared/docs/toolchain.md §5.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { median, type Row } from './types';

const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
type Category = (typeof CATEGORIES)[number];

/** design.md §6: performance >= 0.95, accessibility 1.0, best practices 1.0; SEO: ours, 1.0. */
const BUDGET: Record<Category, number> = {
  performance: 0.95,
  accessibility: 1,
  'best-practices': 1,
  seo: 1,
};

const CHROME_FLAGS =
  '--headless=new --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking --disable-component-update --disable-sync';

interface Report {
  categories: Record<string, { score: number | null; auditRefs: { id: string; weight: number }[] }>;
  audits: Record<string, { score: number | null; title: string; numericValue?: number }>;
}

function runLighthouse(url: string, desktop: boolean): Promise<Report> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-lh-'));
  const out = join(dir, 'report.json');
  const args = [
    'node_modules/lighthouse/cli/index.js',
    url,
    `--chrome-flags=${CHROME_FLAGS}`,
    '--output=json',
    `--output-path=${out}`,
    `--only-categories=${CATEGORIES.join(',')}`,
    '--quiet',
    ...(desktop ? ['--preset=desktop'] : []),
  ];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, {
      env: { ...process.env, CHROME_PATH: process.env.CHROME_PATH ?? '/usr/bin/chromium' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('exit', (code) => {
      try {
        if (code !== 0) throw new Error(`lighthouse exited ${code}: ${stderr.slice(-500)}`);
        resolve(JSON.parse(readFileSync(out, 'utf8')) as Report);
      } catch (error) {
        reject(error instanceof Error ? error : new Error(String(error)));
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });
}

/** The audits that cost points in a category (score < 1 with weight > 0), for the note of a row under budget. */
function lostPoints(report: Report, category: Category): string[] {
  return report.categories[category]!.auditRefs.filter(
    (ref) => ref.weight > 0 && (report.audits[ref.id]?.score ?? 1) < 1,
  ).map((ref) => ref.id);
}

export async function lighthouseRows(url: string, runs = 3): Promise<Row[]> {
  const rows: Row[] = [];
  for (const desktop of [false, true]) {
    const form = desktop ? 'desktop' : 'mobile';
    const reports: Report[] = [];
    for (let i = 0; i < runs; i++) reports.push(await runLighthouse(url, desktop));
    for (const category of CATEGORIES) {
      const scores = reports.map((r) => r.categories[category]?.score ?? 0);
      const value = median(scores);
      const pass = value >= BUDGET[category];
      const lost = [...new Set(reports.flatMap((r) => lostPoints(r, category)))];
      rows.push({
        group: 'lighthouse',
        name: `${form} ${category} (median of ${runs}; runs ${scores.join(', ')})`,
        value,
        unit: '',
        budget: BUDGET[category] === 1 ? '= 1.0' : `>= ${BUDGET[category]}`,
        pass,
        ...(lost.length && category !== 'performance' ? { note: `lost on: ${lost.join(', ')}` } : {}),
      });
    }
    const metric = (id: string) => median(reports.map((r) => r.audits[id]?.numericValue ?? NaN));
    rows.push({
      group: 'lighthouse',
      name: `${form} metrics (median): FCP, LCP, TBT, CLS`,
      value: null,
      unit: '',
      note: `FCP ${metric('first-contentful-paint').toFixed(0)} ms, LCP ${metric('largest-contentful-paint').toFixed(0)} ms, TBT ${metric('total-blocking-time').toFixed(0)} ms, CLS ${metric('cumulative-layout-shift').toFixed(3)}`,
    });
  }
  return rows;
}
