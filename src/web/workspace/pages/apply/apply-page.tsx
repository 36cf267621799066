// 申报: the calls an applicant may apply to now, with their clauses, and the enterprise's applications with what
// it may do next — fill in the declared figures, submit inside the window, withdraw before intake review.
import { App, Button, Card, Form, Input, Modal, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { METRICS } from '../../../../shared/program-file';
import type { Application, OpenCall } from '../../../api/types';
import { beijingMinute } from '../../../lib/beijing-time';
import { codeLabel } from '../../../lib/labels';
import { useLocale, useT } from '../../../lib/locale';
import { PageTitle } from '../../page-title';
import {
  useApplicantAction,
  useMyApplications,
  useOpenCalls,
  useSaveDeclared,
  useStartApplication,
} from './api';

const AMOUNT = /^\d{1,13}(\.\d{1,2})?$/;

function OpenCalls({ applications }: { applications: Application[] }) {
  const tr = useT();
  const calls = useOpenCalls();
  const start = useStartApplication();
  const { message } = App.useApp();
  const taken = new Set(
    applications.filter((a) => a.status !== 'withdrawn').map((a) => `${a.callId} ${a.clause}`),
  );
  return (
    <section aria-labelledby="open-calls">
      <Typography.Title level={2} id="open-calls" style={{ fontSize: 18 }}>
        {tr('apply.calls')}
      </Typography.Title>
      {calls.data?.length === 0 && <Typography.Paragraph>{tr('apply.none')}</Typography.Paragraph>}
      <Space direction="vertical" style={{ width: '100%' }}>
        {(calls.data ?? []).map((call: OpenCall) => (
          <Card key={call.id} title={call.title} size="small" loading={calls.isPending}>
            <Typography.Paragraph type="secondary">
              {tr('apply.window', {
                opensAt: beijingMinute(call.opensAt),
                closesAt: beijingMinute(call.closesAt),
              })}
            </Typography.Paragraph>
            {call.clauses.map((clause) => (
              <div key={clause.id} style={{ marginBottom: 12 }}>
                <Typography.Text strong>{clause.citation}</Typography.Text>
                <Typography.Paragraph style={{ margin: '4px 0' }}>{clause.summary}</Typography.Paragraph>
                {taken.has(`${call.id} ${clause.id}`) ? (
                  <Tag>{tr('apply.started')}</Tag>
                ) : (
                  <Button
                    type="primary"
                    loading={start.isPending}
                    onClick={() =>
                      start.mutate(
                        { callId: call.id, clause: clause.id },
                        { onSuccess: () => void message.success(tr('apply.started')) },
                      )
                    }
                  >
                    {tr('apply.start')}
                  </Button>
                )}
              </div>
            ))}
          </Card>
        ))}
      </Space>
    </section>
  );
}

function DeclaredDialog({ application, onClose }: { application: Application; onClose: () => void }) {
  const tr = useT();
  const save = useSaveDeclared();
  const { message } = App.useApp();
  const [form] = Form.useForm<Record<string, string>>();
  const submit = (values: Record<string, string | undefined>) => {
    const declared = Object.fromEntries(
      Object.entries(values).flatMap(([metric, value]) => (value?.trim() ? [[metric, value.trim()]] : [])),
    );
    save.mutate(
      { id: application.id, declared, version: application.version },
      {
        onSuccess: () => {
          void message.success(tr('apply.saved'));
          onClose();
        },
        onError: (error) => void message.error(error.message),
      },
    );
  };
  return (
    <Modal
      open
      title={tr('apply.declaredTitle')}
      okText={tr('apply.save')}
      cancelText={tr('apply.cancel')}
      confirmLoading={save.isPending}
      mask={{ closable: false }}
      onCancel={onClose}
      onOk={() => form.submit()}
    >
      <Typography.Paragraph type="secondary">{tr('apply.declaredHelp')}</Typography.Paragraph>
      <Form form={form} layout="vertical" initialValues={application.declared} onFinish={submit}>
        {METRICS.map((metric) => (
          <Form.Item
            key={metric}
            name={metric}
            label={tr(`apply.metrics.${metric}`)}
            rules={[{ pattern: AMOUNT, message: tr('apply.amountInvalid') }]}
          >
            <Input inputMode="decimal" autoComplete="off" suffix="USD" />
          </Form.Item>
        ))}
      </Form>
    </Modal>
  );
}

function ApplicationActions({ application, onEdit }: { application: Application; onEdit: () => void }) {
  const tr = useT();
  const { locale } = useLocale();
  const act = useApplicantAction();
  const { message } = App.useApp();
  const run = (action: 'submit' | 'withdraw' | 'resubmit') =>
    act.mutate(
      { id: application.id, action },
      { onSuccess: () => void message.success(tr(`apply.done.${action}`)) },
    );
  const editable = application.status === 'draft' || application.status === 'returned';
  return (
    <Space wrap>
      {editable && <Button onClick={onEdit}>{tr('apply.edit')}</Button>}
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
        columns={[
          { title: tr('apply.callTitle'), dataIndex: 'callTitle' },
          { title: tr('apply.clause'), dataIndex: 'clause' },
          {
            title: tr('apply.status'),
            dataIndex: 'status',
            render: (status: string, application) => (
              <Space direction="vertical" size={4}>
                <Tag>{codeLabel(locale, 'applicationStatus', status)}</Tag>
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
              <ApplicationActions application={application} onEdit={() => setEditing(application)} />
            ),
          },
        ]}
      />
      {editing && <DeclaredDialog application={editing} onClose={() => setEditing(null)} />}
    </>
  );
}
