// Enterprises: the staff list, one enterprise (row-checked), and an applicant's own profile with statistics.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { listEnterprises, statsByEnterprise } from '../../db/repos/enterprises.repo';
import {
  enterpriseListQuery,
  enterpriseListResponse,
  enterpriseSchema,
  myEnterpriseResponse,
} from '../../shared/api/enterprises';
import { idParams } from '../../shared/api/primitives';
import { AppError } from '../../shared/errors';
import type { ServerDeps } from '../deps';
import { requestContext } from '../use-case';
import { presentEnterprise, presentStat } from './enterprise.presenter';
import { getEnterprise } from './get-enterprise';

export const enterprisesRoutes: FastifyPluginAsyncZod<ServerDeps> = async (app, deps) => {
  app.get(
    '/api/enterprises',
    {
      config: { action: 'enterprise.list' },
      schema: {
        operationId: 'listEnterprises',
        tags: ['enterprises'],
        querystring: enterpriseListQuery,
        response: { 200: enterpriseListResponse },
      },
    },
    async (request) => {
      const { q, page, pageSize } = request.query;
      const result = await listEnterprises(deps.db.orm, {
        ...(q ? { search: q } : {}),
        limit: pageSize,
        offset: (page - 1) * pageSize,
      });
      return { items: result.items.map(presentEnterprise), total: result.total };
    },
  );

  app.get(
    '/api/enterprises/:id',
    {
      config: { action: 'enterprise.read' },
      schema: {
        operationId: 'getEnterprise',
        tags: ['enterprises'],
        params: idParams,
        response: { 200: enterpriseSchema },
      },
    },
    async (request) =>
      presentEnterprise(await getEnterprise(requestContext(deps, request), { id: request.params.id })),
  );

  app.get(
    '/api/me/enterprise',
    {
      config: { action: 'enterprise.own' },
      schema: {
        operationId: 'getMyEnterprise',
        tags: ['enterprises'],
        response: { 200: myEnterpriseResponse },
      },
    },
    async (request) => {
      const ctx = requestContext(deps, request);
      const enterpriseId = ctx.actor.kind === 'user' ? ctx.actor.enterpriseId : null;
      if (!enterpriseId) throw new AppError('ENTERPRISE_NOT_FOUND', 'not_found');
      const enterprise = await getEnterprise(ctx, { id: enterpriseId });
      const stats = await statsByEnterprise(deps.db.orm, enterprise.id);
      return { ...presentEnterprise(enterprise), stats: stats.map(presentStat) };
    },
  );
};
