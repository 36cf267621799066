// Validating a program file lists every error with its JSON path; a valid file is confirmed.
import { readFileSync, writeFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { ProgramFilesPage } from './pages/program-files-page';
import { signInAsAdmin } from './support/admin';

test('a broken program file shows each error at its JSON path', async ({ page }, testInfo) => {
  const program = JSON.parse(readFileSync('programs/tianhe-2023-service-trade.json', 'utf8')) as object;
  const file = testInfo.outputPath('broken-program.json');
  writeFileSync(file, JSON.stringify({ ...program, budget: 'a lot', year: 'next year' }));

  await signInAsAdmin(page);
  const programFiles = new ProgramFilesPage(page);
  await programFiles.goto();
  await programFiles.validate(file);
  await expect(programFiles.result.getByText(/程序文件有 \d+ 处错误/)).toBeVisible();
  await expect(programFiles.result.getByRole('cell', { name: /budget/ })).toBeVisible();
  await expect(programFiles.result.getByRole('cell', { name: /^\W*year$/ })).toBeVisible();

  await programFiles.validate('programs/tianhe-2023-service-trade.json');
  await expect(programFiles.result.getByText('程序文件有效。')).toBeVisible();
});

test('an imported program file comes back unchanged on export', async ({ page }) => {
  const original = JSON.parse(readFileSync('programs/tianhe-2023-service-trade.json', 'utf8')) as unknown;
  await signInAsAdmin(page);
  const programFiles = new ProgramFilesPage(page);
  await programFiles.goto();
  await programFiles.validate('programs/tianhe-2023-service-trade.json');
  await programFiles.import();
  await expect(
    programFiles.result.getByText(/已导入项目 tianhe-2023-service-trade，规则版本 \d+/),
  ).toBeVisible();
  const exported = await programFiles.export(/tianhe-2023-service-trade/);
  expect(JSON.parse(exported)).toEqual(original);
});

test('a file with errors cannot be imported until another file is chosen', async ({ page }, testInfo) => {
  const program = JSON.parse(readFileSync('programs/tianhe-2023-service-trade.json', 'utf8')) as object;
  const file = testInfo.outputPath('broken-program.json');
  writeFileSync(file, JSON.stringify({ ...program, budget: 'a lot' }));

  await signInAsAdmin(page);
  const programFiles = new ProgramFilesPage(page);
  await programFiles.goto();
  await programFiles.validate(file);
  await expect(programFiles.result.getByText(/程序文件有 \d+ 处错误/)).toBeVisible();
  await expect(programFiles.importButton).toBeDisabled();

  await programFiles.chooseFile('programs/tianhe-2023-service-trade.json');
  await expect(programFiles.importButton).toBeEnabled();
});

test('exporting a program that has no rule version says so next to the button', async ({ page }) => {
  await signInAsAdmin(page);
  const programFiles = new ProgramFilesPage(page);
  await programFiles.goto();
  await programFiles.chooseExport(/tianhe-2027-service-trade/);
  await page.getByRole('button', { name: '下载程序文件' }).click();
  await expect(page.getByRole('alert').filter({ hasText: '该项目尚无奖励规则版本。' })).toBeVisible();
});
