import { readFileSync } from 'node:fs';
import { expect, expectNoAxeViolations, hashRoute, tabTo, test } from './fixtures';
import type { Page } from '@playwright/test';

const version = (JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version;

test('home page says what the app is for and offers three ways in', async ({ page }) => {
  await page.goto('./');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('forcibly closed by the remote host');
  await expect(page.getByRole('main')).toContainText('10054');
  const waysIn = page.getByRole('list', { name: 'Ways to start' }).getByRole('link');
  await expect(waysIn).toHaveCount(3);
  await expect(page.getByRole('contentinfo')).toContainText(`Version ${version}`);
});

for (const [name, url, heading] of [
  [/Start the guided wizard/, /#\/wizard/, /\?/],
  [/Paste what you have/, /#\/paste$/, /Paste what you have/],
  [/Browse the scenarios/, /#\/scenarios$/, /Scenarios/],
] as const) {
  test(`keyboard alone reaches "${name.source}"`, async ({ page }) => {
    await page.goto('./');
    await tabTo(page, name);
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(url);
    await expect(page.getByRole('heading', { level: 1 })).toContainText(heading);
    // Focus moves to the new page's heading, so a screen reader starts there.
    await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
  });
}

test('skip link moves focus to the main content', async ({ page }) => {
  await page.goto('./');
  // The first screen renders in slices after load (main.tsx): press Tab once it is there, as a user would.
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Skip to main content' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('main')).toBeFocused();
});

test('a deep link opened directly lands on its page, and browser Back returns', async ({ page }) => {
  await page.goto(hashRoute('/scenarios'));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Scenarios');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Paste & analyze' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Paste what you have');
  await page.goBack();
  await expect(page).toHaveURL(/#\/scenarios$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Scenarios');
});

test('an unknown route shows not-found with a way home', async ({ page }) => {
  await page.goto(hashRoute('/no/such/page'));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
  await expect(page).toHaveTitle(/Page not found/);
  await page.getByRole('link', { name: 'Go to the start page' }).click();
  await expect(page.getByRole('list', { name: 'Ways to start' })).toBeVisible();
});

test('dark mode can be chosen and survives a reload', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto('./');
  const html = page.locator('html');
  await expect(html).toHaveClass(/\blight\b/);
  await page.getByRole('button', { name: /Colour theme/ }).click();
  await page.getByRole('menuitemradio', { name: 'Dark' }).click();
  await expect(html).toHaveClass(/\bdark\b/);
  const darkBackground = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  expect(darkBackground).toBe('rgb(15, 20, 25)');
  await page.reload();
  await expect(html).toHaveClass(/\bdark\b/);
  await expect(page.getByRole('button', { name: 'Colour theme: Dark' })).toBeVisible();
  // And back to following the system.
  await page.getByRole('button', { name: /Colour theme/ }).click();
  await page.getByRole('menuitemradio', { name: 'Same as system' }).click();
  await expect(html).toHaveClass(/\blight\b/);
});

test('the system dark preference is followed when nothing was chosen', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto('./');
  await expect(page.locator('html')).toHaveClass(/\bdark\b/);
});

for (const route of ['/', '/wizard', '/paste', '/scenarios', '/no-such-page']) {
  for (const scheme of ['light', 'dark'] as const) {
    test(`axe finds no violations on ${route} (${scheme})`, async ({ page }) => {
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto(hashRoute(route));
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await expectNoAxeViolations(page);
    });
  }
}

test('the production build works from a sub-path of a plain static server, deep links included', async ({
  page,
}) => {
  const requested: string[] = [];
  page.on('request', (r) => requested.push(new URL(r.url()).pathname));
  await page.goto('/kb/tools/10054/#/scenarios');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Scenarios');
  await page.getByRole('link', { name: 'SQL Server 10054 troubleshooter' }).click();
  await expect(page).toHaveURL(/\/kb\/tools\/10054\/#\/$/);
  await expect(page.getByRole('list', { name: 'Ways to start' })).toBeVisible();
  expect(requested.every((p) => p.startsWith('/kb/tools/10054/'))).toBe(true);
});

test('the built page carries a Content-Security-Policy limited to its own origin', async ({ page }) => {
  await page.goto('./');
  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(csp).toContain("script-src 'self'");
  expect(csp).toContain("connect-src 'self'");
  expect(csp).not.toMatch(/https?:/);
});

test('the off-origin guard catches a request to another host', async ({ browser, baseURL }) => {
  // Proves the shared fixture's interception works: the same routing, on a context of our own, from a
  // page without the app's CSP (robots.txt), so that the browser actually sends the request.
  const context = await browser.newContext();
  const off: string[] = [];
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (url.hostname !== '127.0.0.1') {
      off.push(url.hostname);
      return route.abort();
    }
    return route.continue();
  });
  const page = await context.newPage();
  await page.goto(new URL('robots.txt', baseURL).href);
  await page.evaluate(() => fetch('http://leak.example.invalid/x').catch(() => undefined));
  expect(off).toEqual(['leak.example.invalid']);
  await context.close();
});

test('the CSP stops the app page from contacting another origin at all', async ({ page }) => {
  const violations: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
  });
  await page.goto('./');
  const outcome = await page.evaluate(() =>
    fetch('http://leak.example.invalid/x').then(
      () => 'sent',
      () => 'blocked',
    ),
  );
  expect(outcome).toBe('blocked');
  expect(violations.join('\n')).toContain('connect-src');
});

