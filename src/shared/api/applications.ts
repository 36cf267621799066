// Applications (申报) as the applicant's workspace reads and writes them.
import { z } from 'zod';
import { APPLICATION_ACTIONS, APPLICATION_STATUSES } from '../application-workflow';
import { FILE_TYPES, MATERIAL_KINDS, materialRequirementsSchema } from '../materials';
import { METRICS } from '../program-file';
import { queryInt, requiredText, text, uuid } from './primitives';

/** A declared figure in USD: digits with at most two decimals, e.g. '1250000.50'. */
export const declaredUsd = z.string().regex(/^\d{1,13}(\.\d{1,2})?$/);

/** Declared figures of the statistics year by metric; a metric left out is not declared. */
export const declaredSchema = z.partialRecord(z.enum(METRICS), declaredUsd);

export const applicationSchema = z.object({
  id: z.string(),
  callId: z.string(),
  callCode: z.string(),
  callTitle: z.string(),
  callOpensAt: z.string(),
  callClosesAt: z.string(),
  programCode: z.string(),
  programName: z.string(),
  enterpriseId: z.string(),
  enterpriseName: z.string(),
  clause: z.string(),
  status: z.enum(APPLICATION_STATUSES),
  declared: declaredSchema,
  submittedAt: z.string().nullable(),
  updatedAt: z.string(),
  version: z.number().int(),
  /** The reason staff gave with the latest status change (what to correct, why it was rejected). */
  lastReason: z.string().nullable(),
  /** What the signed-in user may do with it now (the workflow's table; the call's window decides later). */
  actions: z.array(z.enum(APPLICATION_ACTIONS)),
});
export type Application = z.infer<typeof applicationSchema>;

export const applicationHistorySchema = z.array(
  z.object({
    seq: z.number().int(),
    action: z.string(),
    fromStatus: z.enum(APPLICATION_STATUSES).nullable(),
    toStatus: z.enum(APPLICATION_STATUSES),
    at: z.string(),
    /** Why staff rejected it or returned it for correction. */
    reason: z.string().nullable(),
  }),
);

export const materialSchema = z.object({
  id: z.string(),
  kind: z.enum(MATERIAL_KINDS),
  originalName: z.string(),
  fileType: z.enum(FILE_TYPES),
  sizeBytes: z.number().int(),
  sha256: z.string(),
  scanStatus: z.enum(['not_scanned', 'clean', 'quarantined']),
  uploadedAt: z.string(),
});
export type Material = z.infer<typeof materialSchema>;

const checklistItem = z.object({ kind: z.enum(MATERIAL_KINDS), present: z.boolean() });
export const checklistSchema = z.object({
  always: z.array(checklistItem),
  anyOf: z.array(z.array(checklistItem)),
  commitment: z.object({ required: z.boolean(), signed: z.boolean() }),
  complete: z.boolean(),
});

export const commitmentSchema = z.object({
  text: z.string(),
  signerName: z.string(),
  signedAt: z.string(),
});

/** What a correction request may name: a material, the declared figures or the commitment. */
export const CORRECTION_SUBJECTS = [...MATERIAL_KINDS, 'declared_figures', 'commitment'] as const;
export type CorrectionSubject = (typeof CORRECTION_SUBJECTS)[number];
/** Working days an applicant has to answer a return for correction, unless intake gives another number. */
export const DEFAULT_CORRECTION_WORKDAYS = 5;

export const correctionItemSchema = z.strictObject({
  subject: z.enum(CORRECTION_SUBJECTS),
  reason: requiredText(500),
});
export type CorrectionItem = z.infer<typeof correctionItemSchema>;

/** The latest correction request of an application, as the applicant and staff read it. */
export const correctionSchema = z.object({
  items: z.array(z.object({ subject: z.enum(CORRECTION_SUBJECTS), reason: z.string() })),
  workdays: z.number().int(),
  /** Beijing date, the last day to submit again. */
  dueOn: z.string(),
  dueAt: z.string(),
  answeredAt: z.string().nullable(),
  lapsedAt: z.string().nullable(),
});

export const applicationDetailSchema = applicationSchema.extend({
  history: applicationHistorySchema,
  materials: z.array(materialSchema),
  /** The call's material requirements against what the application holds now. */
  checklist: checklistSchema,
  commitment: commitmentSchema.nullable(),
  correction: correctionSchema.nullable(),
});
export type ApplicationDetail = z.infer<typeof applicationDetailSchema>;

