import { test as base, expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

/**
 * The one shared fixture every spec uses. It wraps each browser context so that any request to an origin
 * other than the page's own (127.0.0.1), WebSockets included, is aborted and recorded; a test with such a
 * request fails. Nothing a user pastes may ever leave the page.
 */
export const test = base.extend<{ offOriginRequests: string[] }>({
  offOriginRequests: [
    async ({ context }, use) => {
      const off: string[] = [];
      await context.route('**/*', (route) => {
        const url = new URL(route.request().url());
        if (url.protocol === 'data:' || url.protocol === 'blob:') return route.continue();
        if (url.hostname !== '127.0.0.1') {
          off.push(url.href);
          return route.abort();
        }
        return route.continue();
      });
      await context.routeWebSocket(/.*/, (ws) => {
        off.push(ws.url());
        void ws.close();
      });
      await use(off);
      expect(off, 'requests to another origin').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/**
 * axe-core with the WCAG 2.x A/AA rule sets (2.2 included), plus axe's best-practice rules unless
 * `wcagOnly` (they triple the time on long pages; the shell pages keep them).
 */
export async function expectNoAxeViolations(page: Page, { wcagOnly = false } = {}) {
  // axe walks the whole DOM: on a long page and a busy 2-core machine that alone can take 20 s, so each
  // check adds its own time to the test's budget instead of failing an otherwise good test.
  test.info().setTimeout(test.info().timeout + 30_000);
  const results = await new AxeBuilder({ page })
    .withTags(wcagOnly ? WCAG_TAGS : [...WCAG_TAGS, 'best-practice'])
    .analyze();
  const summary = results.violations.map(
    (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
  );
  expect(summary, `axe violations on ${page.url()}`).toEqual([]);
}

/** Presses Tab until the focused element's accessible text matches, as a keyboard-only user would. */
export async function tabTo(page: Page, name: RegExp, maxPresses = 40) {
  // The first screen renders in slices after the load event (src/main.tsx): a user starts pressing Tab once
  // the page is there, so wait for its main region before the first press.
  await expect(page.locator('#main-content')).toBeAttached();
  for (let i = 0; i < maxPresses; i++) {
    await page.keyboard.press('Tab');
    const text = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      return el ? `${el.getAttribute('aria-label') ?? ''} ${el.innerText ?? ''}`.trim() : '';
    });
    if (name.test(text)) return;
  }
  throw new Error(`Could not reach ${name} with Tab`);
}

/** Opens a hash route of the app, e.g. hashRoute('/wizard') -> "#/wizard". */
export const hashRoute = (path: string) => `./#${path}`;
