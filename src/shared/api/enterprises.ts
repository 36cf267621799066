// Enterprises (企业) as staff and applicants see them.
import { z } from 'zod';
import { SIZE_CLASSES } from '../domain';
import { queryInt, text } from './primitives';

export const enterpriseSchema = z.object({
  id: z.string(),
  uscc: z.string(),
  name: z.string(),
  district: z.string(),
  industryCluster: z.string().nullable(),
  sizeClass: z.enum(SIZE_CLASSES).nullable(),
  statsRegistered: z.boolean(),
  createdAt: z.string(),
});
export type Enterprise = z.infer<typeof enterpriseSchema>;

export const enterpriseListQuery = z.strictObject({
  q: text({ max: 100 }).optional(),
  page: queryInt({ min: 1, max: 100_000, fallback: 1 }),
  pageSize: queryInt({ min: 1, max: 200, fallback: 20 }),
});
export type EnterpriseListQuery = z.input<typeof enterpriseListQuery>;

export const enterpriseListResponse = z.object({ items: z.array(enterpriseSchema), total: z.number().int() });
export type EnterpriseListResponse = z.infer<typeof enterpriseListResponse>;

/** Registry statistics (统计登记) for one year, USD amounts as decimal strings with two decimals. */
export const enterpriseStatSchema = z.object({
  year: z.number().int(),
  outsourcingExecUsd: z.string(),
  offshoreExecUsd: z.string(),
  serviceImportUsd: z.string(),
  serviceExportUsd: z.string(),
});
export type EnterpriseStat = z.infer<typeof enterpriseStatSchema>;

export const myEnterpriseResponse = enterpriseSchema.extend({ stats: z.array(enterpriseStatSchema) });
export type MyEnterprise = z.infer<typeof myEnterpriseResponse>;
