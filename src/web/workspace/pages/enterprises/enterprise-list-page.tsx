// 企业: every enterprise, searchable by name or USCC, paged on the server (a ProTable-like list).
import { Input, Table } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import type { Enterprise } from '../../../api/types';
import { codeLabel } from '../../../lib/labels';
import { useLocale } from '../../../lib/locale';
import { PageTitle } from '../../page-title';
import { type EnterpriseQuery, useEnterprises } from './api';

export default function EnterpriseListPage() {
  const { locale, tr } = useLocale();
  const [query, setQuery] = useState<EnterpriseQuery>({ q: '', page: 1, pageSize: 20 });
  const enterprises = useEnterprises(query);
  return (
    <>
      <PageTitle>{tr('nav.enterprises')}</PageTitle>
      <Input.Search
        aria-label={tr('enterprise.search')}
        placeholder={tr('enterprise.search')}
        allowClear
        enterButton
        style={{ maxWidth: 420, marginBottom: 16 }}
        onSearch={(q) => setQuery((prev) => ({ ...prev, q, page: 1 }))}
      />
      <Table<Enterprise>
        rowKey="id"
        loading={enterprises.isFetching}
        dataSource={enterprises.data?.items ?? []}
        pagination={{
          current: query.page,
          pageSize: query.pageSize,
          total: enterprises.data?.total ?? 0,
          showSizeChanger: true,
          onChange: (page, pageSize) => setQuery((prev) => ({ ...prev, page, pageSize })),
        }}
        columns={[
          {
            title: tr('enterprise.name'),
            dataIndex: 'name',
            render: (name: string, row) => (
              <Link to={`/enterprises/${encodeURIComponent(row.id)}`}>{name}</Link>
            ),
          },
          { title: tr('enterprise.uscc'), dataIndex: 'uscc' },
          { title: tr('enterprise.district'), dataIndex: 'district' },
          { title: tr('enterprise.industryCluster'), dataIndex: 'industryCluster' },
          {
            title: tr('enterprise.sizeClass'),
            dataIndex: 'sizeClass',
            render: (size: string | null) => (size ? codeLabel(locale, 'sizeClass', size) : '—'),
          },
        ]}
      />
    </>
  );
}
