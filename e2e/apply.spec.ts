// The applicant finishes the demo's draft: fills in the declared figures (a malformed amount is refused at the
// field), is refused submission while the materials are incomplete, hands in the business licence, the bank
// account and — instead of the costly audit report — the contracts with their FX receipts, signs the
// commitment, submits, withdraws, and starts again on the same clause. A file whose content is not what its
// name says is refused with the server's reason, and removing a file asks first.
import { expect, type Page, test } from '@playwright/test';
import { ApplyPage } from './pages/apply-page';
import { LoginPage } from './pages/login-page';
import { WorkspacePage } from './pages/workspace-page';
import { DEMO_PASSWORD } from './support/accounts';

const CALL = '2026年天河区服务外包业绩奖励和服务贸易额业绩奖励申报通知';
const AUDIT_REPORT = '服务贸易收支或离岸服务外包专项审计报告';

async function openApply(page: Page): Promise<ApplyPage> {
  await new LoginPage(page).signIn('applicant', DEMO_PASSWORD);
  const apply = new ApplyPage(page, new WorkspacePage(page));
  await apply.goto();
  return apply;
}

test('an applicant hands in its materials, signs, submits and withdraws, then starts again', async ({
  page,
}) => {
  const apply = await openApply(page);
  await expect(page.getByText('穗天府规〔2020〕3号 第三条第17项第（2）点')).toBeVisible();

  const row = apply.application(CALL);
  await expect(row.getByText('草稿')).toBeVisible();
  await expect(row.getByText('材料不齐全')).toBeVisible();
  await row.getByRole('button', { name: '填写申报数据' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('服务贸易额', { exact: true }).fill('12,5');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog.getByText('请输入金额，最多两位小数')).toBeVisible();
  await dialog.getByRole('button', { name: '取消' }).click();
  await apply.fillFigures(row, { 服务贸易额: '1925000.50', 服务出口额: '1400000' });

  await apply.act(row, '提交申报');
  await expect(page.getByText(/^申报材料不齐全，请补齐后再提交：.*收汇凭证/)).toBeVisible();
  await expect(row.getByText('草稿')).toBeVisible();

  const materials = apply.materials(CALL, '草稿');
  await expect(materials.getByText('以下任选其一')).toBeVisible();
  await expect(apply.checklistEntry(materials, '收汇凭证')).toContainText('未上传');
  await apply.uploadPdf(materials, '营业执照', '营业执照副本.pdf');
  await apply.uploadPdf(materials, '收款账户信息', 'bank-account.pdf');
  await apply.uploadPdf(materials, '全部合同复印件', 'contract-2025-01.pdf');
  await apply.uploadPdf(materials, '全部合同复印件', 'contract-2025-02.pdf');
  await apply.uploadPdf(materials, '收汇凭证', 'fx-receipts-2025.pdf');
  await expect(apply.checklistEntry(materials, '营业执照')).toContainText('已上传');
  await expect(apply.checklistEntry(materials, '收汇凭证')).toContainText('已上传');
  await expect(apply.checklistEntry(materials, AUDIT_REPORT)).toContainText('未上传');
  const licence = materials.getByRole('row').filter({ hasText: '营业执照副本.pdf' });
  await expect(licence).toContainText('PDF');
  await expect(licence).toContainText(/\d+(\.\d)? (B|KB)/);
  await expect(licence).toContainText(/\d{4}\/\d{1,2}\/\d{1,2} \d{2}:\d{2}/);
  await expect(row.getByText('材料不齐全')).toBeVisible();

  await materials.getByRole('button', { name: '签署承诺书' }).click();
  await expect(materials.getByText('请先阅读并勾选“我已阅读并承诺”。')).toBeVisible();
  await apply.signCommitment(materials, '林晓');
  await expect(row.getByText('材料齐全')).toBeVisible();

  await apply.act(row, '提交申报');
  await expect(page.getByText('已提交申报。')).toBeVisible();
  await expect(row.getByText('已提交')).toBeVisible();
  await expect(row.getByRole('button', { name: '填写申报数据' })).toHaveCount(0);

  await row.getByRole('button', { name: '查看材料' }).click();
  const submitted = apply.materials(CALL, '已提交');
  await expect(submitted.getByText('材料齐全', { exact: true })).toBeVisible();
  await expect(submitted.getByRole('link', { name: 'fx-receipts-2025.pdf' })).toHaveAttribute(
    'href',
    /^\/api\/my\/applications\/[\w-]+\/materials\/[\w-]+$/,
  );
  await expect(submitted.getByText('已由 林晓 于')).toBeVisible();
  await expect(submitted.getByRole('button', { name: /^删除/ })).toHaveCount(0);
  await expect(submitted.getByRole('button', { name: '上传文件' })).toHaveCount(0);

  await apply.act(row, '撤回');
  await expect(row.getByText('已撤回')).toBeVisible();
  await page.getByRole('button', { name: '开始申报' }).click();
  await expect(page.getByText('已开始申报').first()).toBeVisible();
  await expect(page.getByRole('row').filter({ hasText: CALL }).filter({ hasText: '草稿' })).toHaveCount(1);
});

test('a text file named like a PDF is refused, and removing a file asks first', async ({ page }) => {
  const apply = await openApply(page);
  const materials = apply.materials(CALL, '草稿');
  await apply.chooseFile(materials, '其他材料', {
    name: 'fake.pdf',
    buffer: Buffer.from('This is plain text that only calls itself a PDF.\n'),
  });
  await expect(
    materials.getByText('只接受 PDF、JPEG、PNG 或 OFD 文件；该文件的内容不是这几种格式'),
  ).toBeVisible();
  await expect(materials.getByRole('link', { name: 'fake.pdf' })).toHaveCount(0);

  await apply.uploadPdf(materials, '其他材料', '情况说明.pdf');
  const kept = await apply.askToRemove(materials, '情况说明.pdf');
  await kept.getByRole('button', { name: '取消' }).click();
  await expect(materials.getByRole('link', { name: '情况说明.pdf' })).toBeVisible();

  const removed = await apply.askToRemove(materials, '情况说明.pdf');
  await removed.getByRole('button', { name: '确定' }).click();
  await expect(materials.getByRole('link', { name: '情况说明.pdf' })).toHaveCount(0);
});
