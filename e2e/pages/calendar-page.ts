// Page model of the working-day calendar (工作日历): the years table, the year form and the period calculator.
import { expect, type Locator, type Page } from '@playwright/test';

export interface YearInput {
  year: number;
  source: string;
  holidays: string[];
  makeupWorkdays: string[];
}

export class CalendarPage {
  readonly years: Locator;
  readonly saved: Locator;
  readonly form: Locator;
  readonly formResult: Locator;
  readonly periodResult: Locator;

  constructor(readonly page: Page) {
    this.years = page.getByRole('table').first();
    this.saved = page.getByRole('status').filter({ hasText: /已保存/ });
    this.form = page.getByRole('dialog', { name: /^(新增年度安排|更正 \d{4} 年安排)$/ });
    this.formResult = this.form.getByRole('status');
    this.periodResult = page.getByTestId('period-result');
  }

  async goto(): Promise<void> {
    await this.page.goto('/app/calendar');
    await expect(this.page.getByRole('heading', { level: 1, name: '工作日历' })).toBeVisible();
    await expect(this.row(2023)).toBeVisible();
  }

  /** The years table's row of one year. */
  row(year: number): Locator {
    return this.years
      .getByRole('row')
      .filter({ has: this.page.getByRole('cell', { name: String(year), exact: true }) });
  }

  /** Opens the form for a new year, fills it and saves it through the confirmation. */
  async addYear(input: YearInput): Promise<void> {
    await this.page.getByRole('button', { name: '新增年度' }).click();
    await expect(this.form).toHaveAccessibleName('新增年度安排');
    await this.form.getByLabel('年份').fill(String(input.year));
    await this.fillAndSave(input);
  }

  /** Opens the form of a stored year, replaces its schedule and saves it through the confirmation. */
  async correctYear(input: YearInput): Promise<void> {
    await this.row(input.year)
      .getByRole('button', { name: `更正 ${input.year} 年安排` })
      .click();
    await expect(this.form).toHaveAccessibleName(`更正 ${input.year} 年安排`);
    await expect(this.form.getByLabel('年份')).toBeDisabled();
    await this.fillAndSave(input);
  }

  private async fillAndSave(input: YearInput): Promise<void> {
    await this.form.getByLabel('依据通知').fill(input.source);
    await this.form.getByLabel('放假日', { exact: true }).fill(input.holidays.join('\n'));
    await this.form.getByLabel('调休上班日', { exact: true }).fill(input.makeupWorkdays.join('\n'));
    await this.form.getByRole('button', { name: '保存' }).click();
    const confirm = this.page.getByRole('dialog', { name: `保存 ${input.year} 年的安排？` });
    await confirm.getByRole('button', { name: '确定', exact: true }).click();
    await expect(confirm).toBeHidden();
  }

  /** Asks the calculator where a period ends. */
  async period(start: string, n: number, kind: '工作日' | '自然日'): Promise<void> {
    // antd's date picker takes a typed date once Enter confirms it.
    await this.page.getByLabel('起始日').fill(start);
    await this.page.getByLabel('起始日').press('Enter');
    await this.page.getByLabel('天数 N').fill(String(n));
    // antd draws radio buttons over a hidden input; a person clicks the drawn label.
    const radio = this.page.getByRole('radio', { name: kind, exact: true });
    await this.page.locator('label').filter({ has: radio }).click();
    await expect(radio).toBeChecked();
    await this.page.getByRole('button', { name: '计算' }).click();
  }
}
