// A registration whose names carry markup shows them as text everywhere and runs none of it.
import { randomBytes } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { makeUscc } from '../src/core/uscc/uscc';
import { RegisterPage } from './pages/register-page';

const CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

function randomUscc(): string {
  const body = Array.from(randomBytes(9), (b) => CHARSET[b % CHARSET.length]).join('');
  return makeUscc(`91440106${body}`);
}

test('a <script> enterprise name renders as text', async ({ page }) => {
  const dialogs: string[] = [];
  page.on('dialog', async (dialog) => {
    dialogs.push(dialog.message());
    await dialog.dismiss();
  });
  const suffix = randomBytes(3).toString('hex');
  const name = `<script>window.__pwned=1;alert(1)</script>测试企业${suffix}`;
  const displayName = `<img src=x onerror="window.__pwned=2">联系人`;
  await new RegisterPage(page).register({
    uscc: randomUscc(),
    enterpriseName: name,
    district: '天河区',
    sizeClass: '小型',
    displayName,
    username: `xss-${suffix}`,
    password: 'Huiqi-e2e-2023!',
  });

  await expect(page.getByRole('heading', { level: 1 })).toHaveText('我的企业');
  await expect(page.getByRole('cell', { name, exact: true })).toBeVisible();
  await expect(page.getByTestId('current-user')).toContainText(displayName);
  await expect(page.getByTestId('current-user')).toContainText(name);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  expect(dialogs).toEqual([]);
  await expect(page.locator('main script, main img')).toHaveCount(0);
});

test('the registration form warns about a wrong check character before sending', async ({ page }) => {
  const register = new RegisterPage(page);
  await register.goto();
  const valid = randomUscc();
  const wrong = `${valid.slice(0, 17)}${valid.endsWith('0') ? '1' : '0'}`;
  await page.getByLabel('统一社会信用代码').fill(wrong);
  await expect(page.getByText('校验位不正确，请核对后重新输入。')).toBeVisible();
  await page.getByLabel('统一社会信用代码').fill(valid);
  await expect(page.getByText('格式和校验位正确。')).toBeVisible();
});
