import { allOutcomes } from '../src/engine/knowledge';
import { SCENARIO_IDS } from '../src/engine/ids';
import { expect, expectNoAxeViolations, hashRoute, test } from './fixtures';

const scenarioWithCommands = allOutcomes.find(
  (o) => o.type === 'scenario' && o.confirm.some((s) => s.commands?.some((c) => !c.parameters?.length)),
)!;
const firstCommand =
  scenarioWithCommands.type === 'scenario'
    ? scenarioWithCommands.confirm.flatMap((s) => s.commands ?? []).find((c) => !c.parameters?.length)!
    : undefined!;

test('the scenario index lists every outcome and searches by error words, KB numbers and event ids', async ({
  page,
}) => {
  await page.goto(hashRoute('/scenarios'));
  const cards = page.getByRole('main').getByRole('listitem');
  await expect(cards).toHaveCount(allOutcomes.length);
  for (const id of SCENARIO_IDS) {
    await expect(page.locator(`a[href="#/scenario/${id}"]`)).toBeVisible();
  }
  const search = page.getByRole('searchbox', { name: 'Search scenarios' });
  await search.fill('KB3135244');
  await expect(page.locator('a[href="#/scenario/tls-protocol-mismatch"]')).toBeVisible();
  await expect(cards).not.toHaveCount(allOutcomes.length);
  await search.fill('36874');
  await expect(page.locator('a[href="#/scenario/cipher-suite-mismatch"]')).toBeVisible();
  await search.fill('qwxzv zzvkq');
  await expect(page.getByText(/Nothing matches/)).toBeVisible();
});

test('a command copies exactly, says Copied, and announces it', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto(hashRoute(`/scenario/${scenarioWithCommands.id}`));
  const button = page.getByRole('button', { name: `Copy PowerShell: ${firstCommand.title}` }).first();
  await button.click();
  await expect(button).toHaveText('Copied');
  await expect(page.getByRole('status').filter({ hasText: 'Copied PowerShell' })).toHaveText(
    `Copied PowerShell: ${firstCommand.title}`,
  );
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(firstCommand.code);
});

test('copy works without the Clipboard API (fallback), by keyboard', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.addInitScript(() => {
    (window as unknown as { realClipboard: Clipboard }).realClipboard = navigator.clipboard;
    Object.defineProperty(navigator, 'clipboard', { value: undefined, configurable: true });
  });
  await page.goto(hashRoute(`/scenario/${scenarioWithCommands.id}`));
  const button = page.getByRole('button', { name: `Copy PowerShell: ${firstCommand.title}` }).first();
  await button.focus();
  await page.keyboard.press('Enter');
  await expect(button).toHaveText('Copied');
  const copied = await page.evaluate(() =>
    (window as unknown as { realClipboard: Clipboard }).realClipboard.readText(),
  );
  expect(copied).toBe(firstCommand.code);
});

test('Copy summary for ticket gives Markdown with the outcome and its steps', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto(hashRoute(`/scenario/${scenarioWithCommands.id}`));
  await page.getByRole('button', { name: 'Copy summary for ticket' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Summary copied' })).toBeVisible();
  const text = await page.evaluate(() => navigator.clipboard.readText());
  expect(text).toContain(`## 10054 troubleshooting: ${scenarioWithCommands.title}`);
  expect(text).toContain('### Confirm');
  expect(text).toContain(firstCommand.code.split('\n')[0]!);
});

test('the print view shows the content without navigation or buttons', async ({ page }) => {
  await page.goto(hashRoute(`/scenario/${scenarioWithCommands.id}`));
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeHidden();
  await expect(page.getByRole('button', { name: 'Copy summary for ticket' })).toBeHidden();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.getByText(firstCommand.code.split('\n')[0]!).first()).toBeVisible();
});

for (const outcome of allOutcomes) {
  test(`axe finds no violations on the ${outcome.id} page, in light and dark`, async ({ page }) => {
    test.setTimeout(90_000);
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      // A full load for each scheme: switching the scheme on a live page animates colours (MUI transitions),
      // and axe would measure contrast mid-transition.
      await page.goto('about:blank');
      await page.goto(hashRoute(`/scenario/${outcome.id}`));
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(outcome.title);
      await expectNoAxeViolations(page, { wcagOnly: scheme === 'dark' });
    }
  });
}
