// 核定 → 公示 → 异议处理 → 审批: what follows review for one call. Staff read the latest award calculation with
// each award's explanation and where its list stands in publicity; the administrator calculates and publishes,
// intake and administrators resolve objections, the approver approves the list with any adjusted amounts. Each
// step appears only to the roles the authorization table allows; the server decides whether it may be taken.
import { Alert, Skeleton, Typography } from 'antd';
import { type ReactNode, useState } from 'react';
import { useParams } from 'react-router';
import { allows } from '../../../../shared/authz';
import type { AwardCalculation } from '../../../../shared/awards';
import type { Role } from '../../../../shared/roles';
import { ApiError } from '../../../api/client';
import { useSession } from '../../../api/session';
import { useT } from '../../../lib/locale';
import { PageTitle } from '../../page-title';
import { NotFound } from '../../results';
import { AdjustDialog } from './adjust-dialog';
import { useCallAwards } from './api';
import type { Adjustments } from './approval';
import { AwardsTable } from './awards-table';
import { CalculationSummary } from './calculation-summary';
import { CallActions } from './call-actions';
import { ObjectionsTable } from './objections-table';

type Award = AwardCalculation['awards'][number];

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} style={{ marginBottom: 24 }}>
      <Typography.Title level={2} id={id} style={{ fontSize: 18 }}>
        {title}
      </Typography.Title>
      {children}
    </section>
  );
}

function Awards({
  callId,
  role,
  calculation,
}: {
  callId: string;
  role: Role;
  calculation: AwardCalculation;
}) {
  const tr = useT();
  const [adjustments, setAdjustments] = useState<Adjustments>({});
  const [adjusting, setAdjusting] = useState<Award | null>(null);
  const clear = (id: string) =>
    setAdjustments((current) => Object.fromEntries(Object.entries(current).filter(([key]) => key !== id)));
  return (
    <>
      <CallActions
        callId={callId}
        role={role}
        calculation={calculation}
        adjustments={adjustments}
        onApproved={() => setAdjustments({})}
      />
      <Section id="call-awards-summary" title={tr('callAwards.summary')}>
        <CalculationSummary calculation={calculation} />
      </Section>
      <Section id="call-awards-list" title={tr('callAwards.awards')}>
        <p>
          <a href={`/api/calls/${callId}/awards/export`} download>
            {tr('callAwards.export')}
          </a>
        </p>
        <AwardsTable
          awards={calculation.awards}
          adjustments={adjustments}
          onClear={clear}
          {...(allows(role, 'award.approve') ? { onAdjust: setAdjusting } : {})}
        />
      </Section>
      {allows(role, 'objection.read') && (
        <Section id="call-awards-objections" title={tr('callAwards.objections.title')}>
          <ObjectionsTable callId={callId} canResolve={allows(role, 'objection.resolve')} />
        </Section>
      )}
      {adjusting && (
        <AdjustDialog
          award={adjusting}
          current={adjustments[adjusting.applicationId]}
          onSave={(adjustment) =>
            setAdjustments((current) => ({ ...current, [adjusting.applicationId]: adjustment }))
          }
          onClose={() => setAdjusting(null)}
        />
      )}
    </>
  );
}

export default function CallAwardsPage() {
  const { id = '' } = useParams();
  const tr = useT();
  const role = useSession().data?.user?.role;
  const awards = useCallAwards(id);
  const error = awards.error instanceof ApiError ? awards.error : null;
  if (!role || awards.isPending) return <Skeleton active />;
  if (error?.code === 'AWARDS_NOT_CALCULATED') {
    return (
      <>
        <PageTitle>{tr('callAwards.title')}</PageTitle>
        <CallActions callId={id} role={role} calculation={undefined} adjustments={{}} />
        <Alert type="info" showIcon title={tr('callAwards.notCalculated')} />
      </>
    );
  }
  if (awards.isError) return <NotFound message={error?.message ?? tr('common.loadFailed')} />;
  return (
    <>
      <PageTitle>{tr('callAwards.title')}</PageTitle>
      <Awards callId={id} role={role} calculation={awards.data} />
    </>
  );
}
