// The applicant finishes the demo's draft: fills in the declared figures, is refused a malformed amount with
// the reason at the field, submits after confirming, withdraws, and starts again on the same clause.
import { expect, test } from '@playwright/test';
import { ApplyPage } from './pages/apply-page';
import { LoginPage } from './pages/login-page';
import { WorkspacePage } from './pages/workspace-page';
import { DEMO_PASSWORD } from './support/accounts';

const CALL = '2026年天河区服务外包业绩奖励和服务贸易额业绩奖励申报通知';

test('an applicant fills in, submits and withdraws its application, then starts again', async ({ page }) => {
  await new LoginPage(page).signIn('applicant', DEMO_PASSWORD);
  const apply = new ApplyPage(page, new WorkspacePage(page));
  await apply.goto();
  await expect(page.getByText('穗天府规〔2020〕3号 第三条第17项第（2）点')).toBeVisible();

  const row = apply.application(CALL);
  await expect(row.getByText('草稿')).toBeVisible();
  await row.getByRole('button', { name: '填写申报数据' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('服务贸易额', { exact: true }).fill('12,5');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog.getByText('请输入金额，最多两位小数')).toBeVisible();
  await dialog.getByRole('button', { name: '取消' }).click();

  await apply.fillFigures(row, { 服务贸易额: '1925000.50', 服务出口额: '1400000' });
  await apply.act(row, '提交申报');
  await expect(page.getByText('已提交申报。')).toBeVisible();
  await expect(row.getByText('已提交')).toBeVisible();
  await expect(row.getByRole('button', { name: '填写申报数据' })).toHaveCount(0);

  await apply.act(row, '撤回');
  await expect(row.getByText('已撤回')).toBeVisible();
  await page.getByRole('button', { name: '开始申报' }).click();
  await expect(page.getByText('已开始申报').first()).toBeVisible();
  await expect(page.getByRole('row').filter({ hasText: CALL }).filter({ hasText: '草稿' })).toHaveCount(1);
});
