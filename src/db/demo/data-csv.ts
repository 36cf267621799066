// The 2023 applicants as the simulation's applicants CSV: the statistics year is 2022 (the program year
// minus one, the clause's "上一年度") and the prev_* columns are 2021.
import { cents, parseUsd, usdString } from '../../core/money/money';
import { APPLICANT_COLUMNS } from '../../core/rules/applicants-csv';
import { APPLICANT_SPECS, type ApplicantOutcome } from './data-applicants';
import { APPLICANT_ENTERPRISES } from './data-enterprises';
import { DEMO_DECLARED_STATS, DEMO_STATS } from './data-stats';
import type { DemoStat } from './data-types';

export interface DemoApplicant {
  uscc: string;
  name: string;
  /** What the clause's rules should conclude; 'eligible' for exactly ten. */
  outcome: ApplicantOutcome;
  /** Where its figures come from: the statistics registry, or its own declaration when it is not in it. */
  figuresSource: 'registry' | 'declared';
}

export const DEMO_APPLICANTS_2023: readonly DemoApplicant[] = APPLICANT_ENTERPRISES.map((e, i) => ({
  uscc: e.uscc,
  name: e.name,
  outcome: APPLICANT_SPECS[i]?.outcome ?? 'eligible',
  figuresSource: e.statsRegistered ? 'registry' : 'declared',
}));

/** The simulation's applicants CSV columns, as the rules engine reads them. */
export const APPLICANTS_CSV_COLUMNS = APPLICANT_COLUMNS;

/** Service trade volume (服务贸易额) = service import + service export. */
export function serviceTradeUsd(stat: DemoStat): string {
  return usdString(cents(parseUsd(stat.serviceImportUsd) + parseUsd(stat.serviceExportUsd)));
}

/** The figures an applicant is judged on for a year: registry figures, or declared ones outside the registry. */
export function applicantStat(uscc: string, year: number): DemoStat | undefined {
  const match = (s: DemoStat) => s.uscc === uscc && s.year === year;
  return DEMO_STATS.find(match) ?? DEMO_DECLARED_STATS.find(match);
}

function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** The 2023 applicants CSV (UTF-8 text, header row, LF line ends, final newline). */
export function demoApplicantsCsv(): string {
  const year = 2022;
  const rows = APPLICANT_ENTERPRISES.map((e) => {
    const current = applicantStat(e.uscc, year);
    const previous = applicantStat(e.uscc, year - 1);
    if (!current || !previous)
      throw new Error(`demo applicant ${e.name} lacks figures for ${year - 1}–${year}`);
    return [
      e.uscc,
      e.name,
      e.district,
      e.sizeClass,
      String(e.statsRegistered),
      String(e.violations),
      String(year),
      serviceTradeUsd(current),
      current.serviceExportUsd,
      current.serviceImportUsd,
      current.outsourcingExecUsd,
      current.offshoreExecUsd,
      serviceTradeUsd(previous),
      previous.outsourcingExecUsd,
      previous.offshoreExecUsd,
    ];
  });
  return [APPLICANTS_CSV_COLUMNS, ...rows].map((row) => `${row.map(csvField).join(',')}\n`).join('');
}
