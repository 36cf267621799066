// An applicant opening another enterprise's page gets the not-found answer and none of its data, while
// staff can open the same page: the refusal is about who asks, not about whether it exists.
import { expect, request as playwrightRequest, test } from '@playwright/test';
import { LoginPage } from './pages/login-page';
import { WorkspacePage } from './pages/workspace-page';
import { DEMO_PASSWORD } from './support/accounts';
import { apiSignIn } from './support/api';

interface Enterprise {
  id: string;
  uscc: string;
  name: string;
}

test('the applicant cannot open another enterprise', async ({ page, baseURL }) => {
  await new LoginPage(page).signIn('applicant', DEMO_PASSWORD);
  const own = (await (await page.request.get('/api/me/enterprise')).json()) as Enterprise;

  const other = await playwrightRequest.newContext({ baseURL });
  // applicant2's enterprise when the demo has that user, else any other enterprise a staff user can list.
  let target: Enterprise | undefined;
  if ((await apiSignIn(other, 'applicant2', DEMO_PASSWORD)).ok()) {
    target = (await (await other.get('/api/me/enterprise')).json()) as Enterprise;
  }
  const staff = await playwrightRequest.newContext({ baseURL });
  expect((await apiSignIn(staff, 'intake', DEMO_PASSWORD)).ok()).toBe(true);
  if (!target) {
    const list = (await (await staff.get('/api/enterprises?pageSize=50')).json()) as { items: Enterprise[] };
    target = list.items.find((enterprise) => enterprise.id !== own.id);
  }
  if (!target) throw new Error('the demo needs a second enterprise');
  expect(target.id).not.toBe(own.id);
  expect((await staff.get(`/api/enterprises/${target.id}`)).status()).toBe(200);
  await other.dispose();
  await staff.dispose();

  const workspace = new WorkspacePage(page);
  await workspace.goto(`/enterprises/${target.id}`);
  await expect(workspace.heading).toHaveText('未找到');
  const text = (await page.locator('body').textContent()) ?? '';
  expect(text).not.toContain(target.name);
  expect(text).not.toContain(target.uscc);
});

test('staff open an enterprise from the list and see its profile', async ({ page }) => {
  await new LoginPage(page).signIn('intake', DEMO_PASSWORD);
  const workspace = new WorkspacePage(page);
  await workspace.goto('/enterprises');
  const first = page.locator('main table tbody tr').first().getByRole('link');
  const name = (await first.textContent()) ?? '';
  await first.click();
  await expect(workspace.heading).toHaveText(name);
  await expect(page).toHaveURL(/\/app\/enterprises\/[^/]+$/);
});
