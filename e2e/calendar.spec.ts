// The working-day calendar: staff read the official years, an administrator adds or corrects one (every
// mistake listed with its path, nothing saved), and anyone asks where a period of working days ends.
import { expect, test } from '@playwright/test';
import { CalendarPage } from './pages/calendar-page';
import { LoginPage } from './pages/login-page';
import { WorkspacePage } from './pages/workspace-page';
import { DEMO_PASSWORD } from './support/accounts';
import { signInAsAdmin } from './support/admin';
import { seriousViolations } from './support/axe';

test('the administrator sees 2023 from its State Council notice, with the October make-up days', async ({
  page,
}) => {
  await signInAsAdmin(page);
  const calendar = new CalendarPage(page);
  await calendar.goto();
  await expect(calendar.row(2023)).toContainText('国办发明电〔2022〕16号');
  await calendar.row(2023).getByRole('button', { name: '查看 2023 年安排' }).click();
  const october = page
    .getByRole('row')
    .filter({ has: page.getByRole('cell', { name: '10 月', exact: true }) });
  await expect(october.getByRole('cell').nth(2)).toContainText('10-07');
  await expect(october.getByRole('cell').nth(2)).toContainText('10-08');
  await expect(october.getByRole('cell').nth(1)).toContainText('10-01');
});

test('the administrator adds 2027 with one holiday and sees it as version 1', async ({ page }) => {
  await signInAsAdmin(page);
  const calendar = new CalendarPage(page);
  await calendar.goto();
  const source = '测试：2027年部分节假日安排（国办发明电〔2026〕1号）';
  await calendar.addYear({ year: 2027, source, holidays: ['2027-01-01'], makeupWorkdays: [] });
  await expect(calendar.saved).toHaveText('已保存 2027 年安排，当前版本 1。');
  await expect(calendar.row(2027).getByRole('cell')).toHaveText([
    '2027',
    source,
    '1',
    '0',
    '1',
    /\d/,
    /查看/,
  ]);
});

test('the administrator corrects a year: the form starts from the stored dates and the version goes up', async ({
  page,
}) => {
  await signInAsAdmin(page);
  const calendar = new CalendarPage(page);
  await calendar.goto();
  const source = '测试：2029年部分节假日安排';
  await calendar.addYear({ year: 2029, source, holidays: ['2029-01-01'], makeupWorkdays: [] });
  await expect(calendar.saved).toHaveText('已保存 2029 年安排，当前版本 1。');
  await calendar.row(2029).getByRole('button', { name: '更正 2029 年安排' }).click();
  await expect(calendar.form.getByLabel('放假日', { exact: true })).toHaveValue('2029-01-01');
  await calendar.form.getByRole('button', { name: '关闭' }).click();
  await calendar.correctYear({
    year: 2029,
    source,
    holidays: ['2029-01-01', '2029-10-01'],
    makeupWorkdays: ['2029-09-29'],
  });
  await expect(calendar.saved).toHaveText('已保存 2029 年安排，当前版本 2。');
  await expect(calendar.row(2029).getByRole('cell')).toHaveText([
    '2029',
    source,
    '2',
    '1',
    '2',
    /\d/,
    /查看/,
  ]);
});

test('a make-up day on a weekday is refused with its path and nothing is saved', async ({ page }) => {
  await signInAsAdmin(page);
  const calendar = new CalendarPage(page);
  await calendar.goto();
  await calendar.addYear({
    year: 2028,
    source: '测试：2028年部分节假日安排',
    holidays: ['2028-01-01'],
    // 2028-01-08 is a Saturday (accepted); 2028-01-05 is a Wednesday, already a working day.
    makeupWorkdays: ['2028-01-08', '2028-01-05'],
  });
  await expect(calendar.formResult).toContainText('2028 年节假日安排有 1 处错误，未保存任何内容');
  const problem = calendar.formResult
    .getByRole('row')
    .filter({ has: page.getByRole('cell', { name: 'makeupWorkdays[1]', exact: true }) });
  await expect(problem).toContainText('CALENDAR_MAKEUP_NOT_WEEKEND');
  await expect(problem).toContainText('2028-01-05 是工作日');
  await expect(calendar.form).toBeVisible();

  const stored = (await (await page.request.get('/api/calendar/years')).json()) as { year: number }[];
  expect(stored.map((row) => row.year)).toContain(2023);
  expect(stored.map((row) => row.year)).not.toContain(2028);
  await page.keyboard.press('Escape');
  await expect(calendar.form).toBeHidden();
  await expect(calendar.row(2028)).toHaveCount(0);
});

test('the calculator counts 5 working days from 2023-09-28 past the National Day holiday', async ({
  page,
}) => {
  await signInAsAdmin(page);
  const calendar = new CalendarPage(page);
  await calendar.goto();
  await expect(page.getByText('起始日当天不计')).toBeVisible();
  await calendar.period('2023-09-28', 5, '工作日');
  await expect(calendar.periodResult).toHaveText('2023-09-28 起 5 个工作日，结束日为 2023-10-11。');
  await calendar.period('2023-09-28', 5, '自然日');
  await expect(calendar.periodResult).toHaveText('2023-09-28 起 5 个自然日，结束日为 2023-10-03。');
});

test('an intake officer reads the calendar without any edit button', async ({ page }) => {
  await new LoginPage(page).signIn('intake', DEMO_PASSWORD);
  expect(await new WorkspacePage(page).navLabels()).toContain('工作日历');
  const calendar = new CalendarPage(page);
  await calendar.goto();
  await expect(calendar.row(2023)).toContainText('国办发明电');
  await expect(calendar.row(2023).getByRole('button', { name: '查看 2023 年安排' })).toBeVisible();
  await expect(page.getByText('只有系统管理员可以新增或更正年度安排。')).toBeVisible();
  await expect(page.getByRole('button', { name: '新增年度' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: /更正/ })).toHaveCount(0);
});

test('the calendar page, its year detail and its form have no serious accessibility violations', async ({
  page,
}) => {
  await signInAsAdmin(page);
  const calendar = new CalendarPage(page);
  await calendar.goto();
  await calendar.row(2023).getByRole('button', { name: '查看 2023 年安排' }).click();
  await calendar.period('2023-09-28', 5, '工作日');
  await expect(calendar.periodResult).toContainText('2023-10-11');
  expect(await seriousViolations(page, 'page')).toEqual([]);
  await calendar.addYear({ year: 2030, source: '测试', holidays: ['2030-13-01'], makeupWorkdays: [] });
  await expect(calendar.formResult.getByRole('cell', { name: 'holidays[0]', exact: true })).toBeVisible();
  expect(await seriousViolations(page, 'form')).toEqual([]);
});
