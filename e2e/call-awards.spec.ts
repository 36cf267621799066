// The staff page of a call's awards (核定 → 公示 → 异议处理 → 审批) against the demo as loaded. Its 2023 round was
// carried through by the product's own use cases — calculated, publicized for five working days, closed and
// approved as allocated — so intake reads it as history: the totals, the closed publicity, ten approved awards,
// each award's explanation, no objection, and no step left to take. Its open 2026 call has applications but no
// calculation yet: intake reads that plainly and is offered no administrator's step; the administrator is asked
// to confirm the calculation and reads the server's refusal while the call is still open; the approver reads the
// page in English. None with serious accessibility violations. A call's id comes from the real staff list of
// applications (intake's), as the page's own requests would.
import { type Browser, expect, type Page, test } from '@playwright/test';
import ExcelJS from 'exceljs';
import { LoginPage } from './pages/login-page';
import { WorkspacePage } from './pages/workspace-page';
import { DEMO_PASSWORD } from './support/accounts';
import { signInAsAdmin } from './support/admin';
import { seriousViolations } from './support/axe';

const OPEN_CALL = 'tianhe-2026-service-trade-call';
const CALL_2023 = 'tianhe-2023-service-trade-call';

/** A demo call's id, read by intake from the applications in `status` under it. */
async function callId(browser: Browser, code: string, status: string): Promise<string> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await new LoginPage(page).signIn('intake', DEMO_PASSWORD);
    const response = await page.request.get(`/api/applications?status=${status}`);
    expect(response.ok(), `intake lists the ${status} applications`).toBe(true);
    const { items } = (await response.json()) as { items: { callId: string; callCode: string }[] };
    const id = items.find((item) => item.callCode === code)?.callId;
    if (!id) throw new Error(`the demo has an application ${status} under ${code}`);
    return id;
  } finally {
    await context.close();
  }
}

async function openAwards(page: Page, callId: string): Promise<WorkspacePage> {
  const workspace = new WorkspacePage(page);
  await workspace.goto(`/calls/${callId}/awards`);
  await expect(workspace.heading).toHaveText(/^(奖励核定与公示|Awards and publicity)$/);
  return workspace;
}

test('intake reads the demo’s 2023 round: calculated, publicized, closed and approved as allocated', async ({
  page,
  browser,
}) => {
  const call2023 = await callId(browser, CALL_2023, 'approved');
  await new LoginPage(page).signIn('intake', DEMO_PASSWORD);
  await openAwards(page, call2023);
  const summary = page.getByRole('region', { name: '核定结果' });
  await expect(summary.getByRole('row').filter({ hasText: '资金预算' })).toContainText('1,299,600.00 元');
  await expect(summary.getByRole('row').filter({ hasText: '分配合计' })).toContainText('1,299,600.00 元');
  await expect(summary.getByText('第 1 次公示')).toBeVisible();
  await expect(summary.getByText('已结束')).toBeVisible();
  await expect(summary.getByText('2023年11月20日至11月24日')).toBeVisible();
  await expect(summary.getByText('2023年11月24日24时（北京时间）')).toBeVisible();

  const awards = page.getByRole('table', { name: '各申报的核定奖励（单位：元）' });
  await expect(awards.getByRole('row').filter({ hasText: '已审批' })).toHaveCount(10);
  const first = awards.getByRole('row').filter({ hasText: '已审批' }).first();
  const enterprise = (await first.getByRole('cell').first().textContent()) ?? '';
  await first.getByRole('button', { name: `查看说明：${enterprise}` }).click();
  const explanation = page.getByRole('region', { name: `核定说明：${enterprise}` });
  await expect(explanation.getByText('计算过程').first()).toBeVisible();
  await expect(first.getByRole('button', { name: `收起说明：${enterprise}` })).toHaveAttribute(
    'aria-expanded',
    'true',
  );

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: '导出奖励名单（XLSX）' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('核定奖励名单-1.xlsx');
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(await download.path());
  const sheet = workbook.worksheets[0];
  expect(sheet?.getRow(1).getCell(1).value).toBe('企业名称');
  // The header and the sixteen applications of 2023.
  expect(sheet?.rowCount).toBe(17);

  await expect(page.getByRole('region', { name: '异议处理' }).getByText('没有异议。')).toBeVisible();
  await expect(page.getByRole('button', { name: /^(测算奖励|发布公示|审批名单|处理)/ })).toHaveCount(0);
  expect(await seriousViolations(page, 'call awards (2023)'), 'serious or critical axe violations').toEqual(
    [],
  );
});

test('intake reads that the open call is not calculated yet and is offered no administrator’s step', async ({
  page,
  browser,
}) => {
  const openCall = await callId(browser, OPEN_CALL, 'submitted');
  await new LoginPage(page).signIn('intake', DEMO_PASSWORD);
  await openAwards(page, openCall);
  await expect(page).toHaveTitle(/奖励核定与公示/);
  await expect(page.getByText(/^该申报通知尚未测算奖励。/)).toBeVisible();
  await expect(page.getByRole('button', { name: '测算奖励' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: '发布公示' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: '审批名单' })).toHaveCount(0);
  expect(await seriousViolations(page, 'call awards (intake)'), 'serious or critical axe violations').toEqual(
    [],
  );
});

test('the administrator confirms the calculation and reads the server’s refusal while the call is open', async ({
  page,
  browser,
}) => {
  const openCall = await callId(browser, OPEN_CALL, 'submitted');
  await signInAsAdmin(page);
  await openAwards(page, openCall);
  await expect(page.getByRole('button', { name: '发布公示' })).toHaveCount(0);
  await page.getByRole('button', { name: '测算奖励' }).click();
  const confirm = page.getByRole('dialog');
  await expect(confirm.getByText(/按预算分配。确认测算？$/)).toBeVisible();
  await confirm.getByRole('button', { name: '取消' }).click();
  await expect(confirm).toBeHidden();

  await page.getByRole('button', { name: '测算奖励' }).click();
  await page.getByRole('dialog').getByRole('button', { name: '确定' }).click();
  await expect(
    page.getByRole('alert').filter({ hasText: '申报尚未截止，截止后才能测算奖励。' }),
  ).toBeVisible();
  await expect(page.getByText(/^该申报通知尚未测算奖励。/)).toBeVisible();
  expect(await seriousViolations(page, 'call awards (admin)'), 'serious or critical axe violations').toEqual(
    [],
  );
});

test('the approver reads the page in English, with nothing to approve before a calculation', async ({
  page,
  browser,
}) => {
  const openCall = await callId(browser, OPEN_CALL, 'submitted');
  await new LoginPage(page).signIn('approver', DEMO_PASSWORD);
  await openAwards(page, openCall);
  await page.getByRole('button', { name: /English/ }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Awards and publicity');
  await expect(page.getByText(/^The awards of this call have not been calculated yet\./)).toBeVisible();
  await expect(
    page.getByRole('button', { name: /^(Calculate awards|Publicize|Approve the list)$/ }),
  ).toHaveCount(0);
});

test('a call that does not exist is not found', async ({ page }) => {
  await new LoginPage(page).signIn('intake', DEMO_PASSWORD);
  const workspace = new WorkspacePage(page);
  await workspace.goto('/calls/00000000-0000-4000-8000-000000000000/awards');
  await expect(workspace.heading).toHaveText('未找到');
});
