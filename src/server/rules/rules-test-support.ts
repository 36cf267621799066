// Test helpers for simulations: the demo program files, their programs in a test database, and a generated
// applicants CSV of any size.
import { readFileSync } from 'node:fs';
import { APPLICANT_COLUMNS } from '../../core/rules/applicants-csv';
import { makeUscc } from '../../core/uscc/uscc';
import type { Database } from '../../db/client';
import { buildProgram } from '../../db/test-factories';

const read = (name: string) => readFileSync(new URL(`../../../programs/${name}`, import.meta.url), 'utf8');

export const SERVICE_TRADE_PROGRAM = JSON.parse(read('tianhe-2023-service-trade.json')) as Record<
  string,
  unknown
>;
export const TIERED_PROGRAM = JSON.parse(read('tianhe-2023-tiered.json')) as Record<string, unknown>;
export const DEMO_APPLICANTS_CSV = read('tianhe-2023-applicants.csv');

/** An applicants CSV of about `bytes` bytes: distinct valid USCCs, every applicant eligible for the seed. */
export function generatedApplicantsCsv(bytes: number): string {
  const lines = [APPLICANT_COLUMNS.join(',')];
  let size = lines[0]?.length ?? 0;
  for (let i = 0; size < bytes; i++) {
    const line =
      `${makeUscc(`91440106MA${String(i).padStart(7, '0')}`)},企业${i},天河区,small,true,false,2022,` +
      `${1_500_000 + i}.00,900000.00,600000.00,800000.00,300000.00,1200000.00,700000.00,`;
    lines.push(line);
    size += Buffer.byteLength(line) + 1;
  }
  return `${lines.join('\n')}\n`;
}

/** The program a program file describes (code, name, year, department), completed, as the importer expects it. */
export function buildProgramOfFile(db: Database, file: Record<string, unknown>) {
  return buildProgram(db, {
    code: String(file.code),
    name: String(file.name),
    year: Number(file.year),
    status: 'completed',
    department: { code: 'th', name: String(file.department) },
  });
}
