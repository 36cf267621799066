// Where `huiqi simulate` writes per-applicant results: a CSV, XLSX (exceljs's streaming writer) or JSON Lines
// file, written in chunks of about 64 kB with back-pressure so a million applicants never sit in memory; and a
// buffered standard output. Every text cell of CSV and XLSX is neutralised against formula injection.
import { createWriteStream, type WriteStream } from 'node:fs';
import { extname } from 'node:path';
import ExcelJS from 'exceljs';
import {
  csvRecord,
  neutralizeCell,
  type PresentedApplicant,
  RESULT_COLUMNS,
  resultCells,
} from '../core/rules/simulation-tally';

export interface ResultSink {
  /** Adds one applicant; a promise only when the file asks the writer to wait (back-pressure). */
  row(applicant: PresentedApplicant): Promise<void> | undefined;
  close(): Promise<void>;
}

export const RESULT_FORMATS = ['.csv', '.xlsx', '.jsonl'] as const;

/** Rows are collected into chunks of about 64 kB: one write (and at most one wait) per chunk, not per row. */
const CHUNK = 65_536;

function write(stream: WriteStream, text: string): Promise<void> | undefined {
  if (stream.write(text)) return undefined;
  return new Promise<void>((resolve) => stream.once('drain', () => resolve()));
}

async function finish(stream: WriteStream): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    stream.once('error', reject);
    stream.end(() => resolve());
  });
}

function jsonLine(row: PresentedApplicant): string {
  const [uscc, name, sizeClass, eligible, computed, allocated] = resultCells(row);
  return `${JSON.stringify({ uscc, name, sizeClass, eligible: eligible === 'true', reasons: row.reasons, computed, allocated })}\n`;
}

/** A sink for `file` by its extension, or null when the extension is not one of RESULT_FORMATS. */
export function openResultFile(file: string): ResultSink | null {
  const ext = extname(file).toLowerCase();
  if (ext === '.xlsx') {
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: false });
    const sheet = workbook.addWorksheet('simulation');
    sheet.addRow(RESULT_COLUMNS).commit();
    return {
      row(applicant) {
        sheet.addRow(resultCells(applicant).map(neutralizeCell)).commit();
        return undefined;
      },
      async close() {
        sheet.commit();
        await workbook.commit();
      },
    };
  }
  if (ext !== '.csv' && ext !== '.jsonl') return null;
  const stream = createWriteStream(file, { encoding: 'utf8' });
  const csv = ext === '.csv';
  // The BOM lets spreadsheet software read the CSV as UTF-8.
  if (csv) stream.write(`\uFEFF${csvRecord(RESULT_COLUMNS)}`);
  let buffer = '';
  return {
    row(applicant) {
      buffer += csv ? csvRecord(resultCells(applicant)) : jsonLine(applicant);
      if (buffer.length < CHUNK) return undefined;
      const text = buffer;
      buffer = '';
      return write(stream, text);
    },
    async close() {
      if (buffer !== '') await write(stream, buffer);
      buffer = '';
      await finish(stream);
    },
  };
}

/** Collects small writes into chunks of about 64 kB for an `out` that writes to standard output. */
export class BufferedOut {
  private buffer = '';

  constructor(private readonly out: (text: string) => void) {}

  line(text: string): void {
    this.buffer += `${text}\n`;
    if (this.buffer.length > 65_536) this.flush();
  }

  flush(): void {
    if (this.buffer !== '') this.out(this.buffer);
    this.buffer = '';
  }
}
