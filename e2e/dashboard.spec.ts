// The dashboard's programs open where staff read them: by the name's link, or a click anywhere on the row.
import { expect, test } from '@playwright/test';
import { LoginPage } from './pages/login-page';
import { WorkspacePage } from './pages/workspace-page';
import { DEMO_PASSWORD } from './support/accounts';

const NAME = '服务外包业绩奖励和服务贸易额业绩奖励';

test('a dashboard row opens its program, and the name is a link to it', async ({ page }) => {
  await new LoginPage(page).signIn('intake', DEMO_PASSWORD);
  const workspace = new WorkspacePage(page);
  await workspace.goto('/dashboard');
  const row = page.getByRole('row').filter({ hasText: 'tianhe-2023-service-trade' });
  await row.getByRole('cell', { name: 'tianhe-2023-service-trade' }).click();
  await expect(page).toHaveURL(/\/app\/programs\/tianhe-2023-service-trade$/);
  await expect(workspace.heading).toHaveText(NAME);
  await expect(page.getByText('广州市天河区商务和金融工作局')).toBeVisible();
  await expect(workspace.nav.getByRole('link', { name: '工作台' })).toBeVisible();

  await workspace.goto('/dashboard');
  await expect(page.getByRole('link', { name: NAME, exact: true })).toHaveAttribute(
    'href',
    '/app/programs/tianhe-2023-service-trade',
  );
});
