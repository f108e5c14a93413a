import { flow, getOutcome, getQuestion } from '../src/engine/knowledge';
import { enumeratePaths } from '../src/engine/knowledge/graph';
import { expect, expectNoAxeViolations, hashRoute, test } from './fixtures';
import { answerQuestion } from './wizard-helpers';

const start = getQuestion(flow.start)!;
const paths = enumeratePaths(flow);
// A path of at least three questions, to exercise Back, Change and resume.
const longPath = paths.find((p) => p.steps.length >= 3)!;
const q = (i: number) => getQuestion(longPath.steps[i]!.questionId)!;
const a = (i: number) => q(i).answers.find((x) => x.id === longPath.steps[i]!.answerId)!;

test('the wizard asks one question at a time and validates Continue without an answer', async ({ page }) => {
  await page.goto(hashRoute('/'));
  await page.getByRole('link', { name: /Start the guided wizard/ }).click();
  await expect(page).toHaveURL(new RegExp(`#/wizard/${start.id}$`));
  const heading = page.getByRole('heading', { level: 1 });
  await expect(heading).toHaveText(start.title);
  await expect(heading).toBeFocused();
  await expect(page.getByRole('radio', { checked: true })).toHaveCount(0);
  await page.getByRole('button', { name: 'Continue' }).click();
  const summary = page.getByRole('alert').filter({ hasText: 'There is a problem' });
  await expect(summary).toBeFocused();
  await expect(page).toHaveTitle(/^Error: /);
  await summary.getByRole('link', { name: 'Choose an answer to continue' }).click();
  await expect(page.getByRole('radio').first()).toBeFocused();
  // Choosing does not advance by itself (no auto-advance); Continue does.
  await page.getByRole('radio', { name: a(0).label, exact: true }).check();
  await expect(heading).toHaveText(start.title);
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page).toHaveURL(new RegExp(`#/wizard/${q(1).id}$`));
  await expect(page).not.toHaveTitle(/^Error: /);
});

