import { SCENARIO_PRESETS } from '../src/engine/simulator';
import { getOutcome } from '../src/engine/knowledge';
import { expect, expectNoAxeViolations, hashRoute, test } from './fixtures';

const FAILING_PAIR = 'protocol-sql2008r2-rtm-vs-tls12-client';

test('a failing pair, its smallest fix applied in the page, then success', async ({ page }) => {
  test.setTimeout(60_000);
  await page.goto(hashRoute('/simulator'));
  await expect(page).toHaveTitle(/^Handshake simulator – /);
  await page.getByLabel('A pair that reproduces a scenario').selectOption(FAILING_PAIR);
  await page.getByRole('button', { name: 'Load pair' }).click();
  const verdict = page.getByTestId('sim-verdict');
  await expect(verdict).toContainText('The connection fails');
  await expect(verdict.getByRole('link')).toHaveAttribute('href', '#/scenario/tls-protocol-mismatch');
  // The handshake is shown step by step, ending in the reset.
  const steps = page.getByRole('list', { name: 'Handshake steps' }).getByRole('listitem');
  await expect(steps.first()).toBeVisible();
  await expect(steps.filter({ hasText: 'Fails' }).first()).toBeVisible();

  await page.getByRole('button', { name: 'Find the smallest fix' }).click();
  const fixes = page.getByTestId('sim-fix');
  await expect(fixes.first()).toBeVisible();
  await expect(fixes.first()).toContainText(/Low risk|Medium risk|High risk/);
  await expectNoAxeViolations(page, { wcagOnly: true });

  await page.getByRole('button', { name: 'Apply fix 1 to this setup' }).click();
  await expect(page.getByTestId('sim-applied')).toContainText('The connection now works');
  await expect(verdict).toContainText('The connection works');
  await expect(page.getByRole('heading', { name: /The connection works/ })).toBeFocused();
  await expect(page.getByRole('status').filter({ hasText: 'Applied fix 1' })).toBeVisible();
});

test('what-if: changing a setting re-simulates at once', async ({ page }) => {
  await page.goto(hashRoute('/simulator?preset=success-2012r2-default-vs-win10'));
  const verdict = page.getByTestId('sim-verdict');
  await expect(verdict).toContainText('The connection works');
  // Take every protocol but TLS 1.0 away from the server: a TLS 1.2-capable client still works...
  await page.getByLabel('SQL Server build').fill('10.50.1600.1');
  await expect(verdict).toContainText(/The connection (works|fails)/);
  // ...and turning TLS 1.0 off on the client as well leaves nothing in common.
  await page.locator('#client-proto-TLS10').selectOption('disabled');
  await page.locator('#client-proto-TLS11').selectOption('disabled');
  await expect(verdict).toContainText('The connection fails');
  await expect(page.getByTestId('sim-live-verdict')).toContainText('The connection fails');
});

