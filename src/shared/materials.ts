// Materials (申报材料) a call requires, and whether an application's uploads meet them. A call names the kinds
// every application needs (营业执照) and, per clause, any-of groups: one whole group is enough, e.g.
// {专项审计报告} OR {全部合同复印件 + 收汇凭证} — the 2023 evaluation's first suggestion, so that a small
// enterprise need not pay for an audit. The commitment (信用承诺书) is signed in the application itself.
import { z } from 'zod';

export const MATERIAL_KINDS = [
  'business_license',
  'special_audit_report',
  'contract_copies',
  'fx_receipts',
  'bank_account',
  'other',
] as const;
export type MaterialKind = (typeof MATERIAL_KINDS)[number];

export const FILE_TYPES = ['pdf', 'jpeg', 'png', 'ofd'] as const;
export type FileType = (typeof FILE_TYPES)[number];

export const materialRequirementsSchema = z.strictObject({
  /** Kinds every application of the call needs, whatever its clause. */
  always: z.array(z.enum(MATERIAL_KINDS)).max(MATERIAL_KINDS.length),
  /** Per clause id: groups of kinds, any one of which, uploaded whole, is enough. */
  clauses: z.record(
    z.string().min(1).max(100),
    z.array(z.array(z.enum(MATERIAL_KINDS)).min(1).max(MATERIAL_KINDS.length)).max(10),
  ),
  /** The applicant signs the commitment (信用承诺书) before submitting. */
  commitment: z.boolean(),
});
export type MaterialRequirements = z.infer<typeof materialRequirementsSchema>;

export const NO_REQUIREMENTS: MaterialRequirements = { always: [], clauses: {}, commitment: false };

export interface ChecklistItem {
  kind: MaterialKind;
  present: boolean;
}

/** The intake officer's and the applicant's checklist: what is required, what is there, whether it is enough. */
export interface MaterialChecklist {
  always: ChecklistItem[];
  /** The clause's any-of groups; empty when the clause needs none. */
  anyOf: ChecklistItem[][];
  commitment: { required: boolean; signed: boolean };
  complete: boolean;
}

export function materialChecklist(
  requirements: MaterialRequirements,
  clause: string,
  uploaded: Iterable<MaterialKind>,
  signed: boolean,
): MaterialChecklist {
  const present = new Set(uploaded);
  const item = (kind: MaterialKind): ChecklistItem => ({ kind, present: present.has(kind) });
  const always = requirements.always.map(item);
  const anyOf = (requirements.clauses[clause] ?? []).map((group) => group.map(item));
  const complete =
    always.every((i) => i.present) &&
    (anyOf.length === 0 || anyOf.some((group) => group.every((i) => i.present))) &&
    (!requirements.commitment || signed);
  return { always, anyOf, commitment: { required: requirements.commitment, signed }, complete };
}
