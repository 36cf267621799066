// The domain's fixed lists, each defined once: the zod schemas of the API and the program file, the database
// (drizzle's text enums, and the CHECK constraints a test holds to these lists) and the web's labels all read
// them from here.

/** Enterprise size classes (企业规模): 大型, 中型, 小型, 微型. */
export const SIZE_CLASSES = ['large', 'medium', 'small', 'micro'] as const;
export type SizeClass = (typeof SIZE_CLASSES)[number];

/** Rounding units a program may configure for awards: 分, 角, 元, 百元, 千元, 万元. */
export const ROUNDING_UNITS = ['fen', 'jiao', 'yuan', 'hundred_yuan', 'thousand_yuan', 'wan_yuan'] as const;
export type RoundingUnit = (typeof ROUNDING_UNITS)[number];

/** A program's life: drafted, open for applications, closed, completed (paid and evaluated). */
export const PROGRAM_STATUSES = ['draft', 'open', 'closed', 'completed'] as const;
export type ProgramStatus = (typeof PROGRAM_STATUSES)[number];

/** A call's life (申报通知): drafted, open, closed. */
export const CALL_STATUSES = ['draft', 'open', 'closed'] as const;
export type CallStatus = (typeof CALL_STATUSES)[number];

/** The milestones of a program's timeline (DESIGN §3): 通知申报, 资料收集, 材料评审, 公示, 审批, 拨付. */
export const MILESTONE_KINDS = [
  'call_open',
  'collection',
  'review',
  'publicity',
  'approval',
  'payment',
] as const;
export type MilestoneKind = (typeof MILESTONE_KINDS)[number];

/** The kinds of a program's basis documents: the policy, the fund rules, a guide, a work plan. */
export const BASIS_KINDS = ['policy', 'fund_rules', 'guide', 'work_plan'] as const;
export type BasisKind = (typeof BASIS_KINDS)[number];

/** How a publicity (公示) period is counted: working days on the official calendar, or calendar days. */
export const PUBLICITY_KINDS = ['workdays', 'calendar_days'] as const;
export type PublicityKind = (typeof PUBLICITY_KINDS)[number];

/** Levels of the regions the statistics compare: a district and its city. */
export const REGION_LEVELS = ['district', 'city'] as const;
export type RegionLevel = (typeof REGION_LEVELS)[number];
