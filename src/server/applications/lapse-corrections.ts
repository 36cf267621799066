// The sweep of correction deadlines: an application still returned for correction at the end of its deadline
// ends as rejected (未通过), with the deadline as its reason, and its request is marked lapsed — one transaction
// per application under its row lock, so an applicant resubmitting at the last moment either wins (the request
// is answered and the sweep finds nothing) or finds the deadline passed.

import { lockApplication } from '../../db/repos/applications.repo';
import { closeCorrectionRequest, dueCorrectionRequests } from '../../db/repos/corrections.repo';
import { SYSTEM } from '../../shared/actor';
import { t } from '../../shared/i18n';
import { moveApplication } from '../awards/call-step';
import { audit, transact, type UseCaseContext } from '../use-case';

export async function lapseDueCorrections(ctx: Omit<UseCaseContext, 'actor' | 'locale'>): Promise<number> {
  const now = ctx.clock();
  const system: UseCaseContext = { ...ctx, actor: SYSTEM, locale: 'zh-CN' };
  let lapsed = 0;
  for (const request of await dueCorrectionRequests(ctx.db.orm, now)) {
    await transact(system, async (tx) => {
      const application = await lockApplication(tx, request.applicationId);
      if (application?.status !== 'returned') return;
      const reason = t('zh-CN', 'common.correctionLapsed', { dueOn: request.dueOn });
      await moveApplication(tx, system, application, 'lapse', now, reason);
      await closeCorrectionRequest(tx, request.id, { lapsedAt: now });
      await audit(tx, system, now, {
        action: 'application.correction_lapsed',
        entityId: application.id,
        after: { requestId: request.id, dueOn: request.dueOn },
      });
      lapsed += 1;
    });
  }
  return lapsed;
}
