// The row rule of user administration: an administrator manages other accounts, never its own through these
// actions (its own password changes on the account page, with the current password).
import { AppError } from '../../shared/errors';
import { can } from '../../shared/policies';
import type { UseCaseContext } from '../use-case';

/** Throws `code` (a 409) when the actor may not manage this user: the user is the actor itself. */
export function refuseOwnAccount(ctx: Pick<UseCaseContext, 'actor'>, userId: string, code: string): void {
  if (!can(ctx.actor, 'user.manage', { userId })) throw new AppError(code, 'conflict');
}
