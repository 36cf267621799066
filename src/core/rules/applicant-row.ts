// One applicants-CSV record → ApplicantFacts: the documented columns, their checks and the error codes. The
// `year` column is the statistics year; the `prev_*` columns are that year − 1. Blank amounts mean "no data",
// never 0.
import { type Locale, t } from '../../shared/i18n';
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

export type Column = (typeof APPLICANT_COLUMNS)[number] | (typeof OPTIONAL_COLUMNS)[number];
export type ColumnIndex = Partial<Record<Column, number>>;

/** An error or a warning about one place in the file. */
export interface CsvRowError {
  /** 1-based physical line where the record starts; the header is line 1. */
  line: number;
  /** 1-based column; 0 when the error is about the whole line. */
  column: number;
  field?: string;
  code: string;
}

/** The message of an error or warning in the locale; its code under `errors.APPLICANTS_CSV_*`. */
export function csvIssueMessage(issue: CsvRowError, locale: Locale): string {
  return t(locale, `errors.APPLICANTS_CSV_${issue.code.toUpperCase()}`);
}

const CURRENT: readonly (readonly [Column, Metric])[] = METRICS.map((metric) => [metric, metric] as const);
const PREVIOUS: readonly (readonly [Column, Metric])[] = [
  ['prev_service_trade_usd', 'service_trade_usd'],
  ['prev_outsourcing_exec_usd', 'outsourcing_exec_usd'],
  ['prev_offshore_exec_usd', 'offshore_exec_usd'],
] as const;

/** Plain amounts ('1234.5', '1234.56') skip parseUsd's grouping and sign handling: the million-row path. */
const PLAIN_AMOUNT = /^\d{1,15}(\.\d{1,2})?$/;

/** Up to 13 whole digits and 0–2 decimals, in float-free integer steps (all below 2^53); else null. */
function smallPlainCents(value: string): Cents | null {
  const n = value.length;
  let whole = 0;
  let i = 0;
  for (; i < n; i++) {
    const digit = value.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) break;
    whole = whole * 10 + digit;
  }
  if (i === 0 || i > 13) return null;
  if (i === n) return cents(BigInt(whole * 100));
  const decimals = n - i - 1;
  if (value.charCodeAt(i) !== 46 || decimals < 1 || decimals > 2) return null;
  let fraction = 0;
  for (let k = i + 1; k < n; k++) {
    const digit = value.charCodeAt(k) - 48;
    if (digit < 0 || digit > 9) return null;
    fraction = fraction * 10 + digit;
  }
  return cents(BigInt(whole * 100 + (decimals === 1 ? fraction * 10 : fraction)));
}

function usdCents(value: string): Cents | null {
  const small = smallPlainCents(value);
  if (small !== null) return small;
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
export class RowReader {
  private fields: readonly string[] = [];
  private line = 0;
  private at: ColumnIndex = {};
  private ok = true;

  constructor(
    private readonly errors: CsvRowError[],
    private readonly warnings: CsvRowError[],
  ) {}

  private place(name: Column, code: string): CsvRowError {
    return { line: this.line, column: (this.at[name] ?? -1) + 1, field: name, code };
  }

  private fail(name: Column, code: string): void {
    this.errors.push(this.place(name, code));
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

  read(fields: readonly string[], line: number, at: ColumnIndex, seen: Set<string>): ApplicantFacts | null {
    this.fields = fields;
    this.line = line;
    this.at = at;
    this.ok = true;
    let uscc = this.text('uscc');
    if (uscc !== '') {
      const check = checkUscc(uscc);
      uscc = check.uscc;
      // A failing check character is tolerated (real early codes fail it) but reported; a malformed code is not.
      if (!check.ok && check.reason !== 'check_digit') this.fail('uscc', 'invalid_uscc');
      else if (seen.has(uscc)) this.fail('uscc', 'duplicate_uscc');
      else {
        seen.add(uscc);
        if (!check.ok) this.warnings.push(this.place('uscc', 'uscc_check_digit'));
      }
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

/** Checks the header row and returns where each known column is; problems go to `errors` as line 1. */
export function readHeader(fields: readonly string[], errors: CsvRowError[]): ColumnIndex {
  const index: ColumnIndex = {};
  fields.forEach((raw, i) => {
    const name = raw.trim() as Column;
    const known =
      (APPLICANT_COLUMNS as readonly string[]).includes(name) ||
      (OPTIONAL_COLUMNS as readonly string[]).includes(name);
    if (!known) errors.push({ line: 1, column: i + 1, field: raw, code: 'unknown_column' });
    else if (index[name] !== undefined)
      errors.push({ line: 1, column: i + 1, field: name, code: 'duplicate_column' });
    else index[name] = i;
  });
  for (const name of APPLICANT_COLUMNS) {
    if (index[name] === undefined) errors.push({ line: 1, column: 0, field: name, code: 'missing_column' });
  }
  return index;
}
