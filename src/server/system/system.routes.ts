// Health, the current session and the OpenAPI document.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { healthResponse, sessionResponse } from '../../shared/api/session';
import type { ServerDeps } from '../deps';
import { presentUser } from '../users/user.presenter';
import { VERSION } from '../version';

export const systemRoutes: FastifyPluginAsyncZod<ServerDeps> = async (app, deps) => {
  app.get(
    '/api/health',
    {
      config: { action: 'public' },
      schema: { operationId: 'getHealth', tags: ['system'], response: { 200: healthResponse } },
    },
    async () => ({ status: 'ok' as const, db: deps.db.kind, version: VERSION }),
  );

  app.get(
    '/api/session',
    {
      config: { action: 'public' },
      schema: { operationId: 'getSession', tags: ['auth'], response: { 200: sessionResponse } },
    },
    async (request) => ({
      user: request.auth ? presentUser(request.auth.user, deps.config) : null,
      csrfToken: request.csrfToken,
    }),
  );

  app.get('/api/openapi.json', { config: { action: 'public' }, schema: { hide: true } }, async () =>
    app.swagger(),
  );
};
