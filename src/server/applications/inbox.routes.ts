// The applicant's inbox (消息) over HTTP: the enterprise's latest messages with the unread count, and marking
// them read. An applicant reaches its own enterprise's messages only; the session names the enterprise.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { inboxOf, markRead, unreadCount } from '../../db/repos/inbox.repo';
import { inboxSchema, markReadBody } from '../../shared/api/inbox';
import type { ServerDeps } from '../deps';
import { audit, signedInContext, transact, userOf } from '../use-case';

/** The inbox shows the latest messages; older ones stay in each application's history. */
const INBOX_LIMIT = 200;

export const inboxRoutes: FastifyPluginAsyncZod<ServerDeps> = async (app, deps) => {
  const config = { action: 'application.own' } as const;
  const tags = ['applications'];

  app.get(
    '/api/my/inbox',
    { config, schema: { tags, operationId: 'getMyInbox', response: { 200: inboxSchema } } },
    async (request) => {
      const { enterpriseId } = userOf(signedInContext(deps, request));
      if (!enterpriseId) return { unread: 0, items: [] };
      const rows = await inboxOf(deps.db.orm, enterpriseId, INBOX_LIMIT);
      return {
        unread: await unreadCount(deps.db.orm, enterpriseId),
        items: rows.map(({ message, callTitle, clause }) => ({
          id: message.id,
          applicationId: message.applicationId,
          callTitle,
          clause,
          action: message.action,
          toStatus: message.toStatus,
          reason: message.reason,
          at: message.createdAt.toISOString(),
          read: message.readAt !== null,
        })),
      };
    },
  );

  app.post(
    '/api/my/inbox/read',
    {
      config,
      schema: {
        tags,
        operationId: 'markMyInboxRead',
        body: markReadBody,
        response: { 200: inboxSchema.pick({ unread: true }) },
      },
    },
    async (request) => {
      const ctx = signedInContext(deps, request);
      const { enterpriseId } = userOf(ctx);
      if (!enterpriseId) return { unread: 0 };
      const now = ctx.clock();
      return transact(ctx, async (tx) => {
        const marked = await markRead(tx, enterpriseId, request.body.ids ?? null, now);
        if (marked > 0) {
          await audit(tx, ctx, now, {
            action: 'inbox.read',
            entityId: enterpriseId,
            after: { messages: marked },
          });
        }
        return { unread: await unreadCount(tx, enterpriseId) };
      });
    },
  );
};
