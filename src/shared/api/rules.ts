// Program files (项目定义文件) and simulations (政策模拟) over the API. The program itself travels as
// `unknown`: the rules engine's parser validates it and answers every error with its JSON path.
import { z } from 'zod';

/** Applicant lists are CSV text inside the JSON body; the body limit bounds them. */
const MAX_CSV_CHARS = 50_000_000;

export const programFileBody = z.strictObject({ program: z.unknown() });
export type ProgramFileBody = z.infer<typeof programFileBody>;

export const programFileErrorSchema = z.object({ path: z.string(), code: z.string(), message: z.string() });

export const validateProgramFileResponse = z.object({
  ok: z.boolean(),
  errors: z.array(programFileErrorSchema),
});
export type ValidateProgramFileResponse = z.infer<typeof validateProgramFileResponse>;

export const importProgramResponse = z.object({ code: z.string(), version: z.number().int() });
export type ImportProgramResponse = z.infer<typeof importProgramResponse>;

export const simulationBody = z.strictObject({
  program: z.unknown(),
  // NUL characters are refused by the CSV parser itself, with the line they are on.
  applicantsCsv: z.string().max(MAX_CSV_CHARS),
  compare: z.unknown().optional(),
});
export type SimulationBody = z.infer<typeof simulationBody>;

const ratio = z.string().regex(/^\d+\.\d{4}$/);

/**
 * Simulated amounts in 元, exact. A program under design may leave a formula uncapped, and a base of up to
 * 9.2 × 10^16 USD × a rate below 10^6 × an FX rate below 10^4 × a size multiplier below 10^6, summed over
 * every applicant, stays below 10^45 元; the answer shows that exactly rather than failing.
 */
const yuan = z.string().regex(/^-?\d{1,45}\.\d{2}$/);

export const simulationSchema = z.object({
  applicants: z.array(
    z.object({
      uscc: z.string(),
      name: z.string(),
      sizeClass: z.string(),
      eligible: z.boolean(),
      reasons: z.array(z.string()),
      computed: yuan,
      allocated: yuan,
    }),
  ),
  totals: z.object({ eligible: z.number().int(), computed: yuan, allocated: yuan, budget: yuan }),
  distribution: z.object({
    count: z.number().int(),
    min: yuan,
    median: yuan,
    max: yuan,
    smeShare: ratio,
    gini: ratio,
  }),
});
export type Simulation = z.infer<typeof simulationSchema>;

export const simulationComparisonSchema = z.object({
  applicants: z.array(z.object({ uscc: z.string(), name: z.string(), a: yuan, b: yuan, difference: yuan })),
});

/** What the CSV reader tolerated but reports (e.g. a USCC whose check character fails), with its place. */
export const csvWarningSchema = z.object({
  line: z.number().int(),
  column: z.number().int(),
  field: z.string().optional(),
  code: z.string(),
  message: z.string(),
});
export type CsvWarning = z.infer<typeof csvWarningSchema>;

export const simulationResponse = z.object({
  warnings: z.array(csvWarningSchema),
  result: simulationSchema,
  compare: simulationSchema.optional(),
  comparison: simulationComparisonSchema.optional(),
});
export type SimulationResponse = z.infer<typeof simulationResponse>;
