// An applicant's applications (申报): the calls open to apply to, its enterprise's list, one application with
// its history, a new draft, the declared figures, and the applicant's transitions (submit, withdraw, resubmit).
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  type ApplicationRow,
  listEnterpriseApplications,
  listOpenCalls,
} from '../../db/repos/applications.repo';
import {
  applicantActionParams,
  applicationDetailSchema,
  applicationSchema,
  openCallSchema,
  startApplicationBody,
  updateApplicationBody,
} from '../../shared/api/applications';
import { idParams } from '../../shared/api/primitives';
import type { ServerDeps } from '../deps';
import { signedInContext, userOf } from '../use-case';
import { presentApplication } from './application.presenter';
import { readApplication, readApplicationDetail } from './application-access';
import { changeApplicationStatus } from './change-application-status';
import { startApplication } from './start-application';
import { updateApplication } from './update-application';

export const applicationsRoutes: FastifyPluginAsyncZod<ServerDeps> = async (app, deps) => {
  const config = { action: 'application.own' } as const;
  const tags = ['applications'];

  /** The application as the applicant now sees it, after a change. */
  const answer = async (ctx: ReturnType<typeof signedInContext>, row: ApplicationRow) =>
    presentApplication(await readApplication(ctx, row.id), userOf(ctx).role);

  app.get(
    '/api/my/calls',
    {
      config,
      schema: { tags, operationId: 'listOpenCalls', response: { 200: z.array(openCallSchema) } },
    },
    async () =>
      (await listOpenCalls(deps.db.orm, deps.clock())).map(({ status: _status, ...call }) => ({
        ...call,
        opensAt: call.opensAt.toISOString(),
        closesAt: call.closesAt.toISOString(),
      })),
  );

  app.get(
    '/api/my/applications',
    {
      config,
      schema: { tags, operationId: 'listMyApplications', response: { 200: z.array(applicationSchema) } },
    },
    async (request) => {
      const ctx = signedInContext(deps, request);
      const { enterpriseId, role } = userOf(ctx);
      if (!enterpriseId) return [];
      return (await listEnterpriseApplications(deps.db.orm, enterpriseId)).map((a) =>
        presentApplication(a, role),
      );
    },
  );

  app.post(
    '/api/my/applications',
    {
      config,
      schema: {
        tags,
        operationId: 'startApplication',
        body: startApplicationBody,
        response: { 201: applicationSchema },
      },
    },
    async (request, reply) => {
      const ctx = signedInContext(deps, request);
      const created = await startApplication(ctx, request.body);
      return reply.status(201).send(await answer(ctx, created));
    },
  );

  app.get(
    '/api/my/applications/:id',
    {
      config,
      schema: {
        tags,
        operationId: 'getMyApplication',
        params: idParams,
        response: { 200: applicationDetailSchema },
      },
    },
    async (request) => readApplicationDetail(signedInContext(deps, request), request.params.id),
  );

  app.put(
    '/api/my/applications/:id',
    {
      config,
      schema: {
        tags,
        operationId: 'updateMyApplication',
        params: idParams,
        body: updateApplicationBody,
        response: { 200: applicationSchema },
      },
    },
    async (request) => {
      const ctx = signedInContext(deps, request);
      const { declared, version } = request.body;
      return answer(ctx, await updateApplication(ctx, { id: request.params.id, declared, version }));
    },
  );

  app.post(
    '/api/my/applications/:id/:action',
    {
      config,
      schema: {
        tags,
        operationId: 'changeMyApplicationStatus',
        params: applicantActionParams,
        response: { 200: applicationSchema },
      },
    },
    async (request) => {
      const ctx = signedInContext(deps, request);
      const { id, action } = request.params;
      return answer(ctx, await changeApplicationStatus(ctx, { id, action }));
    },
  );
};
