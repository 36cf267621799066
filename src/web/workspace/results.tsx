// Full-page answers the workspace gives instead of a page: not found, not allowed, enrol TOTP first.
import { Button, Result } from 'antd';
import { Link, useNavigate } from 'react-router';
import { useT } from '../lib/locale';
import { PageTitle } from './page-title';

export function NotFound({ message }: { message?: string }) {
  const tr = useT();
  return (
    <Result
      status="404"
      title={<PageTitle>{tr('results.notFound')}</PageTitle>}
      subTitle={message ?? tr('results.notFoundHint')}
      extra={<Link to="/">{tr('results.home')}</Link>}
    />
  );
}

export function Forbidden() {
  const tr = useT();
  return (
    <Result
      status="403"
      title={<PageTitle>{tr('results.forbidden')}</PageTitle>}
      subTitle={tr('results.forbiddenHint')}
      extra={<Link to="/">{tr('results.home')}</Link>}
    />
  );
}

export function EnrolTotpNotice() {
  const tr = useT();
  const navigate = useNavigate();
  return (
    <Result
      status="warning"
      title={<PageTitle>{tr('results.enrolTotp')}</PageTitle>}
      subTitle={tr('results.enrolTotpHint')}
      extra={
        <Button type="primary" onClick={() => navigate('/account')}>
          {tr('results.goEnrol')}
        </Button>
      }
    />
  );
}
