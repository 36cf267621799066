// The hooks every request passes, in order: language, CSRF cookie and check, session, authorization.
// Authorization runs before the body is parsed, so an anonymous caller learns nothing from validation errors.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { rolesFor, TOTP_ENROLMENT_ACTIONS } from '../../shared/authz';
import { AppError } from '../../shared/errors';
import { DEFAULT_LOCALE, pickLocale } from '../../shared/i18n';
import { resolveSession } from '../auth/sessions';
import { randomToken, safeEqual } from '../crypto';
import type { ServerDeps } from '../deps';
import { CSRF_COOKIE, CSRF_HEADER, csrfCookieOptions, LOCALE_COOKIE, SESSION_COOKIE } from './cookies';
import './context';

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Whether an administrator must enrol TOTP before this request may proceed. */
function needsTotpEnrolment(request: FastifyRequest): boolean {
  const action = request.routeOptions.config.action;
  const user = request.auth?.user;
  return (
    !!user &&
    !!action &&
    user.role === 'admin' &&
    !user.totpEnabled &&
    !TOTP_ENROLMENT_ACTIONS.includes(action)
  );
}

export function installRequestContext(app: FastifyInstance, deps: ServerDeps): void {
  const secure = deps.config.nodeEnv === 'production';
  app.decorateRequest('locale', DEFAULT_LOCALE);
  app.decorateRequest('auth', null);
  app.decorateRequest('csrfToken', '');

  app.addHook('onRequest', async (request, reply) => {
    request.locale = pickLocale(request.cookies[LOCALE_COOKIE], request.headers['accept-language']);

    const existing = request.cookies[CSRF_COOKIE];
    if (existing && /^[A-Za-z0-9_-]{43}$/.test(existing)) {
      request.csrfToken = existing;
    } else {
      request.csrfToken = randomToken(32);
      reply.setCookie(CSRF_COOKIE, request.csrfToken, csrfCookieOptions(secure));
    }
    if (UNSAFE_METHODS.has(request.method)) {
      const header = request.headers[CSRF_HEADER];
      if (!existing || typeof header !== 'string' || !safeEqual(header, existing)) {
        throw new AppError('CSRF_INVALID', 'forbidden');
      }
    }

    const token = request.cookies[SESSION_COOKIE];
    if (token) {
      request.auth = await resolveSession(deps.db.orm, token, {
        now: deps.clock(),
        ttlHours: deps.config.sessionTtlHours,
      });
    }

    const action = request.routeOptions.config.action;
    // No action means the not-found handler: it answers 404 itself.
    if (!action || action === 'public') return;
    const user = request.auth?.user;
    if (!user) throw new AppError('UNAUTHENTICATED', 'unauthenticated');
    if (!rolesFor(action).includes(user.role)) throw new AppError('FORBIDDEN', 'forbidden');
    if (needsTotpEnrolment(request)) throw new AppError('TOTP_ENROLMENT_REQUIRED', 'forbidden');
  });

  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
    // Answers that depend on the session must never be stored by a shared cache.
    if (request.url.startsWith('/api/')) reply.header('cache-control', 'no-store');
  });
}
