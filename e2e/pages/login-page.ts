// Page model of the portal's sign-in, including the TOTP second step.
import { expect, type Locator, type Page } from '@playwright/test';

export class LoginPage {
  readonly username: Locator;
  readonly password: Locator;
  readonly totp: Locator;
  readonly submit: Locator;
  readonly error: Locator;

  constructor(readonly page: Page) {
    this.username = page.getByLabel('用户名');
    this.password = page.getByLabel('密码');
    this.totp = page.getByLabel('动态验证码');
    this.submit = page.getByRole('button', { name: '登录' });
    this.error = page.getByRole('alert').filter({ hasText: /\S/ });
  }

  async goto(): Promise<void> {
    await this.page.goto('/login');
    await expect(this.page.getByRole('heading', { level: 1, name: '登录' })).toBeVisible();
  }

  /**
   * Signs in and waits for the workspace. `totp` is asked for a code only if the server wants one; without
   * it a TOTP step fails the test.
   */
  async signIn(username: string, password: string, totp?: () => string): Promise<void> {
    await this.goto();
    await this.username.fill(username);
    await this.password.fill(password);
    await this.submit.click();
    const signedIn = this.page.getByTestId('current-user');
    await expect(signedIn.or(this.totp).or(this.error).first()).toBeVisible({ timeout: 20_000 });
    if (await this.totp.isVisible()) {
      if (!totp) throw new Error(`${username} needs a TOTP code`);
      await this.totp.fill(totp());
      await this.submit.click();
    }
    await expect(signedIn).toBeVisible({ timeout: 20_000 });
  }
}
