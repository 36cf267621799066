// The audit trail: reading recent events, and re-verifying every hash chain.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { verifyAuditChain } from '../../db/audit';
import { auditEventsQuery, auditEventsResponse, auditVerifyResponse } from '../../shared/api/audit';
import type { ServerDeps } from '../deps';
import { listAuditEvents } from './list-audit-events';

export const auditRoutes: FastifyPluginAsyncZod<ServerDeps> = async (app, deps) => {
  app.get(
    '/api/audit/events',
    {
      config: { action: 'audit.read' },
      schema: { tags: ['audit'], querystring: auditEventsQuery, response: { 200: auditEventsResponse } },
    },
    async (request) => ({ items: await listAuditEvents(deps.db.orm, request.query) }),
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
