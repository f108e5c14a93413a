/**
 * Pasted text is never interpreted as HTML or script, the built page's Content-Security-Policy blocks
 * injected inline script, and secrets in a paste never reach a ticket summary or a share link.
 * (paste.spec.ts has the basic inert-markup check and the connection-string password in a share link;
 * this file adds one check per payload kind, hostile file names, the CSP's enforcement, and the other
 * secret kinds.)
 */
import type { Page } from '@playwright/test';
import lz from 'lz-string';
import { expect, hashRoute, test } from './fixtures';

const ERROR =
  'A connection was successfully established with the server, but then an error occurred during the pre-login handshake. (provider: TCP Provider, error: 0 - An existing connection was forcibly closed by the remote host.) (Microsoft SQL Server, Error: 10054)';

/** Each payload tries to set window.__xss if it ever ran. */
const PAYLOADS: [string, string][] = [
  ['a script element', '<script>window.__xss = "script"</script>'],
  ['an image with onerror', '<img src="x" onerror="window.__xss = \'img\'">'],
  ['an svg with onload', '<svg onload="window.__xss = \'svg\'"><circle r="5"/></svg>'],
  ['a javascript: link', '<a href="javascript:window.__xss=\'link\'">click me</a>'],
  ['a bare javascript: URL', 'javascript:window.__xss="url"'],
  ['an iframe with srcdoc', '<iframe srcdoc="<script>parent.__xss=\'iframe\'</script>"></iframe>'],
  ['a closing textarea', '</textarea><img src=x onerror="window.__xss=\'textarea\'">'],
  [
    'markdown-style HTML',
    '[x](javascript:window.__xss="md") <details open ontoggle="window.__xss=\'details\'">',
  ],
  ['an RTL override', 'file\u202Egnp.exe and tls\u202E21 SLT'],
  ['zero-width characters', 'Pass\u200Bword\u200C=\u200Dx\uFEFF and TLS\u200B 1.2'],
];

async function pasteAndAnalyze(page: Page, text: string) {
  await page.getByTestId('paste-input').fill(text);
  await page.getByRole('button', { name: 'Analyze' }).click();
}

/** Elements that could run something: scripts, frames, javascript: links, any on* handler attribute. */
function activeMarkup(page: Page) {
  return page.evaluate(() => ({
    scripts: document.scripts.length,
    frames: document.querySelectorAll('iframe, object, embed').length,
    javascriptLinks: document.querySelectorAll('[href^="javascript" i], [src^="javascript" i]').length,
    handlers: [...document.querySelectorAll('*')].filter((el) =>
      [...el.attributes].some((a) => a.name.toLowerCase().startsWith('on')),
    ).length,
  }));
}

function watchDialogs(page: Page): string[] {
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  return dialogs;
}

for (const [name, payload] of PAYLOADS) {
  test(`a paste holding ${name} is shown as inert text`, async ({ page }) => {
    const dialogs = watchDialogs(page);
    await page.goto(hashRoute('/paste'));
    const before = await activeMarkup(page);
    await pasteAndAnalyze(page, `${ERROR}\n${payload}\n`);
    const card = page.getByRole('article', { name: 'Paste 1' });
    await expect(card).toBeVisible();
    await card.getByText('Show the text with the evidence highlighted').click();
    // Visible as the very characters pasted (the RTL override and zero-width marks included).
    const shown = await card.locator('pre').first().textContent();
    expect(shown).toContain(payload);
    // No new element of any kind the payload describes, nothing ran, no dialog.
    expect(await activeMarkup(page)).toEqual(before);
    await expect(page.locator('main a[href^="javascript"], main iframe, main img[src="x"]')).toHaveCount(0);
    // Give an event handler, had one been attached, the chance to run.
    await page.waitForTimeout(200);
    expect(await page.evaluate(() => (window as unknown as { __xss?: string }).__xss)).toBeUndefined();
    expect(dialogs).toEqual([]);
    // The verdict still reads the error around the payload.
    await expect(page.getByRole('region', { name: 'Verdict' })).toContainText('TLS handshake reset');
  });
}

test('a hostile file name is shown as text', async ({ page }) => {
  const dialogs = watchDialogs(page);
  await page.goto(hashRoute('/paste'));
  const name = '<img src=x onerror="window.__xss=1">\u202Etxt.reg';
  await page
    .getByLabel('Choose files to analyze')
    .setInputFiles({ name, mimeType: 'text/plain', buffer: Buffer.from(ERROR) });
  await expect(page.getByRole('article', { name })).toBeVisible();
  await expect(page.locator('main img[src="x"]')).toHaveCount(0);
  expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
  expect(dialogs).toEqual([]);
});

