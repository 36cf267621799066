// Simulation (政策模拟): a program file over an applicants CSV, optionally side by side with an alternative
// program (e.g. the tiered rewards the seed recommends). Pure computation after validation; nothing is stored.
import { decimalToString } from '../../core/money/decimal';
import { yuanString } from '../../core/money/money';
import { parseApplicantsCsv } from '../../core/rules/applicants-csv';
import { compareSimulations, type SimulationResult, simulateProgram } from '../../core/rules/simulate';
import type { Simulation, SimulationBody, SimulationResponse } from '../../shared/api/rules';
import type { Locale } from '../../shared/i18n';
import { csvInvalid, requireProgramFile } from './program-file-errors';

function present(result: SimulationResult): Simulation {
  const d = result.distribution;
  return {
    applicants: result.applicants.map((row) => ({
      uscc: row.uscc,
      name: row.name,
      sizeClass: row.sizeClass,
      eligible: row.eligible,
      reasons: row.reasons,
      computed: yuanString(row.computed),
      allocated: yuanString(row.allocated),
    })),
    totals: {
      eligible: result.totals.eligible,
      computed: yuanString(result.totals.computed),
      allocated: yuanString(result.totals.allocated),
      budget: yuanString(result.totals.budget),
    },
    distribution: {
      count: d.count,
      min: yuanString(d.min),
      median: yuanString(d.median),
      max: yuanString(d.max),
      smeShare: decimalToString(d.smeShare, 4),
      gini: decimalToString(d.gini, 4),
    },
  };
}

export function runSimulation(input: SimulationBody, locale: Locale): SimulationResponse {
  const program = requireProgramFile(input.program, locale);
  const alternative =
    input.compare === undefined ? undefined : requireProgramFile(input.compare, locale, 'compare');
  const csv = parseApplicantsCsv(input.applicantsCsv);
  if (!csv.ok) throw csvInvalid(csv.errors, locale);
  const result = simulateProgram(program, csv.applicants, locale);
  if (!alternative) return { result: present(result) };
  const other = simulateProgram(alternative, csv.applicants, locale);
  const comparison = compareSimulations(result, other);
  return {
    result: present(result),
    compare: present(other),
    comparison: {
      applicants: comparison.applicants.map((row) => ({
        uscc: row.uscc,
        name: row.name,
        a: yuanString(row.a),
        b: yuanString(row.b),
        difference: yuanString(row.difference),
      })),
    },
  };
}
