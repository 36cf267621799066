// Awards (核定奖励) as the API and the record keep them: per application, the engine's computed amount, the
// amount the budget allocated, and the explanation — eligibility reasons and the calculation trace — written
// out in both languages when it was calculated, so it reads the same however the rules change later.
import { z } from 'zod';

const presentedClause = z.object({
  clauseId: z.string(),
  eligible: z.boolean(),
  reasons: z.array(z.string()),
  amount: z.string(),
  trace: z.array(z.string()),
});

export const presentedAwardSchema = z.object({
  eligible: z.boolean(),
  /** 元 with two decimals. */
  computed: z.string(),
  clauses: z.array(presentedClause),
  trace: z.array(z.string()),
});

export const awardExplanationSchema = z.object({
  'zh-CN': presentedAwardSchema,
  'en-US': presentedAwardSchema,
});
export type AwardExplanation = z.infer<typeof awardExplanationSchema>;

export const awardSchema = z.object({
  applicationId: z.string(),
  enterpriseName: z.string(),
  uscc: z.string(),
  clause: z.string(),
  eligible: z.boolean(),
  /** 元 with two decimals. */
  computed: z.string(),
  allocated: z.string(),
  explanation: presentedAwardSchema,
});

export const awardCalculationSchema = z.object({
  id: z.string(),
  callId: z.string(),
  seq: z.number().int(),
  ruleVersion: z.number().int(),
  budget: z.string(),
  computedTotal: z.string(),
  allocatedTotal: z.string(),
  reduced: z.boolean(),
  calculatedAt: z.string(),
  awards: z.array(awardSchema),
});
export type AwardCalculation = z.infer<typeof awardCalculationSchema>;

/** A published award list (公示) as the public portal shows it: who, under which clause, how much. */
export const publicityListSchema = z.object({
  id: z.string(),
  callTitle: z.string(),
  programName: z.string(),
  seq: z.number().int(),
  periodDays: z.number().int(),
  periodKind: z.enum(['workdays', 'calendar_days']),
  /** Beijing dates, inclusive. */
  startsOn: z.string(),
  endsOn: z.string(),
  /** Objections may be filed until then (the end of the last day, Beijing time). */
  closesAt: z.string(),
  open: z.boolean(),
  entries: z.array(z.object({ enterpriseName: z.string(), clause: z.string(), amount: z.string() })),
  total: z.string(),
});
export type PublicityList = z.infer<typeof publicityListSchema>;
