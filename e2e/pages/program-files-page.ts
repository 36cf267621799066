// Page model of the administrator's program files (程序文件): validate and import.
import { expect, type Locator, type Page } from '@playwright/test';

export class ProgramFilesPage {
  readonly result: Locator;

  constructor(readonly page: Page) {
    this.result = page.getByRole('status');
  }

  async goto(): Promise<void> {
    await this.page.goto('/app/program-files');
    await expect(this.page.getByRole('heading', { level: 1, name: '程序文件' })).toBeVisible();
  }

  async validate(file: string): Promise<void> {
    await this.chooseFile(file);
    // Not exact: after a first run antd may leave its hidden loading icon (named "loading") in the button.
    await this.page.getByRole('button', { name: '校验' }).click();
  }

  /** Exact: the file button's name starts with the same label. */
  async chooseFile(file: string): Promise<void> {
    await this.page.getByLabel('程序文件（JSON）', { exact: true }).setInputFiles(file);
  }

  get importButton(): Locator {
    return this.page.getByRole('button', { name: '导入为新规则版本' });
  }

  async import(): Promise<void> {
    await this.importButton.click();
  }

  async chooseExport(programName: RegExp): Promise<void> {
    await this.page.getByLabel('选择要导出的项目').click();
    // antd's visible options are titled divs in its dropdown; its role=option list is a hidden copy for
    // screen readers, and the chosen file's name above carries a title too.
    await this.page.locator('.ant-select-dropdown').getByTitle(programName).click();
  }

  /** Exports a program's current rule version and answers the downloaded file's text. */
  async export(programName: RegExp): Promise<string> {
    await this.chooseExport(programName);
    const download = this.page.waitForEvent('download');
    await this.page.getByRole('button', { name: '下载程序文件' }).click();
    const stream = await (await download).createReadStream();
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString('utf8');
  }
}
