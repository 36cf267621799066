// Page model of 申报: the open calls with their clauses, the enterprise's applications with their actions, and
// under an application its materials: the checklist, an upload per kind, the files and the commitment.
import { expect, type Locator, type Page } from '@playwright/test';
import { samplePdf } from '../support/sample-pdf';
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

  /** The materials under the application in `status` (e.g. 草稿) of a call whose title starts with `call`. */
  materials(call: string, status: string): Locator {
    return this.page.getByRole('region', { name: `申报材料（${status}）：${call}` });
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

  /** Chooses a file for the upload of a kind (its label, e.g. 营业执照); the upload starts at once. */
  async chooseFile(materials: Locator, kind: string, file: { name: string; buffer: Buffer }): Promise<void> {
    await materials.getByLabel(kind, { exact: true }).setInputFiles({ mimeType: 'application/pdf', ...file });
  }

  /** Uploads a small real PDF as a material of the kind and waits for it in the list of files. */
  async uploadPdf(materials: Locator, kind: string, name: string): Promise<void> {
    await this.chooseFile(materials, kind, { name, buffer: samplePdf(name) });
    await expect(materials.getByRole('link', { name, exact: true })).toBeVisible();
  }

  /** The checklist's entry of a kind: the innermost item naming it, with its 已上传 / 未上传 mark. */
  checklistEntry(materials: Locator, kind: string): Locator {
    return materials.getByRole('listitem').filter({ hasText: kind }).last();
  }

  async signCommitment(materials: Locator, signer: string): Promise<void> {
    await materials.getByRole('checkbox', { name: '我已阅读并承诺' }).check();
    await materials.getByLabel('签署人姓名').fill(signer);
    await materials.getByRole('button', { name: '签署承诺书' }).click();
    await expect(materials.getByText(`已由 ${signer} 于`)).toBeVisible();
  }

  /** Clicks a file's remove button; the confirmation that opens is answered by the caller. */
  async askToRemove(materials: Locator, name: string): Promise<Locator> {
    await materials.getByRole('button', { name: `删除 ${name}` }).click();
    const confirmation = this.page
      .locator('.ant-popconfirm')
      .filter({ hasText: `确定删除文件“${name}”吗？` });
    await expect(confirmation).toBeVisible();
    return confirmation;
  }
}
