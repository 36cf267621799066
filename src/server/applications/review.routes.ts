// Applications as staff of a department review them (形式审查): the department's applications page by page (by
// keyset, filtered and sorted), one with its history, and intake's decisions — pass, return for correction,
// reject — each with its reason.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { listDepartmentApplications } from '../../db/repos/staff-list.repo';
import {
  applicationDetailSchema,
  applicationSchema,
  intakeActionBody,
  intakeActionParams,
  staffApplicationsExportQuery,
  staffApplicationsQuery,
  staffApplicationsResponse,
} from '../../shared/api/applications';
import { idParams } from '../../shared/api/primitives';
import type { ServerDeps } from '../deps';
import { sendXlsx } from '../exports/xlsx';
import { signedInContext, userOf } from '../use-case';
import { presentApplication } from './application.presenter';
import { readApplication, readApplicationDetail } from './application-access';
import { changeApplicationStatus } from './change-application-status';
import { exportApplications, staffListFilter } from './export-applications';
import { decodeListCursor, encodeListCursor } from './list-cursor';

export const reviewRoutes: FastifyPluginAsyncZod<ServerDeps> = async (app, deps) => {
  const config = { action: 'application.review' } as const;
  const tags = ['applications'];

  app.get(
    '/api/applications',
    {
      config,
      schema: {
        tags,
        operationId: 'listDepartmentApplications',
        querystring: staffApplicationsQuery,
        response: { 200: staffApplicationsResponse },
      },
    },
    async (request) => {
      const ctx = signedInContext(deps, request);
      const user = userOf(ctx);
      const { sort, order, cursor, limit } = request.query;
      const after = cursor === undefined ? undefined : decodeListCursor(cursor, { sort, order });
      const page = await listDepartmentApplications(deps.db.orm, {
        ...(await staffListFilter(ctx, request.query)),
        ...(after === undefined ? {} : { after }),
        limit,
      });
      return {
        items: page.items.map((a) => presentApplication(a, user.role)),
        nextCursor: page.next && encodeListCursor({ sort, order }, page.next),
      };
    },
  );

  app.get(
    '/api/applications/export',
    {
      config,
      schema: {
        tags,
        operationId: 'exportDepartmentApplications',
        querystring: staffApplicationsExportQuery,
      },
    },
    async (request, reply) => {
      const ctx = signedInContext(deps, request);
      return sendXlsx(reply, await exportApplications(ctx, await staffListFilter(ctx, request.query)));
    },
  );

  app.get(
    '/api/applications/:id',
    {
      config,
      schema: {
        tags,
        operationId: 'getDepartmentApplication',
        params: idParams,
        response: { 200: applicationDetailSchema },
      },
    },
    async (request) => readApplicationDetail(signedInContext(deps, request), request.params.id),
  );

  app.post(
    '/api/applications/:id/:action',
    {
      config,
      schema: {
        tags,
        operationId: 'decideApplication',
        params: intakeActionParams,
        body: intakeActionBody,
        response: { 200: applicationSchema },
      },
    },
    async (request) => {
      const ctx = signedInContext(deps, request);
      const { id, action } = request.params;
      const { reason, items, workdays } = request.body;
      const changed = await changeApplicationStatus(ctx, {
        id,
        action,
        ...(reason === undefined ? {} : { reason }),
        ...(items === undefined ? {} : { items }),
        ...(workdays === undefined ? {} : { workdays }),
      });
      return presentApplication(await readApplication(ctx, changed.id), userOf(ctx).role);
    },
  );
};
