/**
 * Generated from the flow graph: one test per path from the first question to an outcome, clicking through
 * the real UI in Chromium. Adding a question or an answer adds tests here without editing this file.
 */
import { flow, getOutcome, getQuestion } from '../src/engine/knowledge';
import { enumeratePaths } from '../src/engine/knowledge/graph';
import { expect, hashRoute, test } from './fixtures';
import { answerQuestion } from './wizard-helpers';

const allPaths = enumeratePaths(flow);

test.describe('every wizard path reaches its outcome', () => {
  test('the flow has paths to walk', () => {
    expect(allPaths.length).toBeGreaterThan(10);
  });

  allPaths.forEach((path, index) => {
    const names = path.steps.map((s) => `${s.questionId}=${s.answerId}`).join(' > ');
    test(`path ${index + 1}: ${names} -> ${path.outcome}`, async ({ page }) => {
      await page.goto(hashRoute('/wizard'));
      for (const step of path.steps) {
        const question = getQuestion(step.questionId)!;
        const answer = question.answers.find((a) => a.id === step.answerId)!;
        await answerQuestion(page, question.title, answer.label);
      }
      await expect(page).toHaveURL(new RegExp(`#/scenario/${path.outcome}$`));
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(getOutcome(path.outcome)!.title);
    });
  });
});
