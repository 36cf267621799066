// An objection (异议) from the public to its resolution, against the demo as loaded: the current program's first
// batch is in publicity from the day of loading. A visitor opens the open list from the portal's publicity page,
// is refused an anonymous objection with each field's reason, files one under a real name about one entry and
// gets its time and reference. The intake officer reaches the call's awards page from the program page, finds
// the objection among the open ones and dismisses it with the investigation and the resolution recorded; the
// list and its awards stay as published. No serious accessibility violations on the way.
import { expect, test } from '@playwright/test';
import { LoginPage } from './pages/login-page';
import { WorkspacePage } from './pages/workspace-page';
import { DEMO_PASSWORD } from './support/accounts';
import { seriousViolations } from './support/axe';

const BATCH_TITLE = '2026年天河区服务外包业绩奖励和服务贸易额业绩奖励申报通知（2025年度业绩·第一批）';
const ENTERPRISE = '广州知澜数据服务有限公司';
const FILER = '陈晓雯';

test('a visitor files a named objection on the portal and intake dismisses it', async ({ page }) => {
  await page.goto('/publicity');
  const list = page.getByRole('article', { name: new RegExp(BATCH_TITLE.replace(/[()（）·]/g, '.')) });
  await expect(list.getByText('公示中')).toBeVisible();
  await list.getByRole('link', { name: `对“${BATCH_TITLE}”公示名单提出异议` }).click();
  await expect(page).toHaveURL(/\/publicity\/[0-9a-f-]+\/objection$/);
  await expect(page.getByRole('heading', { level: 1, name: '提出异议' })).toBeVisible();

  // Nothing filled in: each field says what it needs, and nothing is sent.
  await page.getByRole('button', { name: '提交异议' }).click();
  await expect(page.getByText('请填写真实姓名。')).toBeVisible();
  await expect(page.getByText('请留下联系电话或电子邮箱。')).toBeVisible();
  await expect(page.getByText('请写明异议理由，至少10个字。')).toBeVisible();
  await expect(page.getByLabel('真实姓名')).toBeFocused();
  await page.getByLabel('联系电话或电子邮箱').fill('not a contact');
  await page.getByLabel('真实姓名').fill(FILER);
  await page.getByRole('button', { name: '提交异议' }).click();
  await expect(page.getByText('请填写有效的电话号码或电子邮箱。')).toBeVisible();
  expect(
    await seriousViolations(page, 'objection form with errors'),
    'serious or critical axe violations',
  ).toEqual([]);

  await page.getByLabel('异议对象').selectOption({ label: `${ENTERPRISE}（300,000.00 元）` });
  await page.getByLabel('联系电话或电子邮箱').fill('chen.xiaowen@example.cn');
  await page
    .getByLabel('异议理由')
    .fill('该企业2025年度部分服务合同尚未收汇，申报的服务贸易额可能偏高，请核实。');
  await page.getByRole('button', { name: '提交异议' }).click();
  const filed = page.getByRole('status');
  await expect(filed.getByRole('heading', { name: '异议已提交' })).toBeVisible();
  await expect(
    filed.getByText(/^您的异议已于 \d{4}\/\d{1,2}\/\d{1,2} \d{2}:\d{2}（北京时间）收到。$/),
  ).toBeVisible();
  await expect(filed.locator('code')).toHaveText(/^[0-9a-f-]{36}$/);

  // Intake, from the program page to the call's awards page.
  await new LoginPage(page).signIn('intake', DEMO_PASSWORD);
  const workspace = new WorkspacePage(page);
  await workspace.goto('/programs/tianhe-2026-service-trade');
  await page.getByRole('link', { name: `核定与公示：${BATCH_TITLE}` }).click();
  await expect(workspace.heading).toHaveText('奖励核定与公示');
  const objections = page.getByRole('region', { name: '异议处理' });
  const row = objections.getByRole('row').filter({ hasText: FILER });
  await expect(row).toContainText(ENTERPRISE);
  await expect(row).toContainText('待处理');
  await row.getByRole('button', { name: `处理：${FILER} 的异议` }).click();
  const dialog = page.getByRole('dialog', { name: `处理异议 · ${FILER}` });
  await dialog.getByRole('radio', { name: '异议不成立' }).check();
  await dialog.getByLabel('调查核实情况').fill('经核对合同及收汇凭证，所列合同均已于2025年内收汇。');
  await dialog.getByLabel('处理意见').fill('异议不成立，维持公示结果。');
  await dialog.getByRole('button', { name: '确定' }).click();
  await expect(dialog).toBeHidden();
  await expect(row).toContainText('异议不成立');
  await expect(row).toContainText('维持公示结果');
  // Dismissed: the list is not republished.
  await expect(page.getByRole('region', { name: '核定结果' }).getByText('第 1 次公示')).toBeVisible();
  expect(
    await seriousViolations(page, 'call awards with objections'),
    'serious or critical axe violations',
  ).toEqual([]);
});
