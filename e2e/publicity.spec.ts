// The portal's publicity page (公示公告) opens from the navigation without signing in and shows what the public
// route publishes: each list with its amounts in 元, or the empty state when nothing is published, never an
// error; in English too; and with no serious accessibility violations. The page reads the real route of the
// server under test; how a list is worded is held by the unit tests of its formatting.
import { expect, type Page, test } from '@playwright/test';
import { seriousViolations } from './support/axe';

const AMOUNT = /^\d{1,3}(,\d{3})*\.\d{2}$/;

async function openFromNav(page: Page): Promise<void> {
  await page.goto('/');
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '公示公告' }).click();
  await expect(page).toHaveURL(/\/publicity$/);
  await expect(page.getByRole('heading', { level: 1, name: '公示公告' })).toBeVisible();
  await expect(page.getByText('加载中…')).toHaveCount(0);
}

test('the publicity page shows the published lists or says there are none', async ({ page, request }) => {
  const response = await request.get('/api/public/publicity');
  expect(response.ok(), 'the public publicity route answers without signing in').toBe(true);
  const published = (await response.json()) as { entries: unknown[] }[];

  await openFromNav(page);
  await expect(page).toHaveTitle(/公示公告/);
  await expect(page.locator('.error-box')).toHaveCount(0);
  if (published.length === 0) {
    await expect(page.getByText('暂无公示。')).toBeVisible();
    await expect(page.getByRole('table')).toHaveCount(0);
  } else {
    await expect(page.getByRole('heading', { level: 2 })).toHaveCount(published.length);
    await expect(page.getByText(/^公示期：\d{4}年\d{1,2}月\d{1,2}日/).first()).toBeVisible();
    const withEntries = published.filter((list) => list.entries.length > 0).length;
    await expect(page.getByRole('table')).toHaveCount(withEntries);
    if (withEntries > 0) {
      const amounts = page.getByRole('table').first().locator('tbody td:last-child');
      await expect(amounts.first()).toHaveText(AMOUNT);
      await expect(page.getByRole('table').first().locator('tfoot td')).toHaveText(AMOUNT);
    }
  }
});

test('the publicity page speaks English after the switch', async ({ page }) => {
  await openFromNav(page);
  await page.getByRole('button', { name: /English/ }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Public notices of awards');
  await expect(
    page.getByRole('navigation').getByRole('link', { name: 'Public notices of awards' }),
  ).toHaveAttribute('aria-current', 'page');
  await expect(
    page
      .getByText('No award list is published at present.')
      .or(page.getByText(/^Publicity period: /).first()),
  ).toBeVisible();
});

test('the publicity page has no serious accessibility violations', async ({ page }) => {
  await openFromNav(page);
  await expectNoSeriousViolations(page);
});

async function expectNoSeriousViolations(page: Page): Promise<void> {
  await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1);
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  expect(await seriousViolations(page, 'publicity'), 'serious or critical axe violations').toEqual([]);
}
