/**
 * Accessibility beyond the per-page axe checks of the other specs (shell: every route light and dark;
 * wizard: every question and the error summary; scenarios: every outcome light and dark; paste: a verdict
 * (light); capture: the capture view light and dark). Here: the states those miss (the colour menu open,
 * the paste page's error and share-link messages, a verdict with every disclosure open, in light and dark,
 * a question and the error summary in dark, an outcome reached through the wizard), a keyboard-only journey
 * through a whole wizard path, a visible focus indicator on every control reached by Tab, and reflow at
 * 200% zoom and 320 px without horizontal scrolling or cut-off content.
 */
import type { Page } from '@playwright/test';
import { flow, getOutcome, getQuestion } from '../src/engine/knowledge';
import { enumeratePaths } from '../src/engine/knowledge/graph';
import { expect, expectNoAxeViolations, hashRoute, test } from './fixtures';

const ERROR =
  'A connection was successfully established with the server, but then an error occurred during the pre-login handshake. (provider: TCP Provider, error: 0 - An existing connection was forcibly closed by the remote host.) (Microsoft SQL Server, Error: 10054)';
const OLD_SQL =
  'Microsoft SQL Server 2012 (SP1) - 11.0.3000.0 (X64)\n\tOct 19 2012 13:38:57\n\tCopyright (c) Microsoft Corporation\n\tEnterprise Edition (64-bit) on Windows NT 6.1 <X64> (Build 7601: Service Pack 1)';

const paths = enumeratePaths(flow);
const start = getQuestion(flow.start)!;
const longest = [...paths].sort((a, b) => b.steps.length - a.steps.length)[0]!;
const scenarioOutcome = paths.find((p) => getOutcome(p.outcome)?.type === 'scenario')!.outcome;

async function openVerdict(page: Page) {
  await page.goto(hashRoute('/paste'));
  await page.getByTestId('paste-input').fill(`${ERROR}\n\n${OLD_SQL}`);
  await page.getByRole('button', { name: 'Analyze' }).click();
  await expect(page.getByRole('region', { name: 'Verdict' })).toContainText('Most likely');
}

/** Opens every <details> on the page, so axe sees their content too. */
const openAllDisclosures = (page: Page) =>
  page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));

test.describe('axe on states the other specs do not cover', () => {
  for (const scheme of ['light', 'dark'] as const) {
    test(`the colour theme menu, open (${scheme})`, async ({ page }) => {
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto(hashRoute('/'));
      await page.getByRole('button', { name: /Colour theme/ }).click();
      await expect(page.getByRole('menu')).toBeVisible();
      await expect(page.getByRole('menuitemradio').first()).toBeFocused();
      // WCAG rules only: axe's best-practice "region" rule flags every menu MUI renders in a portal at the end
      // of <body>, outside the landmarks, which is where a popup menu belongs.
      await expectNoAxeViolations(page, { wcagOnly: true });
      // Escape closes it and gives focus back to its button.
      await page.keyboard.press('Escape');
      await expect(page.getByRole('menu')).toHaveCount(0);
      await expect(page.getByRole('button', { name: /Colour theme/ })).toBeFocused();
    });

    test(`a verdict with every disclosure open (${scheme})`, async ({ page }) => {
      test.setTimeout(90_000);
      await page.emulateMedia({ colorScheme: scheme });
      await openVerdict(page);
      await openAllDisclosures(page);
      await expectNoAxeViolations(page, { wcagOnly: true });
    });

    test(`a question and its error summary (${scheme})`, async ({ page }) => {
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto(hashRoute(`/wizard/${start.id}`));
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(start.title);
      await openAllDisclosures(page);
      await page.getByRole('button', { name: 'Continue' }).click();
      await expect(page.getByText('There is a problem')).toBeVisible();
      await expectNoAxeViolations(page);
    });
  }

  test('the paste page with its "paste something first" error and a damaged share link message', async ({
    page,
  }) => {
    await page.goto(hashRoute('/paste?share=v1.NotARealLinkAtAll'));
    await expect(page.getByText(/share link is damaged/)).toBeVisible();
    await page.getByRole('button', { name: 'Analyze' }).click();
    await expect(page.getByText('Paste some text first, or choose a file.')).toBeVisible();
    await openAllDisclosures(page);
    await expectNoAxeViolations(page);
  });

  test('an outcome reached through the wizard, with how we got here, and the stored-progress notice', async ({
    page,
  }) => {
    test.setTimeout(90_000);
    await page.addInitScript(() => {
      if (!sessionStorage.getItem('a11y-once')) {
        sessionStorage.setItem('a11y-once', '1');
        localStorage.setItem('tls10054.wizard', '{"state": {"answers": [');
      }
    });
    await page.goto(hashRoute('/wizard'));
    await expect(page.getByText('could not be read, so it was cleared')).toBeVisible();
    await expectNoAxeViolations(page);
    const path = paths.find((p) => p.outcome === scenarioOutcome)!;
    for (const step of path.steps) {
      const question = getQuestion(step.questionId)!;
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(question.title);
      await page
        .getByRole('radio', {
          name: question.answers.find((a) => a.id === step.answerId)!.label,
          exact: true,
        })
        .check();
      await page.getByRole('button', { name: 'Continue' }).click();
    }
    await expect(page.getByRole('region', { name: 'How we got here' })).toBeVisible();
    await expectNoAxeViolations(page, { wcagOnly: true });
  });
});

