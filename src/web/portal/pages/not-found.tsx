import { Link } from 'react-router';
import { useT } from '../../lib/locale';
import { usePageTitle } from '../../lib/page-title';

export function NotFoundPage() {
  const tr = useT();
  usePageTitle(tr('portal.notFound.title'), tr('common.brand'));
  return (
    <>
      <h1>{tr('portal.notFound.title')}</h1>
      <p>
        <Link to="/">{tr('portal.notFound.back')}</Link>
      </p>
    </>
  );
}
