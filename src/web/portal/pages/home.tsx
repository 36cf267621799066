// The portal's home: what Huiqi is, the programs with budget (万元) and milestones, and the notices.
import { Link } from 'react-router';
import { codeLabel } from '../../lib/labels';
import { useLocale } from '../../lib/locale';
import { formatAmount, formatDate, toWanYuan } from '../../lib/money';
import { usePageTitle } from '../../lib/page-title';
import { usePublicNotices, usePublicPrograms } from '../api';
import { CallBadge, MilestoneTable } from '../milestones';

function Programs() {
  const { locale, tr } = useLocale();
  const programs = usePublicPrograms();
  if (programs.isPending) return <p>{tr('common.loading')}</p>;
  if (programs.isError) return <p className="error-box">{tr('common.loadFailed')}</p>;
  if (programs.data.length === 0) return <p>{tr('portal.home.noPrograms')}</p>;
  return (
    <ul className="cards">
      {programs.data.map((program) => (
        <li key={program.code} className="card">
          <h3>
            <Link to={`/programs/${encodeURIComponent(program.code)}`}>{program.name}</Link>{' '}
            <CallBadge open={program.callOpen} />
          </h3>
          <dl className="facts">
            <dt>{tr('portal.program.department')}</dt>
            <dd>{program.departmentName}</dd>
            <dt>{tr('portal.program.year')}</dt>
            <dd>{program.year}</dd>
            <dt>{tr('portal.program.budget')}</dt>
            <dd>
              {tr('portal.program.budgetLong', {
                wan: toWanYuan(program.budget),
                yuan: formatAmount(program.budget),
              })}
            </dd>
            <dt>{tr('portal.program.status')}</dt>
            <dd>{codeLabel(locale, 'programStatus', program.status)}</dd>
          </dl>
          <MilestoneTable program={program} />
        </li>
      ))}
    </ul>
  );
}

function Notices() {
  const { locale, tr } = useLocale();
  const notices = usePublicNotices();
  if (notices.isPending) return <p>{tr('common.loading')}</p>;
  if (notices.isError) return <p className="error-box">{tr('common.loadFailed')}</p>;
  if (notices.data.length === 0) return <p>{tr('portal.home.noNotices')}</p>;
  return (
    <ul>
      {notices.data.map((notice) => (
        <li key={notice.id}>
          <time dateTime={notice.publishedAt}>{formatDate(notice.publishedAt)}</time>{' '}
          <span>[{codeLabel(locale, 'noticeKind', notice.kind)}]</span> {notice.title}
        </li>
      ))}
    </ul>
  );
}

export function HomePage() {
  const { tr } = useLocale();
  usePageTitle('', tr('common.brand'));
  return (
    <>
      <h1>{tr('portal.home.title')}</h1>
      <p className="lead">{tr('portal.home.lead')}</p>
      <p>{tr('portal.home.body')}</p>
      <section aria-labelledby="programs-heading">
        <h2 id="programs-heading">{tr('portal.home.programs')}</h2>
        <Programs />
      </section>
      <section aria-labelledby="notices-heading">
        <h2 id="notices-heading">{tr('portal.home.notices')}</h2>
        <Notices />
      </section>
    </>
  );
}
