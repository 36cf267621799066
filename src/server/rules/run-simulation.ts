// Simulation (政策模拟): a program file over an applicants CSV, optionally side by side with an alternative
// program (e.g. the tiered rewards the seed recommends). Pure computation after validation; nothing is stored.
// The program files are checked apart from the run: the check is cheap, so the server makes it on its main
// thread and an invalid file is answered at once instead of waiting in line for a worker; the CSV, whose
// reading costs as much as the run, is read by the run, in the worker.
import { yuanString } from '../../core/money/money';
import { type CsvRowError, csvIssueMessage, parseApplicantsCsv } from '../../core/rules/applicants-csv';
import {
  applicantToJson,
  compareSimulations,
  type SimulationResult,
  simulateProgram,
  simulationToJson,
} from '../../core/rules/simulate';
import type { CsvWarning, Simulation, SimulationBody, SimulationResponse } from '../../shared/api/rules';
import type { Locale } from '../../shared/i18n';
import type { ProgramFile } from '../../shared/program-file';
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

function presentWarning(warning: CsvRowError, locale: Locale): CsvWarning {
  return {
    ...warning,
    code: `APPLICANTS_CSV_${warning.code.toUpperCase()}`,
    message: csvIssueMessage(warning, locale),
  };
}

/** A simulation request whose program files passed their checks. */
export interface SimulationInput {
  program: ProgramFile;
  compare?: ProgramFile;
  applicantsCsv: string;
}

/** The request with its program files checked, or a 422 PROGRAM_FILE_INVALID with every error and its path. */
export function checkSimulationPrograms(body: SimulationBody, locale: Locale): SimulationInput {
  const program = requireProgramFile(body.program, locale);
  if (body.compare === undefined) return { program, applicantsCsv: body.applicantsCsv };
  const compare = requireProgramFile(body.compare, locale, 'compare');
  return { program, compare, applicantsCsv: body.applicantsCsv };
}

export function runSimulation(input: SimulationInput, locale: Locale): SimulationResponse {
  const { program, compare: alternative } = input;
  const csv = parseApplicantsCsv(input.applicantsCsv);
  if (!csv.ok) throw csvInvalid(csv.errors, locale);
  const warnings = csv.warnings.map((warning) => presentWarning(warning, locale));
  const result = simulateProgram(program, csv.applicants, locale);
  if (!alternative) return { warnings, result: present(result) };
  const other = simulateProgram(alternative, csv.applicants, locale);
  const comparison = compareSimulations(result, other);
  return {
    warnings,
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
