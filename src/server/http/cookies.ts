// Cookie names and options of the contract. The session cookie is httpOnly (scripts never see it) and signed
// with HUIQI_SESSION_SECRET, so a cookie not issued by this server is refused before any database look-up; the
// CSRF cookie is readable by the web app on purpose, since the double-submit check needs the script to echo it.
import type { CookieSerializeOptions } from '@fastify/cookie';

export const SESSION_COOKIE = 'huiqi_session';
export const CSRF_COOKIE = 'huiqi_csrf';
export const LOCALE_COOKIE = 'huiqi_locale';
export const CSRF_HEADER = 'x-csrf-token';

export function sessionCookieOptions(secure: boolean, maxAgeSeconds: number): CookieSerializeOptions {
  return { httpOnly: true, sameSite: 'lax', secure, path: '/', maxAge: maxAgeSeconds, signed: true };
}

export function csrfCookieOptions(secure: boolean): CookieSerializeOptions {
  return { httpOnly: false, sameSite: 'strict', secure, path: '/' };
}

export function localeCookieOptions(secure: boolean): CookieSerializeOptions {
  return { httpOnly: false, sameSite: 'lax', secure, path: '/', maxAge: 60 * 60 * 24 * 365 };
}
