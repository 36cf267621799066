// Program files and simulations: validate, import (a new rule version), export (the current one), simulate.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { currentRuleDefinition } from '../../db/repos/programs.repo';
import { programCodeParams } from '../../shared/api/programs';
import {
  importProgramResponse,
  programFileBody,
  simulationBody,
  simulationResponse,
  validateProgramFileResponse,
} from '../../shared/api/rules';
import { parseProgramFile } from '../../shared/program-file';
import type { ServerDeps } from '../deps';
import { requireAuth } from '../http/require-auth';
import { importProgramRules } from './import-program-rules';
import { runSimulation } from './run-simulation';

export const rulesRoutes: FastifyPluginAsyncZod<ServerDeps> = async (app, deps) => {
  app.post(
    '/api/program-files/validate',
    {
      config: { action: 'program-file.validate' },
      schema: { tags: ['rules'], body: programFileBody, response: { 200: validateProgramFileResponse } },
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
      schema: { tags: ['rules'], body: programFileBody, response: { 200: importProgramResponse } },
    },
    async (request) =>
      importProgramRules(deps, requireAuth(request), request.body.program, {
        locale: request.locale,
        requestId: request.id,
      }),
  );

  app.get(
    '/api/programs/:code/export',
    {
      config: { action: 'program.export' },
      schema: { tags: ['rules'], params: programCodeParams, response: { 200: z.unknown() } },
    },
    async (request, reply) => {
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
      schema: { tags: ['rules'], body: simulationBody, response: { 200: simulationResponse } },
    },
    async (request) => runSimulation(request.body, request.locale),
  );
};
