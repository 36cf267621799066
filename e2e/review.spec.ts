// Intake review in the browser: the intake officer opens the demo's submitted application, finds its materials
// complete against the checklist and downloads one, returns it for correction with a reason, the applicant
// reads the reason and submits again, and the officer passes it.
import { expect, type Page, test } from '@playwright/test';
import { ApplyPage } from './pages/apply-page';
import { LoginPage } from './pages/login-page';
import { WorkspacePage } from './pages/workspace-page';
import { DEMO_PASSWORD } from './support/accounts';

const ENTERPRISE = '广州璞衡软件开发有限公司';
const ITEM = '收汇凭证合计与合同金额不一致，请补充差额部分的凭证。';
const REASON = '请补充全部服务合同复印件及收汇凭证。';

async function openReview(page: Page) {
  await new LoginPage(page).signIn('intake', DEMO_PASSWORD);
  const workspace = new WorkspacePage(page);
  await workspace.goto('/applications');
  await expect(workspace.heading).toHaveText('申报受理');
  return page.getByRole('row').filter({ hasText: ENTERPRISE });
}

test('intake checks the materials, returns an application with a reason, the applicant resubmits, intake passes it', async ({
  page,
  browser,
}) => {
  const row = await openReview(page);
  await expect(row.getByText('已提交')).toBeVisible();
  const [exported] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: '导出列表（XLSX）' }).click(),
  ]);
  expect(exported.suggestedFilename()).toBe('申报列表.xlsx');
  await row.getByRole('button', { name: '查看材料' }).click();
  const materials = page.getByRole('region', { name: `申报材料：${ENTERPRISE}` });
  await expect(materials.getByText('材料齐全', { exact: true })).toBeVisible();
  await expect(materials.getByText('以下任选其一')).toBeVisible();
  await expect(materials.getByText(/^已由 .+ 于 .+（北京时间）签署。$/)).toBeVisible();
  const link = materials.getByRole('link').first();
  await expect(link).toHaveAttribute('href', /^\/api\/applications\/[\w-]+\/materials\/[\w-]+$/);
  const download = page.waitForEvent('download');
  await link.click();
  expect((await download).suggestedFilename()).toBe(await link.textContent());
  await row.getByRole('button', { name: '收起材料' }).click();
  await expect(materials).toBeHidden();

  await row.getByRole('button', { name: '退回补正' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('button', { name: '确定' }).click();
  await expect(dialog.getByText('请填写理由')).toBeVisible();
  await dialog.getByLabel('理由（申报企业可见）').fill(REASON);
  // One item to correct, and three working days instead of the usual five.
  await dialog.getByLabel('补正期限（工作日）').fill('3');
  await dialog.getByRole('button', { name: '添加补正事项' }).click();
  await dialog.getByRole('combobox', { name: '补正事项 1' }).click();
  await page.locator('.ant-select-dropdown').getByText('收汇凭证', { exact: true }).click();
  await dialog.getByLabel('事项 1 的说明').fill(ITEM);
  await dialog.getByRole('button', { name: '确定' }).click();
  await expect(page.getByText('已退回补正。')).toBeVisible();
  await expect(row).toHaveCount(0);

  const context = await browser.newContext();
  try {
    const applicantPage = await context.newPage();
    await new LoginPage(applicantPage).signIn('applicant2', DEMO_PASSWORD);
    const apply = new ApplyPage(applicantPage, new WorkspacePage(applicantPage));
    await apply.goto();
    const mine = applicantPage.getByRole('row').filter({ hasText: '退回补正' });
    await expect(mine.getByText(`审查意见：${REASON}`)).toBeVisible();
    await expect(mine.getByText('材料齐全')).toBeVisible();
    const correction = applicantPage.getByRole('alert').filter({ hasText: '补正要求' });
    await expect(correction.getByText(`收汇凭证：${ITEM}`)).toBeVisible();
    await expect(
      correction.getByText(/^请于 \d{4}-\d{2}-\d{2}（北京时间当日24时前）修改后重新提交。$/),
    ).toBeVisible();
    await apply.act(mine, '重新提交');
    await expect(applicantPage.getByText('已重新提交申报。')).toBeVisible();
  } finally {
    await context.close();
  }

  await page.reload();
  await expect(row.getByText('已提交')).toBeVisible();
  await row.getByRole('button', { name: '形式审查通过' }).click();
  await page.locator('.ant-popconfirm').getByRole('button', { name: '确定' }).click();
  await expect(page.getByText('已通过形式审查。')).toBeVisible();
});