test.describe('the Content-Security-Policy of the built page', () => {
  test('is a meta element of the served HTML, before any script', async ({ request }) => {
    const html = await (await request.get('./')).text();
    const meta = html.indexOf('http-equiv="Content-Security-Policy"');
    expect(meta).toBeGreaterThan(0);
    expect(meta).toBeLessThan(html.indexOf('<script'));
    // Own origin plus exactly one hash: the inlined first-paint script (scripts/csp.mjs).
    expect(html).toMatch(/script-src 'self' 'sha256-[A-Za-z0-9+/]{43}='[;"]/);
    expect(html).not.toContain("'unsafe-eval'");
    expect(html).not.toMatch(/script-src[^;"]*'unsafe-inline'/);
  });

  test('blocks an inline script inserted into the page, and reports the violation', async ({ page }) => {
    await page.goto(hashRoute('/paste'));
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    const outcome = await page.evaluate(
      () =>
        new Promise<{ ran: boolean; directive: string }>((resolve) => {
          document.addEventListener('securitypolicyviolation', (e) =>
            resolve({
              ran: Boolean((window as unknown as { __inline?: boolean }).__inline),
              directive: e.effectiveDirective,
            }),
          );
          const script = document.createElement('script');
          script.textContent = 'window.__inline = true;';
          document.body.append(script);
          setTimeout(
            () =>
              resolve({
                ran: Boolean((window as unknown as { __inline?: boolean }).__inline),
                directive: '',
              }),
            3000,
          );
        }),
    );
    expect(outcome).toEqual({ ran: false, directive: 'script-src-elem' });
  });

  test("blocks Playwright's addScriptTag with inline content and inline event handlers", async ({ page }) => {
    const violations: string[] = [];
    await page.exposeFunction('reportViolation', (d: string) => violations.push(d));
    await page.goto(hashRoute('/'));
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await page.evaluate(() =>
      document.addEventListener('securitypolicyviolation', (e) =>
        (window as unknown as { reportViolation: (d: string) => void }).reportViolation(e.effectiveDirective),
      ),
    );
    await page.addScriptTag({ content: 'window.__tag = true;' }).catch(() => undefined);
    const result = await page.evaluate(() => {
      const w = window as unknown as { __tag?: boolean; __attr?: boolean };
      const button = document.createElement('button');
      button.setAttribute('onclick', 'window.__attr = true');
      document.body.append(button);
      button.click();
      button.remove();
      return { tag: Boolean(w.__tag), attr: Boolean(w.__attr) };
    });
    expect(result).toEqual({ tag: false, attr: false });
    await expect
      .poll(() => violations.sort())
      .toEqual(expect.arrayContaining(['script-src-attr', 'script-src-elem']));
  });
});

test('secrets in a paste never reach the ticket summary or the share link', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto(hashRoute('/paste'));
  const secrets = ['Hunter2pw', 'SqlcmdSecret9', 'Tok3nAbcdefGhijkl', 'MIIEvQIBADANBgkqhkiG9w0BAQEFAASC'];
  await pasteAndAnalyze(
    page,
    [
      `Server=sql01;Database=orders;User ID=app;Password=${secrets[0]};Encrypt=True`,
      ERROR,
      `sqlcmd -S sql01 -U sa -P ${secrets[1]} -Q "SELECT @@VERSION"`,
      `access_token=${secrets[2]}`,
      '-----BEGIN PRIVATE KEY-----',
      secrets[3],
      'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
      '-----END PRIVATE KEY-----',
    ].join('\n'),
  );
  await expect(page.getByRole('region', { name: 'Verdict' })).toBeVisible();

  await page.getByRole('button', { name: 'Copy summary for ticket' }).click();
  await expect
    .poll(() => page.evaluate(() => navigator.clipboard.readText()))
    .toContain('10054 troubleshooting');
  const summary = await page.evaluate(() => navigator.clipboard.readText());
  for (const secret of secrets) expect(summary, `summary holds ${secret}`).not.toContain(secret);

  await page.getByRole('button', { name: 'Copy share link' }).click();
  await expect(page.getByRole('alert').filter({ hasText: /Share link copied/ })).toBeVisible();
  const link = await page.evaluate(() => navigator.clipboard.readText());
  expect(link).toContain('?share=v1.');
  // What the link carries: `v1.` + lz-string of the JSON payload (src/store/shareLink.ts).
  const token = new URL(link).hash.split('?share=')[1]!;
  const carried = lz.decompressFromEncodedURIComponent(token.replace(/^v1\./, '')) ?? '';
  expect(carried).toContain('sql01');
  for (const secret of secrets) expect(carried, `share link holds ${secret}`).not.toContain(secret);
});

test.describe('the inlined first-paint script', () => {
  test.use({ colorScheme: 'dark' });

  test('runs under the policy, before the app, without a violation', async ({ page }) => {
    const violations: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
    });
    // Read the class when the document has been parsed, before the app's module scripts run.
    await page.addInitScript(() => {
      document.addEventListener('readystatechange', () => {
        const w = window as unknown as { __schemeAtParse?: string };
        if (document.readyState === 'interactive' && w.__schemeAtParse === undefined)
          w.__schemeAtParse = document.documentElement.className;
      });
    });
    await page.goto('./');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    const atParse = await page.evaluate(
      () => (window as unknown as { __schemeAtParse?: string }).__schemeAtParse,
    );
    expect(atParse).toContain('dark');
    expect(violations).toEqual([]);
  });
});
