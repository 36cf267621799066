// Program files and simulations: validate, import (a new rule version), export (the current one, of a program the
// user reaches: an evaluator only its departments'), simulate.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { currentRuleDefinition, findProgramByCode } from '../../db/repos/programs.repo';
import { programCodeParams } from '../../shared/api/programs';
import {
  importProgramResponse,
  programFileBody,
  type SimulationResponse,
  simulationBody,
  simulationResponse,
  validateProgramFileResponse,
} from '../../shared/api/rules';
import { parseProgramFile } from '../../shared/program-file';
import type { ServerDeps } from '../deps';
import { requireAuth } from '../http/require-auth';
import { requireReachable } from '../programs/program-scope';
import { requestContext } from '../use-case';
import { importProgramRules } from './import-program-rules';
import { checkSimulationPrograms } from './run-simulation';
import { createSimulationPool } from './simulation-pool';

export const rulesRoutes: FastifyPluginAsyncZod<ServerDeps> = async (app, deps) => {
  const simulations = createSimulationPool();
  app.addHook('onClose', () => simulations.close());

  app.post(
    '/api/program-files/validate',
    {
      config: { action: 'program-file.validate' },
      schema: {
        operationId: 'validateProgramFile',
        tags: ['rules'],
        body: programFileBody,
        response: { 200: validateProgramFileResponse },
      },
    },
    async (request) => {
      const parsed = parseProgramFile(request.body.program, request.locale);
      return parsed.ok ? { ok: true, errors: [] } : { ok: false, errors: parsed.errors };
    },
  );

  app.post(
    '/api/programs/import',
    {
      config: { action: 'program.import' },
      schema: {
        operationId: 'importProgramFile',
        tags: ['rules'],
        body: programFileBody,
        response: { 200: importProgramResponse },
      },
    },
    async (request) => {
      const { code, version } = await importProgramRules(requestContext(deps, request), {
        definition: request.body.program,
      });
      return { code, version };
    },
  );

  app.get(
    '/api/programs/:code/export',
    {
      config: { action: 'program.export' },
      schema: {
        operationId: 'exportProgramFile',
        tags: ['rules'],
        params: programCodeParams,
        response: { 200: z.unknown() },
      },
    },
    async (request, reply) => {
      const auth = requireAuth(request);
      // An administrator reaches every program: only other staff need the program's department.
      if (auth.user.role !== 'admin')
        requireReachable(auth, await findProgramByCode(deps.db.orm, request.params.code));
      const definition = await currentRuleDefinition(deps.db.orm, request.params.code);
      return reply
        .header('content-disposition', `attachment; filename="${request.params.code}.json"`)
        .send(definition);
    },
  );

  app.post(
    '/api/simulations',
    {
      config: { action: 'simulation.run' },
      schema: {
        operationId: 'simulateProgram',
        tags: ['rules'],
        body: simulationBody,
        response: { 200: simulationResponse },
      },
    },
    // The program files are checked here, so an invalid one answers 422 without waiting for a worker. The
    // worker answers the body already checked against the schema and serialized. Fastify sends a Buffer
    // without running its serializer; the type provider only knows the parsed shape, hence the cast.
    async (request, reply) => {
      const input = checkSimulationPrograms(request.body, request.locale);
      const json = await simulations.run({ input, locale: request.locale });
      return reply.type('application/json; charset=utf-8').send(json as unknown as SimulationResponse);
    },
  );
};
