// Sign-in, sign-out, self-registration, TOTP and the language choice. Routes stay thin: the use cases hold
// the rules; here the session cookie is set and cleared.
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  localeBody,
  loginBody,
  registerBody,
  totpCodeBody,
  totpSetupResponse,
  userResponse,
} from '../../shared/api/session';
import type { ServerDeps } from '../deps';
import { LOCALE_COOKIE, localeCookieOptions, SESSION_COOKIE, sessionCookieOptions } from '../http/cookies';
import { requireAuth } from '../http/require-auth';
import { authRateLimit } from '../http/security';
import { presentUser } from '../users/user.presenter';
import { changeLocale } from './change-locale';
import { registerEnterprise } from './register-enterprise';
import type { NewSession } from './sessions';
import { signIn } from './sign-in';
import { signOut, signOutEverywhere } from './sign-out';
import { disableTotp, enableTotp, setUpTotp } from './totp-enrolment';

export const authRoutes: FastifyPluginAsyncZod<ServerDeps> = async (app, deps) => {
  const secure = deps.config.nodeEnv === 'production';
  const setSession = (reply: FastifyReply, session: NewSession) =>
    reply.setCookie(SESSION_COOKIE, session.token, sessionCookieOptions(secure, session.maxAgeSeconds));
  const clearSession = (reply: FastifyReply) =>
    reply.clearCookie(SESSION_COOKIE, sessionCookieOptions(secure, 0));

  app.post(
    '/api/auth/login',
    {
      config: { action: 'public', rateLimit: authRateLimit(deps.config) },
      schema: { tags: ['auth'], body: loginBody, response: { 200: userResponse } },
    },
    async (request, reply) => {
      const { session, user } = await signIn(deps, {
        ...request.body,
        userAgent: request.headers['user-agent'],
        requestId: request.id,
      });
      setSession(reply, session);
      return { user: presentUser(user) };
    },
  );

  app.post(
    '/api/auth/register',
    {
      config: { action: 'public', rateLimit: authRateLimit(deps.config) },
      schema: { tags: ['auth'], body: registerBody, response: { 201: userResponse } },
    },
    async (request, reply) => {
      const { session, user } = await registerEnterprise(deps, request.body, {
        locale: request.locale,
        userAgent: request.headers['user-agent'],
        requestId: request.id,
      });
      setSession(reply, session);
      return reply.status(201).send({ user: presentUser(user) });
    },
  );

  app.post(
    '/api/auth/logout',
    { config: { action: 'authenticated' }, schema: { tags: ['auth'] } },
    async (request, reply) => {
      await signOut(deps, requireAuth(request));
      clearSession(reply);
      return reply.status(204).send();
    },
  );

  app.post(
    '/api/auth/logout-all',
    { config: { action: 'authenticated' }, schema: { tags: ['auth'] } },
    async (request, reply) => {
      await signOutEverywhere(deps, requireAuth(request), request.id);
      clearSession(reply);
      return reply.status(204).send();
    },
  );

  app.post(
    '/api/auth/totp/setup',
    { config: { action: 'auth.totp' }, schema: { tags: ['auth'], response: { 200: totpSetupResponse } } },
    async (request) => setUpTotp(deps, requireAuth(request)),
  );

  app.post(
    '/api/auth/totp/enable',
    { config: { action: 'auth.totp' }, schema: { tags: ['auth'], body: totpCodeBody } },
    async (request, reply) => {
      await enableTotp(deps, requireAuth(request), request.body.code, request.id);
      return reply.status(204).send();
    },
  );

  app.post(
    '/api/auth/totp/disable',
    { config: { action: 'auth.totp' }, schema: { tags: ['auth'], body: totpCodeBody } },
    async (request, reply) => {
      await disableTotp(deps, requireAuth(request), request.body.code, request.id);
      return reply.status(204).send();
    },
  );

  app.put(
    '/api/me/locale',
    { config: { action: 'authenticated' }, schema: { tags: ['auth'], body: localeBody } },
    async (request, reply) => {
      await changeLocale(deps, requireAuth(request), request.body.locale, request.id);
      reply.setCookie(LOCALE_COOKIE, request.body.locale, localeCookieOptions(secure));
      return reply.status(204).send();
    },
  );
};
