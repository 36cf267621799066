// 申报: the calls an applicant may apply to now, with their clauses, and the enterprise's applications with what
// it may do next — fill in the declared figures, upload the materials and sign the commitment, submit inside
// the window, withdraw before intake review. An application's materials open under its row: those it may
// still change open by themselves, the others on request.
import { App, Button, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { Application } from '../../../api/types';
import { beijingMinute } from '../../../lib/beijing-time';
import { codeLabel } from '../../../lib/labels';
import { useLocale, useT } from '../../../lib/locale';
import { PageTitle } from '../../page-title';
import { useApplicantAction, useMyApplications } from './api';
import { ApplicationMaterials, isEditable, MaterialsStatus } from './application-materials';
import { DeclaredDialog } from './declared-dialog';
import { OpenCalls } from './open-calls';

function ApplicationActions({
  application,
  onEdit,
  expanded,
  onToggle,
}: {
  application: Application;
  onEdit: () => void;
  expanded: boolean;
  onToggle: () => void;
}) {
  const tr = useT();
  const { locale } = useLocale();
  const act = useApplicantAction();
  const { message } = App.useApp();
  const run = (action: 'submit' | 'withdraw' | 'resubmit') =>
    act.mutate(
      { id: application.id, action },
      { onSuccess: () => void message.success(tr(`apply.done.${action}`)) },
    );
  return (
    <Space wrap>
      {isEditable(application) && <Button onClick={onEdit}>{tr('apply.edit')}</Button>}
      <Button aria-expanded={expanded} onClick={onToggle}>
        {tr(expanded ? 'apply.materials.hide' : 'apply.materials.show')}
      </Button>
      {application.actions.map((action) =>
        action === 'submit' || action === 'resubmit' || action === 'withdraw' ? (
          <Popconfirm
            key={action}
            title={tr(action === 'withdraw' ? 'apply.confirmWithdraw' : 'apply.confirmSubmit')}
            okText={tr('apply.ok')}
            cancelText={tr('apply.cancel')}
            okButtonProps={{ danger: action === 'withdraw' }}
            onConfirm={() => run(action)}
          >
            <Button
              type={action === 'withdraw' ? 'default' : 'primary'}
              danger={action === 'withdraw'}
              loading={act.isPending}
            >
              {codeLabel(locale, 'applicationAction', action)}
            </Button>
          </Popconfirm>
        ) : null,
      )}
    </Space>
  );
}

export default function ApplyPage() {
  const tr = useT();
  const { locale } = useLocale();
  const applications = useMyApplications();
  const [editing, setEditing] = useState<Application | null>(null);
  // Materials the applicant opened or closed; untouched, they are open while the application is editable.
  const [opened, setOpened] = useState<ReadonlyMap<string, boolean>>(new Map());
  const isExpanded = (application: Application) => opened.get(application.id) ?? isEditable(application);
  const toggle = (application: Application) =>
    setOpened((current) => new Map(current).set(application.id, !isExpanded(application)));
  return (
    <>
      <PageTitle>{tr('nav.apply')}</PageTitle>
      <Typography.Paragraph>{tr('apply.intro')}</Typography.Paragraph>
      <OpenCalls applications={applications.data ?? []} />
      <Typography.Title level={2} style={{ fontSize: 18, marginTop: 24 }}>
        {tr('apply.mine')}
      </Typography.Title>
      <Table<Application>
        rowKey="id"
        loading={applications.isPending}
        dataSource={applications.data ?? []}
        pagination={false}
        locale={{ emptyText: tr('apply.noApplications') }}
        scroll={{ x: true }}
        expandable={{
          showExpandColumn: false,
          expandedRowKeys: (applications.data ?? []).filter(isExpanded).map((a) => a.id),
          expandedRowRender: (application) => <ApplicationMaterials application={application} />,
        }}
        columns={[
          { title: tr('apply.callTitle'), dataIndex: 'callTitle' },
          { title: tr('apply.clause'), dataIndex: 'clause' },
          {
            title: tr('apply.status'),
            dataIndex: 'status',
            render: (status: string, application) => (
              <Space orientation="vertical" size={4}>
                <Tag>{codeLabel(locale, 'applicationStatus', status)}</Tag>
                <MaterialsStatus application={application} />
                {application.lastReason && (status === 'returned' || status === 'rejected') && (
                  <Typography.Text type="warning">
                    {tr('apply.reason', { reason: application.lastReason })}
                  </Typography.Text>
                )}
              </Space>
            ),
          },
          { title: tr('apply.updatedAt'), dataIndex: 'updatedAt', render: (at: string) => beijingMinute(at) },
          {
            title: tr('apply.actions'),
            key: 'actions',
            render: (_: unknown, application) => (
              <ApplicationActions
                application={application}
                onEdit={() => setEditing(application)}
                expanded={isExpanded(application)}
                onToggle={() => toggle(application)}
              />
            ),
          },
        ]}
      />
      {editing && <DeclaredDialog application={editing} onClose={() => setEditing(null)} />}
    </>
  );
}
