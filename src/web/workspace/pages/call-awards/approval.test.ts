import { describe, expect, it } from 'vitest';
import type { AwardCalculation } from '../../../../shared/awards';
import { approvableAwards, approvalCounts, approvalItems, approvalTotal, approvedAmount } from './approval';

type Award = AwardCalculation['awards'][number];

function award(applicationId: string, allocated: string, status: Award['status'] = 'in_publicity'): Award {
  return {
    applicationId,
    enterpriseName: `企业${applicationId}`,
    uscc: '91440106MA59C7XX2X',
    clause: 'service-trade-volume',
    eligible: allocated !== '0.00',
    computed: allocated,
    allocated,
    explanation: { eligible: true, computed: allocated, clauses: [], trace: [] },
    status,
    approved: null,
    approvalReason: null,
  };
}

const AWARDS = [
  award('a', '100000.00'),
  award('b', '35000.50'),
  award('c', '0.00'),
  award('removed', '80000.00', 'rejected'),
];

describe('the approver’s decision', () => {
  it('covers only the awards still on the published list', () => {
    expect(approvableAwards(AWARDS).map((a) => a.applicationId)).toEqual(['a', 'b', 'c']);
  });

  it('approves the list as allocated when nothing is adjusted: no items, the allocated total', () => {
    expect(approvalItems(AWARDS, {})).toEqual([]);
    expect(approvalTotal(AWARDS, {})).toBe('135000.50');
  });

  it('sends an item for each changed amount, normalised to two decimals, with the reason trimmed', () => {
    const adjustments = { b: { amount: '30000.5', reason: '  扣除重复申报部分  ' } };
    expect(approvalItems(AWARDS, adjustments)).toEqual([
      { applicationId: 'b', amount: '30000.50', reason: '扣除重复申报部分' },
    ]);
    expect(approvalTotal(AWARDS, adjustments)).toBe('130000.50');
  });

  it('treats an amount equal to the allocation as no change, however it is written', () => {
    const adjustments = { a: { amount: '100000', reason: '' } };
    expect(approvalItems(AWARDS, adjustments)).toEqual([]);
    expect(approvedAmount(award('a', '100000.00'), adjustments)).toBe(10_000_000n);
  });

  it('ignores adjustments of awards no longer on the list', () => {
    const adjustments = { removed: { amount: '1.00', reason: '已撤销' } };
    expect(approvalItems(AWARDS, adjustments)).toEqual([]);
    expect(approvalTotal(AWARDS, adjustments)).toBe('135000.50');
  });

  it('counts the awards granted and those that end without one, an amount adjusted to zero among the latter', () => {
    expect(approvalCounts(AWARDS, {})).toEqual({ awarded: 2, notAwarded: 1 });
    expect(approvalCounts(AWARDS, { b: { amount: '0', reason: '不符合条件' } })).toEqual({
      awarded: 1,
      notAwarded: 2,
    });
  });

  it('adds in fen, never in floating point', () => {
    const cents = [award('x', '0.10'), award('y', '0.20')];
    expect(approvalTotal(cents, {})).toBe('0.30');
    expect(approvalTotal(cents, { x: { amount: '0.01', reason: '核减' } })).toBe('0.21');
  });
});
