// One enterprise. An applicant asking for another enterprise gets the server's 404 and sees only that:
// the page renders nothing but the not-found answer, never a cached or partial profile.
import { Skeleton } from 'antd';
import { useParams } from 'react-router';
import { ApiError } from '../../../api/client';
import { useT } from '../../../lib/locale';
import { PageTitle } from '../../page-title';
import { NotFound } from '../../results';
import { useEnterprise } from './api';
import { EnterpriseFacts } from './enterprise-facts';

export default function EnterpriseDetailPage() {
  const tr = useT();
  const { id = '' } = useParams();
  const enterprise = useEnterprise(id);
  if (enterprise.isPending) return <Skeleton active />;
  if (enterprise.isError) {
    const error = enterprise.error;
    return <NotFound message={error instanceof ApiError ? error.message : tr('common.loadFailed')} />;
  }
  return (
    <>
      <PageTitle>{enterprise.data.name}</PageTitle>
      <EnterpriseFacts enterprise={enterprise.data} />
    </>
  );
}
