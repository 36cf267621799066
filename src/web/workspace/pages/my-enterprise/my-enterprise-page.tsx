// 我的企业: the applicant's own enterprise profile and its registry statistics (统计登记) by year.
import { Alert, Skeleton, Table, Typography } from 'antd';
import type { EnterpriseStat } from '../../../api/types';
import { useT } from '../../../lib/locale';
import { formatAmount } from '../../../lib/money';
import { PageTitle } from '../../page-title';
import { EnterpriseFacts } from '../enterprises/enterprise-facts';
import { useMyEnterprise } from './api';

export default function MyEnterprisePage() {
  const tr = useT();
  const enterprise = useMyEnterprise();
  const usd = (value: string) => formatAmount(value);
  return (
    <>
      <PageTitle>{tr('nav.myEnterprise')}</PageTitle>
      {enterprise.isPending && <Skeleton active />}
      {enterprise.isError && <Alert type="error" showIcon title={enterprise.error.message} />}
      {enterprise.data && (
        <>
          <EnterpriseFacts enterprise={enterprise.data} />
          <Typography.Title level={2} style={{ fontSize: 18, marginTop: 24 }}>
            {tr('enterprise.stats')}
          </Typography.Title>
          <Table<EnterpriseStat>
            rowKey="year"
            size="small"
            pagination={false}
            dataSource={enterprise.data.stats}
            columns={[
              { title: tr('enterprise.year'), dataIndex: 'year' },
              {
                title: tr('enterprise.outsourcingExecUsd'),
                dataIndex: 'outsourcingExecUsd',
                align: 'right',
                render: usd,
              },
              {
                title: tr('enterprise.offshoreExecUsd'),
                dataIndex: 'offshoreExecUsd',
                align: 'right',
                render: usd,
              },
              {
                title: tr('enterprise.serviceImportUsd'),
                dataIndex: 'serviceImportUsd',
                align: 'right',
                render: usd,
              },
              {
                title: tr('enterprise.serviceExportUsd'),
                dataIndex: 'serviceExportUsd',
                align: 'right',
                render: usd,
              },
            ]}
          />
        </>
      )}
    </>
  );
}
