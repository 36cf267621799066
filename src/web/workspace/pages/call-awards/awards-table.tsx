// The calculation's awards, one row per application: who, under which clause, eligible or not, computed and
// allocated amounts, where the application stands and, once approved, the amount approved and why it differs.
// A row opens on request to its explanation. An approver may set an adjusted amount on an award still on the
// list before approving; it is shown beside the allocation until the approval is sent.
import { Button, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { AwardCalculation } from '../../../../shared/awards';
import { codeLabel } from '../../../lib/labels';
import { useLocale } from '../../../lib/locale';
import { formatAmount } from '../../../lib/money';
import { type Adjustments, approvableAwards } from './approval';
import { AwardExplanation } from './award-explanation';

type Award = AwardCalculation['awards'][number];

function ApprovedCell({ award, adjustments }: { award: Award; adjustments: Adjustments }) {
  const { tr } = useLocale();
  const pending = adjustments[award.applicationId];
  if (award.approved !== null) {
    return (
      <>
        {formatAmount(award.approved)}
        {award.approvalReason && (
          <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
            {tr('callAwards.adjustedBecause', { reason: award.approvalReason })}
          </Typography.Paragraph>
        )}
      </>
    );
  }
  if (!pending) return '—';
  return (
    <>
      <Tag color="warning">
        {tr('callAwards.pendingAdjustment', { amount: formatAmount(pending.amount) })}
      </Tag>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {tr('callAwards.adjustedBecause', { reason: pending.reason })}
      </Typography.Paragraph>
    </>
  );
}

export function AwardsTable({
  awards,
  adjustments,
  onAdjust,
  onClear,
}: {
  awards: Award[];
  adjustments: Adjustments;
  /** Present when the user may approve and the list may be approved now. */
  onAdjust?: (award: Award) => void;
  onClear: (applicationId: string) => void;
}) {
  const { locale, tr } = useLocale();
  const [opened, setOpened] = useState<ReadonlySet<string>>(new Set());
  const toggle = (id: string) =>
    setOpened((current) => {
      const next = new Set(current);
      if (!next.delete(id)) next.add(id);
      return next;
    });
  const adjustable = new Set(approvableAwards(awards).map((award) => award.applicationId));
  return (
    <Table<Award>
      rowKey="applicationId"
      size="small"
      caption={tr('callAwards.awardsCaption')}
      dataSource={awards}
      pagination={{ pageSize: 50, hideOnSinglePage: true }}
      scroll={{ x: 'max-content' }}
      // antd's grey for an empty table reaches only 1.8:1 on white; the theme's secondary text passes.
      locale={{ emptyText: <Typography.Text type="secondary">{tr('callAwards.noAwards')}</Typography.Text> }}
      expandable={{
        showExpandColumn: false,
        expandedRowKeys: [...opened],
        expandedRowRender: (award) => <AwardExplanation award={award} />,
      }}
      columns={[
        { title: tr('callAwards.enterprise'), dataIndex: 'enterpriseName' },
        { title: tr('callAwards.uscc'), dataIndex: 'uscc' },
        { title: tr('callAwards.clause'), dataIndex: 'clause' },
        {
          title: tr('callAwards.eligibility'),
          dataIndex: 'eligible',
          render: (eligible: boolean) => (
            <Tag color={eligible ? 'success' : 'error'}>
              {tr(eligible ? 'callAwards.eligible' : 'callAwards.ineligible')}
            </Tag>
          ),
        },
        { title: tr('callAwards.computed'), dataIndex: 'computed', align: 'right', render: formatAmount },
        { title: tr('callAwards.allocated'), dataIndex: 'allocated', align: 'right', render: formatAmount },
        {
          title: tr('callAwards.status'),
          dataIndex: 'status',
          render: (status: string) => <Tag>{codeLabel(locale, 'applicationStatus', status)}</Tag>,
        },
        {
          title: tr('callAwards.approved'),
          key: 'approved',
          render: (_: unknown, award) => <ApprovedCell award={award} adjustments={adjustments} />,
        },
        {
          title: tr('callAwards.actions'),
          key: 'actions',
          render: (_: unknown, award) => (
            <Space wrap>
              <Button
                size="small"
                aria-expanded={opened.has(award.applicationId)}
                aria-label={tr(
                  opened.has(award.applicationId)
                    ? 'callAwards.hideExplanationOf'
                    : 'callAwards.showExplanationOf',
                  { enterprise: award.enterpriseName },
                )}
                onClick={() => toggle(award.applicationId)}
              >
                {tr(
                  opened.has(award.applicationId)
                    ? 'callAwards.hideExplanation'
                    : 'callAwards.showExplanation',
                )}
              </Button>
              {onAdjust && adjustable.has(award.applicationId) && (
                <Button
                  size="small"
                  aria-label={tr('callAwards.adjustOf', { enterprise: award.enterpriseName })}
                  onClick={() => onAdjust(award)}
                >
                  {tr('callAwards.adjust')}
                </Button>
              )}
              {onAdjust && adjustments[award.applicationId] && award.approved === null && (
                <Button
                  size="small"
                  aria-label={tr('callAwards.clearAdjustmentOf', { enterprise: award.enterpriseName })}
                  onClick={() => onClear(award.applicationId)}
                >
                  {tr('callAwards.clearAdjustment')}
                </Button>
              )}
            </Space>
          ),
        },
      ]}
    />
  );
}
