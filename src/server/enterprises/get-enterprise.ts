// Reading one enterprise with the row check: an applicant sees only its own; any other id answers exactly as
// a missing one would (404), so an applicant cannot probe which enterprises exist.
import { type EnterpriseRow, findEnterpriseById } from '../../db/repos/enterprises.repo';
import { AppError } from '../../shared/errors';
import type { ServerDeps } from '../deps';
import type { AuthContext } from '../http/context';

export async function getEnterprise(deps: ServerDeps, auth: AuthContext, id: string): Promise<EnterpriseRow> {
  if (auth.user.role === 'applicant' && auth.user.enterpriseId !== id) {
    throw new AppError('ENTERPRISE_NOT_FOUND', 'not_found');
  }
  const row = await findEnterpriseById(deps.db.orm, id);
  if (!row) throw new AppError('ENTERPRISE_NOT_FOUND', 'not_found');
  return row;
}
