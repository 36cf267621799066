// The approver's decision (审批) before it is sent: which awards it covers, the items of the request (only the
// adjusted awards: no item means "as allocated") and the total it approves, added in fen so the figure in the
// confirmation is the figure the server checks against the budget.
import { type Fen, parseYuan, sumFen, yuanString } from '../../../../core/money/money';
import type { AwardCalculation } from '../../../../shared/awards';

type Award = AwardCalculation['awards'][number];

/** An amount the approver typed, with the written reason the policy requires for any change. */
export interface Adjustment {
  amount: string;
  reason: string;
}

export type Adjustments = Readonly<Record<string, Adjustment>>;

/** 元 as staff type it (an approved amount, a ceiling): at most two decimals, as the server takes it. */
export const TYPED_YUAN = /^\d{1,13}(\.\d{1,2})?$/;

/** The awards the approval decides on: those still on the published list. */
export function approvableAwards(awards: readonly Award[]): Award[] {
  return awards.filter((award) => award.status === 'in_publicity');
}

/** An adjustment that names the allocated amount again changes nothing, and so needs no reason. */
function changes(award: Award, adjustment: Adjustment | undefined): adjustment is Adjustment {
  return adjustment !== undefined && parseYuan(adjustment.amount) !== parseYuan(award.allocated);
}

/** The request's items: one per approvable award whose amount the approver changed, each with its reason. */
export function approvalItems(
  awards: readonly Award[],
  adjustments: Adjustments,
): { applicationId: string; amount: string; reason: string }[] {
  return approvableAwards(awards).flatMap((award) => {
    const adjustment = adjustments[award.applicationId];
    if (!changes(award, adjustment)) return [];
    return [
      {
        applicationId: award.applicationId,
        amount: yuanString(parseYuan(adjustment.amount)),
        reason: adjustment.reason.trim(),
      },
    ];
  });
}

/** The amount each approvable award is approved at: the adjusted amount where changed, else as allocated. */
export function approvedAmount(award: Award, adjustments: Adjustments): Fen {
  const adjustment = adjustments[award.applicationId];
  return changes(award, adjustment) ? parseYuan(adjustment.amount) : parseYuan(award.allocated);
}

/** The total approved, 元 with two decimals. */
export function approvalTotal(awards: readonly Award[], adjustments: Adjustments): string {
  return yuanString(sumFen(approvableAwards(awards).map((award) => approvedAmount(award, adjustments))));
}

/** How many approvable awards the approval grants (an amount above zero) and how many end without an award. */
export function approvalCounts(
  awards: readonly Award[],
  adjustments: Adjustments,
): { awarded: number; notAwarded: number } {
  const approvable = approvableAwards(awards);
  const awarded = approvable.filter((award) => approvedAmount(award, adjustments) > 0n).length;
  return { awarded, notAwarded: approvable.length - awarded };
}
