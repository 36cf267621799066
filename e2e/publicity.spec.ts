// The portal's publicity page (公示公告) opens from the navigation without signing in and shows what the public
// route publishes: each list with its amounts in 元, or the empty state when nothing is published, never an
// error; in English too; and with no serious accessibility violations. The demo has published nothing yet, so
// one test also feeds the page a sample answer of the route to see a list as the public reads it.
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';
import type { PublicityList } from '../src/shared/awards';

const AMOUNT = /^\d{1,3}(,\d{3})*\.\d{2}$/;

async function openFromNav(page: Page): Promise<void> {
  await page.goto('/');
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '公示公告' }).click();
  await expect(page).toHaveURL(/\/publicity$/);
  await expect(page.getByRole('heading', { level: 1, name: '公示公告' })).toBeVisible();
  await expect(page.getByText('加载中…')).toHaveCount(0);
}

test('the publicity page shows the published lists or says there are none', async ({ page, request }) => {
  const response = await request.get('/api/public/publicity');
  expect(response.ok(), 'the public publicity route answers without signing in').toBe(true);
  const published = (await response.json()) as { entries: unknown[] }[];

  await openFromNav(page);
  await expect(page).toHaveTitle(/公示公告/);
  await expect(page.locator('.error-box')).toHaveCount(0);
  if (published.length === 0) {
    await expect(page.getByText('暂无公示。')).toBeVisible();
    await expect(page.getByRole('table')).toHaveCount(0);
  } else {
    await expect(page.getByRole('heading', { level: 2 })).toHaveCount(published.length);
    await expect(page.getByText(/^公示期：\d{4}年\d{1,2}月\d{1,2}日/).first()).toBeVisible();
    const withEntries = published.filter((list) => list.entries.length > 0).length;
    await expect(page.getByRole('table')).toHaveCount(withEntries);
    if (withEntries > 0) {
      const amounts = page.getByRole('table').first().locator('tbody td:last-child');
      await expect(amounts.first()).toHaveText(AMOUNT);
      await expect(page.getByRole('table').first().locator('tfoot td')).toHaveText(AMOUNT);
    }
  }
});

test('the publicity page speaks English after the switch', async ({ page }) => {
  await openFromNav(page);
  await page.getByRole('button', { name: /English/ }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Public notices of awards');
  await expect(
    page.getByRole('navigation').getByRole('link', { name: 'Public notices of awards' }),
  ).toHaveAttribute('aria-current', 'page');
  await expect(
    page
      .getByText('No award list is published at present.')
      .or(page.getByText(/^Publicity period: /).first()),
  ).toBeVisible();
});

const SAMPLE: PublicityList[] = [
  {
    id: 'older',
    callTitle: '2023年度高新技术企业认定奖励申报通知',
    programName: '高新技术企业培育专项',
    seq: 1,
    periodDays: 7,
    periodKind: 'calendar_days',
    startsOn: '2023-06-01',
    endsOn: '2023-06-07',
    closesAt: '2023-06-07T16:00:00.000Z',
    open: false,
    entries: [{ enterpriseName: '示范甲科技有限公司', clause: 'A1', amount: '300000.00' }],
    total: '300000.00',
  },
  {
    id: 'newer',
    callTitle: '2023年度研发投入补助申报通知',
    programName: '企业研发投入后补助',
    seq: 2,
    periodDays: 5,
    periodKind: 'workdays',
    startsOn: '2023-11-20',
    endsOn: '2023-11-24',
    closesAt: '2023-11-24T16:00:00.000Z',
    open: true,
    entries: [
      { enterpriseName: '示范乙制造有限公司', clause: 'B2', amount: '1299600.00' },
      { enterpriseName: '示范丙软件有限公司', clause: 'B1', amount: '850.5' },
    ],
    total: '1300450.50',
  },
];

test('a published list shows its period, its state and its amounts in 元', async ({ page }) => {
  await page.route('**/api/public/publicity', (route) => route.fulfill({ json: SAMPLE }));
  await openFromNav(page);
  const lists = page.getByRole('article');
  await expect(lists).toHaveCount(2);

  const newer = lists.first();
  await expect(newer.getByRole('heading', { level: 2 })).toHaveText('2023年度研发投入补助申报通知 公示中');
  await expect(newer).toContainText('企业研发投入后补助');
  await expect(newer).toContainText('第 2 次公示');
  await expect(newer.getByText('公示期：2023年11月20日至11月24日（5个工作日）')).toBeVisible();
  await expect(
    newer.getByText('如对公示内容有异议，可于2023年11月24日24时（北京时间）前提出。'),
  ).toBeVisible();
  const rows = newer.getByRole('table').locator('tbody tr');
  await expect(rows).toHaveCount(2);
  await expect(rows.first().getByRole('cell').last()).toHaveText('1,299,600.00');
  await expect(rows.first().getByRole('cell').last()).toHaveText(AMOUNT);
  await expect(rows.last().getByRole('cell').last()).toHaveText('850.50');
  await expect(newer.getByRole('table').locator('tfoot')).toHaveText('合计1,300,450.50');

  const older = lists.last();
  await expect(older.getByText('已结束')).toBeVisible();
  await expect(older.getByText('公示期：2023年6月1日至6月7日（7个自然日）')).toBeVisible();
  await expect(older.getByText(/异议/)).toHaveCount(0);

  await page.getByRole('button', { name: /English/ }).click();
  await expect(newer.getByText('Publicity period: 20–24 Nov 2023 (5 working days)')).toBeVisible();
  await expect(
    newer.getByText('Objections may be filed until the end of 24 Nov 2023 (Beijing time).'),
  ).toBeVisible();
  await expect(older.getByText('Publicity period: 1–7 Jun 2023 (7 calendar days)')).toBeVisible();
});

test('the publicity page has no serious accessibility violations', async ({ page }) => {
  await openFromNav(page);
  await expectNoSeriousViolations(page);
});

test('a published list has no serious accessibility violations', async ({ page }) => {
  await page.route('**/api/public/publicity', (route) => route.fulfill({ json: SAMPLE }));
  await openFromNav(page);
  await expect(page.getByRole('table')).toHaveCount(2);
  await expectNoSeriousViolations(page);
});

async function expectNoSeriousViolations(page: Page): Promise<void> {
  await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1);
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(
    serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
    'serious or critical axe violations',
  ).toEqual([]);
}
