// axe-core finds no serious or critical violation on the public pages (each with one <h1>, landmarks and a
// lang attribute) nor on the workspace pages, including those with selects and date pickers, whose
// placeholder text is measured for contrast like any other text.
import { type APIRequestContext, expect, test } from '@playwright/test';
import { LoginPage } from './pages/login-page';
import { WorkspacePage } from './pages/workspace-page';
import { DEMO_PASSWORD } from './support/accounts';
import { signInAsAdmin } from './support/admin';
import { seriousViolations } from './support/axe';

async function firstProgramCode(request: APIRequestContext): Promise<string> {
  const programs = (await (await request.get('/api/public/programs')).json()) as { code: string }[];
  const code = programs[0]?.code;
  if (!code) throw new Error('the demo needs a public program');
  return code;
}

const pages: {
  name: string;
  path: (request: APIRequestContext) => Promise<string>;
}[] = [
  { name: 'home', path: async () => '/' },
  { name: 'program detail', path: async (request) => `/programs/${await firstProgramCode(request)}` },
  { name: 'sign-in', path: async () => '/login' },
  { name: 'registration', path: async () => '/register' },
];

for (const { name, path } of pages) {
  test(`the ${name} page has no serious accessibility violations`, async ({ page, request }) => {
    await page.goto(await path(request));
    await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1);
    // Wait for the data to arrive so axe sees the page a visitor sees.
    await expect(page.getByText('加载中…')).toHaveCount(0);
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
    for (const landmark of ['banner', 'navigation', 'main', 'contentinfo'] as const) {
      await expect(page.getByRole(landmark).first()).toBeVisible();
    }
    expect(await seriousViolations(page, ''), 'serious or critical axe violations').toEqual([]);
  });
}

test('the workspace pages of a staff user have no serious accessibility violations', async ({ page }) => {
  await new LoginPage(page).signIn('intake', DEMO_PASSWORD);
  const workspace = new WorkspacePage(page);
  for (const path of ['/dashboard', '/enterprises', '/account']) {
    await workspace.goto(path);
    await expect(workspace.heading).toHaveCount(1);
    await expect(page.locator('.ant-spin-spinning')).toHaveCount(0);
    expect(await seriousViolations(page, path)).toEqual([]);
  }
});

test('the administrator pages with selects and date pickers have no serious accessibility violations', async ({
  page,
}) => {
  const workspace = await signInAsAdmin(page);
  // Each page with the select or date picker whose placeholder must be readable (on the users page, in the
  // form that opens from its button).
  const pagesWithSelects: { path: string; select: string; open?: string }[] = [
    { path: '/program-files', select: '.ant-select-placeholder' },
    { path: '/audit', select: '.ant-select' },
    { path: '/calendar', select: '.ant-picker input[placeholder]' },
    { path: '/users', select: '.ant-select', open: '新建用户' },
  ];
  for (const { path, select, open } of pagesWithSelects) {
    await workspace.goto(path);
    await expect(workspace.heading).toHaveCount(1);
    await expect(page.locator('.ant-spin-spinning')).toHaveCount(0);
    if (open) await page.getByRole('button', { name: open }).click();
    await expect(page.locator(select).first()).toBeVisible();
    expect(await seriousViolations(page, path)).toEqual([]);
  }
});
