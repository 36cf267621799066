// 工作台: the programs staff work on, with budget, status and whether a call is open.
import { Table, Tag } from 'antd';
import { Link } from 'react-router';
import type { StaffProgram } from '../../../api/types';
import { codeLabel } from '../../../lib/labels';
import { useLocale } from '../../../lib/locale';
import { toWanYuan } from '../../../lib/money';
import { PageTitle } from '../../page-title';
import { usePrograms } from './api';

export default function DashboardPage() {
  const { locale, tr } = useLocale();
  const programs = usePrograms();
  return (
    <>
      <PageTitle>{tr('nav.dashboard')}</PageTitle>
      <p>
        <Link to="/enterprises">{tr('dashboard.toEnterprises')}</Link>
      </p>
      <Table<StaffProgram>
        rowKey="code"
        loading={programs.isPending}
        dataSource={programs.data ?? []}
        pagination={false}
        columns={[
          { title: tr('program.code'), dataIndex: 'code' },
          { title: tr('program.name'), dataIndex: 'name' },
          { title: tr('program.year'), dataIndex: 'year' },
          { title: tr('program.department'), dataIndex: 'departmentName' },
          {
            title: tr('program.budgetWan'),
            dataIndex: 'budget',
            align: 'right',
            render: (budget: string) => toWanYuan(budget),
          },
          {
            title: tr('program.status'),
            dataIndex: 'status',
            render: (status: string) => codeLabel(locale, 'programStatus', status),
          },
          {
            title: tr('program.call'),
            dataIndex: 'callOpen',
            render: (open: boolean) => (
              <Tag color={open ? 'success' : 'default'}>
                {tr(open ? 'program.callOpen' : 'program.callClosed')}
              </Tag>
            ),
          },
        ]}
      />
    </>
  );
}
