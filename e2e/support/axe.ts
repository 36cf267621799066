// Serious and critical axe violations of the page as a visitor sees it at rest: the pointer moved off whatever
// it last clicked (a hovered button is drawn in its lighter hover colour) and every transition finished, so a
// colour caught half-way through an animation is never reported.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';

export async function seriousViolations(page: Page, where: string): Promise<string[]> {
  await page.mouse.move(0, 0);
  // A spinner turns forever: only what ends is waited for, and a cancelled animation counts as ended.
  await page.evaluate(() =>
    Promise.all(
      document
        .getAnimations()
        .filter((animation) => animation.effect?.getComputedTiming().iterations !== Number.POSITIVE_INFINITY)
        .map((animation) => animation.finished.catch(() => undefined)),
    ),
  );
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${where} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}
