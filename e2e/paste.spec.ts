import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, expectNoAxeViolations, hashRoute, test } from './fixtures';

const PRELOGIN_ERROR =
  'A connection was successfully established with the server, but then an error occurred during the pre-login handshake. (provider: TCP Provider, error: 0 - An existing connection was forcibly closed by the remote host.) (Microsoft SQL Server, Error: 10054)';
const OLD_SQL = `Microsoft SQL Server 2012 (SP1) - 11.0.3000.0 (X64)
	Oct 19 2012 13:38:57
	Copyright (c) Microsoft Corporation
	Enterprise Edition (64-bit) on Windows NT 6.1 <X64> (Build 7601: Service Pack 1)`;
const REG_EXPORT = [
  'Windows Registry Editor Version 5.00',
  '',
  '[HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols\\TLS 1.0\\Client]',
  '"Enabled"=dword:00000000',
  '"DisabledByDefault"=dword:00000001',
  '',
  '[HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols\\TLS 1.2\\Client]',
  '"Enabled"=dword:00000001',
  '"DisabledByDefault"=dword:00000000',
  '',
].join('\r\n');

async function paste(page: Page, text: string) {
  await page.getByTestId('paste-input').fill(text);
  await page.getByRole('button', { name: 'Analyze' }).click();
}

test('a pasted error and version give a verdict with the evidence quoted', async ({ page }) => {
  await page.goto(hashRoute('/paste'));
  await paste(page, `${PRELOGIN_ERROR}\n\n${OLD_SQL}`);
  const verdict = page.getByRole('region', { name: 'Verdict' });
  await expect(verdict).toContainText('This is the TLS handshake reset');
  await expect(verdict.getByRole('heading', { name: /Most likely: / })).toContainText(
    'no TLS version in common',
  );
  await expect(verdict).toContainText('11.0.3000.0');
  const card = page.getByRole('article', { name: 'Paste 1' });
  await expect(card).toContainText('This is a client error message');
  await expect(card).toContainText('SQL Server version');
  // The evidence is highlighted in the pasted text.
  await card.getByText('Show the text with the evidence highlighted').click();
  await expect(card.locator('mark').first()).toBeVisible();
  await expectNoAxeViolations(page, { wcagOnly: true });
});

test('a UTF-16 .reg file dropped through the file picker is read', async ({ page }) => {
  await page.goto(hashRoute('/paste'));
  const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(REG_EXPORT, 'utf16le')]);
  await page
    .getByLabel('Choose files to analyze')
    .setInputFiles({ name: 'tls.reg', mimeType: 'application/octet-stream', buffer: utf16 });
  const card = page.getByRole('article', { name: 'tls.reg' });
  await expect(card).toContainText('Read as UTF-16LE text.');
  await expect(card).toContainText('SCHANNEL protocol settings');
});

test('a packet capture file is recognised, not read as text', async ({ page }) => {
  await page.goto(hashRoute('/paste'));
  const pcap = Buffer.from([
    0xd4, 0xc3, 0xb2, 0xa1, 2, 0, 4, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff, 0, 0, 1, 0, 0, 0,
  ]);
  await page
    .getByLabel('Choose files to analyze')
    .setInputFiles({ name: 'trace.pcap', mimeType: 'application/octet-stream', buffer: pcap });
  await expect(page.getByRole('article', { name: 'trace.pcap' })).toContainText('packet capture');
});

test('something unknown says what is accepted, and nothing is lost', async ({ page }) => {
  await page.goto(hashRoute('/paste'));
  await paste(page, 'hello world, this is not a log');
  const card = page.getByRole('article', { name: 'Paste 1' });
  await expect(card).toContainText('We could not recognise anything in this paste');
  await expect(card).toContainText('client error messages');
  await page.reload();
  await expect(page.getByRole('article', { name: 'Paste 1' })).toBeVisible();
});

