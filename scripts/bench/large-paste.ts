/**
 * A long paste in the page, as a user feels it: from a 1 MB paste (the page's "paste anywhere" handler, with
 * the bench's 1 MB text of each kind) until a frame starts with the verdict and the first part in the page. This is parse + diagnose in the browser plus rendering; a 1 MB ERRORLOG once took 106 s here,
 * because every quote counted its line number from the start of the paste.
 */
import type { Browser } from '@playwright/test';
import { BENCH_KINDS, benchText } from '../perf/inputs';
import { launchBenchChromium } from './tti';
import { median, type Row } from './types';

/** Ours (design.md has none): a 1 MB paste shows its verdict within two seconds on this machine. */
const BUDGET_MS = 2000;

async function measureOnce(browser: Browser, url: string, text: string): Promise<number> {
  const context = await browser.newContext();
  const page = await context.newPage();
  try {
    await page.goto(`${url}#/paste`);
    await page.getByTestId('paste-input').waitFor();
    // No named inner functions: tsx would wrap them in a helper the page does not have.
    const t0 = await page.evaluate((pasted) => {
      const data = new DataTransfer();
      data.setData('text/plain', pasted);
      const start = performance.now();
      document.body.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true }));
      return start;
    }, text);
    // checked at each frame: the first frame that starts with the verdict and a part in the page
    const handle = await page.waitForFunction(
      (start) =>
        document.getElementById('verdict-heading') && document.querySelector('section[aria-label^="Part "]')
          ? performance.now() - start
          : false,
      t0,
      { polling: 'raf', timeout: 60_000 },
    );
    return (await handle.jsonValue()) as number;
  } finally {
    await context.close();
  }
}

export async function largePasteRows(url: string, runs = 3): Promise<Row[]> {
  const browser = await launchBenchChromium();
  const rows: Row[] = [];
  try {
    for (const kind of BENCH_KINDS) {
      const text = benchText(kind, 1024 * 1024);
      await measureOnce(browser, url, text); // warm-up: Chromium's caches and the lazy chunks
      const samples: number[] = [];
      for (let i = 0; i < runs; i++) samples.push(await measureOnce(browser, url, text));
      const value = median(samples);
      rows.push({
        group: 'paste 1 MB in the page (Chromium, unthrottled): paste to verdict on screen',
        name: `${kind} (median of ${runs})`,
        value,
        unit: 'ms',
        budget: `< ${BUDGET_MS} ms`,
        pass: value < BUDGET_MS,
        note: `runs ${samples.map((s) => s.toFixed(0)).join(', ')}`,
      });
    }
  } finally {
    await browser.close();
  }
  return rows;
}
