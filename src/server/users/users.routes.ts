// User administration routes (系统管理员 only).
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { listUsers } from '../../db/repos/users.repo';
import { adminUserListResponse, createUserBody } from '../../shared/api/admin';
import { idParams } from '../../shared/api/primitives';
import { userResponse } from '../../shared/api/session';
import type { ServerDeps } from '../deps';
import { requireAuth } from '../http/require-auth';
import { createUser } from './create-user';
import { disableUser, unlockUser } from './manage-user';
import { presentAdminUser, presentUser } from './user.presenter';

export const usersRoutes: FastifyPluginAsyncZod<ServerDeps> = async (app, deps) => {
  app.get(
    '/api/admin/users',
    {
      config: { action: 'user.manage' },
      schema: { tags: ['admin'], response: { 200: adminUserListResponse } },
    },
    async () => {
      const now = deps.clock();
      return { items: (await listUsers(deps.db.orm)).map((u) => presentAdminUser(u, now)) };
    },
  );

  app.post(
    '/api/admin/users',
    {
      config: { action: 'user.manage' },
      schema: { tags: ['admin'], body: createUserBody, response: { 201: userResponse } },
    },
    async (request, reply) => {
      const user = await createUser(deps, requireAuth(request), request.body, request.id);
      return reply.status(201).send({ user: presentUser(user) });
    },
  );

  app.post(
    '/api/admin/users/:id/disable',
    { config: { action: 'user.manage' }, schema: { tags: ['admin'], params: idParams } },
    async (request, reply) => {
      await disableUser(deps, requireAuth(request), request.params.id, request.id);
      return reply.status(204).send();
    },
  );

  app.post(
    '/api/admin/users/:id/unlock',
    { config: { action: 'user.manage' }, schema: { tags: ['admin'], params: idParams } },
    async (request, reply) => {
      await unlockUser(deps, requireAuth(request), request.params.id, request.id);
      return reply.status(204).send();
    },
  );
};