test('keyboard only: the longest wizard path from the home page to its outcome', async ({ page }) => {
  test.setTimeout(120_000);
  const tabUntil = async (matches: () => Promise<boolean>, what: string) => {
    for (let i = 0; i < 60; i++) {
      await page.keyboard.press('Tab');
      if (await matches()) return;
    }
    throw new Error(`Tab never reached ${what}`);
  };
  const focused = (locator: ReturnType<Page['getByRole']>) =>
    locator.evaluate((el) => el === document.activeElement).catch(() => false);

  await page.goto(hashRoute('/'));
  await tabUntil(
    () => focused(page.getByRole('link', { name: /Start the guided wizard/ })),
    'the wizard link',
  );
  await page.keyboard.press('Enter');
  for (const step of longest.steps) {
    const question = getQuestion(step.questionId)!;
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(question.title);
    const index = question.answers.findIndex((a) => a.id === step.answerId);
    const first = page.getByRole('radio', { name: question.answers[0]!.label, exact: true });
    // A radio group is one Tab stop; arrows move within it; Space chooses.
    await tabUntil(
      async () => (await focused(page.getByRole('radio').first())) || focused(first),
      'the answers',
    );
    for (let i = 0; i < index; i++) await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Space');
    await expect(
      page.getByRole('radio', { name: question.answers[index]!.label, exact: true }),
    ).toBeChecked();
    await tabUntil(() => focused(page.getByRole('button', { name: 'Continue' })), 'Continue');
    await page.keyboard.press('Enter');
  }
  await expect(page).toHaveURL(new RegExp(`#/scenario/${longest.outcome}$`));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(getOutcome(longest.outcome)!.title);
  await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
});

test.describe('a visible focus indicator on every control reached by Tab', () => {
  for (const [name, route] of [
    ['home', '/'],
    ['a question', `/wizard/${start.id}`],
    ['a scenario', `/scenario/${scenarioOutcome}`],
    ['the paste page with a verdict', '/paste'],
  ] as const) {
    test(name, async ({ page }) => {
      test.setTimeout(90_000);
      if (route === '/paste') await openVerdict(page);
      else await page.goto(hashRoute(route));
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
      const missing: string[] = [];
      const seen = new Set<string>();
      for (let i = 0; i < 40; i++) {
        await page.keyboard.press('Tab');
        const result = await page.evaluate(() => {
          const el = document.activeElement as HTMLElement | null;
          if (!el || el === document.body) return null;
          const label = `${el.tagName.toLowerCase()} "${(el.getAttribute('aria-label') ?? el.innerText ?? '').trim().slice(0, 40)}"`;
          // The indicator may be drawn by the control or by the visible box around a hidden native input.
          const candidates = [el, el.parentElement, el.parentElement?.parentElement].filter(
            (x): x is HTMLElement => x instanceof HTMLElement,
          );
          const visible = candidates.some((x) => {
            const s = getComputedStyle(x);
            const outline = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0;
            const ring = s.boxShadow !== 'none' && s.boxShadow !== '';
            // MUI text fields draw focus as a thicker border on the outline around the input
            const fieldset = x.querySelector(':scope > fieldset');
            const border = fieldset !== null && parseFloat(getComputedStyle(fieldset).borderTopWidth) >= 2;
            return outline || ring || border;
          });
          return { label, visible };
        });
        if (!result) continue;
        if (seen.has(result.label)) break; // wrapped around
        seen.add(result.label);
        if (!result.visible) missing.push(result.label);
      }
      expect(seen.size).toBeGreaterThan(2);
      expect(missing, 'focused controls without a visible indicator').toEqual([]);
    });
  }
});

test.describe('reflow: no horizontal scrolling or cut-off content', () => {
  const pages: [string, (page: Page) => Promise<void>][] = [
    ['home', (page) => page.goto(hashRoute('/')).then(() => undefined)],
    [
      'a question',
      (page) => page.goto(hashRoute(`/wizard/${longest.steps.at(-1)!.questionId}`)).then(() => undefined),
    ],
    ['a scenario', (page) => page.goto(hashRoute(`/scenario/${scenarioOutcome}`)).then(() => undefined)],
    ['the paste verdict', openVerdict],
  ];
  for (const [width, label] of [
    [640, '200% zoom of a 1280 px window (640 CSS px)'],
    [320, '320 px wide (400% zoom)'],
  ] as const) {
    for (const [name, open] of pages) {
      test(`${name} at ${label}`, async ({ page }) => {
        test.setTimeout(90_000);
        await page.setViewportSize({ width, height: 800 });
        await open(page);
        await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
        await openAllDisclosures(page);
        const report = await page.evaluate(() => {
          const doc = document.documentElement;
          const limit = doc.clientWidth + 1;
          // Content may scroll sideways only inside its own scrolling box (code blocks); nothing else may
          // reach past the window's right edge or be cut off by an ancestor that hides overflow.
          const scrollsSideways = (el: Element | null): boolean => {
            for (let x = el?.parentElement ?? null; x && x !== document.body; x = x.parentElement) {
              const o = getComputedStyle(x).overflowX;
              if (o === 'auto' || o === 'scroll') return true;
            }
            return false;
          };
          const offenders: string[] = [];
          for (const el of document.querySelectorAll('body *')) {
            const r = el.getBoundingClientRect();
            if (r.width === 0 || r.height === 0 || getComputedStyle(el).visibility === 'hidden') continue;
            if (el.closest('[aria-hidden="true"], .MuiTouchRipple-root')) continue;
            if (r.right > limit && !scrollsSideways(el)) {
              offenders.push(
                `${el.tagName.toLowerCase()}.${[...el.classList].slice(0, 2).join('.')} right=${Math.round(r.right)}`,
              );
            }
          }
          return {
            scrollWidth: doc.scrollWidth,
            clientWidth: doc.clientWidth,
            offenders: offenders.slice(0, 8),
          };
        });
        expect(report.offenders, 'elements past the right edge').toEqual([]);
        expect(report.scrollWidth).toBeLessThanOrEqual(report.clientWidth);
      });
    }
  }
});
