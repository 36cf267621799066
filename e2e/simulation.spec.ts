// The administrator simulates the 2023 Tianhe program on its applicants and gets the seed's total.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { SimulationPage } from './pages/simulation-page';
import { signInAsAdmin } from './support/admin';

test('simulating the Tianhe 2023 program allocates 1,299,600.00', async ({ page }) => {
  await signInAsAdmin(page);
  const simulation = new SimulationPage(page);
  await simulation.goto();
  await simulation.run('programs/tianhe-2023-service-trade.json', 'programs/tianhe-2023-applicants.csv');
  await expect(simulation.allocatedTotal).toHaveText('1,299,600.00', { timeout: 30_000 });
  await expect(page.getByText('符合', { exact: true }).first()).toBeVisible();
});

test('comparing with a second program file shows both side by side and a chart', async ({ page }) => {
  await signInAsAdmin(page);
  const simulation = new SimulationPage(page);
  await simulation.goto();
  await simulation.run(
    'programs/tianhe-2023-service-trade.json',
    'programs/tianhe-2023-applicants.csv',
    'programs/tianhe-2023-service-trade.json',
  );
  await expect(page.getByTestId('summary-alternative-allocated')).toHaveText('1,299,600.00', {
    timeout: 30_000,
  });
  await expect(page.getByTestId('distribution-chart').locator('canvas')).toBeVisible();
});

test('a USCC whose check character fails is simulated and listed as a warning with its line', async ({
  page,
}) => {
  const lines = readFileSync('programs/tianhe-2023-applicants.csv', 'utf8').split('\n');
  const uscc = lines[3]?.slice(0, 18) ?? '';
  lines[3] = `${uscc.slice(0, 17)}${uscc.endsWith('0') ? '1' : '0'}${lines[3]?.slice(18)}`;
  const csv = join(mkdtempSync(join(tmpdir(), 'huiqi-e2e-csv-')), 'applicants.csv');
  writeFileSync(csv, lines.join('\n'));
  await signInAsAdmin(page);
  const simulation = new SimulationPage(page);
  await simulation.goto();
  await simulation.run('programs/tianhe-2023-service-trade.json', csv);
  await expect(simulation.allocatedTotal).toHaveText('1,299,600.00', { timeout: 30_000 });
  const warnings = page.getByTestId('simulation-warnings');
  await expect(warnings).toContainText('以下 1 处请核对');
  await expect(warnings).toContainText('第 4 行第 1 列');
  await expect(warnings).toContainText('APPLICANTS_CSV_USCC_CHECK_DIGIT');
});
