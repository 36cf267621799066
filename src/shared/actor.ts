// Who acts (行为人): a signed-in user, an anonymous visitor of a public route, the operator at the server's
// console (the CLI) or the system itself (start-up, timed jobs). Every use case receives one, so the audit
// event and the row policy never have to guess from loose ids and role strings.
import type { Role } from './roles';

export interface UserActor {
  kind: 'user';
  id: string;
  role: Role;
  /** The enterprise of an applicant user; null for staff. */
  enterpriseId: string | null;
}

export type Actor = UserActor | { kind: 'anonymous' } | { kind: 'operator' } | { kind: 'system' };

export const ANONYMOUS: Actor = { kind: 'anonymous' };
export const OPERATOR: Actor = { kind: 'operator' };
export const SYSTEM: Actor = { kind: 'system' };

/** What the audit log records of an actor: the user and role, or a fixed name for the others. */
export function auditIdentity(actor: Actor): { actorId: string | null; actorRole: string | null } {
  switch (actor.kind) {
    case 'user':
      return { actorId: actor.id, actorRole: actor.role };
    case 'operator':
      return { actorId: null, actorRole: 'cli' };
    case 'system':
      return { actorId: null, actorRole: 'system' };
    case 'anonymous':
      return { actorId: null, actorRole: null };
  }
}
