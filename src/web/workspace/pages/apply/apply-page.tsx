// 申报: the calls open now, from the public programs. Applying itself arrives with the application workflow.
import { useQuery } from '@tanstack/react-query';
import { Alert, Table } from 'antd';
import { api } from '../../../api/client';
import type { PublicProgram } from '../../../api/types';
import { useT } from '../../../lib/locale';
import { toWanYuan } from '../../../lib/money';
import { PageTitle } from '../../page-title';

function useOpenCalls() {
  return useQuery({
    queryKey: ['public', 'programs'],
    queryFn: () => api<PublicProgram[]>('/api/public/programs'),
    select: (programs) => programs.filter((program) => program.callOpen),
  });
}

export default function ApplyPage() {
  const tr = useT();
  const calls = useOpenCalls();
  return (
    <>
      <PageTitle>{tr('nav.apply')}</PageTitle>
      <Alert type="info" showIcon title={tr('apply.placeholder')} style={{ marginBottom: 16 }} />
      <Table<PublicProgram>
        rowKey="code"
        loading={calls.isPending}
        dataSource={calls.data ?? []}
        pagination={false}
        locale={{ emptyText: tr('apply.none') }}
        columns={[
          {
            title: tr('program.name'),
            dataIndex: 'name',
            render: (name: string, program) => (
              <a href={`/programs/${encodeURIComponent(program.code)}`}>{name}</a>
            ),
          },
          { title: tr('program.year'), dataIndex: 'year' },
          { title: tr('program.department'), dataIndex: 'departmentName' },
          {
            title: tr('program.budgetWan'),
            dataIndex: 'budget',
            align: 'right',
            render: (budget: string) => toWanYuan(budget),
          },
        ]}
      />
    </>
  );
}
