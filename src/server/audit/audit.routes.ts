// The audit trail: reading recent events, and re-verifying every hash chain.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { verifyAuditChain } from '../../db/audit';
import { listAuditEvents } from '../../db/repos/audit-events.repo';
import { auditEventsQuery, auditEventsResponse, auditVerifyResponse } from '../../shared/api/audit';
import type { ServerDeps } from '../deps';

export const auditRoutes: FastifyPluginAsyncZod<ServerDeps> = async (app, deps) => {
  app.get(
    '/api/audit/events',
    {
      config: { action: 'audit.read' },
      schema: { tags: ['audit'], querystring: auditEventsQuery, response: { 200: auditEventsResponse } },
    },
    async (request) => {
      const rows = await listAuditEvents(deps.db.orm, request.query);
      return { items: rows.map((row) => ({ ...row, occurredAt: row.occurredAt.toISOString() })) };
    },
  );

  app.post(
    '/api/audit/verify',
    {
      config: { action: 'audit.verify' },
      schema: { tags: ['audit'], response: { 200: auditVerifyResponse } },
    },
    async () => verifyAuditChain(deps.db.orm),
  );
};
