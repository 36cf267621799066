// The hooks every request passes, in order: language, session, CSRF cookie and check, authorization.
// Authorization runs before the body is parsed, so an anonymous caller learns nothing from validation errors.
// The CSRF token of a signed-in request is bound to its session (an HMAC of the session id), so a token
// planted before sign-in, or taken from another session, is worthless; sign-in rotates it with the session.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { PASSWORD_CHANGE_ACTIONS, rolesFor, TOTP_ENROLMENT_ACTIONS } from '../../shared/authz';
import { AppError } from '../../shared/errors';
import { DEFAULT_LOCALE, pickLocale } from '../../shared/i18n';
import { resolveSession, type SessionKeys, sessionKeys } from '../auth/sessions';
import { mustEnrolTotp } from '../auth/two-factor';
import { randomToken, safeEqual } from '../crypto';
import type { ServerDeps } from '../deps';
import { CSRF_COOKIE, CSRF_HEADER, csrfCookieOptions, LOCALE_COOKIE, SESSION_COOKIE } from './cookies';
import './context';

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const KNOWN_COOKIES = 10_000;

/** Whether a user whose role requires TOTP must enrol before this request may proceed. */
function needsTotpEnrolment(request: FastifyRequest, deps: ServerDeps): boolean {
  const action = request.routeOptions.config.action;
  const user = request.auth?.user;
  return !!user && !!action && mustEnrolTotp(user, deps.config) && !TOTP_ENROLMENT_ACTIONS.includes(action);
}

/** Whether a user whose password was reset must change it before this request may proceed. */
function needsPasswordChange(request: FastifyRequest): boolean {
  const action = request.routeOptions.config.action;
  return !!request.auth?.user.mustChangePassword && !!action && !PASSWORD_CHANGE_ACTIONS.includes(action);
}

/**
 * The keys of a session cookie whose signature holds; a forged or unsigned cookie counts as none. The signature
 * check, the token's sha256 and the CSRF HMAC depend on nothing but the cookie and the secret, so they are kept
 * for the cookies this server issued (a bounded table; a forged cookie never enters it) instead of computed on
 * every request.
 */
function sessionKeysOfCookie(app: FastifyInstance, secret: string): (cookie: string) => SessionKeys | null {
  const known = new Map<string, SessionKeys>();
  return (cookie) => {
    const hit = known.get(cookie);
    if (hit) return hit;
    const unsigned = app.unsignCookie(cookie);
    const keys = unsigned.valid && unsigned.value !== null ? sessionKeys(unsigned.value, secret) : null;
    if (keys) {
      if (known.size >= KNOWN_COOKIES) known.delete(known.keys().next().value as string);
      known.set(cookie, keys);
    }
    return keys;
  };
}

/** Sets the CSRF cookie a signed-in session must echo (at sign-in, and for sessions made before binding). */
export function setCsrfCookie(reply: FastifyReply, token: string, secure: boolean): void {
  reply.setCookie(CSRF_COOKIE, token, csrfCookieOptions(secure));
}

export function installRequestContext(app: FastifyInstance, deps: ServerDeps): void {
  const secure = deps.config.nodeEnv === 'production';
  app.decorateRequest('locale', DEFAULT_LOCALE);
  app.decorateRequest('auth', null);
  app.decorateRequest('csrfToken', '');
  const keysOf = sessionKeysOfCookie(app, deps.config.sessionSecret);

  app.addHook('onRequest', async (request, reply) => {
    request.locale = pickLocale(request.cookies[LOCALE_COOKIE], request.headers['accept-language']);

    const cookie = request.cookies[SESSION_COOKIE];
    const session = cookie ? keysOf(cookie) : null;
    if (session) {
      request.auth = await resolveSession(deps.db.orm, session.sessionId, {
        now: deps.clock(),
        ttlHours: deps.config.sessionTtlHours,
        absoluteHours: deps.config.sessionAbsoluteHours,
      });
    }

    const existing = request.cookies[CSRF_COOKIE];
    const wellFormed = existing !== undefined && /^[A-Za-z0-9_-]{43}$/.test(existing);
    // Signed in: the session's own token. Anonymous (signing in, registering): the double-submit cookie.
    const expected = request.auth ? session?.csrfToken : wellFormed ? existing : undefined;
    request.csrfToken = expected ?? randomToken(32);
    if (request.csrfToken !== existing) setCsrfCookie(reply, request.csrfToken, secure);
    if (UNSAFE_METHODS.has(request.method)) {
      const header = request.headers[CSRF_HEADER];
      if (!expected || typeof header !== 'string' || !safeEqual(header, expected)) {
        throw new AppError('CSRF_INVALID', 'forbidden');
      }
    }

    const action = request.routeOptions.config.action;
    // No action means the not-found handler: it answers 404 itself.
    if (!action || action === 'public') return;
    const user = request.auth?.user;
    if (!user) throw new AppError('UNAUTHENTICATED', 'unauthenticated');
    if (!rolesFor(action).includes(user.role)) throw new AppError('FORBIDDEN', 'forbidden');
    if (needsPasswordChange(request)) throw new AppError('PASSWORD_CHANGE_REQUIRED', 'forbidden');
    if (needsTotpEnrolment(request, deps)) throw new AppError('TOTP_ENROLMENT_REQUIRED', 'forbidden');
  });

  app.addHook('onSend', (request, reply, payload, done) => {
    reply.header('x-request-id', request.id);
    // Answers that depend on the session must never be stored by a shared cache.
    if (request.url.startsWith('/api/')) reply.header('cache-control', 'no-store');
    done(null, payload);
  });
}
