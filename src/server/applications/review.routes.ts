// Applications as staff of a department review them (形式审查): the department's applications page by page,
// one with its history, and intake's decisions — pass, return for correction, reject — each with its reason.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { listDepartmentApplications } from '../../db/repos/applications.repo';
import { departmentsOf } from '../../db/repos/staff-departments.repo';
import {
  applicationDetailSchema,
  applicationSchema,
  intakeActionBody,
  intakeActionParams,
  staffApplicationsQuery,
  staffApplicationsResponse,
} from '../../shared/api/applications';
import { idParams } from '../../shared/api/primitives';
import type { ServerDeps } from '../deps';
import { signedInContext, userOf } from '../use-case';
import { presentApplication } from './application.presenter';
import { readApplication, readApplicationDetail } from './application-access';
import { changeApplicationStatus } from './change-application-status';

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
      const user = userOf(signedInContext(deps, request));
      const { status, page, pageSize } = request.query;
      const departmentIds = user.role === 'admin' ? null : await departmentsOf(deps.db.orm, user.id);
      const result = await listDepartmentApplications(deps.db.orm, {
        departmentIds,
        ...(status ? { status } : {}),
        limit: pageSize,
        offset: (page - 1) * pageSize,
      });
      return { items: result.items.map((a) => presentApplication(a, user.role)), total: result.total };
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
      const changed = await changeApplicationStatus(ctx, {
        id,
        action,
        ...(request.body.reason === undefined ? {} : { reason: request.body.reason }),
      });
      return presentApplication(await readApplication(ctx, changed.id), userOf(ctx).role);
    },
  );
};
