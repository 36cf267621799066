// Per-applicant result of a simulation: eligibility with its reasons, computed and allocated amounts.
import { Table, Tag } from 'antd';
import type { SimulationApplicant } from '../../../api/types';
import { codeLabel } from '../../../lib/labels';
import { useLocale } from '../../../lib/locale';
import { formatAmount } from '../../../lib/money';

export function ApplicantsTable({ applicants }: { applicants: SimulationApplicant[] }) {
  const { locale, tr } = useLocale();
  return (
    <Table<SimulationApplicant>
      rowKey="uscc"
      size="small"
      dataSource={applicants}
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      scroll={{ x: true }}
      columns={[
        { title: tr('enterprise.name'), dataIndex: 'name' },
        { title: tr('enterprise.uscc'), dataIndex: 'uscc' },
        {
          title: tr('enterprise.sizeClass'),
          dataIndex: 'sizeClass',
          render: (size: string | null) => (size ? codeLabel(locale, 'sizeClass', size) : '—'),
        },
        {
          title: tr('simulation.eligibility'),
          dataIndex: 'eligible',
          render: (eligible: boolean, row) => (
            <>
              <Tag color={eligible ? 'success' : 'error'}>
                {tr(eligible ? 'simulation.pass' : 'simulation.fail')}
              </Tag>
              {row.reasons.length > 0 && (
                <ul style={{ margin: '4px 0 0', paddingLeft: 18 }}>
                  {row.reasons.map((reason) => (
                    <li key={reason}>{reason}</li>
                  ))}
                </ul>
              )}
            </>
          ),
        },
        { title: tr('simulation.computed'), dataIndex: 'computed', align: 'right', render: formatAmount },
        { title: tr('simulation.allocated'), dataIndex: 'allocated', align: 'right', render: formatAmount },
      ]}
    />
  );
}
