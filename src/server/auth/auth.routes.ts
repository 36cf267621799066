// Sign-in, sign-out, self-registration, TOTP and the language choice. Routes stay thin: the use cases hold
// the rules; here the session cookie is set and cleared.
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  changePasswordBody,
  localeBody,
  loginBody,
  registerBody,
  totpCodeBody,
  totpSetupResponse,
  userResponse,
} from '../../shared/api/session';
import type { ServerDeps } from '../deps';
import { LOCALE_COOKIE, localeCookieOptions, SESSION_COOKIE, sessionCookieOptions } from '../http/cookies';
import { setCsrfCookie } from '../http/request-context';
import { authRateLimit } from '../http/security';
import { requestContext, signedInContext } from '../use-case';
import { presentUser } from '../users/user.presenter';
import { changeLocale } from './change-locale';
import { changePassword } from './change-password';
import { registerEnterprise } from './register-enterprise';
import { type NewSession, sessionCsrfToken } from './sessions';
import { signIn } from './sign-in';
import { signOut, signOutEverywhere } from './sign-out';
import { disableTotp, enableTotp, setUpTotp } from './totp-enrolment';

export const authRoutes: FastifyPluginAsyncZod<ServerDeps> = async (app, deps) => {
  const secure = deps.config.nodeEnv === 'production';
  // A new session gets a new CSRF token: one planted in the browser before sign-in is worthless after it.
  const setSession = (reply: FastifyReply, session: NewSession) => {
    reply.setCookie(SESSION_COOKIE, session.token, sessionCookieOptions(secure, session.maxAgeSeconds));
    setCsrfCookie(reply, sessionCsrfToken(session.sessionId, deps.config.sessionSecret), secure);
  };
  const clearSession = (reply: FastifyReply) =>
    reply.clearCookie(SESSION_COOKIE, sessionCookieOptions(secure, 0));

  app.post(
    '/api/auth/login',
    {
      config: { action: 'public', rateLimit: authRateLimit(deps.config) },
      schema: { operationId: 'signIn', tags: ['auth'], body: loginBody, response: { 200: userResponse } },
    },
    async (request, reply) => {
      const { session, user } = await signIn(requestContext(deps, request), {
        ...request.body,
        userAgent: request.headers['user-agent'],
        address: request.ip,
      });
      setSession(reply, session);
      return { user: presentUser(user, deps.config) };
    },
  );

  app.post(
    '/api/auth/register',
    {
      config: { action: 'public', rateLimit: authRateLimit(deps.config) },
      schema: {
        operationId: 'registerEnterprise',
        tags: ['auth'],
        body: registerBody,
        response: { 201: userResponse },
      },
    },
    async (request, reply) => {
      const { session, user } = await registerEnterprise(requestContext(deps, request), {
        ...request.body,
        userAgent: request.headers['user-agent'],
        address: request.ip,
      });
      setSession(reply, session);
      return reply.status(201).send({ user: presentUser(user, deps.config) });
    },
  );

  app.post(
    '/api/auth/logout',
    { config: { action: 'authenticated' }, schema: { operationId: 'signOut', tags: ['auth'] } },
    async (request, reply) => {
      await signOut(signedInContext(deps, request));
      clearSession(reply);
      return reply.status(204).send();
    },
  );

  app.post(
    '/api/auth/logout-all',
    { config: { action: 'authenticated' }, schema: { operationId: 'signOutEverywhere', tags: ['auth'] } },
    async (request, reply) => {
      await signOutEverywhere(signedInContext(deps, request));
      clearSession(reply);
      return reply.status(204).send();
    },
  );

  app.post(
    '/api/auth/totp/setup',
    {
      config: { action: 'auth.totp' },
      schema: { operationId: 'setUpTotp', tags: ['auth'], response: { 200: totpSetupResponse } },
    },
    async (request) => setUpTotp(signedInContext(deps, request)),
  );

  app.post(
    '/api/auth/totp/enable',
    {
      config: { action: 'auth.totp' },
      schema: { operationId: 'enableTotp', tags: ['auth'], body: totpCodeBody },
    },
    async (request, reply) => {
      await enableTotp(signedInContext(deps, request), { ...request.body, address: request.ip });
      return reply.status(204).send();
    },
  );

  app.post(
    '/api/auth/totp/disable',
    {
      config: { action: 'auth.totp' },
      schema: { operationId: 'disableTotp', tags: ['auth'], body: totpCodeBody },
    },
    async (request, reply) => {
      await disableTotp(signedInContext(deps, request), { ...request.body, address: request.ip });
      return reply.status(204).send();
    },
  );

  // Any signed-in user, and the one thing a user whose password was reset may do; the session is renewed.
  app.put(
    '/api/me/password',
    {
      config: { action: 'authenticated' },
      schema: { operationId: 'changeMyPassword', tags: ['auth'], body: changePasswordBody },
    },
    async (request, reply) => {
      const { session } = await changePassword(signedInContext(deps, request), {
        ...request.body,
        address: request.ip,
        userAgent: request.headers['user-agent'],
      });
      setSession(reply, session);
      return reply.status(204).send();
    },
  );

  app.put(
    '/api/me/locale',
    {
      config: { action: 'authenticated' },
      schema: { operationId: 'changeMyLocale', tags: ['auth'], body: localeBody },
    },
    async (request, reply) => {
      await changeLocale(signedInContext(deps, request), request.body);
      reply.setCookie(LOCALE_COOKIE, request.body.locale, localeCookieOptions(secure));
      return reply.status(204).send();
    },
  );
};
