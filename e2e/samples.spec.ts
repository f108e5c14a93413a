/**
 * One journey per sample of src/engine/samples (one per scenario and per look-alike error): paste each
 * input, read the verdict, copy the ticket summary, copy the share link, reopen it in a new tab and get the
 * same verdict. Generated from the samples, so a new sample adds a test here.
 */
import type { Page } from '@playwright/test';
import { getOutcome } from '../src/engine/knowledge';
import { mdEscape } from '../src/engine/report/markdown';
import { SAMPLES, type Sample } from '../src/engine/samples/samples';
import { expect, hashRoute, test } from './fixtures';

async function expectVerdict(page: Page, sample: Sample) {
  const verdict = page.getByRole('region', { name: 'Verdict' });
  if (sample.expect.family === 'handshake-reset') {
    await expect(verdict).toContainText('This is the TLS handshake reset');
    const title = getOutcome(sample.expect.topScenario!)!.title;
    await expect(verdict.getByRole('heading', { name: /^Most likely: / })).toHaveText(
      `Most likely: ${title}`,
    );
  } else if (sample.expect.family === 'other-error') {
    await expect(verdict).toContainText('This is a different error');
    await expect(verdict).toContainText(getOutcome(sample.expect.otherError!)!.title);
  } else {
    await expect(verdict).toContainText('Not enough to go on yet.');
  }
}

for (const sample of SAMPLES) {
  test(`sample ${sample.id}: paste -> verdict -> summary -> share link -> same verdict`, async ({
    page,
    context,
  }) => {
    test.setTimeout(90_000);
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    if (sample.answers) {
      // Answers the user gave in the wizard earlier (kept in the browser like real progress).
      const stored = JSON.stringify({ state: { answers: sample.answers }, version: 1 });
      await page.addInitScript((value) => localStorage.setItem('tls10054.wizard', value), stored);
    }
    await page.goto(hashRoute('/paste'));
    for (const input of sample.inputs) {
      await page.getByTestId('paste-input').fill(input.text);
      await page.getByRole('button', { name: 'Analyze' }).click();
    }
    await expect(page.getByRole('article')).toHaveCount(sample.inputs.length);
    await expectVerdict(page, sample);

    await page.getByRole('button', { name: 'Copy summary for ticket' }).click();
    const summary = await page.evaluate(() => navigator.clipboard.readText());
    expect(summary).toContain('## 10054 troubleshooting: analysis');
    if (sample.expect.topScenario)
      expect(summary).toContain(mdEscape(getOutcome(sample.expect.topScenario)!.title));

    await page.getByRole('button', { name: 'Copy share link' }).click();
    await expect(page.getByRole('alert').filter({ hasText: /Share link copied/ })).toBeVisible();
    const link = await page.evaluate(() => navigator.clipboard.readText());
    const other = await context.newPage();
    await other.goto(link);
    await expect(other.getByRole('article')).toHaveCount(sample.inputs.length);
    await expectVerdict(other, sample);
  });
}

test('an example opens from a link, and an unknown example is reported', async ({ page }) => {
  const sample = SAMPLES[0]!;
  await page.goto(hashRoute(`/paste?sample=${sample.id}`));
  await expect(page.getByText(`Loaded the example “${sample.title}”.`)).toBeVisible();
  await expectVerdict(page, sample);
  await expect(page).toHaveURL(/#\/paste$/);
  await page.goto(hashRoute('/paste?sample=no-such-example'));
  await expect(page.getByText(/There is no example called “no-such-example”/)).toBeVisible();
});
