// One program as staff see it from the dashboard: facts, policy basis and calls.
import { Descriptions, Skeleton, Table } from 'antd';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../../api/client';
import type { StaffProgramDetail } from '../../../api/types';
import { codeLabel } from '../../../lib/labels';
import { useLocale } from '../../../lib/locale';
import { formatAmount, formatDate, toWanYuan } from '../../../lib/money';
import { PageTitle } from '../../page-title';
import { NotFound } from '../../results';
import { useProgram } from '../dashboard/api';

type Call = StaffProgramDetail['calls'][number];

export default function ProgramDetailPage() {
  const { code = '' } = useParams();
  const { locale, tr } = useLocale();
  const program = useProgram(code);
  if (program.isPending) return <Skeleton active />;
  if (program.isError) {
    const error = program.error;
    return <NotFound message={error instanceof ApiError ? error.message : tr('common.loadFailed')} />;
  }
  const p = program.data;
  return (
    <>
      <PageTitle>{p.name}</PageTitle>
      <Descriptions bordered size="small" column={1} style={{ marginBottom: 24 }}>
        <Descriptions.Item label={tr('program.code')}>{p.code}</Descriptions.Item>
        <Descriptions.Item label={tr('program.department')}>{p.departmentName}</Descriptions.Item>
        <Descriptions.Item label={tr('program.year')}>{p.year}</Descriptions.Item>
        <Descriptions.Item label={tr('portal.program.budget')}>
          {tr('portal.program.budgetLong', { wan: toWanYuan(p.budget), yuan: formatAmount(p.budget) })}
        </Descriptions.Item>
        <Descriptions.Item label={tr('program.status')}>
          {codeLabel(locale, 'programStatus', p.status)}
        </Descriptions.Item>
        <Descriptions.Item label={tr('portal.program.basis')}>
          {p.basis.length === 0
            ? tr('portal.program.noBasis')
            : p.basis.map((doc) => (
                <div key={`${doc.docNumber}-${doc.citation ?? ''}`}>
                  {doc.docNumber
                    ? tr('portal.program.basisItem', { title: doc.title, docNumber: doc.docNumber })
                    : tr('portal.program.basisItemUntitled', { title: doc.title })}
                  {doc.citation ? ` · ${doc.citation}` : ''}
                </div>
              ))}
        </Descriptions.Item>
      </Descriptions>
      <h2 style={{ fontSize: 18 }}>{tr('portal.program.calls')}</h2>
      <Table<Call>
        rowKey="code"
        pagination={false}
        dataSource={p.calls}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: tr('portal.program.noCalls') }}
        columns={[
          { title: tr('portal.program.callTitle'), dataIndex: 'title' },
          { title: tr('portal.program.opensAt'), dataIndex: 'opensAt', render: formatDate },
          { title: tr('portal.program.closesAt'), dataIndex: 'closesAt', render: formatDate },
          {
            title: tr('portal.program.status'),
            dataIndex: 'status',
            render: (status: string) => codeLabel(locale, 'callStatus', status),
          },
          {
            title: tr('callAwards.title'),
            key: 'awards',
            render: (_: unknown, call: Call) => (
              <Link
                to={`/calls/${call.id}/awards`}
                aria-label={tr('callAwards.linkOf', { call: call.title })}
              >
                {tr('callAwards.link')}
              </Link>
            ),
          },
        ]}
      />
    </>
  );
}
