// The administrator simulates the 2023 Tianhe program on its applicants and gets the seed's total.
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
