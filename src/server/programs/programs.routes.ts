// Programs for the public portal (published ones only, of every department) and for staff (with ids, drafts too):
// an administrator every department's, other staff only their departments' (program-scope.ts).

import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { listProgramDetails, type ProgramDetail } from '../../db/repos/programs.repo';
import { versionedRead } from '../../db/versioned-read';
import {
  noticeSchema,
  programCodeParams,
  publicProgramDetailSchema,
  publicProgramSchema,
  staffProgramDetailSchema,
  staffProgramSchema,
} from '../../shared/api/programs';
import { AppError } from '../../shared/errors';
import type { ServerDeps } from '../deps';
import { requireAuth } from '../http/require-auth';
import { presentProgram, presentProgramDetail } from './program.presenter';
import { reachesProgram, requireReachable } from './program-scope';

/** Drafts are invisible to the public, as if they did not exist. */
const isPublished = (program: { status: string }) => program.status !== 'draft';

export const programsRoutes: FastifyPluginAsyncZod<ServerDeps> = async (app, deps) => {
  // Every visit to the portal and the workspace reads the list; writes to programs are rare.
  const list = versionedRead('programs', listProgramDetails);
  const details = (request: FastifyRequest): Promise<ProgramDetail[]> =>
    list.get(deps.db.orm, request.auth?.dataVersions.programs);
  const one = async (request: FastifyRequest, code: string): Promise<ProgramDetail | undefined> =>
    (await details(request)).find((p) => p.code === code);
  const published = async (request: FastifyRequest, code: string): Promise<ProgramDetail> => {
    const program = await one(request, code);
    if (!program || !isPublished(program)) throw new AppError('PROGRAM_NOT_FOUND', 'not_found');
    return program;
  };

  app.get(
    '/api/public/programs',
    {
      config: { action: 'public' },
      schema: {
        operationId: 'listPublicPrograms',
        tags: ['public'],
        response: { 200: z.array(publicProgramSchema) },
      },
    },
    async (request) => {
      const now = deps.clock();
      return (await details(request)).filter(isPublished).map((p) => presentProgram(p, now));
    },
  );

  app.get(
    '/api/public/programs/:code',
    {
      config: { action: 'public' },
      schema: {
        operationId: 'getPublicProgram',
        tags: ['public'],
        params: programCodeParams,
        response: { 200: publicProgramDetailSchema },
      },
    },
    async (request) => presentProgramDetail(await published(request, request.params.code), deps.clock()),
  );

  app.get(
    '/api/public/notices',
    {
      config: { action: 'public' },
      schema: {
        operationId: 'listPublicNotices',
        tags: ['public'],
        response: { 200: z.array(noticeSchema) },
      },
    },
    // Notices come from publicity (公示) lists, which no stage publishes yet: the list is honestly empty.
    async () => [],
  );

  app.get(
    '/api/programs',
    {
      config: { action: 'program.read' },
      schema: {
        operationId: 'listPrograms',
        tags: ['programs'],
        response: { 200: z.array(staffProgramSchema) },
      },
    },
    // The cached list of every program, filtered per request by the departments read with the session.
    async (request) => {
      const reaches = reachesProgram(requireAuth(request));
      const now = deps.clock();
      return (await details(request)).filter(reaches).map((p) => ({ ...presentProgram(p, now), id: p.id }));
    },
  );

  app.get(
    '/api/programs/:code',
    {
      config: { action: 'program.read' },
      schema: {
        operationId: 'getProgram',
        tags: ['programs'],
        params: programCodeParams,
        response: { 200: staffProgramDetailSchema },
      },
    },
    async (request) => {
      const program = requireReachable(requireAuth(request), await one(request, request.params.code));
      return { ...presentProgramDetail(program, deps.clock()), id: program.id };
    },
  );
};
