// The applicants CSV of `huiqi simulate` (UTF-8, optional BOM, header row, CRLF or LF, RFC 4180 quoting).
// The parser is fed chunks, so a caller can stream a file of any size; rows come out one at a time. The `year`
// column is the statistics year; the `prev_*` columns are that year − 1. Blank amounts mean "no data", never 0.
import { METRICS, type Metric, SIZE_CLASSES, type SizeClass } from '../../shared/program-file';
import { type Cents, cents, parseUsd } from '../money/money';
import { checkUscc } from '../uscc/uscc';
import type { ApplicantFacts, MetricValues } from './facts';

export const APPLICANT_COLUMNS = [
  'uscc',
  'name',
  'district',
  'size_class',
  'stats_registered',
  'violations',
  'year',
  'service_trade_usd',
  'service_export_usd',
  'service_import_usd',
  'outsourcing_exec_usd',
  'offshore_exec_usd',
  'prev_service_trade_usd',
  'prev_outsourcing_exec_usd',
  'prev_offshore_exec_usd',
] as const;
/** Columns a file may add: an industry label and a review score (for ranking by score). */
export const OPTIONAL_COLUMNS = ['industry', 'score'] as const;

type Column = (typeof APPLICANT_COLUMNS)[number] | (typeof OPTIONAL_COLUMNS)[number];

export interface CsvRowError {
  /** 1-based physical line where the record starts; the header is line 1. */
  line: number;
  /** 1-based column; 0 when the error is about the whole line. */
  column: number;
  field?: string;
  code: string;
}

const CURRENT: readonly (readonly [Column, Metric])[] = METRICS.map((metric) => [metric, metric] as const);
const PREVIOUS: readonly (readonly [Column, Metric])[] = [
  ['prev_service_trade_usd', 'service_trade_usd'],
  ['prev_outsourcing_exec_usd', 'outsourcing_exec_usd'],
  ['prev_offshore_exec_usd', 'offshore_exec_usd'],
] as const;

/** Splits one CSV record; null when a quoted field is still open at the end (the record continues). */
function splitRecord(record: string): string[] | null {
  if (!record.includes('"')) return record.split(',');
  const fields: string[] = [];
  let field = '';
  let i = 0;
  let quoted = false;
  while (i < record.length) {
    const ch = record[i] as string;
    if (quoted) {
      if (ch === '"' && record[i + 1] === '"') {
        field += '"';
        i += 2;
        continue;
      }
      if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === ',') {
      fields.push(field);
      field = '';
    } else field += ch;
    i += 1;
  }
  if (quoted) return null;
  fields.push(field);
  return fields;
}

type ColumnIndex = Partial<Record<Column, number>>;

/** Plain amounts ('1234.5', '1234.56') are read without a regex engine round trip: the million-row path. */
const PLAIN_AMOUNT = /^\d{1,15}(\.\d{1,2})?$/;

function usdCents(value: string): Cents | null {
  if (PLAIN_AMOUNT.test(value)) {
    const dot = value.indexOf('.');
    if (dot === -1) return cents(BigInt(value) * 100n);
    return cents(BigInt(value.slice(0, dot) + value.slice(dot + 1).padEnd(2, '0')));
  }
  try {
    const parsed = parseUsd(value);
    return parsed >= 0n ? parsed : null;
  } catch {
    return null;
  }
}

/** Reads one record's fields; one instance per parser, so no closures are made per row. */
class RowReader {
  private fields: string[] = [];
  private line = 0;
  private at: ColumnIndex = {};
  private ok = true;

  constructor(private readonly errors: CsvRowError[]) {}

  private fail(name: Column, code: string): void {
    this.errors.push({ line: this.line, column: (this.at[name] ?? -1) + 1, field: name, code });
    this.ok = false;
  }

  private get(name: Column): string {
    const i = this.at[name];
    return i === undefined ? '' : (this.fields[i] ?? '').trim();
  }

  private text(name: Column): string {
    const value = this.get(name);
    if (value === '') this.fail(name, 'required');
    else if (value.includes('\u0000')) this.fail(name, 'nul_character');
    return value;
  }

  private flag(name: Column): boolean {
    const value = this.get(name);
    if (value !== 'true' && value !== 'false') this.fail(name, 'invalid_boolean');
    return value === 'true';
  }

  private amounts(columns: readonly (readonly [Column, Metric])[]): MetricValues {
    const values: MetricValues = {};
    for (const [column, metric] of columns) {
      const value = this.get(column);
      if (value === '') continue;
      const parsed = usdCents(value);
      if (parsed === null) this.fail(column, 'invalid_amount');
      else values[metric] = parsed;
    }
    return values;
  }

