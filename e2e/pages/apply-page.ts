// Page model of 申报: the open calls with their clauses, and the enterprise's applications with their actions.
import { expect, type Locator, type Page } from '@playwright/test';
import type { WorkspacePage } from './workspace-page';

export class ApplyPage {
  constructor(
    readonly page: Page,
    readonly workspace: WorkspacePage,
  ) {}

  async goto(): Promise<void> {
    await this.workspace.goto('/apply');
    await expect(this.workspace.heading).toHaveText('申报');
  }

  /** The row of the enterprise's application under a call whose title contains `call`. */
  application(call: string): Locator {
    return this.page.getByRole('row').filter({ hasText: call });
  }

  async fillFigures(row: Locator, figures: Record<string, string>): Promise<void> {
    await row.getByRole('button', { name: '填写申报数据' }).click();
    const dialog = this.page.getByRole('dialog');
    for (const [label, value] of Object.entries(figures))
      await dialog.getByLabel(label, { exact: true }).fill(value);
    await dialog.getByRole('button', { name: '保存' }).click();
    await expect(this.page.getByText('已保存申报数据。')).toBeVisible();
  }

  /** Clicks an action of the row and confirms it. */
  async act(row: Locator, action: string): Promise<void> {
    await row.getByRole('button', { name: action }).click();
    await this.page.locator('.ant-popconfirm').getByRole('button', { name: '确定' }).click();
  }
}