test('Analyze with an empty box says what to do', async ({ page }) => {
  await page.goto(hashRoute('/paste'));
  await page.getByRole('button', { name: 'Analyze' }).click();
  await expect(page.getByText('Paste some text first, or choose a file.')).toBeVisible();
  await expect(page.getByTestId('paste-input')).toBeFocused();
});

test('pasted markup and tricks are shown as inert text', async ({ page }) => {
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await page.goto(hashRoute('/paste'));
  const hostile = `${PRELOGIN_ERROR}\n<script>alert(1)</script><img src=x onerror="alert(2)"><a href="javascript:alert(3)">x</a> \u202Egnp.exe \u200Bzero`;
  await paste(page, hostile);
  const card = page.getByRole('article', { name: 'Paste 1' });
  await card.getByText('Show the text with the evidence highlighted').click();
  await expect(card.locator('pre')).toContainText('<script>alert(1)</script>');
  await expect(page.locator('main script, main img[src="x"], main a[href^="javascript"]')).toHaveCount(0);
  expect(dialogs).toEqual([]);
});

test('share link: copied with secrets removed, reopened in a new page with the same verdict', async ({
  page,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto(hashRoute('/paste'));
  await paste(page, `${PRELOGIN_ERROR}\n\n${OLD_SQL}\n\nServer=sql01;User ID=app;Password=Hunter2!;`);
  const heading = page
    .getByRole('region', { name: 'Verdict' })
    .getByRole('heading', { name: /Most likely: / });
  const verdictText = await heading.textContent();
  await page.getByRole('button', { name: 'Copy share link' }).click();
  await expect(page.getByRole('alert').filter({ hasText: /Share link copied/ })).toContainText(
    'Removed before sharing: 1 connection-string password',
  );
  const link = await page.evaluate(() => navigator.clipboard.readText());
  expect(link).toContain('#/paste?share=v1.');
  expect(link).not.toContain('Hunter2');

  const other = await context.newPage();
  // A new tab: its sessionStorage starts empty, so everything shown comes from the link.
  await other.goto(link);
  await expect(other.getByText(/Opened a shared analysis: 1 paste/)).toBeVisible();
  await expect(
    other.getByRole('region', { name: 'Verdict' }).getByRole('heading', { name: /Most likely: / }),
  ).toHaveText(verdictText!);
  await expect(other).toHaveURL(/#\/paste$/);
  await expect(other.getByRole('article', { name: 'Paste 1' })).not.toContainText('Hunter2');
});

test('a damaged share link is refused with a reason and changes nothing', async ({ page }) => {
  await page.goto(hashRoute('/paste?share=v1.NotARealLinkAtAll'));
  await expect(page.getByText(/share link is damaged/)).toBeVisible();
  await expect(page.getByRole('article')).toHaveCount(0);
});

test('Copy summary for ticket gives the inputs, the verdict and the evidence', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto(hashRoute('/paste'));
  await paste(page, `${PRELOGIN_ERROR}\n\n${OLD_SQL}`);
  await page.getByRole('button', { name: 'Copy summary for ticket' }).click();
  const text = await page.evaluate(() => navigator.clipboard.readText());
  expect(text).toContain('## 10054 troubleshooting: analysis');
  expect(text).toContain('- Paste 1: a client error message, a SQL Server version (@@VERSION)');
  expect(text).toContain('This is the TLS handshake reset');
  expect(text).toContain('**Most likely: The client and the server have no TLS version in common**');
  expect(text).toContain('11.0.3000.0');
});

test('a disagreement repeated through a long paste shows where else it is, and goes into the ticket', async ({
  page,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const banner = (product: string, build: string) =>
    `2024-03-01 10:16:38.21 Server      Microsoft SQL Server ${product} (RTM) - ${build} (X64) \n` +
    `\tJul 27 2023 18:11:00 \n\tCopyright (C) Microsoft Corporation\n` +
    `\tStandard Edition (64-bit) on Windows Server 2019 Standard 10.0 <X64> (Build 17763: )\n` +
    `2024-03-01 10:16:40.05 Logon       Error: 17830, Severity: 20, State: 11.\n`;
  // the ERRORLOGs of two servers, pasted three times over
  const twoLogs = `${banner('2019', '15.0.4322.2')}\n\n${banner('2016', '13.0.6300.2')}`;
  await page.goto(hashRoute('/paste'));
  await paste(page, [twoLogs, twoLogs, twoLogs].join('\n\n'));
  const section = page.getByRole('region', { name: 'Things that disagree' });
  const builds = section.getByRole('note').filter({ hasText: 'SQL Server build' });
  await expect(builds).toContainText('The same disagreement is in 2 more places.');
  await expect(builds.getByRole('listitem')).toHaveCount(2);
  const toggle = builds.getByRole('button', { name: 'Show the other 2 places' });
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await toggle.click();
  await expect(builds.getByRole('listitem')).toHaveCount(4);
  await expect(builds.getByRole('listitem').nth(2)).toContainText('13.0.6300.2');
  await expect(builds.getByRole('listitem').nth(3)).toContainText('13.0.6300.2');
  await expect(builds.getByRole('button', { name: 'Hide the other places' })).toHaveAttribute(
    'aria-expanded',
    'true',
  );
  await builds.getByRole('button', { name: 'Hide the other places' }).click();
  await expect(builds.getByRole('listitem')).toHaveCount(2);

  await page.getByRole('button', { name: 'Copy summary for ticket' }).click();
  const text = await page.evaluate(() => navigator.clipboard.readText());
  expect(text).toContain('### Things that disagree');
  expect(text).toMatch(/- SQL Server build: .*15\.0\.4322\.2.*13\.0\.6300\.2.*in 2 more places\./);
});

test('the wizard pre-selects what a paste already established, and says so', async ({ page }) => {
  await page.goto(hashRoute('/paste'));
  await paste(page, PRELOGIN_ERROR);
  await expect(page.getByRole('region', { name: 'Verdict' })).toBeVisible();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Guided wizard' }).click();
  await expect(page.getByText(/Pre-selected from/)).toBeVisible();
  await expect(page.getByRole('radio', { checked: true })).toHaveCount(1);
});

test('a whole 1 MB ERRORLOG file gives its verdict and lists its parts a screenful at a time', async ({
  page,
}) => {
  test.setTimeout(60_000);
  // four real-looking logs (one with its version banner), repeated to 1 MB: 682 parts
  const fixture = (name: string) =>
    readFileSync(new URL(`../src/engine/parsers/__fixtures__/errorlog/${name}`, import.meta.url), 'utf8');
  const logs = [
    'windows-startup.log',
    'cert-load-failed.log',
    'reset-before-ssl.log',
    'listener-overload.log',
  ]
    .map(fixture)
    .join('\n\n');
  let text = logs;
  while (text.length < 1 << 20) text += `\n\n${logs}`;
  await page.goto(hashRoute('/paste'));
  await page
    .getByLabel('Choose files to analyze')
    .setInputFiles({ name: 'ERRORLOG', mimeType: 'text/plain', buffer: Buffer.from(text) });
  // every part, piece of evidence and quote used to be rendered at once: such a file froze the page for
  // minutes (line numbers were counted from the start for each quote)
  const verdict = page.getByRole('region', { name: 'Verdict' });
  await expect(verdict).toContainText('This is the TLS handshake reset', { timeout: 20_000 });
  await expect(
    verdict.getByRole('button', { name: /^Show (\d+ more|the other \d+) quotes/ }).first(),
  ).toBeVisible();

  const card = page.getByRole('article', { name: 'ERRORLOG' });
  await expect(card).toContainText('682 parts were found (SQL Server versions: 341; ERRORLOG excerpts: 341)');
  const parts = card.locator('section[aria-label^="Part "]');
  await expect(parts).toHaveCount(20);
  await card.getByRole('button', { name: 'Show 200 more parts (662 not shown)' }).click();
  await expect(parts).toHaveCount(220);
  await expect(card.getByRole('button', { name: 'Show 200 more parts (462 not shown)' })).toBeVisible();
});
