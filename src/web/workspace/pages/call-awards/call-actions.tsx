// The call-wide steps after review, each offered only to the role the authorization table allows and each
// confirmed first: the administrator calculates the awards and publishes the list (公示); the approver approves
// the list (审批) at the total the confirmation shows. Whether a step may be taken now is the server's answer;
// a refusal is shown beside the buttons in the server's words.
import { Alert, App, Button, Space } from 'antd';
import { allows } from '../../../../shared/authz';
import type { AwardCalculation } from '../../../../shared/awards';
import type { Role } from '../../../../shared/roles';
import { ApiError } from '../../../api/client';
import { useT } from '../../../lib/locale';
import { formatAmount } from '../../../lib/money';
import { useApproveAwards, useCalculateAwards, usePublicizeAwards } from './api';
import { type Adjustments, approvableAwards, approvalCounts, approvalItems, approvalTotal } from './approval';

export function CallActions({
  callId,
  role,
  calculation,
  adjustments,
  onApproved,
}: {
  callId: string;
  role: Role;
  /** Undefined before the first calculation. */
  calculation: AwardCalculation | undefined;
  adjustments: Adjustments;
  onApproved?: () => void;
}) {
  const tr = useT();
  const { message, modal } = App.useApp();
  const calculate = useCalculateAwards(callId);
  const publicize = usePublicizeAwards(callId);
  const approve = useApproveAwards(callId);
  // Before its list is published a calculation may be redone; after, an upheld objection recalculates it.
  const unpublished = !calculation?.publicity;
  const approvable = calculation ? approvableAwards(calculation.awards) : [];
  const failure = [calculate, publicize, approve].find((step) => step.error instanceof ApiError)?.error;

  const confirmCalculate = () =>
    modal.confirm({
      title: tr('callAwards.calculate'),
      content: tr('callAwards.confirmCalculate'),
      okText: tr('callAwards.ok'),
      cancelText: tr('callAwards.cancel'),
      onOk: () => {
        publicize.reset();
        approve.reset();
        calculate.mutate(undefined, {
          onSuccess: () => void message.success(tr('callAwards.calculated')),
        });
      },
    });
  const confirmPublicize = () =>
    modal.confirm({
      title: tr('callAwards.publicize'),
      content: tr('callAwards.confirmPublicize'),
      okText: tr('callAwards.ok'),
      cancelText: tr('callAwards.cancel'),
      onOk: () => {
        calculate.reset();
        approve.reset();
        publicize.mutate(undefined, {
          onSuccess: () => void message.success(tr('callAwards.publicized')),
        });
      },
    });
  const confirmApprove = (awards: AwardCalculation['awards']) => {
    const items = approvalItems(awards, adjustments);
    modal.confirm({
      title: tr('callAwards.approve'),
      content: tr('callAwards.confirmApprove', {
        ...approvalCounts(awards, adjustments),
        total: formatAmount(approvalTotal(awards, adjustments)),
        adjusted: items.length,
      }),
      okText: tr('callAwards.ok'),
      cancelText: tr('callAwards.cancel'),
      onOk: () => {
        calculate.reset();
        publicize.reset();
        approve.mutate(items.length > 0 ? { items } : {}, {
          onSuccess: () => {
            void message.success(tr('callAwards.approvedDone'));
            onApproved?.();
          },
        });
      },
    });
  };

  const buttons = [
    allows(role, 'award.calculate') && unpublished && (
      <Button key="calculate" loading={calculate.isPending} onClick={confirmCalculate}>
        {tr('callAwards.calculate')}
      </Button>
    ),
    allows(role, 'award.publicize') && calculation && unpublished && (
      <Button key="publicize" type="primary" loading={publicize.isPending} onClick={confirmPublicize}>
        {tr('callAwards.publicize')}
      </Button>
    ),
    allows(role, 'award.approve') && calculation && approvable.length > 0 && (
      <Button
        key="approve"
        type="primary"
        loading={approve.isPending}
        onClick={() => confirmApprove(calculation.awards)}
      >
        {tr('callAwards.approve')}
      </Button>
    ),
  ].filter(Boolean);
  if (buttons.length === 0) return null;
  return (
    <Space orientation="vertical" style={{ width: '100%', marginBottom: 16 }}>
      <Space wrap>{buttons}</Space>
      {failure && <Alert type="error" showIcon title={failure.message} />}
    </Space>
  );
}
