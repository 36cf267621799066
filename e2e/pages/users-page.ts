// Page model of 用户管理: creating a user (the enterprise chosen from a search) and resetting a password.
import { expect, type Locator, type Page } from '@playwright/test';
import type { WorkspacePage } from './workspace-page';

export class UsersPage {
  readonly dialog: Locator;

  constructor(
    readonly page: Page,
    readonly workspace: WorkspacePage,
  ) {
    this.dialog = page.getByRole('dialog');
  }

  async goto(): Promise<void> {
    await this.workspace.goto('/users');
    await expect(this.workspace.heading).toHaveText('用户管理');
  }

  row(username: string): Locator {
    return this.page
      .getByRole('row')
      .filter({ has: this.page.getByRole('cell', { name: username, exact: true }) });
  }

  /**
   * Picks an option of a select in the dialog and waits until the field shows it: a click that lands while the
   * list is still opening can be lost, so the pick is retried until it holds.
   */
  async choose(label: string, option: string): Promise<void> {
    const field = this.dialog
      .locator('.ant-form-item')
      .filter({ has: this.page.getByLabel(label, { exact: true }) });
    await expect(async () => {
      const list = this.page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)');
      if (!(await list.isVisible())) await this.dialog.getByLabel(label, { exact: true }).click();
      await list.locator('.ant-select-item-option', { hasText: option }).first().click({ timeout: 2_000 });
      await expect(field).toContainText(option, { timeout: 2_000 });
    }).toPass({ timeout: 20_000 });
  }

  /** Creates an enterprise user, picking its enterprise by typing part of the name. */
  async createApplicant(username: string, password: string, enterpriseSearch: string): Promise<void> {
    await this.page.getByRole('button', { name: '新建用户' }).click();
    await this.dialog.getByLabel('用户名').fill(username);
    await this.dialog.getByLabel('姓名').fill(`测试 ${username}`);
    await this.choose('角色', '企业用户');
    await this.dialog.getByLabel('所属企业').click();
    await this.dialog.getByLabel('所属企业').fill(enterpriseSearch);
    await this.page.locator('.ant-select-item-option', { hasText: enterpriseSearch }).first().click();
    await this.dialog.getByLabel('初始密码').fill(password);
    await this.dialog.getByRole('button', { name: '新建用户' }).click();
    await expect(this.row(username)).toBeVisible();
  }

  /** Resets a password to a temporary one the system makes, confirms, and returns what it shows once. */
  async resetPassword(username: string): Promise<string> {
    await this.row(username).getByRole('button', { name: '重置密码' }).click();
    await expect(this.dialog.getByText('下次登录时必须先修改密码')).toBeVisible();
    await this.dialog.getByRole('button', { name: '确认重置' }).click();
    const shown = this.page.getByTestId('temporary-password');
    await expect(shown).toBeVisible();
    const password = (await shown.locator('code').textContent())?.trim() ?? '';
    expect(password).toMatch(/^[A-Za-z0-9]{4}(-[A-Za-z0-9]{4}){3}$/);
    await this.dialog.getByRole('button', { name: '完成' }).click();
    await expect(this.row(username).getByText('待修改密码')).toBeVisible();
    return password;
  }
}