export const startApplicationBody = z.strictObject({ callId: uuid, clause: text({ min: 1, max: 100 }) });

export const updateApplicationBody = z.strictObject({
  declared: declaredSchema,
  /** The version the form was filled from: an edit over a newer version is refused. */
  version: z.number().int().min(1),
});

export const applicantActionParams = z.strictObject({
  id: uuid,
  action: z.enum(['submit', 'withdraw', 'resubmit']),
});

/** A call an applicant may apply to now, with the clauses of its program's current rules. */
export const openCallSchema = z.object({
  id: z.string(),
  code: z.string(),
  title: z.string(),
  opensAt: z.string(),
  closesAt: z.string(),
  programCode: z.string(),
  programName: z.string(),
  clauses: z.array(z.object({ id: z.string(), citation: z.string(), summary: z.string() })),
  materials: materialRequirementsSchema,
});
export type OpenCall = z.infer<typeof openCallSchema>;

/** The statuses of applications that reached staff: a draft never did. */
const staffListStatus = z.enum(APPLICATION_STATUSES).exclude(['draft']);
export const STAFF_LIST_STATUSES = staffListStatus.options;
export const STAFF_LIST_SORTS = ['submittedAt', 'updatedAt'] as const;
export type StaffListSort = (typeof STAFF_LIST_SORTS)[number];
export type StaffListOrder = 'asc' | 'desc';

/** One status or several, as `status=a,b` or `status=a&status=b`. */
const statusList = z
  .union([z.string(), z.array(z.string())])
  .transform((value) => [...new Set((Array.isArray(value) ? value : [value]).flatMap((v) => v.split(',')))])
  .pipe(z.array(staffListStatus).min(1));

/**
 * The applications staff of a department review, page by page in a stable order. `cursor` is the opaque
 * `nextCursor` of the page before (keyset pagination: it names the last row's sort key and id, so pages stay
 * exact while applications arrive); it is only checked for shape here, and refused as APPLICATION_CURSOR_INVALID
 * when it does not decode or was made for another sort.
 */
export const staffApplicationsQuery = z.strictObject({
  status: statusList.optional(),
  callId: uuid.optional(),
  clause: text({ min: 1, max: 100 }).optional(),
  /** A prefix of the enterprise's name or of its unified social credit code. */
  q: text({ min: 1, max: 100 })
    .transform((value) => value.trim())
    .pipe(z.string().min(1))
    .optional(),
  sort: z.enum(STAFF_LIST_SORTS).default('submittedAt'),
  order: z.enum(['asc', 'desc']).default('desc'),
  cursor: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,400}$/)
    .optional(),
  limit: queryInt({ min: 1, max: 100, fallback: 20 }),
});
export type StaffApplicationsQuery = z.infer<typeof staffApplicationsQuery>;

/** The staff list's filters and order, for an export of the whole filtered list. */
export const staffApplicationsExportQuery = staffApplicationsQuery.omit({ cursor: true, limit: true });
export type StaffApplicationsExportQuery = z.infer<typeof staffApplicationsExportQuery>;

/**
 * A page and the cursor of the next one (null on the last page). No total: counting a department's share of a
 * million applications costs more than the page itself, and an estimate would be wrong under a filter.
 */
export const staffApplicationsResponse = z.object({
  items: z.array(applicationSchema),
  nextCursor: z.string().nullable(),
});
export type StaffApplications = z.infer<typeof staffApplicationsResponse>;

/** Intake review's decisions (形式审查). */
export const intakeActionParams = z.strictObject({
  id: uuid,
  action: z.enum(['pass_intake', 'return', 'reject']),
});

/**
 * A rejection or a return for correction says why; passing may add a remark. A return may name what to correct,
 * item by item, and the working days allowed (1 to 30; five unless given).
 */
export const intakeActionBody = z.strictObject({
  reason: text({ max: 2000 }).optional(),
  items: z.array(correctionItemSchema).max(20).optional(),
  workdays: z.number().int().min(1).max(30).optional(),
});

/** Which material an upload is and what the applicant called it; the body is the file's bytes. */
export const uploadMaterialQuery = z.strictObject({
  kind: z.enum(MATERIAL_KINDS),
  name: text({ min: 1, max: 1000 }),
});

export const materialParams = z.strictObject({ id: uuid, materialId: uuid });

export const signCommitmentBody = z.strictObject({
  accepted: z.boolean(),
  signerName: text({ max: 50 }),
});
