// Page model of the administrator's rule simulation (规则模拟).
import { expect, type Locator, type Page } from '@playwright/test';

export class SimulationPage {
  readonly allocatedTotal: Locator;

  constructor(readonly page: Page) {
    this.allocatedTotal = page.getByTestId('summary-base-allocated');
  }

  async goto(): Promise<void> {
    await this.page.goto('/app/simulation');
    await expect(this.page.getByRole('heading', { level: 1, name: '规则模拟' })).toBeVisible();
  }

  async run(programFile: string, applicantsCsv: string, compareFile?: string): Promise<void> {
    await this.page.getByLabel('程序文件（JSON）', { exact: true }).setInputFiles(programFile);
    await this.page.getByLabel('申报企业数据（CSV）', { exact: true }).setInputFiles(applicantsCsv);
    if (compareFile)
      await this.page
        .getByLabel('对比方案程序文件（JSON，选填）', { exact: true })
        .setInputFiles(compareFile);
    await this.page.getByRole('button', { name: '运行模拟' }).click();
  }
}
