// Per-applicant amounts under both scenarios and the difference, as the server computed them.
import { Table } from 'antd';
import type { SimulationComparison } from '../../../api/types';
import { useT } from '../../../lib/locale';
import { formatAmount } from '../../../lib/money';

type Row = SimulationComparison['applicants'][number];

export function ComparisonTable({ comparison }: { comparison: SimulationComparison }) {
  const tr = useT();
  return (
    <Table<Row>
      rowKey="uscc"
      size="small"
      dataSource={comparison.applicants}
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      columns={[
        { title: tr('enterprise.name'), dataIndex: 'name' },
        { title: tr('enterprise.uscc'), dataIndex: 'uscc' },
        { title: tr('simulation.base'), dataIndex: 'a', align: 'right', render: formatAmount },
        { title: tr('simulation.alternative'), dataIndex: 'b', align: 'right', render: formatAmount },
        { title: tr('simulation.difference'), dataIndex: 'difference', align: 'right', render: formatAmount },
      ]}
    />
  );
}
