// 审计日志: the audit events (操作日志), searched by actor, action, kind of record and days, newest first, each
// row opening its details (before/after); and — for administrators — a check of the tamper-evident chain.
import { Alert, Button, DatePicker, Input, Select, Space, Table } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { AUDIT_ACTIONS, AUDIT_ENTITY_TYPES } from '../../../../shared/audit-events';
import { allows } from '../../../../shared/authz';
import { t } from '../../../../shared/i18n';
import { useSession } from '../../../api/session';
import type { AuditEvent } from '../../../api/types';
import { useLocale, useT } from '../../../lib/locale';
import { PageTitle } from '../../page-title';
import { type AuditFilter, useAuditEvents, useVerifyAudit } from './api';
import { AuditEventDrawer } from './audit-event-drawer';
import { ChainVerdict } from './chain-verdict';

const DAY = 'YYYY-MM-DD';

export default function AuditPage() {
  const tr = useT();
  const { locale } = useLocale();
  const role = useSession().data?.user?.role;
  const [filter, setFilter] = useState<AuditFilter>({ actor: '' });
  const [open, setOpen] = useState<AuditEvent | undefined>();
  const events = useAuditEvents(filter);
  const verify = useVerifyAudit();
  const rows = events.data?.pages.flatMap((page) => page.items) ?? [];
  const actionLabel = (action: string) => t(locale, `common.auditActions.${action}`);
  const entityLabel = (entity: string) => t(locale, `common.auditEntities.${entity}`);
  const onDays = (days: [Dayjs | null, Dayjs | null] | null) =>
    setFilter(({ from: _from, to: _to, ...rest }) => ({
      ...rest,
      ...(days?.[0] ? { from: days[0].format(DAY) } : {}),
      ...(days?.[1] ? { to: days[1].format(DAY) } : {}),
    }));
  return (
    <>
      <PageTitle>{tr('nav.audit')}</PageTitle>
      <Space wrap style={{ marginBottom: 16 }}>
        <Input.Search
          aria-label={tr('audit.actorFilter')}
          placeholder={tr('audit.actorFilter')}
          allowClear
          onSearch={(actor) => setFilter((prev) => ({ ...prev, actor }))}
        />
        <Select
          aria-label={tr('audit.actionFilter')}
          placeholder={tr('audit.actionFilter')}
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          style={{ minWidth: 200 }}
          onChange={(action?: string) =>
            setFilter(({ action: _old, ...rest }) => ({ ...rest, ...(action ? { action } : {}) }))
          }
          options={AUDIT_ACTIONS.map((action) => ({ value: action, label: actionLabel(action) }))}
        />
        <Select
          aria-label={tr('audit.entityFilter')}
          placeholder={tr('audit.entityFilter')}
          allowClear
          style={{ minWidth: 160 }}
          onChange={(entityType?: string) =>
            setFilter(({ entityType: _old, ...rest }) => ({ ...rest, ...(entityType ? { entityType } : {}) }))
          }
          options={AUDIT_ENTITY_TYPES.map((entity) => ({ value: entity, label: entityLabel(entity) }))}
        />
        <DatePicker.RangePicker
          aria-label={tr('audit.days')}
          placeholder={[tr('audit.from'), tr('audit.to')]}
          allowEmpty={[true, true]}
          onChange={onDays}
        />
        {allows(role, 'audit.verify') && (
          <Button type="primary" loading={verify.isPending} onClick={() => verify.mutate()}>
            {tr('audit.verify')}
          </Button>
        )}
      </Space>
      <ChainVerdict verdict={verify.data} />
      {events.isError && (
        <Alert type="error" showIcon title={tr('audit.loadFailed')} style={{ marginBottom: 16 }} />
      )}
      <Table<AuditEvent>
        rowKey="id"
        size="small"
        loading={events.isFetching}
        dataSource={rows}
        pagination={false}
        scroll={{ x: 'max-content' }}
        onRow={(event) => ({ onClick: () => setOpen(event), style: { cursor: 'pointer' } })}
        columns={[
          {
            title: tr('audit.occurredAt'),
            dataIndex: 'occurredAt',
            render: (at: string) =>
              new Date(at).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false }),
          },
          { title: tr('audit.action'), dataIndex: 'action', render: actionLabel },
          {
            title: tr('audit.actor'),
            key: 'actor',
            render: (_, e) => e.actorName ?? (e.actorRole ? tr(`audit.actorKinds.${e.actorRole}`) : '—'),
          },
          {
            title: tr('audit.entity'),
            key: 'entity',
            render: (_, e) => `${entityLabel(e.entityType)} ${e.entityId}`,
          },
          {
            title: '',
            key: 'open',
            render: (_, e) => (
              <Button type="link" size="small" onClick={() => setOpen(e)}>
                {tr('audit.details')}
              </Button>
            ),
          },
        ]}
      />
      {events.hasNextPage && (
        <Button
          style={{ marginTop: 16 }}
          loading={events.isFetchingNextPage}
          onClick={() => events.fetchNextPage()}
        >
          {tr('audit.older')}
        </Button>
      )}
      <AuditEventDrawer event={open} onClose={() => setOpen(undefined)} />
    </>
  );
}
