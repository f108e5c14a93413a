/**
 * Time to interactive in Chromium (Playwright, the project's Chromium): from navigation start until the page's
 * main heading is visible and a form control is enabled, visible and in the tab order. Measured for the wizard
 * (#/wizard: the first question and its radio buttons) and for a verdict opened from a share link
 * (#/paste?share=...: the "Most likely" heading and the paste box), a fresh browser context (cold cache) per
 * run, median of `runs`. No CPU or network throttling: this is this machine's Chromium on the local server.
 */
import { chromium, type Browser } from '@playwright/test';
import { findChromium } from '../chromium.mjs';
import { median, type Row } from './types';

/**
 * Budgets for an unthrottled desktop Chromium on the local static server (ours; design.md has none). The
 * verdict parses and diagnoses the shared pastes before its heading appears, hence more time.
 */
const TTI_BUDGET_MS = { wizard: 1500, verdict: 2500 };

interface Target {
  key: 'wizard' | 'verdict';
  name: string;
  hash: string;
  heading: string;
  control: string;
}

async function measureOnce(browser: Browser, url: string, target: Target): Promise<number> {
  const context = await browser.newContext();
  const page = await context.newPage();
  try {
    await page.goto(url + target.hash, { waitUntil: 'commit' });
    // No named inner functions: tsx would wrap them in a helper the page does not have (and the CSP forbids
    // evaluating strings).
    const handle = await page.waitForFunction(
      ({ heading, control }) => {
        const shown = [document.querySelector(heading), document.querySelector(control)].map((el) => {
          if (!(el instanceof HTMLElement) || !el.isConnected) return false;
          const box = (el.getBoundingClientRect().width > 0 ? el : el.parentElement)!.getBoundingClientRect();
          return box.width > 0 && box.height > 0 && getComputedStyle(el).visibility !== 'hidden';
        });
        const c = document.querySelector(control) as HTMLInputElement | null;
        return shown[0] && shown[1] && c && !c.disabled && c.tabIndex >= 0 ? performance.now() : false;
      },
      { heading: target.heading, control: target.control },
      { polling: 'raf', timeout: 30_000 },
    );
    return (await handle.jsonValue()) as number;
  } finally {
    await context.close();
  }
}

/** The project's Chromium (scripts/chromium.mjs), headless, as the browser rows use it. */
export function launchBenchChromium(): Promise<Browser> {
  const found = findChromium();
  return chromium.launch({
    ...('path' in found ? { executablePath: found.path } : {}),
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
    ],
  });
}

export async function ttiRows(url: string, shareToken: string, runs = 5): Promise<Row[]> {
  const browser = await launchBenchChromium();
  const targets: Target[] = [
    {
      key: 'wizard',
      name: 'wizard (#/wizard): question heading visible, answers focusable',
      hash: '#/wizard',
      heading: 'main h1',
      control: 'main input[type="radio"]',
    },
    {
      key: 'verdict',
      name: 'verdict from a share link: "Most likely" heading visible, paste box focusable',
      hash: `#/paste?share=${shareToken}`,
      heading: '#top-scenario',
      control: '[data-testid="paste-input"]',
    },
  ];
  const rows: Row[] = [];
  try {
    for (const target of targets) {
      await measureOnce(browser, url, target); // warm-up: the OS file cache and Chromium's own start
      const samples: number[] = [];
      for (let i = 0; i < runs; i++) samples.push(await measureOnce(browser, url, target));
      const value = median(samples);
      rows.push({
        group: 'time to interactive (Chromium, unthrottled)',
        name: `${target.name} (median of ${runs})`,
        value,
        unit: 'ms',
        budget: `< ${TTI_BUDGET_MS[target.key]} ms`,
        pass: value < TTI_BUDGET_MS[target.key],
        note: `runs ${samples.map((s) => s.toFixed(0)).join(', ')}`,
      });
    }
  } finally {
    await browser.close();
  }
  return rows;
}
