// Page model of self-registration on the portal.
import { expect, type Page } from '@playwright/test';

export interface Registration {
  uscc: string;
  enterpriseName: string;
  district: string;
  /** The option's label, e.g. 小型. */
  sizeClass: string;
  displayName: string;
  username: string;
  password: string;
}

export class RegisterPage {
  constructor(readonly page: Page) {}

  async goto(): Promise<void> {
    await this.page.goto('/register');
    await expect(this.page.getByRole('heading', { level: 1, name: '企业注册' })).toBeVisible();
  }

  async register(input: Registration): Promise<void> {
    await this.goto();
    const p = this.page;
    await p.getByLabel('统一社会信用代码').fill(input.uscc);
    await expect(p.getByText('格式和校验位正确。')).toBeVisible();
    await p.getByLabel('企业名称').fill(input.enterpriseName);
    await p.getByLabel('注册所在区').fill(input.district);
    await p.getByLabel('企业规模').selectOption({ label: input.sizeClass });
    await p.getByLabel('联系人姓名').fill(input.displayName);
    await p.getByLabel('用户名').fill(input.username);
    await p.getByLabel('密码').fill(input.password);
    await p.getByRole('button', { name: '注册并登录' }).click();
    await expect(p.getByTestId('current-user')).toBeVisible({ timeout: 20_000 });
  }
}
