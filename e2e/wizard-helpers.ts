import type { Page } from '@playwright/test';
import { expect } from './fixtures';

/** Chooses an answer by its visible label and presses Continue, as a user would. */
export async function answerQuestion(page: Page, questionTitle: string, answerLabel: string) {
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(questionTitle);
  await page.getByRole('radio', { name: answerLabel, exact: true }).check();
  await page.getByRole('button', { name: 'Continue' }).click();
}
