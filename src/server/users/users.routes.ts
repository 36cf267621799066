// User administration routes (系统管理员 only); the use cases refuse the administrator's own account.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { listDepartments } from '../../db/repos/departments.repo';
import { listUsers } from '../../db/repos/users.repo';
import {
  adminDepartmentListResponse,
  adminUserListResponse,
  changeRoleBody,
  createUserBody,
  resetPasswordBody,
  resetPasswordResponse,
  setUserDepartmentsBody,
} from '../../shared/api/admin';
import { idParams } from '../../shared/api/primitives';
import { userResponse } from '../../shared/api/session';
import type { ServerDeps } from '../deps';
import { requestContext } from '../use-case';
import { changeUserRole } from './change-user-role';
import { createUser } from './create-user';
import { disableUser, enableUser, unlockUser } from './manage-user';
import { resetUserPassword } from './reset-user-password';
import { presentAdminUser, presentDepartment, presentUser } from './user.presenter';
import { setUserDepartments } from './user-departments';

export const usersRoutes: FastifyPluginAsyncZod<ServerDeps> = async (app, deps) => {
  app.get(
    '/api/admin/users',
    {
      config: { action: 'user.manage' },
      schema: { operationId: 'listUsers', tags: ['admin'], response: { 200: adminUserListResponse } },
    },
    async () => {
      const now = deps.clock();
      return { items: (await listUsers(deps.db.orm)).map((u) => presentAdminUser(u, deps.config, now)) };
    },
  );

  app.post(
    '/api/admin/users',
    {
      config: { action: 'user.manage' },
      schema: {
        operationId: 'createUser',
        tags: ['admin'],
        body: createUserBody,
        response: { 201: userResponse },
      },
    },
    async (request, reply) => {
      const { enterpriseId, departmentIds, ...fields } = request.body;
      const user = await createUser(requestContext(deps, request), {
        ...fields,
        ...(enterpriseId ? { enterprise: { id: enterpriseId } } : {}),
        ...(departmentIds ? { departments: { ids: departmentIds } } : {}),
      });
      return reply.status(201).send({ user: presentUser(user, deps.config) });
    },
  );

  app.post(
    '/api/admin/users/:id/disable',
    {
      config: { action: 'user.manage' },
      schema: { operationId: 'disableUser', tags: ['admin'], params: idParams },
    },
    async (request, reply) => {
      await disableUser(requestContext(deps, request), { userId: request.params.id });
      return reply.status(204).send();
    },
  );

  app.post(
    '/api/admin/users/:id/unlock',
    {
      config: { action: 'user.manage' },
      schema: { operationId: 'unlockUser', tags: ['admin'], params: idParams },
    },
    async (request, reply) => {
      await unlockUser(requestContext(deps, request), { userId: request.params.id });
      return reply.status(204).send();
    },
  );

  app.post(
    '/api/admin/users/:id/enable',
    {
      config: { action: 'user.manage' },
      schema: { operationId: 'enableUser', tags: ['admin'], params: idParams },
    },
    async (request, reply) => {
      await enableUser(requestContext(deps, request), { userId: request.params.id });
      return reply.status(204).send();
    },
  );

  app.put(
    '/api/admin/users/:id/role',
    {
      config: { action: 'user.manage' },
      schema: { operationId: 'changeUserRole', tags: ['admin'], params: idParams, body: changeRoleBody },
    },
    async (request, reply) => {
      await changeUserRole(requestContext(deps, request), {
        userId: request.params.id,
        role: request.body.role,
      });
      return reply.status(204).send();
    },
  );

  app.put(
    '/api/admin/users/:id/departments',
    {
      config: { action: 'user.manage' },
      schema: {
        tags: ['admin'],
        operationId: 'setUserDepartments',
        params: idParams,
        body: setUserDepartmentsBody,
      },
    },
    async (request, reply) => {
      await setUserDepartments(requestContext(deps, request), {
        userId: request.params.id,
        departmentIds: request.body.departmentIds,
      });
      return reply.status(204).send();
    },
  );

  // The departments an administrator assigns staff to.
  app.get(
    '/api/admin/departments',
    {
      config: { action: 'user.manage' },
      schema: {
        tags: ['admin'],
        operationId: 'listDepartments',
        response: { 200: adminDepartmentListResponse },
      },
    },
    async () => ({ items: (await listDepartments(deps.db.orm)).map(presentDepartment) }),
  );

  app.post(
    '/api/admin/users/:id/reset-password',
    {
      config: { action: 'user.manage' },
      schema: {
        operationId: 'resetUserPassword',
        tags: ['admin'],
        params: idParams,
        body: resetPasswordBody,
        response: { 200: resetPasswordResponse },
      },
    },
    async (request) =>
      resetUserPassword(requestContext(deps, request), {
        userId: request.params.id,
        ...(request.body.password === undefined ? {} : { password: request.body.password }),
      }),
  );
};
