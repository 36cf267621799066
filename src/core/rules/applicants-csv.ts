// The applicants CSV of `huiqi simulate` (UTF-8, optional BOM, header row, CRLF or LF, RFC 4180 quoting).
// The parser is fed chunks, so a caller can stream a file of any size; rows come out one at a time. The
// records with quotes are read by csv-parse, a line without any quote is split at its commas (the same
// fields, at a fraction of the cost); this file cuts the input at record boundaries (one pass, linear in the
// input whatever its quoting) and maps csv-parse's errors to ours with the line where the record starts.
import { CsvError, parse } from 'csv-parse/sync';
import { type ColumnIndex, type CsvRowError, RowReader, readHeader } from './applicant-row';
import type { ApplicantFacts } from './facts';

export { APPLICANT_COLUMNS, type CsvRowError, csvIssueMessage, OPTIONAL_COLUMNS } from './applicant-row';

const QUOTE = 34;
const LF = 10;
const CR = 13;
const BOM = 0xfeff;

export interface ApplicantsCsvParser {
  /** Feeds the next chunk of text (any size, split anywhere). */
  push(chunk: string): void;
  /** Ends the input; returns every error found (empty when the whole file is valid). */
  end(): CsvRowError[];
  /** What was tolerated but deserves a look (a USCC whose check character fails), in file order. */
  readonly warnings: readonly CsvRowError[];
}

function countLines(text: string): number {
  let n = 0;
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) n += 1;
  return n;
}

/** A streaming parser: `onRow` receives each valid record; errors are collected, all of them. */
export function createApplicantsCsvParser(
  onRow: (facts: ApplicantFacts, line: number) => void,
): ApplicantsCsvParser {
  const errors: CsvRowError[] = [];
  const warnings: CsvRowError[] = [];
  const seen = new Set<string>();
  const reader = new RowReader(errors, warnings);
  let index: ColumnIndex | null = null;
  let width = 0;
  // Text after the last record boundary, the line it starts on, and whether a quoted field is open in it.
  let pending = '';
  let pendingLine = 1;
  let quoted = false;
  let first = true;
  // After a quoting error the record boundaries that follow are guesses, so nothing more is read.
  let broken = false;

  const record = (fields: readonly string[], line: number) => {
    if (index === null) {
      index = readHeader(fields, errors);
      width = fields.length;
    } else if (fields.length === 1 && (fields[0] ?? '').trim() === '') {
      // A blank line between records is not an applicant.
    } else if (fields.length !== width) errors.push({ line, column: 0, code: 'wrong_field_count' });
    else {
      const facts = reader.read(fields, line, index, seen);
      if (facts !== null) onRow(facts, line);
    }
  };

  /** csv-parse over `text`, whole records starting on `line`; returns the line after them. */
  const parseQuoted = (text: string, start: number): number => {
    let line = start;
    try {
      parse(text, {
        relax_column_count: true,
        record_delimiter: ['\r\n', '\n'],
        on_record: (fields: string[]) => {
          record(fields, line);
          line += 1;
          for (const field of fields) if (field.includes('\n')) line += countLines(field);
          return null;
        },
      });
    } catch (error) {
      if (!(error instanceof CsvError)) throw error;
      // csv-parse's column is the 0-based index of the field it was reading; for an unclosed quote, the field
      // the opening quote starts (the record never ends, so no later field begins).
      const column = typeof error.column === 'number' ? error.column + 1 : 0;
      const code = error.code === 'CSV_QUOTE_NOT_CLOSED' ? 'unterminated_quote' : 'bad_quote';
      errors.push({ line, column, code });
      broken = true;
    }
    return line;
  };

  /**
   * Parses whole records starting on `pendingLine`; a record spans one line plus its quoted line breaks. A
   * line without a quote character is one record whose fields are exactly its comma-separated parts (what
   * csv-parse would read, without its per-field cost: the million-row path); a record with quotes goes to
   * csv-parse, from its line to the first line break outside quotes.
   */
  const feed = (input: string) => {
    const text = first && input.charCodeAt(0) === BOM ? input.slice(1) : input;
    first = false;
    let line = pendingLine;
    let at = 0;
    let nextQuote = text.indexOf('"');
    while (at < text.length && !broken) {
      let end = text.indexOf('\n', at);
      if (end === -1) end = text.length;
      if (nextQuote === -1 || nextQuote > end) {
        const stop = end > at && text.charCodeAt(end - 1) === CR ? end - 1 : end;
        record(text.slice(at, stop).split(','), line);
        line += 1;
        at = end + 1;
        continue;
      }
      let inside = false;
      let cut = at;
      for (; cut < text.length; cut++) {
        const ch = text.charCodeAt(cut);
        if (ch === QUOTE) inside = !inside;
        else if (ch === LF && !inside) break;
      }
      cut = Math.min(cut + 1, text.length);
      line = parseQuoted(text.slice(at, cut), line);
      at = cut;
      nextQuote = text.indexOf('"', at);
    }
  };

  /** The index just past the last line break that lies outside quotes, or -1; updates the quote state. */
  const boundary = (chunk: string): number => {
    if (!quoted && chunk.indexOf('"') === -1) {
      const nl = chunk.lastIndexOf('\n');
      return nl === -1 ? -1 : nl + 1;
    }
    let cut = -1;
    for (let i = 0; i < chunk.length; i++) {
      const ch = chunk.charCodeAt(i);
      // An escaped quote ("") flips the state twice, so parity alone tells inside from outside.
      if (ch === QUOTE) quoted = !quoted;
      else if (ch === LF && !quoted) cut = i + 1;
    }
    return cut;
  };

  return {
    warnings,
    push(chunk) {
      if (broken) return;
      const cut = boundary(chunk);
      if (cut === -1) {
        pending += chunk;
        return;
      }
      const text = pending + chunk.slice(0, cut);
      pending = chunk.slice(cut);
      feed(text);
      pendingLine += countLines(text);
    },
    end() {
      if (!broken && pending !== '') feed(pending);
      pending = '';
      if (index === null && !broken) errors.push({ line: 1, column: 0, code: 'missing_header' });
      return errors;
    },
  };
}

export type ApplicantsCsvResult =
  | { ok: true; applicants: ApplicantFacts[]; warnings: readonly CsvRowError[] }
  | { ok: false; errors: CsvRowError[] };

/** Parses a whole CSV text; with any error, no applicant is returned (nothing is computed for a bad file). */
export function parseApplicantsCsv(text: string): ApplicantsCsvResult {
  const applicants: ApplicantFacts[] = [];
  const parser = createApplicantsCsvParser((facts) => applicants.push(facts));
  parser.push(text);
  const errors = parser.end();
  return errors.length > 0 ? { ok: false, errors } : { ok: true, applicants, warnings: parser.warnings };
}