/** Opens the start page with the app's script (boot.tsx's chunk) held back; call the result to let it load. */
async function openWithAppHeldBack(page: Page): Promise<() => void> {
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/assets/boot-*.js', async (route) => {
    await held;
    await route.continue();
  });
  await page.goto('./', { waitUntil: 'domcontentloaded' });
  return release;
}

test.describe('the start page pre-rendered into index.html', () => {
  test.describe('with JavaScript off', () => {
    test.use({ javaScriptEnabled: false });
    test('is readable before any script runs', async ({ page }) => {
      await page.goto('./');
      await expect(page.getByRole('heading', { level: 1 })).toContainText(
        'forcibly closed by the remote host',
      );
      await expect(page.getByRole('list', { name: 'Ways to start' }).getByRole('link')).toHaveCount(3);
      // The same addresses the app's links have (hash routes), so they work before the app has arrived.
      const hrefs = await page
        .locator('#root a')
        .evaluateAll((links) => links.map((a) => a.getAttribute('href')));
      expect(hrefs).toEqual(
        expect.arrayContaining(['#/wizard', '#/paste', '#/scenarios', '#/simulator', '#/links']),
      );
      expect(hrefs.every((href) => href?.startsWith('#'))).toBe(true);
    });
  });

  for (const stored of [undefined, 'dark'] as const) {
    test(`is taken over by the app without a mismatch (stored colour mode: ${stored ?? 'none'})`, async ({
      page,
    }) => {
      const errors: string[] = [];
      page.on('console', (m) => {
        if (m.type() === 'error') errors.push(m.text());
      });
      page.on('pageerror', (e) => errors.push(e.message));
      if (stored) await page.addInitScript((mode) => localStorage.setItem('mui-mode', mode), stored);
      await page.goto('./');
      await expect(
        page.getByRole('button', { name: `Colour theme: ${stored ? 'Dark' : 'Same as system'}` }),
      ).toBeVisible();
      await page.getByRole('link', { name: /Browse the scenarios/ }).click();
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Scenarios');
      expect(errors).toEqual([]);
    });
  }

  test('a click on the colour-theme button before the app has arrived is not lost', async ({ page }) => {
    const release = await openWithAppHeldBack(page);
    await page.getByRole('button', { name: /Colour theme/ }).click();
    release();
    await expect(page.getByRole('menu')).toBeVisible();
  });

  test('a link followed before the app has arrived opens its page', async ({ page }) => {
    const release = await openWithAppHeldBack(page);
    await page.getByRole('link', { name: /Paste what you have/ }).click();
    await expect(page).toHaveURL(/#\/paste$/);
    release();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Paste what you have');
  });

  test('is never shown first on another address', async ({ page }) => {
    await page.addInitScript(() => {
      document.addEventListener('DOMContentLoaded', () => {
        const root = document.getElementById('root');
        (window as unknown as { __rootDisplay?: string }).__rootDisplay = root
          ? getComputedStyle(root).display
          : '';
      });
    });
    await page.goto(hashRoute('/scenarios'));
    expect(await page.evaluate(() => (window as unknown as { __rootDisplay?: string }).__rootDisplay)).toBe(
      'none',
    );
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Scenarios');
    await expect(page.getByRole('list', { name: 'Ways to start' })).toHaveCount(0);
  });
});
