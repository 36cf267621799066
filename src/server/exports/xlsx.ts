// A list as an XLSX workbook for staff to file or forward: one sheet, a header row in the reader's language,
// every cell text. Amounts stay the exact decimal strings the API carries (a spreadsheet number is a float), and
// every cell that a spreadsheet would read as a formula — starting with = + - @, a tab or a carriage return — is
// neutralised, so an enterprise named "=HYPERLINK(…)" stays a name.
import ExcelJS from 'exceljs';
import type { FastifyReply } from 'fastify';
import { neutralizeCell } from '../../core/rules/simulation-tally';
import { attachmentDisposition } from '../http/attachment';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export interface XlsxColumn {
  header: string;
  /** Characters. */
  width: number;
}

export async function xlsxOf(
  sheetName: string,
  columns: readonly XlsxColumn[],
  rows: readonly (readonly string[])[],
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.created = new Date(0);
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((c) => ({ header: neutralizeCell(c.header), width: c.width }));
  sheet.getRow(1).font = { bold: true };
  for (const row of rows) sheet.addRow(row.map(neutralizeCell));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** Answers a workbook as a download that no cache keeps. */
export function sendXlsx(reply: FastifyReply, file: { name: string; bytes: Buffer }) {
  return reply
    .header('content-type', XLSX_TYPE)
    .header('content-disposition', attachmentDisposition(file.name))
    .header('cache-control', 'no-store')
    .send(file.bytes);
}
