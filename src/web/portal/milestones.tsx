// A program's timeline (通知申报 … 拨付) with planned and actual dates.
import type { PublicProgram } from '../api/types';
import { codeLabel } from '../lib/labels';
import { useLocale } from '../lib/locale';
import { formatDate } from '../lib/money';

export function MilestoneTable({ program }: { program: PublicProgram }) {
  const { locale, tr } = useLocale();
  if (program.milestones.length === 0) return <p>{tr('portal.program.noMilestones')}</p>;
  return (
    <table>
      <caption className="visually-hidden">
        {tr('portal.program.milestonesOf', { name: program.name })}
      </caption>
      <thead>
        <tr>
          <th scope="col">{tr('portal.program.milestone')}</th>
          <th scope="col">{tr('portal.program.planned')}</th>
          <th scope="col">{tr('portal.program.actual')}</th>
        </tr>
      </thead>
      <tbody>
        {program.milestones.map((m) => (
          <tr key={m.kind}>
            <th scope="row">{codeLabel(locale, 'milestone', m.kind)}</th>
            <td>{formatDate(m.plannedOn)}</td>
            <td>{formatDate(m.actualOn)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function CallBadge({ open }: { open: boolean }) {
  const { tr } = useLocale();
  return (
    <span className={`badge ${open ? 'badge-open' : 'badge-closed'}`}>
      {tr(open ? 'portal.program.callOpen' : 'portal.program.callClosed')}
    </span>
  );
}
