// One program in public: facts, policy basis, calls and timeline.
import { Link, useParams } from 'react-router';
import { codeLabel } from '../../lib/labels';
import { useLocale } from '../../lib/locale';
import { formatAmount, formatDate, toWanYuan } from '../../lib/money';
import { usePageTitle } from '../../lib/page-title';
import { usePublicProgram } from '../api';
import { CallBadge, MilestoneTable } from '../milestones';

export function ProgramPage() {
  const { code = '' } = useParams();
  const { locale, tr } = useLocale();
  const program = usePublicProgram(code);
  usePageTitle(program.data?.name ?? tr('portal.program.title'), tr('common.brand'));
  if (program.isPending) return <p>{tr('common.loading')}</p>;
  if (program.isError) {
    return (
      <>
        <h1>{tr('portal.program.notFound')}</h1>
        <p className="error-box">{program.error.message}</p>
        <p>
          <Link to="/">{tr('portal.notFound.back')}</Link>
        </p>
      </>
    );
  }
  const p = program.data;
  return (
    <>
      <h1>{p.name}</h1>
      <p>
        <CallBadge open={p.callOpen} />
      </p>
      <dl className="facts">
        <dt>{tr('portal.program.department')}</dt>
        <dd>{p.departmentName}</dd>
        <dt>{tr('portal.program.year')}</dt>
        <dd>{p.year}</dd>
        <dt>{tr('portal.program.budget')}</dt>
        <dd>{tr('portal.program.budgetLong', { wan: toWanYuan(p.budget), yuan: formatAmount(p.budget) })}</dd>
        <dt>{tr('portal.program.status')}</dt>
        <dd>{codeLabel(locale, 'programStatus', p.status)}</dd>
      </dl>
      <h2>{tr('portal.program.basis')}</h2>
      {p.basis.length === 0 ? (
        <p>{tr('portal.program.noBasis')}</p>
      ) : (
        <ul>
          {p.basis.map((doc) => (
            <li key={`${doc.docNumber}-${doc.citation ?? ''}`}>
              {doc.docNumber
                ? tr('portal.program.basisItem', { title: doc.title, docNumber: doc.docNumber })
                : tr('portal.program.basisItemUntitled', { title: doc.title })}
              {doc.citation ? ` · ${doc.citation}` : ''}
            </li>
          ))}
        </ul>
      )}
      <h2>{tr('portal.program.calls')}</h2>
      {p.calls.length === 0 ? (
        <p>{tr('portal.program.noCalls')}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{tr('portal.program.callTitle')}</th>
              <th scope="col">{tr('portal.program.opensAt')}</th>
              <th scope="col">{tr('portal.program.closesAt')}</th>
              <th scope="col">{tr('portal.program.status')}</th>
            </tr>
          </thead>
          <tbody>
            {p.calls.map((call) => (
              <tr key={call.code}>
                <td>{call.title}</td>
                <td>{formatDate(call.opensAt)}</td>
                <td>{formatDate(call.closesAt)}</td>
                <td>{codeLabel(locale, 'callStatus', call.status)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h2>{tr('portal.program.timeline')}</h2>
      <MilestoneTable program={p} />
    </>
  );
}
