// A list as an XLSX workbook for staff to file or forward: one sheet, a header row in the reader's language,
// every cell text. Amounts stay the exact decimal strings the API carries (a spreadsheet number is a float), and
// every cell that a spreadsheet would read as a formula — starting with = + - @, a tab or a carriage return — is
// neutralised, so an enterprise named "=HYPERLINK(…)" stays a name.
import ExcelJS from 'exceljs';
import { neutralizeCell } from '../../core/rules/simulation-tally';

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
