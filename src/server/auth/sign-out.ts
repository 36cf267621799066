// Sign-out (退出): this session, or every session of the user (e.g. after a lost laptop).
import { recordAudit } from '../../db/audit';
import { deleteSession, deleteUserSessions } from '../../db/repos/sessions.repo';
import type { ServerDeps } from '../deps';
import type { AuthContext } from '../http/context';

export async function signOut(deps: ServerDeps, auth: AuthContext): Promise<void> {
  await deleteSession(deps.db.orm, auth.sessionId);
}

export async function signOutEverywhere(
  deps: ServerDeps,
  auth: AuthContext,
  requestId: string,
): Promise<void> {
  await deps.db.orm.transaction(async (tx) => {
    const ended = await deleteUserSessions(tx, auth.user.id);
    await recordAudit(tx, {
      action: 'user.signed_out_everywhere',
      entityType: 'user',
      entityId: auth.user.id,
      actorId: auth.user.id,
      actorRole: auth.user.role,
      after: { sessionsEnded: ended },
      requestId,
      at: deps.clock(),
    });
  });
}
