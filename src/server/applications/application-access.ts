// Reaching an application: its enterprise's applicant users, or staff of the department whose program it is
// under (administrators: every department). Anyone else gets 404, so another enterprise's or another
// department's application is indistinguishable from one that was never made.
import type { Orm, Tx } from '../../db/client';
import {
  type ApplicationRow,
  type ApplicationView,
  departmentOfApplication,
  findApplicationView,
  lockApplication,
  statusChanges,
} from '../../db/repos/applications.repo';
import { latestCorrectionRequest } from '../../db/repos/corrections.repo';
import { departmentsOf } from '../../db/repos/staff-departments.repo';
import type { Actor } from '../../shared/actor';
import type { ApplicationDetail } from '../../shared/api/applications';
import { AppError } from '../../shared/errors';
import { can } from '../../shared/policies';
import { type UseCaseContext, userOf } from '../use-case';
import {
  presentApplication,
  presentCommitment,
  presentHistory,
  presentMaterial,
} from './application.presenter';
import { checklistOf } from './material-checklist';

const notFound = () => new AppError('APPLICATION_NOT_FOUND', 'not_found');

async function mayReach(db: Orm | Tx, actor: Actor, application: ApplicationRow): Promise<boolean> {
  if (actor.kind === 'user' && actor.role === 'applicant') {
    return can(actor, 'application.own', { enterpriseId: application.enterpriseId });
  }
  // A draft is the enterprise's own until it is submitted.
  if (application.status === 'draft') return false;
  const departmentId = await departmentOfApplication(db, application.id);
  if (departmentId === undefined) return false;
  const staffDepartmentIds = actor.kind === 'user' ? await departmentsOf(db, actor.id) : [];
  return can(actor, 'application.review', { departmentId, staffDepartmentIds });
}

export async function readApplication(
  ctx: Pick<UseCaseContext, 'db' | 'actor'>,
  id: string,
): Promise<ApplicationView> {
  const application = await findApplicationView(ctx.db.orm, id);
  if (!application || !(await mayReach(ctx.db.orm, ctx.actor, application))) throw notFound();
  return application;
}

/** The application with its status history, as the actor's role sees it. */
export async function readApplicationDetail(
  ctx: Pick<UseCaseContext, 'db' | 'actor'>,
  id: string,
): Promise<ApplicationDetail> {
  const application = await readApplication(ctx, id);
  const [history, { checklist, materials }, correction] = await Promise.all([
    statusChanges(ctx.db.orm, application.id),
    checklistOf(ctx.db.orm, application),
    latestCorrectionRequest(ctx.db.orm, application.id),
  ]);
  return {
    ...presentApplication(application, userOf(ctx).role),
    history: presentHistory(history),
    materials: materials.map(presentMaterial),
    checklist,
    commitment: presentCommitment(application),
    correction: correction
      ? {
          items: correction.items,
          workdays: correction.workdays,
          dueOn: correction.dueOn,
          dueAt: correction.dueAt.toISOString(),
          answeredAt: correction.answeredAt?.toISOString() ?? null,
          lapsedAt: correction.lapsedAt?.toISOString() ?? null,
        }
      : null,
  };
}

/** The row locked in `tx`, when the actor may reach it. */
export async function lockReachable(tx: Tx, actor: Actor, id: string): Promise<ApplicationRow> {
  const application = await lockApplication(tx, id);
  if (!application || !(await mayReach(tx, actor, application))) throw notFound();
  return application;
}
