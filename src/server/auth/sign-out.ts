// Sign-out (退出): this session, or every session of the user (e.g. after a lost laptop).
import { deleteSession, deleteUserSessions } from '../../db/repos/sessions.repo';
import type { AuthContext } from '../http/context';
import { audit, transact, type UseCaseContext } from '../use-case';

type SignedInContext = UseCaseContext & { auth: AuthContext };

export async function signOut(ctx: SignedInContext): Promise<void> {
  const now = ctx.clock();
  await transact(ctx, async (tx) => {
    await deleteSession(tx, ctx.auth.sessionId);
    await audit(tx, ctx, now, { action: 'user.signed_out', entityId: ctx.auth.user.id });
  });
}

export async function signOutEverywhere(ctx: SignedInContext): Promise<void> {
  const now = ctx.clock();
  await transact(ctx, async (tx) => {
    const ended = await deleteUserSessions(tx, ctx.auth.user.id);
    await audit(tx, ctx, now, {
      action: 'user.signed_out_everywhere',
      entityId: ctx.auth.user.id,
      after: { sessionsEnded: ended },
    });
  });
}
