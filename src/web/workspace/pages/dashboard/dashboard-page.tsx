// 工作台: the programs staff work on, with budget, status and whether a call is open. A row opens its
// program: the name is the link (for the keyboard and screen readers), and a click anywhere on the row follows it.
import { Table, Tag } from 'antd';
import { Link, useNavigate } from 'react-router';
import type { StaffProgram } from '../../../api/types';
import { codeLabel } from '../../../lib/labels';
import { useLocale } from '../../../lib/locale';
import { toWanYuan } from '../../../lib/money';
import { PageTitle } from '../../page-title';
import { usePrograms } from './api';

export default function DashboardPage() {
  const { locale, tr } = useLocale();
  const programs = usePrograms();
  const navigate = useNavigate();
  const pathOf = (program: StaffProgram) => `/programs/${encodeURIComponent(program.code)}`;
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
        scroll={{ x: 'max-content' }}
        rowClassName={() => 'ws-clickable-row'}
        onRow={(program) => ({ onClick: () => navigate(pathOf(program)) })}
        columns={[
          { title: tr('program.code'), dataIndex: 'code' },
          {
            title: tr('program.name'),
            dataIndex: 'name',
            render: (name: string, program) => <Link to={pathOf(program)}>{name}</Link>,
          },
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
