// The one signature of a use case: `(ctx, input)`. The context says where (database), when (clock), who
// (actor) and for which request; a use case that needs a service more (the password hasher, the sealer, the
// job queue) names it in its context type. Routes build the context from the request, the CLI from its own
// options, so both interfaces call the very same use cases.
import type { FastifyRequest } from 'fastify';
import { type AuditMeta, recordAudit } from '../db/audit';
import type { Database, Tx } from '../db/client';
import { type Actor, ANONYMOUS } from '../shared/actor';
import type { AuditEvent } from '../shared/audit-events';
import type { Locale } from '../shared/i18n';
import type { ServerDeps } from './deps';
import type { AuthContext } from './http/context';
import { requireAuth } from './http/require-auth';

/** Where failures of after-commit effects go: they never undo the change, but someone must see them. */
export interface EffectLog {
  error(details: object, message: string): void;
}

export interface UseCaseContext {
  db: Database;
  clock: () => Date;
  actor: Actor;
  requestId: string;
  locale: Locale;
  log: EffectLog;
  /** Signs the audit chain (configuration, never the database). */
  auditKey: string;
}

/** The context of one HTTP request: every service of the server, and who asks. */
export type RequestContext = ServerDeps & UseCaseContext;

export function actorOf(auth: AuthContext | null): Actor {
  if (!auth) return ANONYMOUS;
  const { id, role, enterpriseId } = auth.user;
  return { kind: 'user', id, role, enterpriseId };
}

export function requestContext(deps: ServerDeps, request: FastifyRequest): RequestContext {
  return {
    ...deps,
    actor: actorOf(request.auth),
    requestId: request.id,
    locale: request.locale,
    log: request.log,
    auditKey: deps.config.auditKey,
  };
}

/** The context of a request on a route that requires a signed-in user, with that user's session. */
export function signedInContext(
  deps: ServerDeps,
  request: FastifyRequest,
): RequestContext & { auth: AuthContext } {
  return { ...requestContext(deps, request), auth: requireAuth(request) };
}

/** The signed-in user of a context whose route requires one (the authorization hook already checked). */
export function userOf(ctx: Pick<UseCaseContext, 'actor'>): Actor & { kind: 'user' } {
  if (ctx.actor.kind !== 'user') throw new Error('this use case needs a signed-in user');
  return ctx.actor;
}

type AuditContext = Pick<UseCaseContext, 'actor' | 'requestId' | 'auditKey'>;

/**
 * Appends an audit event for this context's request inside the transaction. The actor is the context's,
 * unless the use case names another: sign-in and registration act for a user the request did not carry yet.
 */
export function audit(tx: Tx, ctx: AuditContext, at: Date, event: AuditEvent, actor: Actor = ctx.actor) {
  const meta: AuditMeta = { actor, requestId: ctx.requestId, at, key: ctx.auditKey };
  return recordAudit(tx, meta, event);
}

export type AfterCommit = (effect: () => Promise<void>) => void;

/**
 * Runs `work` in one transaction; effects it registers with `afterCommit` (a notification, a document) run
 * once the transaction has committed, in order, and never when it rolls back. A failing effect is logged,
 * not thrown: the change it follows is already durable. Work that must survive a crash goes on the job queue
 * inside the transaction instead.
 */
export async function transact<T>(
  ctx: Pick<UseCaseContext, 'db' | 'log'>,
  work: (tx: Tx, afterCommit: AfterCommit) => Promise<T>,
): Promise<T> {
  const effects: (() => Promise<void>)[] = [];
  const result = await ctx.db.orm.transaction((tx) => work(tx, (effect) => void effects.push(effect)));
  for (const effect of effects) {
    try {
      await effect();
    } catch (error) {
      ctx.log.error({ err: error }, 'an after-commit effect failed');
    }
  }
  return result;
}
