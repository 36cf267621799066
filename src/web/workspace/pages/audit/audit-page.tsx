// 审计日志: the latest audit events (操作日志), filterable by stream, and — for administrators — a check of
// the tamper-evident chain.
import { Alert, Button, Input, Select, Space, Table } from 'antd';
import { useState } from 'react';
import { can } from '../../../../shared/authz';
import { useSession } from '../../../api/session';
import type { AuditEvent } from '../../../api/types';
import { useT } from '../../../lib/locale';
import { PageTitle } from '../../page-title';
import { useAuditEvents, useVerifyAudit } from './api';

export default function AuditPage() {
  const tr = useT();
  const role = useSession().data?.user?.role;
  const [filter, setFilter] = useState({ stream: '', limit: 100 });
  const events = useAuditEvents(filter);
  const verify = useVerifyAudit();
  const verdict = verify.data;
  return (
    <>
      <PageTitle>{tr('nav.audit')}</PageTitle>
      <Space wrap style={{ marginBottom: 16 }}>
        <Input.Search
          aria-label={tr('audit.stream')}
          placeholder={tr('audit.stream')}
          allowClear
          onSearch={(stream) => setFilter((prev) => ({ ...prev, stream }))}
        />
        <Select
          aria-label={tr('audit.limit')}
          value={filter.limit}
          onChange={(limit) => setFilter((prev) => ({ ...prev, limit }))}
          options={[50, 100, 200, 500].map((n) => ({ value: n, label: tr('audit.latest', { count: n }) }))}
        />
        {can(role, 'audit.verify') && (
          <Button type="primary" loading={verify.isPending} onClick={() => verify.mutate()}>
            {tr('audit.verify')}
          </Button>
        )}
      </Space>
      <div role="status">
        {verdict?.ok && (
          <Alert
            type="success"
            showIcon
            title={tr('audit.chainOk', { count: verdict.checked })}
            style={{ marginBottom: 16 }}
          />
        )}
        {verdict && !verdict.ok && (
          <Alert
            type="error"
            showIcon
            style={{ marginBottom: 16 }}
            title={tr('audit.chainBroken', { count: verdict.checked })}
            description={
              verdict.firstBroken &&
              tr('audit.firstBroken', {
                stream: verdict.firstBroken.stream,
                seq: verdict.firstBroken.seq,
                reason: verdict.firstBroken.reason,
              })
            }
          />
        )}
      </div>
      <Table<AuditEvent>
        rowKey={(event) => `${event.stream}-${event.seq}`}
        size="small"
        loading={events.isFetching}
        dataSource={events.data?.items ?? []}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        columns={[
          {
            title: tr('audit.occurredAt'),
            dataIndex: 'occurredAt',
            render: (at: string) => at.replace('T', ' ').slice(0, 19),
          },
          { title: tr('audit.streamColumn'), dataIndex: 'stream' },
          { title: tr('audit.seq'), dataIndex: 'seq', align: 'right' },
          { title: tr('audit.action'), dataIndex: 'action' },
          { title: tr('audit.actor'), dataIndex: 'actorName', render: (name: string | null) => name ?? '—' },
          { title: tr('audit.entity'), key: 'entity', render: (_, e) => `${e.entityType} ${e.entityId}` },
        ]}
      />
    </>
  );
}
