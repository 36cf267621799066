// The published award lists (公示) in public, newest first: which enterprises are to receive how much under
// which clause, the publicity period and, while it runs, until when objections may be filed.
import { Link } from 'react-router';
import type { PublicityList } from '../../../shared/awards';
import { useLocale } from '../../lib/locale';
import { formatAmount } from '../../lib/money';
import { usePageTitle } from '../../lib/page-title';
import { usePublicPublicity } from '../api';
import { newestFirst, objectionDeadline, publicityPeriod } from './publicity-format';

function PublicityBadge({ open }: { open: boolean }) {
  const { tr } = useLocale();
  return (
    <span className={`badge ${open ? 'badge-open' : 'badge-closed'}`}>
      {tr(open ? 'portal.publicity.open' : 'portal.publicity.closed')}
    </span>
  );
}

function List({ list }: { list: PublicityList }) {
  const { locale, tr } = useLocale();
  const headingId = `publicity-${list.id}`;
  return (
    <li className="card">
      <article aria-labelledby={headingId}>
        <h2 id={headingId}>
          {list.callTitle} <PublicityBadge open={list.open} />
        </h2>
        <dl className="facts">
          <dt>{tr('portal.publicity.program')}</dt>
          <dd>{list.programName}</dd>
          {list.seq > 1 ? (
            <>
              <dt>{tr('portal.publicity.round')}</dt>
              <dd>{tr('portal.publicity.republished', { seq: list.seq })}</dd>
            </>
          ) : null}
        </dl>
        <p>{publicityPeriod(locale, tr, list)}</p>
        {list.open ? (
          <p>
            <time dateTime={list.closesAt}>{objectionDeadline(locale, tr, list.endsOn)}</time>{' '}
            <Link
              to={`/publicity/${list.id}/objection`}
              aria-label={tr('portal.publicity.objectTo', { title: list.callTitle })}
            >
              {tr('portal.publicity.object')}
            </Link>
          </p>
        ) : null}
        {list.entries.length === 0 ? (
          <p>{tr('portal.publicity.noEntries')}</p>
        ) : (
          <table>
            <caption className="visually-hidden">
              {tr('portal.publicity.caption', { title: list.callTitle })}
            </caption>
            <thead>
              <tr>
                <th scope="col">{tr('portal.publicity.enterprise')}</th>
                <th scope="col">{tr('portal.publicity.clause')}</th>
                <th scope="col">{tr('portal.publicity.amount')}</th>
              </tr>
            </thead>
            <tbody>
              {list.entries.map((entry, index) => (
                // One enterprise may appear under two clauses; the position keeps rows apart.
                // biome-ignore lint/suspicious/noArrayIndexKey: the list is published once and never reordered.
                <tr key={`${index}-${entry.enterpriseName}`}>
                  <th scope="row">{entry.enterpriseName}</th>
                  <td>{entry.clause}</td>
                  <td>{formatAmount(entry.amount)}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row" colSpan={2}>
                  {tr('portal.publicity.total')}
                </th>
                <td>{formatAmount(list.total)}</td>
              </tr>
            </tfoot>
          </table>
        )}
      </article>
    </li>
  );
}

function Lists() {
  const { tr } = useLocale();
  const lists = usePublicPublicity();
  if (lists.isPending) return <p>{tr('common.loading')}</p>;
  if (lists.isError) return <p className="error-box">{tr('common.loadFailed')}</p>;
  if (lists.data.length === 0) return <p>{tr('portal.publicity.empty')}</p>;
  return (
    <ul className="cards">
      {newestFirst(lists.data).map((list) => (
        <List key={list.id} list={list} />
      ))}
    </ul>
  );
}

export function PublicityPage() {
  const { tr } = useLocale();
  usePageTitle(tr('portal.publicity.title'), tr('common.brand'));
  return (
    <>
      <h1>{tr('portal.publicity.title')}</h1>
      <p className="lead">{tr('portal.publicity.lead')}</p>
      <Lists />
    </>
  );
}