test('preset deep links reproduce their scenario', async ({ page }) => {
  test.setTimeout(60_000);
  for (const preset of SCENARIO_PRESETS) {
    await page.goto(hashRoute(`/simulator?preset=${preset.id}`));
    const verdict = page.getByTestId('sim-verdict');
    await expect(page.getByTestId('sim-notice')).toContainText(preset.label);
    // the preset list shows the pair the link loaded, not the first one
    await expect(page.getByRole('combobox', { name: 'A pair that reproduces a scenario' })).toContainText(
      preset.label,
    );
    if (preset.expected === 'success') {
      await expect(verdict, preset.id).toContainText('The connection works');
    } else if (getOutcome(preset.expected)) {
      await expect(verdict.getByRole('link'), preset.id).toHaveAttribute(
        'href',
        `#/scenario/${preset.expected}`,
      );
    } else {
      await expect(verdict, preset.id).toContainText(/fail/i);
    }
  }
  // A scenario id works as a preset too: the first pair that reproduces it.
  await page.goto(hashRoute('/simulator?preset=tls-dhe-ciphers'));
  await expect(page.getByTestId('sim-verdict').getByRole('link')).toHaveAttribute(
    'href',
    '#/scenario/tls-dhe-ciphers',
  );
  // The parameter is tidied away once read.
  await expect(page).toHaveURL(/#\/simulator$/);
});

test('an unknown preset or a bad shared setup says so and keeps the page working', async ({ page }) => {
  await page.goto(hashRoute('/simulator?preset=no-such-preset'));
  await expect(page.getByTestId('sim-notice')).toContainText('There is no preset called “no-such-preset”');
  await expect(page.getByTestId('sim-verdict')).toBeVisible();

  await page.goto(hashRoute('/simulator?s=%%%not-a-token'));
  await expect(page.getByTestId('sim-notice')).toContainText('This setup link could not be opened');
  await expect(page.getByRole('heading', { level: 1, name: 'Handshake simulator' })).toBeVisible();
  await expect(page.getByTestId('sim-verdict')).toBeVisible();
});

test('Copy link to this setup opens the same setup in a new tab', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto(hashRoute('/simulator?preset=weak-hash-sha512-vs-2012r2-client'));
  await page.getByLabel('SQL Server build').fill('13.0.6300.2');
  const before = await page.getByRole('heading', { name: /^The connection/ }).innerText();
  await page.getByRole('button', { name: 'Copy link to this setup' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Link to this setup copied' })).toBeVisible();
  const link = await page.evaluate(() => navigator.clipboard.readText());
  expect(link).toMatch(/#\/simulator\?s=[A-Za-z0-9_-]+$/);

  const other = await context.newPage();
  await other.goto(link);
  await expect(other.getByTestId('sim-notice')).toContainText('Opened the shared setup');
  await expect(other.getByLabel('SQL Server build')).toHaveValue('13.0.6300.2');
  await expect(other.getByRole('heading', { name: /^The connection/ })).toHaveText(before);
});

test('the matrix renders 10 x 10 predicted results and a cell opens its pair', async ({ page }) => {
  test.setTimeout(60_000);
  await page.goto(hashRoute('/simulator'));
  await page.getByRole('tab', { name: /Matrix/ }).click();
  const matrix = page.getByTestId('sim-matrix');
  await expect(matrix.locator('tbody tr')).toHaveCount(10);
  await expect(matrix.locator('thead th')).toHaveCount(10);
  const cells = page.getByTestId('sim-matrix-cell');
  await expect(cells).toHaveCount(100);
  // Every cell says its result in words, not only by colour.
  for (const text of await cells.allInnerTexts()) expect(text).toMatch(/^(Works|Fails|Sometimes fails)/);
  await expectNoAxeViolations(page, { wcagOnly: true });

  const failing = cells.filter({ hasText: /^Fails/ }).first();
  const name = (await failing.getAttribute('aria-label')) ?? '';
  await failing.click();
  await expect(page.getByRole('tab', { name: 'One connection' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('sim-notice')).toContainText('Opened');
  await expect(page.getByTestId('sim-verdict')).toContainText('fail');
  expect(name).toMatch(/^Fails: .+\. Open .+ with .+/);
});

test('pastes from the paste page pre-fill the simulator, saying what was read and what was assumed', async ({
  page,
}) => {
  await page.goto(hashRoute('/paste'));
  await page
    .getByTestId('paste-input')
    .fill(
      'Microsoft SQL Server 2014 - 12.0.2000.8 (X64)\n\tFeb 20 2014 20:04:26\n\tCopyright (c) Microsoft Corporation\n\tEnterprise Edition (64-bit) on Windows NT 6.3 <X64> (Build 9600: )',
    );
  await page.getByRole('button', { name: 'Analyze' }).click();
  await page.getByRole('link', { name: 'Simulator' }).click();
  await page.getByRole('button', { name: 'Use what you pasted' }).click();
  const report = page.getByTestId('sim-prefill-report');
  await expect(report).toContainText('Read from your pastes');
  await expect(report).toContainText('Assumed');
  await expect(page.getByLabel('SQL Server build')).toHaveValue('12.0.2000.8');
});

test('axe finds no violations in dark mode, with a failing result, its fixes and the matrix', async ({
  page,
}) => {
  test.setTimeout(90_000);
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto(hashRoute(`/simulator?preset=${FAILING_PAIR}`));
  await expect(page.getByTestId('sim-verdict')).toContainText('The connection fails');
  await page.getByRole('button', { name: 'Find the smallest fix' }).click();
  await expect(page.getByTestId('sim-fix').first()).toBeVisible();
  await page
    .getByTestId('sim-fix')
    .first()
    .getByText(/How to make/)
    .click();
  await expect(page.getByTestId('sim-fix').first().getByTestId('copyable-code').first()).toBeVisible();
  await expectNoAxeViolations(page, { wcagOnly: true });
  await page.getByRole('tab', { name: /Matrix/ }).click();
  await expect(page.getByTestId('sim-matrix-cell')).toHaveCount(100);
  await expectNoAxeViolations(page, { wcagOnly: true });
});

test('each paste (e.g. one collector output per server) can be a row of the matrix', async ({ page }) => {
  test.setTimeout(60_000);
  await page.goto(hashRoute('/paste'));
  for (const text of [
    'Microsoft SQL Server 2008 R2 (RTM) - 10.50.1600.1 (X64)\n\tApr  2 2010 15:48:46\n\tCopyright (c) Microsoft Corporation\n\tStandard Edition (64-bit) on Windows NT 6.1 <X64> (Build 7601: Service Pack 1)',
    'Microsoft SQL Server 2019 (RTM-CU22) (KB5027702) - 15.0.4322.2 (X64)\n\tJul 27 2023 18:11:00\n\tCopyright (C) 2019 Microsoft Corporation\n\tStandard Edition (64-bit) on Windows Server 2019 Standard 10.0 <X64> (Build 17763: ) (Hypervisor)',
  ]) {
    await page.getByTestId('paste-input').fill(text);
    await page.getByRole('button', { name: 'Analyze' }).click();
  }
  await expect(page.getByRole('article', { name: 'Paste 2' })).toBeVisible();
  await page.getByRole('link', { name: 'Simulator' }).click();
  await page.getByRole('tab', { name: /Matrix/ }).click();
  await page.getByText(/^Servers \(rows\) \(/).click();
  await page.getByRole('checkbox', { name: 'Paste 1 (pasted, as a server)' }).check();
  await page.getByRole('checkbox', { name: 'Paste 2 (pasted, as a server)' }).check();
  const rows = page.getByTestId('sim-matrix').locator('tbody tr');
  await expect(rows).toHaveCount(12);
  // SQL Server 2008 R2 RTM cannot do TLS 1.2, so at least one client fails against it; 2019 reads differently.
  const first = rows.filter({ hasText: 'Paste 1' });
  const second = rows.filter({ hasText: 'Paste 2' });
  await expect(
    first
      .getByTestId('sim-matrix-cell')
      .filter({ hasText: /^Fails/ })
      .first(),
  ).toBeVisible();
  const failsFirst = await first
    .getByTestId('sim-matrix-cell')
    .filter({ hasText: /^Fails/ })
    .count();
  const failsSecond = await second
    .getByTestId('sim-matrix-cell')
    .filter({ hasText: /^Fails/ })
    .count();
  expect(failsFirst).toBeGreaterThan(failsSecond);
});
