// Reading one enterprise with the row check: an applicant sees only its own; any other id answers exactly as
// a missing one would (404), so an applicant cannot probe which enterprises exist.
import { type EnterpriseRow, findEnterpriseById } from '../../db/repos/enterprises.repo';
import { AppError } from '../../shared/errors';
import { can } from '../../shared/policies';
import type { UseCaseContext } from '../use-case';

export async function getEnterprise(ctx: UseCaseContext, input: { id: string }): Promise<EnterpriseRow> {
  if (!can(ctx.actor, 'enterprise.read', { enterpriseId: input.id })) {
    throw new AppError('ENTERPRISE_NOT_FOUND', 'not_found');
  }
  const row = await findEnterpriseById(ctx.db.orm, input.id);
  if (!row) throw new AppError('ENTERPRISE_NOT_FOUND', 'not_found');
  return row;
}
