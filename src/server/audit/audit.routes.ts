// The audit trail: reading events with filters and their details, and re-verifying every hash chain.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { verifyAuditChain } from '../../db/audit-verify';
import { listAuditEvents } from '../../db/repos/audit-events.repo';
import { auditEventsQuery, auditEventsResponse, auditVerifyResponse } from '../../shared/api/audit';
import type { ServerDeps } from '../deps';
import { presentAuditEvent } from './audit.presenter';

/** The instant a calendar day begins in Asia/Shanghai (UTC+8, no daylight saving). */
const shanghaiDayStart = (day: string, plusDays = 0) =>
  new Date(Date.parse(`${day}T00:00:00+08:00`) + plusDays * 86_400_000);

export const auditRoutes: FastifyPluginAsyncZod<ServerDeps> = async (app, deps) => {
  app.get(
    '/api/audit/events',
    {
      config: { action: 'audit.read' },
      schema: {
        operationId: 'listAuditEvents',
        tags: ['audit'],
        querystring: auditEventsQuery,
        response: { 200: auditEventsResponse },
      },
    },
    async (request) => {
      const { from, to, before, limit, ...filter } = request.query;
      const rows = await listAuditEvents(deps.db.orm, {
        ...filter,
        ...(from ? { from: shanghaiDayStart(from) } : {}),
        ...(to ? { until: shanghaiDayStart(to, 1) } : {}),
        ...(before ? { before: BigInt(before) } : {}),
        limit: limit + 1,
      });
      const page = rows.slice(0, limit);
      const last = page.at(-1);
      return {
        items: page.map(presentAuditEvent),
        ...(rows.length > limit && last ? { nextBefore: last.id.toString() } : {}),
      };
    },
  );

  app.post(
    '/api/audit/verify',
    {
      config: { action: 'audit.verify' },
      schema: { operationId: 'verifyAuditChain', tags: ['audit'], response: { 200: auditVerifyResponse } },
    },
    async () => verifyAuditChain(deps.db.orm, deps.config.auditKey),
  );
};
