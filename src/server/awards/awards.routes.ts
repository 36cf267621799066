// A call's awards over HTTP: an administrator calculates them once review is done; the department's staff read
// the latest calculation with each award's explanation in their language.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParams } from '../../shared/api/primitives';
import { awardCalculationSchema, publicityListSchema } from '../../shared/awards';
import type { ServerDeps } from '../deps';
import { signedInContext } from '../use-case';
import { calculateAwards } from './calculate-awards';
import { publicizeAwards, readPublicLists } from './publicize-awards';
import { readLatestCalculation } from './read-awards';

export const awardsRoutes: FastifyPluginAsyncZod<ServerDeps> = async (app, deps) => {
  const tags = ['awards'];

  app.post(
    '/api/calls/:id/calculate',
    {
      config: { action: 'award.calculate' },
      schema: {
        tags,
        operationId: 'calculateAwards',
        params: idParams,
        response: { 201: awardCalculationSchema },
      },
    },
    async (request, reply) => {
      const ctx = signedInContext(deps, request);
      await calculateAwards(ctx, { callId: request.params.id });
      return reply.status(201).send(await readLatestCalculation(ctx, request.params.id));
    },
  );

  app.post(
    '/api/calls/:id/publicize',
    {
      config: { action: 'award.publicize' },
      schema: {
        tags,
        operationId: 'publicizeAwards',
        params: idParams,
        response: { 201: publicityListSchema },
      },
    },
    async (request, reply) => {
      const ctx = signedInContext(deps, request);
      const list = await publicizeAwards(ctx, { callId: request.params.id });
      const shown = (await readPublicLists(ctx)).find((l) => l.id === list.id);
      if (!shown) throw new Error(`publicity list ${list.id} is missing right after it was published`);
      return reply.status(201).send(shown);
    },
  );

  app.get(
    '/api/public/publicity',
    {
      config: { action: 'public' },
      schema: {
        tags: ['public'],
        operationId: 'listPublicity',
        response: { 200: z.array(publicityListSchema) },
      },
    },
    async () => readPublicLists(deps),
  );

  app.get(
    '/api/calls/:id/awards',
    {
      config: { action: 'award.read' },
      schema: {
        tags,
        operationId: 'getCallAwards',
        params: idParams,
        response: { 200: awardCalculationSchema },
      },
    },
    async (request) => readLatestCalculation(signedInContext(deps, request), request.params.id),
  );
};
