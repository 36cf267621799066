// What a new user meets around the pages: the workspace fits a phone with its navigation in a drawer, a page
// whose code fails to arrive offers a reload, and a signed-in user is not shown sign-in or registration again.
import { expect, test } from '@playwright/test';
import { LoginPage } from './pages/login-page';
import { WorkspacePage } from './pages/workspace-page';
import { DEMO_PASSWORD } from './support/accounts';

test.describe('on a 390 px wide phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

  test('the workspace is no wider than the screen and its navigation opens from the header', async ({
    page,
  }) => {
    await new LoginPage(page).signIn('intake', DEMO_PASSWORD);
    const workspace = new WorkspacePage(page);
    for (const path of ['/dashboard', '/enterprises', '/calendar', '/account']) {
      await workspace.goto(path);
      await expect(workspace.heading).toBeVisible();
      await expect(page.locator('.ant-spin-spinning')).toHaveCount(0);
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(width, `${path} scroll width`).toBeLessThanOrEqual(390);
    }

    await expect(workspace.nav).toBeHidden();
    await page.getByRole('button', { name: '打开导航菜单' }).click();
    await expect(workspace.nav).toBeVisible();
    await workspace.nav.getByRole('link', { name: '企业' }).click();
    await expect(page).toHaveURL(/\/app\/enterprises$/);
    await expect(workspace.heading).toBeVisible();
    await expect(workspace.nav).toBeHidden();
  });
});

test('a page whose code does not arrive offers a reload that brings it back', async ({ page }) => {
  await new LoginPage(page).signIn('intake', DEMO_PASSWORD);
  const workspace = new WorkspacePage(page);
  await page.route('**/assets/enterprise-list-page-*.js', (route) => route.abort('connectionreset'));
  await workspace.nav.getByRole('link', { name: '企业' }).click();
  await expect(workspace.heading).toHaveText('页面加载失败');
  await expect(workspace.nav).toBeVisible();

  await page.unroute('**/assets/enterprise-list-page-*.js');
  await page.getByRole('button', { name: '重新加载' }).click();
  await expect(workspace.heading).not.toHaveText('页面加载失败');
  await expect(page).toHaveURL(/\/app\/enterprises$/);
});

test('a signed-in user who opens sign-in or registration goes on to the workspace', async ({ page }) => {
  await new LoginPage(page).signIn('intake', DEMO_PASSWORD);
  for (const path of ['/login', '/register']) {
    await page.goto(path);
    await expect(page).toHaveURL(/\/app\/dashboard$/);
    await expect(page.getByTestId('current-user')).toBeVisible();
  }
  await page.goto('/login?next=%2Fapp%2Fenterprises');
  await expect(page).toHaveURL(/\/app\/enterprises$/);
});