  read(fields: string[], line: number, at: ColumnIndex, seen: Set<string>): ApplicantFacts | null {
    this.fields = fields;
    this.line = line;
    this.at = at;
    this.ok = true;
    let uscc = this.text('uscc');
    if (uscc !== '') {
      const check = checkUscc(uscc);
      uscc = check.uscc;
      // A failing check character is tolerated (real early codes fail it); a malformed code is not.
      if (!check.ok && check.reason !== 'check_digit') this.fail('uscc', 'invalid_uscc');
      else if (seen.has(uscc)) this.fail('uscc', 'duplicate_uscc');
      else seen.add(uscc);
    }
    const name = this.text('name');
    const district = this.text('district');
    const sizeClass = this.get('size_class') as SizeClass;
    if (!(SIZE_CLASSES as readonly string[]).includes(sizeClass))
      this.fail('size_class', 'invalid_size_class');
    const statsRegistered = this.flag('stats_registered');
    const violations = this.flag('violations');
    const yearText = this.get('year');
    const year = /^\d{4}$/.test(yearText) ? Number(yearText) : Number.NaN;
    if (Number.isNaN(year)) this.fail('year', 'invalid_year');
    const current = this.amounts(CURRENT);
    const previous = this.amounts(PREVIOUS);
    const scoreText = this.get('score');
    const score = /^\d{1,3}(\.\d{1,2})?$/.test(scoreText) ? Number(scoreText) : undefined;
    if (scoreText !== '' && score === undefined) this.fail('score', 'invalid_score');
    if (!this.ok) return null;
    const facts: ApplicantFacts = {
      uscc,
      name,
      district,
      sizeClass,
      statsRegistered,
      violations,
      registry: new Map([
        [year, current],
        [year - 1, previous],
      ]),
    };
    const industry = this.get('industry');
    if (industry !== '') facts.industry = industry;
    if (score !== undefined) facts.score = score;
    return facts;
  }
}

export interface ApplicantsCsvParser {
  /** Feeds the next chunk of text (any size, split anywhere). */
  push(chunk: string): void;
  /** Ends the input; returns every error found (empty when the whole file is valid). */
  end(): CsvRowError[];
}

/** A streaming parser: `onRow` receives each valid record; errors are collected, all of them. */
export function createApplicantsCsvParser(
  onRow: (facts: ApplicantFacts, line: number) => void,
): ApplicantsCsvParser {
  const errors: CsvRowError[] = [];
  const seen = new Set<string>();
  let index: Partial<Record<Column, number>> | null = null;
  let width = 0;
  let carry = '';
  let lineNo = 0;
  let pending = '';
  let pendingStart = 0;
  let first = true;

  const header = (fields: string[]) => {
    index = {};
    width = fields.length;
    fields.forEach((raw, i) => {
      const name = raw.trim() as Column;
      const known =
        (APPLICANT_COLUMNS as readonly string[]).includes(name) ||
        (OPTIONAL_COLUMNS as readonly string[]).includes(name);
      if (!known) errors.push({ line: 1, column: i + 1, field: raw, code: 'unknown_column' });
      else if (index?.[name] !== undefined)
        errors.push({ line: 1, column: i + 1, field: name, code: 'duplicate_column' });
      else if (index) index[name] = i;
    });
    for (const name of APPLICANT_COLUMNS) {
      if (index[name] === undefined) errors.push({ line: 1, column: 0, field: name, code: 'missing_column' });
    }
  };

  const reader = new RowReader(errors);
  const row = (fields: string[], line: number) => {
    if (fields.length !== width) {
      errors.push({ line, column: 0, code: 'wrong_field_count' });
      return;
    }
    const facts = reader.read(fields, line, index as ColumnIndex, seen);
    if (facts !== null) onRow(facts, line);
  };

  const record = (text: string) => {
    lineNo += 1;
    const start = pending === '' ? lineNo : pendingStart;
    const joined = pending === '' ? text : `${pending}\n${text}`;
    const fields = splitRecord(joined);
    if (fields === null) {
      if (pending === '') pendingStart = lineNo;
      pending = joined;
      return;
    }
    pending = '';
    if (index === null) header(fields);
    else if (joined.trim() !== '') row(fields, start);
  };

  const lines = (text: string, final: boolean) => {
    let from = 0;
    for (;;) {
      const nl = text.indexOf('\n', from);
      if (nl === -1) break;
      const end = nl > from && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
      record(text.slice(from, end));
      from = nl + 1;
    }
    const rest = text.slice(from);
    if (!final) return rest;
    if (rest !== '') record(rest.endsWith('\r') ? rest.slice(0, -1) : rest);
    return '';
  };

  return {
    push(chunk) {
      let text = carry + chunk;
      if (first && text.length > 0) {
        if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
        first = false;
      }
      carry = lines(text, false);
    },
    end() {
      carry = lines(carry, true);
      if (pending !== '') errors.push({ line: pendingStart, column: 0, code: 'unterminated_quote' });
      if (index === null) errors.push({ line: 1, column: 0, code: 'missing_header' });
      return errors;
    },
  };
}

export type ApplicantsCsvResult =
  | { ok: true; applicants: ApplicantFacts[] }
  | { ok: false; errors: CsvRowError[] };

/** Parses a whole CSV text; with any error, no applicant is returned (nothing is computed for a bad file). */
export function parseApplicantsCsv(text: string): ApplicantsCsvResult {
  const applicants: ApplicantFacts[] = [];
  const parser = createApplicantsCsvParser((facts) => applicants.push(facts));
  parser.push(text);
  const errors = parser.end();
  return errors.length > 0 ? { ok: false, errors } : { ok: true, applicants };
}
