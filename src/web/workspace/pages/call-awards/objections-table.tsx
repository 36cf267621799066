// 异议处理: the objections filed against the call's published lists, oldest first as the server gives them —
// who filed it and how to reach them, what it names, the reasons, and for a resolved one what staff found,
// decided and did to the award. Intake and administrators resolve the open ones.
import { Button, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { Objection } from '../../../../shared/awards';
import { beijingMinute } from '../../../lib/beijing-time';
import { useT } from '../../../lib/locale';
import { formatAmount } from '../../../lib/money';
import { useCallObjections } from './api';
import { ResolveDialog } from './resolve-dialog';

const STATUS_COLOR = { open: 'warning', upheld: 'error', dismissed: 'default' } as const;

function Outcome({ objection }: { objection: Objection }) {
  const tr = useT();
  if (objection.status === 'open') return '—';
  return (
    <>
      <Typography.Paragraph style={{ margin: 0 }}>
        {tr('callAwards.objections.investigationValue', { text: objection.investigation ?? '' })}
      </Typography.Paragraph>
      <Typography.Paragraph style={{ margin: 0 }}>
        {tr('callAwards.objections.resolutionValue', { text: objection.resolution ?? '' })}
      </Typography.Paragraph>
      {objection.remedy && (
        <Typography.Paragraph style={{ margin: 0 }}>
          {tr(`callAwards.objections.remedyDone.${objection.remedy}`, {
            limit: formatAmount(objection.limit ?? ''),
          })}
        </Typography.Paragraph>
      )}
      <Typography.Text type="secondary">
        {tr('callAwards.objections.resolvedAt', { at: beijingMinute(objection.resolvedAt) })}
      </Typography.Text>
    </>
  );
}

export function ObjectionsTable({ callId, canResolve }: { callId: string; canResolve: boolean }) {
  const tr = useT();
  const objections = useCallObjections(callId);
  const [resolving, setResolving] = useState<Objection | null>(null);
  return (
    <>
      <Table<Objection>
        rowKey="id"
        size="small"
        caption={tr('callAwards.objections.caption')}
        loading={objections.isPending}
        dataSource={objections.data?.items ?? []}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        scroll={{ x: 'max-content' }}
        // antd's grey for an empty table reaches only 1.8:1 on white; the theme's secondary text passes.
        locale={{
          emptyText: <Typography.Text type="secondary">{tr('callAwards.objections.none')}</Typography.Text>,
        }}
        columns={[
          {
            title: tr('callAwards.objections.list'),
            dataIndex: 'listSeq',
            render: (seq: number) => tr('callAwards.publicity.seq', { seq }),
          },
          {
            title: tr('callAwards.objections.concerns'),
            dataIndex: 'enterpriseName',
            render: (name: string | null) => name ?? tr('callAwards.objections.wholeList'),
          },
          {
            title: tr('callAwards.objections.filer'),
            key: 'filer',
            render: (_: unknown, o) =>
              tr('callAwards.objections.filerValue', { name: o.filerName, contact: o.contact }),
          },
          {
            title: tr('callAwards.objections.reasons'),
            dataIndex: 'reasons',
            render: (reasons: string) => (
              <Typography.Paragraph style={{ margin: 0, maxWidth: 360, whiteSpace: 'pre-wrap' }}>
                {reasons}
              </Typography.Paragraph>
            ),
          },
          { title: tr('callAwards.objections.filedAt'), dataIndex: 'filedAt', render: beijingMinute },
          {
            title: tr('callAwards.objections.status'),
            dataIndex: 'status',
            render: (status: Objection['status']) => (
              <Tag color={STATUS_COLOR[status]}>{tr(`callAwards.objections.statuses.${status}`)}</Tag>
            ),
          },
          {
            title: tr('callAwards.objections.outcome'),
            key: 'outcome',
            render: (_: unknown, objection) => <Outcome objection={objection} />,
          },
          ...(canResolve
            ? [
                {
                  title: tr('callAwards.actions'),
                  key: 'actions',
                  render: (_: unknown, objection: Objection) =>
                    objection.status === 'open' && (
                      <Button
                        size="small"
                        aria-label={tr('callAwards.objections.resolveOf', { filer: objection.filerName })}
                        onClick={() => setResolving(objection)}
                      >
                        {tr('callAwards.objections.resolve')}
                      </Button>
                    ),
                },
              ]
            : []),
        ]}
      />
      {resolving && (
        <ResolveDialog callId={callId} objection={resolving} onClose={() => setResolving(null)} />
      )}
    </>
  );
}
