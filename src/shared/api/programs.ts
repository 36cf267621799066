// Programs (专项资金项目), their calls and public notices, as the portal and the workspace show them.
import { z } from 'zod';
import { CALL_STATUSES, MILESTONE_KINDS, PROGRAM_STATUSES } from '../domain';
import { isoDate, yuan } from './primitives';

export const milestoneSchema = z.object({
  kind: z.enum(MILESTONE_KINDS),
  plannedOn: isoDate.nullable(),
  actualOn: isoDate.nullable(),
});

export const publicProgramSchema = z.object({
  code: z.string(),
  name: z.string(),
  year: z.number().int(),
  departmentName: z.string(),
  budget: yuan,
  status: z.enum(PROGRAM_STATUSES),
  callOpen: z.boolean(),
  milestones: z.array(milestoneSchema),
});
export type PublicProgram = z.infer<typeof publicProgramSchema>;

export const programBasisSchema = z.object({
  docNumber: z.string(),
  title: z.string(),
  citation: z.string().nullable(),
});

export const programCallSchema = z.object({
  id: z.string(),
  code: z.string(),
  title: z.string(),
  opensAt: z.string().nullable(),
  closesAt: z.string().nullable(),
  status: z.enum(CALL_STATUSES),
});

export const publicProgramDetailSchema = publicProgramSchema.extend({
  basis: z.array(programBasisSchema),
  calls: z.array(programCallSchema),
});
export type PublicProgramDetail = z.infer<typeof publicProgramDetailSchema>;

export const staffProgramSchema = publicProgramSchema.extend({ id: z.string() });
export type StaffProgram = z.infer<typeof staffProgramSchema>;
export const staffProgramDetailSchema = publicProgramDetailSchema.extend({ id: z.string() });
export type StaffProgramDetail = z.infer<typeof staffProgramDetailSchema>;

export const programCodeParams = z.strictObject({
  code: z.string().regex(/^[a-z0-9][a-z0-9_-]{0,99}$/),
});

export const noticeSchema = z.object({
  id: z.string(),
  title: z.string(),
  publishedAt: z.string(),
  programCode: z.string(),
  kind: z.string(),
});
export type Notice = z.infer<typeof noticeSchema>;