test('Back, browser Back and Change keep earlier answers; a reload resumes', async ({ page }) => {
  await page.goto(hashRoute('/wizard'));
  await answerQuestion(page, q(0).title, a(0).label);
  await answerQuestion(page, q(1).title, a(1).label);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(q(2).title);
  await expect(page.getByText(/^Question 3$/)).toBeVisible();

  // The wizard's own Back link goes to the previous question with its answer still chosen.
  await page.getByRole('link', { name: 'Back' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(q(1).title);
  await expect(page.getByRole('radio', { name: a(1).label, exact: true })).toBeChecked();

  // Browser Back and Forward move through the same history.
  await page.goBack();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(q(2).title);
  await page.goBack();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(q(1).title);
  await page.goForward();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(q(2).title);

  // A reload of #/wizard resumes at the first unanswered question.
  await page.goto(hashRoute('/wizard'));
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(q(2).title);
  const answered = page.getByRole('region', { name: 'Your answers so far' }).getByRole('listitem');
  await expect(answered).toHaveCount(2);
  await expect(answered.first()).toContainText(a(0).label);

  // Change goes to that question with its answer pre-selected.
  await page.getByRole('link', { name: `Change your answer to: ${q(0).title}` }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(q(0).title);
  await expect(page.getByRole('radio', { name: a(0).label, exact: true })).toBeChecked();
});

test('changing an answer drops only the answers that depended on it', async ({ page }) => {
  // Find a question on the long path with another answer that leads somewhere else.
  await page.goto(hashRoute('/wizard'));
  await answerQuestion(page, q(0).title, a(0).label);
  await answerQuestion(page, q(1).title, a(1).label);
  const other = q(1).answers.find((x) => JSON.stringify(x.next) !== JSON.stringify(a(1).next))!;
  await page.getByRole('link', { name: `Change your answer to: ${q(1).title}` }).click();
  await answerQuestion(page, q(1).title, other.label);
  if ('outcome' in other.next) {
    await expect(page).toHaveURL(new RegExp(`#/scenario/${other.next.outcome}$`));
    return;
  }
  const answered = page.getByRole('region', { name: 'Your answers so far' }).getByRole('listitem');
  await expect(answered).toHaveCount(2);
  await expect(answered.nth(0)).toContainText(a(0).label);
  await expect(answered.nth(1)).toContainText(other.label);
});

test('Start over clears the answers', async ({ page }) => {
  await page.goto(hashRoute('/wizard'));
  await answerQuestion(page, q(0).title, a(0).label);
  await page.getByRole('button', { name: 'Start over' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(start.title);
  await expect(page.getByRole('radio', { checked: true })).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'Your answers so far' })).toHaveCount(0);
});

test('a question opened directly from a link is shown, with a way back to the start', async ({ page }) => {
  await page.goto(hashRoute(`/wizard/${q(2).id}`));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(q(2).title);
  await expect(page.getByText('You opened this question directly')).toBeVisible();
  await page.getByRole('link', { name: 'Start from the first question' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(start.title);
});

test('an unknown question or scenario says so and offers a way on', async ({ page }) => {
  await page.goto(hashRoute('/wizard/no-such-question'));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Question not found');
  await page.getByRole('link', { name: 'Start from the first question' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(start.title);
  await page.goto(hashRoute('/scenario/no-such-scenario'));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Scenario not found');
});

test('corrupt saved progress is discarded with a notice, never a blank page', async ({ page }) => {
  await page.addInitScript(() => localStorage.setItem('tls10054.wizard', '{"state": {"answers": ['));
  await page.goto(hashRoute('/wizard'));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(start.title);
  await expect(page.getByText('could not be read, so it was cleared')).toBeVisible();
});

test('saved progress from an unknown future version is discarded with a notice', async ({ page }) => {
  await page.addInitScript(() =>
    localStorage.setItem('tls10054.wizard', JSON.stringify({ state: { answers: {} }, version: 99 })),
  );
  await page.goto(hashRoute('/wizard'));
  await expect(page.getByText('older version was cleared')).toBeVisible();
});

test('a question can be answered with the keyboard alone', async ({ page }) => {
  await page.goto(hashRoute(`/wizard/${start.id}`));
  await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
  // Tab into the radio group, arrow to the wanted answer, Tab to Continue, Enter.
  const target = start.answers.findIndex((x) => x.id === a(0).id);
  for (let i = 0; i < 30; i++) {
    await page.keyboard.press('Tab');
    if (
      await page
        .getByRole('radio')
        .first()
        .evaluate((el) => el === document.activeElement)
    )
      break;
  }
  await page.keyboard.press('Space');
  for (let i = 0; i < target; i++) await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('radio', { name: a(0).label, exact: true })).toBeChecked();
  for (let i = 0; i < 30; i++) {
    await page.keyboard.press('Tab');
    if (await page.getByRole('button', { name: 'Continue' }).evaluate((el) => el === document.activeElement))
      break;
  }
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`#/wizard/${q(1).id}$`));
});

test('axe finds no violations on any question', async ({ page }) => {
  test.setTimeout(120_000);
  for (const question of flow.questions) {
    await page.goto(hashRoute(`/wizard/${question.id}`));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(question.title);
    await expectNoAxeViolations(page);
  }
});

test('the error summary has no axe violations either', async ({ page }) => {
  await page.goto(hashRoute(`/wizard/${start.id}`));
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByText('There is a problem')).toBeVisible();
  await expectNoAxeViolations(page);
});

test('the outcome page shows how we got here', async ({ page }) => {
  const path = paths.find((p) => getOutcome(p.outcome)?.type === 'scenario')!;
  await page.goto(hashRoute('/wizard'));
  for (const step of path.steps) {
    const question = getQuestion(step.questionId)!;
    await answerQuestion(page, question.title, question.answers.find((x) => x.id === step.answerId)!.label);
  }
  await expect(page).toHaveURL(new RegExp(`#/scenario/${path.outcome}$`));
  const section = page.getByRole('region', { name: 'How we got here' });
  await expect(section.getByRole('listitem')).toHaveCount(path.steps.length);
  // Browser Back returns to the last question with its answer.
  await page.goBack();
  const last = getQuestion(path.steps.at(-1)!.questionId)!;
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(last.title);
});
