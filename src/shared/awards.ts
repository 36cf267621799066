// Awards (核定奖励) as the API and the record keep them: per application, the engine's computed amount, the
// amount the budget allocated, and the explanation — eligibility reasons and the calculation trace — written
// out in both languages when it was calculated, so it reads the same however the rules change later.
import { z } from 'zod';
import { BLANK_TEXT, requiredText, text, uuid } from './api/primitives';
import { APPLICATION_STATUSES } from './application-workflow';

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
  /** The application's status now: calculated, in_publicity, approved, rejected after an upheld objection… */
  status: z.enum(APPLICATION_STATUSES),
  /** The amount approved (元), once the list is approved; with the approver's reason when adjusted. */
  approved: z.string().nullable(),
  approvalReason: z.string().nullable(),
});

/** The call's latest publicity list as staff follow it. */
export const publicityStateSchema = z.object({
  listId: z.string(),
  seq: z.number().int(),
  startsOn: z.string(),
  endsOn: z.string(),
  closesAt: z.string(),
  open: z.boolean(),
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
  /** The list published from this calculation, if it has been. */
  publicity: publicityStateSchema.nullable(),
  /** Objections to any of the call's lists not yet resolved: the list cannot be approved while there are. */
  openObjections: z.number().int(),
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
  entries: z.array(
    z.object({
      /** What an objection names when it concerns this entry. */
      applicationId: z.string(),
      enterpriseName: z.string(),
      clause: z.string(),
      amount: z.string(),
    }),
  ),
  total: z.string(),
});
export type PublicityList = z.infer<typeof publicityListSchema>;

/** 元 as staff type it: digits with at most two decimals. */
const approvedYuan = z.string().regex(/^\d{1,13}(\.\d{1,2})?$/);

export const OBJECTION_STATUSES = ['open', 'upheld', 'dismissed'] as const;
/** What an upheld objection does to the award it names: remove it, or reduce it to at most an amount (核减). */
export const OBJECTION_REMEDIES = ['remove', 'reduce'] as const;

/**
 * An objection as anyone files it on the portal: a real name and a way to reach them (anonymous objections are
 * refused), the reasons, and optionally the entry of the list it concerns.
 */
export const fileObjectionBody = z.strictObject({
  name: requiredText(50),
  /** A telephone number or an email address. */
  contact: z
    .string()
    .max(100)
    .regex(/^(?:[0-9+\- ]{5,20}|[^\s@]+@[^\s@]+\.[^\s@]+)$/),
  /** At least ten characters that are not spaces: an objection says what is wrong. */
  reasons: text({ min: 10, max: 2000 }).refine((value) => value.trim().length >= 10, { message: BLANK_TEXT }),
  applicationId: uuid.optional(),
});
export type FileObjectionBody = z.infer<typeof fileObjectionBody>;

export const filedObjectionSchema = z.object({ id: z.string(), filedAt: z.string() });

export const objectionSchema = z.object({
  id: z.string(),
  listId: z.string(),
  listSeq: z.number().int(),
  applicationId: z.string().nullable(),
  enterpriseName: z.string().nullable(),
  filerName: z.string(),
  contact: z.string(),
  reasons: z.string(),
  filedAt: z.string(),
  status: z.enum(OBJECTION_STATUSES),
  investigation: z.string().nullable(),
  resolution: z.string().nullable(),
  remedy: z.enum(OBJECTION_REMEDIES).nullable(),
  /** 元: the most the award may be, for remedy `reduce`. */
  limit: z.string().nullable(),
  resolvedAt: z.string().nullable(),
});
export type Objection = z.infer<typeof objectionSchema>;

/** Staff's resolution: what they found, what they decided and, when upheld, what happens to the award. */
export const resolveObjectionBody = z.strictObject({
  outcome: z.enum(['upheld', 'dismissed']),
  investigation: requiredText(4000),
  resolution: requiredText(4000),
  remedy: z.enum(OBJECTION_REMEDIES).optional(),
  /** 元, for remedy `reduce`: the most the award may be from now on. */
  limit: approvedYuan.optional(),
});
export type ResolveObjectionBody = z.infer<typeof resolveObjectionBody>;

/**
 * The approver's decision on a closed list: every entry as allocated, except those adjusted — each with the
 * amount and a written reason.
 */
export const approveAwardsBody = z.strictObject({
  items: z
    .array(
      z.strictObject({
        applicationId: uuid,
        amount: approvedYuan.optional(),
        reason: requiredText(2000).optional(),
      }),
    )
    .max(10_000)
    .optional(),
});
export type ApproveAwardsBody = z.infer<typeof approveAwardsBody>;
