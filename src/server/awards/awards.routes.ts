// A call's awards over HTTP: an administrator calculates them once review is done and publicizes the list; anyone
// may object on the portal while it runs and the department's staff resolve the objections; an approver approves
// the list once its period has closed. The department's staff read the latest calculation with each award's
// explanation in their language.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParams } from '../../shared/api/primitives';
import {
  approveAwardsBody,
  awardCalculationSchema,
  filedObjectionSchema,
  fileObjectionBody,
  objectionSchema,
  publicityListSchema,
  resolveObjectionBody,
} from '../../shared/awards';
import type { ServerDeps } from '../deps';
import { sendXlsx } from '../exports/xlsx';
import { requestContext, signedInContext } from '../use-case';
import { approveAwards } from './approve-awards';
import { calculateAwards } from './calculate-awards';
import { exportAwards } from './export-awards';
import { fileObjection, listObjections, resolveObjection } from './objections';
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

  app.get(
    '/api/calls/:id/awards/export',
    {
      config: { action: 'award.read' },
      schema: {
        tags,
        operationId: 'exportCallAwards',
        params: idParams,
      },
    },
    async (request, reply) => {
      const ctx = signedInContext(deps, request);
      return sendXlsx(reply, await exportAwards(ctx, request.params.id));
    },
  );

  app.post(
    '/api/public/publicity/:id/objections',
    {
      config: { action: 'public' },
      schema: {
        tags: ['public'],
        operationId: 'fileObjection',
        params: idParams,
        body: fileObjectionBody,
        response: { 201: filedObjectionSchema },
      },
    },
    async (request, reply) => {
      const objection = await fileObjection(requestContext(deps, request), {
        listId: request.params.id,
        address: request.ip,
        body: request.body,
      });
      return reply.status(201).send({ id: objection.id, filedAt: objection.filedAt.toISOString() });
    },
  );

  app.get(
    '/api/calls/:id/objections',
    {
      config: { action: 'objection.read' },
      schema: {
        tags,
        operationId: 'listCallObjections',
        params: idParams,
        response: { 200: z.object({ items: z.array(objectionSchema) }) },
      },
    },
    async (request) => ({ items: await listObjections(signedInContext(deps, request), request.params.id) }),
  );

  app.post(
    '/api/objections/:id/resolve',
    {
      config: { action: 'objection.resolve' },
      schema: {
        tags,
        operationId: 'resolveObjection',
        params: idParams,
        body: resolveObjectionBody,
        response: { 200: objectionSchema },
      },
    },
    async (request) =>
      resolveObjection(signedInContext(deps, request), { id: request.params.id, body: request.body }),
  );

  app.post(
    '/api/calls/:id/approve',
    {
      config: { action: 'award.approve' },
      schema: {
        tags,
        operationId: 'approveAwards',
        params: idParams,
        body: approveAwardsBody,
        response: { 200: awardCalculationSchema },
      },
    },
    async (request) => {
      const ctx = signedInContext(deps, request);
      await approveAwards(ctx, { callId: request.params.id, body: request.body });
      return readLatestCalculation(ctx, request.params.id);
    },
  );
};
