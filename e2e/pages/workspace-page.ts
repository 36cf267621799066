// Page model of the signed-in workspace: its navigation, heading and the account page's TOTP enrolment.
import { expect, type Locator, type Page } from '@playwright/test';
import { freshTotpCode } from '../support/totp';

export class WorkspacePage {
  readonly nav: Locator;
  readonly heading: Locator;
  readonly currentUser: Locator;

  constructor(readonly page: Page) {
    this.nav = page.getByRole('navigation', { name: '工作台导航' });
    this.heading = page.getByRole('heading', { level: 1 });
    this.currentUser = page.getByTestId('current-user');
  }

  async goto(path: string): Promise<void> {
    await this.page.goto(`/app${path}`);
    await expect(this.currentUser).toBeVisible();
  }

  async navLabels(): Promise<string[]> {
    await expect(this.nav.getByRole('link').first()).toBeVisible();
    return (await this.nav.getByRole('link').allTextContents()).map((text) => text.trim());
  }

  /** Enrols TOTP on the account page the way a person would, and returns the secret shown. */
  async enrolTotp(): Promise<string> {
    await this.goto('/account');
    await this.page.getByRole('button', { name: '开始设置' }).click();
    const secret = (await this.page.getByTestId('totp-secret').locator('code').textContent())?.trim() ?? '';
    expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
    await this.page.getByLabel('验证码').fill(await freshTotpCode(secret));
    await this.page.getByRole('button', { name: '启用', exact: true }).click();
    await expect(this.page.getByText('已启用')).toBeVisible();
    return secret;
  }
}
