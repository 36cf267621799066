// The applicant's inbox (消息) against the demo as loaded: applicant2 submitted its application to the open 2026
// call, so its inbox tells of the submission, unread, with the call; marking all read counts down to none.
import { expect, test } from '@playwright/test';
import { LoginPage } from './pages/login-page';
import { WorkspacePage } from './pages/workspace-page';
import { DEMO_PASSWORD } from './support/accounts';
import { seriousViolations } from './support/axe';

test('applicant2 reads of its submission in the inbox and marks it read', async ({ page }) => {
  await new LoginPage(page).signIn('applicant2', DEMO_PASSWORD);
  const workspace = new WorkspacePage(page);
  await workspace.nav.getByRole('link', { name: '消息' }).click();
  await expect(workspace.heading).toHaveText('消息');
  const submitted = page
    .getByRole('main')
    .getByRole('listitem')
    .filter({ hasText: '申报已提交（已提交）。' });
  await expect(submitted).toContainText(
    '2026年天河区服务外包业绩奖励和服务贸易额业绩奖励申报通知（2025年度业绩）',
  );
  await expect(submitted.getByText('未读', { exact: true })).toBeVisible();
  expect(await seriousViolations(page, 'inbox'), 'serious or critical axe violations').toEqual([]);

  await page.getByRole('button', { name: '全部标为已读' }).click();
  await expect(page.getByRole('status').filter({ hasText: '未读 0 条' })).toBeVisible();
  await expect(submitted.getByText('未读', { exact: true })).toHaveCount(0);
});
