// 申报受理: the submitted applications under the staff user's department's programs, filtered by status and
// enterprise, sorted, and paged on the server by cursor (previous pages are the cursors already seen), with
// intake review's decisions: pass after confirming, or return for correction and
// reject with a reason the applicant reads. Under a row, on request: its materials checklist, the files and the
// signed commitment.
import { App, Button, Input, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import {
  STAFF_LIST_STATUSES,
  type StaffListOrder,
  type StaffListSort,
} from '../../../../shared/api/applications';
import type { Application } from '../../../api/types';
import { beijingMinute } from '../../../lib/beijing-time';
import { codeLabel } from '../../../lib/labels';
import { useLocale, useT } from '../../../lib/locale';
import { PageTitle } from '../../page-title';
import { exportUrl, type IntakeAction, useDepartmentApplications, useIntakeDecision } from './api';
import { ApplicationDetail } from './application-detail';
import { ReasonDialog } from './reason-dialog';

const PAGE_SIZE = 20;

const SORTS = ['submittedAt.desc', 'submittedAt.asc', 'updatedAt.desc', 'updatedAt.asc'] as const;
type SortChoice = (typeof SORTS)[number];

export default function ReviewPage() {
  const tr = useT();
  const { locale } = useLocale();
  const [status, setStatus] = useState<string | undefined>('submitted');
  const [q, setQ] = useState<string | undefined>();
  const [sorting, setSorting] = useState<SortChoice>('submittedAt.desc');
  // The cursors of the pages seen so far: the last one is this page's (none for the first).
  const [cursors, setCursors] = useState<readonly string[]>([]);
  const [sort, order] = sorting.split('.') as [StaffListSort, StaffListOrder];
  const cursor = cursors.at(-1);
  const applications = useDepartmentApplications({
    ...(status ? { status } : {}),
    ...(q ? { q } : {}),
    ...(cursor ? { cursor } : {}),
    sort,
    order,
    limit: PAGE_SIZE,
  });
  const nextCursor = applications.data?.nextCursor ?? null;
  const restart = () => setCursors([]);
  const decide = useIntakeDecision();
  const { message } = App.useApp();
  const [reasoning, setReasoning] = useState<{
    application: Application;
    action: 'return' | 'reject';
  } | null>(null);
  const [opened, setOpened] = useState<ReadonlySet<string>>(new Set());
  const toggle = (id: string) =>
    setOpened((current) => {
      const next = new Set(current);
      if (!next.delete(id)) next.add(id);
      return next;
    });
  const label = (action: IntakeAction) => codeLabel(locale, 'applicationAction', action);
  return (
    <>
      <PageTitle>{tr('nav.review')}</PageTitle>
      <Typography.Paragraph>{tr('review.intro')}</Typography.Paragraph>
      <Space wrap style={{ marginBottom: 16 }}>
        <Select
          aria-label={tr('review.status')}
          style={{ minWidth: 200 }}
          value={status ?? ''}
          onChange={(value: string) => {
            setStatus(value || undefined);
            restart();
          }}
          options={[
            { value: '', label: tr('review.all') },
            ...STAFF_LIST_STATUSES.map((s) => ({
              value: s,
              label: codeLabel(locale, 'applicationStatus', s),
            })),
          ]}
        />
        <Select
          aria-label={tr('review.sort')}
          style={{ minWidth: 220 }}
          value={sorting}
          onChange={(value: SortChoice) => {
            setSorting(value);
            restart();
          }}
          options={SORTS.map((s) => ({ value: s, label: tr(`review.sortBy.${s}`) }))}
        />
        <Input.Search
          aria-label={tr('review.search')}
          placeholder={tr('review.search')}
          allowClear
          maxLength={100}
          style={{ width: 280 }}
          onSearch={(value) => {
            setQ(value.trim() || undefined);
            restart();
          }}
        />
        <a href={exportUrl({ ...(status ? { status } : {}), ...(q ? { q } : {}), sort, order })} download>
          {tr('review.export')}
        </a>
      </Space>
      <Table<Application>
        rowKey="id"
        loading={applications.isPending}
        dataSource={applications.data?.items ?? []}
        locale={{ emptyText: tr('review.none') }}
        scroll={{ x: true }}
        expandable={{
          showExpandColumn: false,
          expandedRowKeys: [...opened],
          expandedRowRender: (application) => <ApplicationDetail application={application} />,
        }}
        pagination={false}
        columns={[
          { title: tr('review.enterprise'), dataIndex: 'enterpriseName' },
          { title: tr('review.call'), dataIndex: 'callTitle' },
          { title: tr('review.clause'), dataIndex: 'clause' },
          {
            title: tr('review.status'),
            dataIndex: 'status',
            render: (value: string) => <Tag>{codeLabel(locale, 'applicationStatus', value)}</Tag>,
          },
          { title: tr('review.submittedAt'), dataIndex: 'submittedAt', render: beijingMinute },
          ...(sort === 'updatedAt'
            ? [{ title: tr('review.updatedAt'), dataIndex: 'updatedAt', render: beijingMinute }]
            : []),
          {
            title: tr('review.actions'),
            key: 'actions',
            render: (_: unknown, application) => (
              <Space wrap>
                <Button aria-expanded={opened.has(application.id)} onClick={() => toggle(application.id)}>
                  {tr(opened.has(application.id) ? 'review.hideMaterials' : 'review.showMaterials')}
                </Button>
                {application.actions.includes('pass_intake') && (
                  <Popconfirm
                    title={tr('review.confirmPass')}
                    okText={tr('review.ok')}
                    cancelText={tr('review.cancel')}
                    onConfirm={() =>
                      decide.mutate(
                        { id: application.id, action: 'pass_intake' },
                        { onSuccess: () => void message.success(tr('review.done.pass_intake')) },
                      )
                    }
                  >
                    <Button type="primary">{label('pass_intake')}</Button>
                  </Popconfirm>
                )}
                {(['return', 'reject'] as const).map((action) =>
                  application.actions.includes(action) ? (
                    <Button
                      key={action}
                      danger={action === 'reject'}
                      onClick={() => setReasoning({ application, action })}
                    >
                      {label(action)}
                    </Button>
                  ) : null,
                )}
              </Space>
            ),
          },
        ]}
      />
      <nav aria-label={tr('review.pageOf', { page: cursors.length + 1 })}>
        <Space style={{ marginTop: 16 }}>
          <Button disabled={cursors.length === 0} onClick={() => setCursors((seen) => seen.slice(0, -1))}>
            {tr('review.previousPage')}
          </Button>
          <Typography.Text aria-live="polite">
            {tr('review.pageOf', { page: cursors.length + 1 })}
          </Typography.Text>
          <Button
            disabled={nextCursor === null || applications.isPlaceholderData}
            onClick={() => nextCursor && setCursors((seen) => [...seen, nextCursor])}
          >
            {tr('review.nextPage')}
          </Button>
        </Space>
      </nav>
      {reasoning && <ReasonDialog {...reasoning} onClose={() => setReasoning(null)} />}
    </>
  );
}
