import { readFileSync, readdirSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { allOutcomes, flow, getOutcome, getQuestion } from '../src/engine/knowledge';
import { getSample } from '../src/engine/samples/samples';
import { expect, expectNoAxeViolations, test } from './fixtures';
import type { Locator, Page } from '@playwright/test';

/**
 * Links from KB pages: every URL form ever published resolves to its page, the link builder makes links
 * that open what was chosen, embed mode works in a real iframe on a page of another origin, and links with
 * parts the app does not understand say so.
 */

const MOUNT = '/kb/tools/10054/';

interface PublishedUrl {
  url: string;
  page: string;
  id?: string;
  resolvesTo?: string;
  embed?: boolean;
  note?: string;
}

const fixtureDir = new URL('./published-urls/', import.meta.url);
const releases = readdirSync(fixtureDir)
  .filter((f) => f.endsWith('.json'))
  .map(
    (f) =>
      JSON.parse(readFileSync(new URL(f, fixtureDir), 'utf8')) as { release: string; urls: PublishedUrl[] },
  );

/** The h1 each kind of page must show. */
function expectedHeading(entry: PublishedUrl): string | RegExp {
  switch (entry.page) {
    case 'home':
      return /forcibly closed by the remote host/;
    case 'wizard-step':
      return getQuestion(entry.id!)!.title;
    case 'scenario':
      return getOutcome(entry.id!)!.title;
    case 'scenarios':
      return 'Scenarios';
    case 'paste':
    case 'paste-sample':
    case 'paste-share':
      return 'Paste what you have';
    case 'links':
      return 'Link builder';
    case 'simulator':
    case 'simulator-preset':
    case 'simulator-shared':
      return 'Handshake simulator';
    default:
      throw new Error(`The fixture names an unknown page kind: ${entry.page}`);
  }
}

const heading = (page: Page | ReturnType<Page['frameLocator']>) => page.getByRole('heading', { level: 1 });

for (const { release, urls } of releases) {
  test.describe(`URLs published by ${release}`, () => {
    for (const entry of urls) {
      test(`${entry.url}${entry.note ? ` (${entry.note})` : ''}`, async ({ page }) => {
        await page.goto(MOUNT + entry.url);
        // Generous: scenario pages are long, and other suites may share the machine.
        await expect(heading(page)).toHaveText(expectedHeading(entry), { timeout: 20_000 });
        await expect(heading(page)).not.toHaveText(/not found/i);
        const expectedUrl = `${MOUNT}${entry.resolvesTo ?? entry.url}`;
        await expect.poll(() => page.url().slice(page.url().indexOf(MOUNT))).toBe(expectedUrl);
        if (entry.page === 'paste-sample') {
          await expect(page.getByText(`Loaded the example “${getSample(entry.id!)!.title}”.`)).toBeVisible();
        }
        if (entry.page === 'paste-share')
          await expect(page.getByText(/Opened a shared analysis/)).toBeVisible();
        if (entry.page === 'simulator-preset')
          await expect(page.getByText(/Loaded the preset “/)).toBeVisible();
        if (entry.page === 'simulator-shared')
          await expect(page.getByText('Opened the shared setup.')).toBeVisible();
        if (entry.note === 'alias') await expect(page.getByText('This link uses an old name')).toBeVisible();
        // Embedded pages have no site header or footer; full pages have both.
        await expect(page.getByRole('banner')).toHaveCount(entry.embed ? 0 : 1);
        await expect(page.getByRole('contentinfo')).toHaveCount(entry.embed ? 0 : 1);
        // A published link never needs a "not understood" notice.
        await expect(page.getByText(/not understood/)).toHaveCount(0);
      });
    }
  });
}

test('the published-URL fixture covers every scenario, question and example of this release', () => {
  const published = new Set(releases.flatMap((r) => r.urls.map((u) => u.url)));
  for (const o of allOutcomes) expect(published.has(`#/scenario/${o.id}`), o.id).toBe(true);
  for (const q of flow.questions) expect(published.has(`#/wizard/${q.id}`), q.id).toBe(true);
});

/** The text of a copyable block on the builder page, found by its copy button's name. */
const codeOf = (page: Page, name: string): Locator =>
  page
    .getByTestId('copyable-code')
    .filter({ has: page.getByRole('button', { name }) })
    .locator('pre');

test.describe('link builder', () => {
  test('makes a link to a wizard question that opens that question, from the sub-path it is served at', async ({
    page,
  }) => {
    // KB authors find the builder in the footer of every page.
    await page.goto(`${MOUNT}#/scenarios`);
    await page
      .getByRole('contentinfo')
      .getByRole('link', { name: /knowledge-base page/ })
      .click();
    await expect(heading(page)).toHaveText('Link builder');
    await page.getByRole('radio', { name: 'A question of the wizard' }).check();
    const question = getQuestion('cert-hash')!;
    await page.getByLabel('Question', { exact: true }).selectOption('cert-hash');
    const link = (await codeOf(page, 'Copy Link: the link').textContent()) ?? '';
    expect(link).toBe(`http://127.0.0.1:${new URL(page.url()).port}${MOUNT}#/wizard/cert-hash`);
    await expect(codeOf(page, 'Copy HTML: link snippet')).toHaveText(
      `<a href="${link}">${question.title}</a>`,
    );
    await expect(codeOf(page, 'Copy Markdown: Markdown link')).toHaveText(`[${question.title}](<${link}>)`);
    // The live preview shows the chosen page in embed mode.
    const preview = page.frameLocator('[data-testid="link-preview"]');
    await expect(heading(preview)).toHaveText(question.title);
    await page.goto(link);
    await expect(heading(page)).toHaveText(question.title);
  });

  test('makes a link with answers filled in, and an embed link', async ({ page }) => {
    await page.goto(`${MOUNT}#/links`);
    await page.getByRole('radio', { name: 'The wizard with answers already filled in' }).check();
    await page.getByLabel('1. Which message does the user see?').selectOption('handshake-reset');
    await page.getByLabel('2. What is connecting to SQL Server?').selectOption('linux-macos');
    await expect(
      page.getByText('The link opens the question “Does the message mention one of these OpenSSL errors?”'),
    ).toBeVisible();
    await page.getByLabel(/^Embedded view/).check();
    const link = (await codeOf(page, 'Copy Link: the link').textContent()) ?? '';
    expect(link).toContain(
      `${MOUNT}?embed=1#/wizard/openssl-message?answers=error-text:handshake-reset,client-platform:linux-macos`,
    );
    await page.goto(link);
    await expect(heading(page)).toHaveText('Does the message mention one of these OpenSSL errors?');
    await expect(page.getByText('The link filled in 2 answers')).toBeVisible();
    await expect(page.getByRole('banner')).toHaveCount(0);
    // The answers are really there: the wizard shows them and Back goes to the previous question.
    await expect(page.getByText('A program on Linux or macOS').first()).toBeVisible();
  });

  test('makes a link to a simulator setup of a server and a client', async ({ page }) => {
    await page.goto(`${MOUNT}#/links`);
    await page.getByRole('radio', { name: 'The handshake simulator with a setup loaded' }).check();
    await page.getByLabel('Simulator setup').selectOption('+');
    await page.getByLabel('Server', { exact: true }).selectOption('ws2019-sql2019');
    await page.getByLabel('Client', { exact: true }).selectOption('mds-5');
    const link = (await codeOf(page, 'Copy Link: the link').textContent()) ?? '';
    expect(link).toMatch(/#\/simulator\?preset=ws2019-sql2019%2Bmds-5$/);
    await page.goto(link);
    await expect(heading(page)).toHaveText('Handshake simulator');
    await expect(page.getByText('Loaded the preset “ws2019-sql2019+mds-5”.')).toBeVisible();
  });

  test('has no axe violations', async ({ page }) => {
    // axe also reads the preview frame, a whole page of the app.
    test.setTimeout(120_000);
    await page.goto(`${MOUNT}#/links`);
    await expect(heading(page)).toHaveText('Link builder');
    await expect(heading(page.frameLocator('[data-testid="link-preview"]'))).toBeVisible();
    await expectNoAxeViolations(page);
    await page.getByRole('radio', { name: 'The wizard with answers already filled in' }).check();
    await expectNoAxeViolations(page, { wcagOnly: true });
  });
});

test.describe('embed mode', () => {
  test.describe.configure({ timeout: 60_000 });
  // A KB page on another origin (another site, even: localhost, not 127.0.0.1) and another path, served
  // by a small server on this machine. Chromium lets only local pages frame a local address, so the host
  // page must really come from a loopback server, not from a routed response. The shared fixture aborts
  // requests that leave 127.0.0.1; this one origin, on this machine, is let through to the network here.
  const hostPages = new Map<string, string>();
  let server: Server;
  let HOST = '';
  test.beforeAll(async () => {
    server = createServer((req, res) => {
      const html = hostPages.get(new URL(req.url ?? '/', 'http://x').pathname);
      res
        .writeHead(html ? 200 : 404, { 'content-type': 'text/html; charset=utf-8' })
        .end(html ?? 'Not found');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    HOST = `http://localhost:${(server.address() as AddressInfo).port}`;
  });
  test.afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  async function hostPage(page: Page, snippet: string) {
    const html = readFileSync(new URL('./embed-host/host.html', import.meta.url), 'utf8').replace(
      '<!-- SNIPPET -->',
      snippet,
    );
    const path = `/wiki/${test.info().testId}/KB-1234.html`;
    hostPages.set(path, html);
    await page.route(`${HOST}/**`, (route) => route.continue());
    await page.goto(HOST + path);
  }

  test("the builder's iframe snippet embeds the page on another origin, without header or footer, sized to fit", async ({
    page,
  }) => {
    await page.goto(`${MOUNT}#/links`);
    await page.getByLabel('Scenario or outcome').selectOption('tls-dhe-ciphers');
    const snippet = (await codeOf(page, 'Copy HTML: iframe snippet').textContent()) ?? '';
    expect(snippet).toContain(`${MOUNT}?embed=1#/scenario/tls-dhe-ciphers`);

    await hostPage(page, snippet);
    const iframe = page.locator('iframe[data-tls10054]');
    const frame = page.frameLocator('iframe[data-tls10054]');
    await expect(heading(frame)).toHaveText(getOutcome('tls-dhe-ciphers')!.title);
    await expect(frame.getByRole('banner')).toHaveCount(0);
    await expect(frame.getByRole('contentinfo')).toHaveCount(0);

    // "Open in full app": the same page without embed, in a new tab.
    const open = frame.getByRole('link', { name: /Open in full app/ });
    await expect(open).toHaveAttribute('target', '_blank');
    await expect(open).toHaveAttribute('rel', /noopener/);
    await expect(open).toHaveAttribute(
      'href',
      new RegExp(`${MOUNT.replace(/\//g, '\\/')}#/scenario/tls-dhe-ciphers$`),
    );

    // The host snippet sets the iframe to the height the page posts: the whole page, no inner scrolling.
    const fits = async () => {
      const outer = (await iframe.boundingBox())?.height ?? 0;
      const inner = await frame
        .locator('body')
        .evaluate((b) => Math.ceil(b.firstElementChild!.getBoundingClientRect().height));
      return Math.abs(outer - inner) <= 2 && outer > 1000;
    };
    await expect.poll(fits).toBe(true);

    // Navigating inside the frame keeps the embedded view, and the frame shrinks to the new page.
    const tallHeight = (await iframe.boundingBox())!.height;
    await frame.getByRole('link', { name: 'All scenarios' }).click();
    await expect(heading(frame)).toHaveText('Scenarios');
    await expect(frame.getByRole('banner')).toHaveCount(0);
    await expect.poll(fits).toBe(true);
    expect((await iframe.boundingBox())!.height).not.toBe(tallHeight);
    await frame
      .getByRole('link', { name: new RegExp(getOutcome('login-failed')!.title.slice(0, 20)) })
      .click();
    await expect(heading(frame)).toHaveText(getOutcome('login-failed')!.title);
    await expect(frame.getByRole('banner')).toHaveCount(0);
    await expect(frame.getByRole('link', { name: /Open in full app/ })).toBeVisible();
  });

  test('the shipped docs/hosting/embed-resize.js sizes a hand-written iframe below the fold, which does not pull the page down', async ({
    page,
  }) => {
    const script = readFileSync(new URL('../docs/hosting/embed-resize.js', import.meta.url), 'utf8');
    const port = new URL(test.info().project.use.baseURL!).port;
    await hostPage(
      page,
      `<div style="height: 2000px">The article's text, a long page of it.</div>
      <iframe data-tls10054 title="Troubleshooter" style="width:100%;height:300px;border:0" src="http://127.0.0.1:${port}${MOUNT}#/wizard/cert-hash?embed=1"></iframe><script>${script}</script>`,
    );
    const iframe = page.locator('iframe[data-tls10054]');
    const frame = page.frameLocator('iframe[data-tls10054]');
    await expect(heading(frame)).toHaveText(getQuestion('cert-hash')!.title);
    await expect(frame.getByRole('banner')).toHaveCount(0);
    // Sized while still out of view, and the question did not take focus and scroll the KB page to it.
    await expect.poll(async () => (await iframe.boundingBox())?.height).toBeGreaterThan(500);
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
    // Embed mode was moved before the #, so it survives navigation and a reload of the frame.
    await frame.getByRole('link', { name: 'Start from the first question' }).click();
    await expect(heading(frame)).toHaveText(getQuestion(flow.start)!.title);
    const inner = page.frames().find((f) => f.url().includes(MOUNT))!;
    expect(inner.url()).toContain(`${MOUNT}?embed=1#/wizard/${flow.start}`);
    await inner.evaluate(() => window.location.reload());
    await expect(heading(frame)).toHaveText(getQuestion(flow.start)!.title);
    await expect(frame.getByRole('banner')).toHaveCount(0);
    await expect(frame.getByRole('link', { name: /Open in full app/ })).toBeVisible();
  });
});

test.describe('links the app does not fully understand', () => {
  test('unknown parameters are named in a dismissible notice and ignored', async ({ page }) => {
    await page.goto(`${MOUNT}#/scenarios?utm_source=wiki&sample=x`);
    await expect(heading(page)).toHaveText('Scenarios');
    const notice = page.getByTestId('link-notices');
    await expect(notice).toContainText('Parts of this link were not understood and were ignored');
    await expect(notice).toContainText('“utm_source=wiki”');
    await expect(notice).toContainText('“sample=x”');
    expect(page.url()).toMatch(/#\/scenarios$/);
    await notice.getByRole('button', { name: /Dismiss/ }).click();
    await expect(notice).toHaveCount(0);
  });

  test('answers that do not fit are named, the rest are used', async ({ page }) => {
    await page.goto(`${MOUNT}#/wizard?answers=error-text:handshake-reset,client-platform:amiga,nope:1`);
    await expect(heading(page)).toHaveText(getQuestion('client-platform')!.title);
    const notices = page.getByTestId('link-notices');
    await expect(notices).toContainText('The link filled in one answer');
    await expect(notices).toContainText('“amiga” is not one of the answers');
    await expect(notices).toContainText('there is no question “nope”');
  });

  test('an unknown scenario id or page is a clear page, never a blank one', async ({ page }) => {
    await page.goto(`${MOUNT}#/scenario/scenario-99?x=1`);
    await expect(heading(page)).toHaveText('Scenario not found');
    await page.goto(`${MOUNT}#/no-such-page?embed=1`);
    await expect(heading(page)).toHaveText('Page not found');
    await expect(page.getByRole('banner')).toHaveCount(0);
  });
});
