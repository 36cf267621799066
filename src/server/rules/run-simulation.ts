// Simulation (政策模拟): a program file over an applicants CSV, optionally side by side with an alternative
// program (e.g. the tiered rewards the seed recommends). Pure computation after validation; nothing is stored.
import { yuanString } from '../../core/money/money';
import { parseApplicantsCsv } from '../../core/rules/applicants-csv';
import {
  applicantToJson,
  compareSimulations,
  type SimulationResult,
  simulateProgram,
  simulationToJson,
} from '../../core/rules/simulate';
import type { Simulation, SimulationBody, SimulationResponse } from '../../shared/api/rules';
import type { Locale } from '../../shared/i18n';
import { csvInvalid, requireProgramFile } from './program-file-errors';

/** The CLI's documented JSON, with each applicant's name and size class for the web table. */
function present(result: SimulationResult): Simulation {
  const json = simulationToJson(result);
  return {
    ...json,
    applicants: result.applicants.map((row) => ({
      ...applicantToJson(row),
      name: row.name,
      sizeClass: row.sizeClass,
    })),
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
