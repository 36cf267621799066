// The staff page of a call's awards (核定 → 公示 → 异议处理 → 审批) against the demo as loaded: its open 2026
// call has applications but no calculation yet. Intake reads that plainly and is offered no administrator's
// step; the administrator is asked to confirm the calculation and reads the server's refusal while the call is
// still open; the approver reads the page in English; none with serious accessibility violations. The call's
// id comes from the real staff list of applications (intake's), as the page's own requests would.
import { type Browser, expect, type Page, test } from '@playwright/test';
import { LoginPage } from './pages/login-page';
import { WorkspacePage } from './pages/workspace-page';
import { DEMO_PASSWORD } from './support/accounts';
import { signInAsAdmin } from './support/admin';
import { seriousViolations } from './support/axe';

const OPEN_CALL = 'tianhe-2026-service-trade-call';

/** The open call's id, read by intake from the applications submitted to it. */
async function openCallId(browser: Browser): Promise<string> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await new LoginPage(page).signIn('intake', DEMO_PASSWORD);
    const response = await page.request.get('/api/applications?status=submitted');
    expect(response.ok(), 'intake lists the submitted applications').toBe(true);
    const { items } = (await response.json()) as { items: { callId: string; callCode: string }[] };
    const id = items.find((item) => item.callCode === OPEN_CALL)?.callId;
    if (!id) throw new Error(`the demo has an application submitted to ${OPEN_CALL}`);
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

test('intake reads that the open call is not calculated yet and is offered no administrator’s step', async ({
  page,
  browser,
}) => {
  const callId = await openCallId(browser);
  await new LoginPage(page).signIn('intake', DEMO_PASSWORD);
  await openAwards(page, callId);
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
  const callId = await openCallId(browser);
  await signInAsAdmin(page);
  await openAwards(page, callId);
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
  const callId = await openCallId(browser);
  await new LoginPage(page).signIn('approver', DEMO_PASSWORD);
  await openAwards(page, callId);
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
