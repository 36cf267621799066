// The language switch turns the portal into English, says so in <html lang>, and remembers the choice.
import { expect, test } from '@playwright/test';

test('switching to English changes the page and is remembered', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('惠企 · 政策专项资金兑现与绩效评价');
  await page.getByRole('button', { name: /English/ }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en-US');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    'Huiqi · Policy incentive funds and their evaluation',
  );
  await expect(page.getByRole('link', { name: 'Sign in' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Incentive programs' })).toBeVisible();

  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en-US');
  await page.getByRole('link', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sign in');
  expect((await page.context().cookies()).find((c) => c.name === 'huiqi_locale')?.value).toBe('en-US');

  await page.getByRole('button', { name: /中文/ }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('登录');
});

test('server errors come back in the chosen language', async ({ page }) => {
  await page.goto('/login');
  await page.getByRole('button', { name: /English/ }).click();
  await page.getByLabel('Username').fill('intake');
  await page.getByLabel('Password').fill('not-the-password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  const error = page.getByRole('alert').filter({ hasText: /\S/ });
  await expect(error).toBeVisible();
  await expect(error).not.toHaveText(/[\u4e00-\u9fff]/);
});
