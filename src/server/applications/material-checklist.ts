// An application's materials against its call's requirements: the checklist the applicant and the intake officer
// see, and what is missing in words, for the refusal of an incomplete submission.
import type { Orm, Tx } from '../../db/client';
import type { ApplicationRow } from '../../db/repos/applications.repo';
import { liveMaterials, type MaterialRow } from '../../db/repos/materials.repo';
import { type Locale, t } from '../../shared/i18n';
import { type MaterialChecklist, type MaterialRequirements, materialChecklist } from '../../shared/materials';

/** The call's requirements against what the application holds now. */
export async function checklistOf(
  db: Orm | Tx,
  application: ApplicationRow & { callMaterials: MaterialRequirements },
): Promise<{ checklist: MaterialChecklist; materials: MaterialRow[] }> {
  const materials = await liveMaterials(db, application.id);
  const checklist = materialChecklist(
    application.callMaterials,
    application.clause,
    materials.map((m) => m.kind),
    application.commitmentSignedAt !== null,
  );
  return { checklist, materials };
}

/** What is missing, as the applicant reads it: `营业执照；专项审计报告 或 全部合同复印件 + 收汇凭证`. */
export function describeMissing(checklist: MaterialChecklist, locale: Locale): string {
  const label = (kind: string) => t(locale, `common.materialKinds.${kind}`);
  const missing = checklist.always.filter((i) => !i.present).map((i) => label(i.kind));
  if (checklist.anyOf.length > 0 && !checklist.anyOf.some((g) => g.every((i) => i.present))) {
    const or = locale === 'zh-CN' ? ' 或 ' : ' or ';
    missing.push(checklist.anyOf.map((group) => group.map((i) => label(i.kind)).join(' + ')).join(or));
  }
  if (checklist.commitment.required && !checklist.commitment.signed) missing.push(label('commitment'));
  return missing.join(locale === 'zh-CN' ? '；' : '; ');
}
