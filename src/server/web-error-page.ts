// The page a browser gets when a page load is refused or fails: a person reads it, so it is HTML in their
// language with a way to try again, not the JSON error body the API answers with.
import type { FastifyRequest } from 'fastify';
import { AppError } from '../shared/errors';
import { type Locale, t } from '../shared/i18n';

/** A browser navigation or anything else that asked for HTML, outside the API. */
export function wantsHtml(request: FastifyRequest): boolean {
  const path = request.url.split('?')[0] ?? '';
  if (path === '/api' || path.startsWith('/api/')) return false;
  return (request.headers.accept ?? '').includes('text/html');
}

/** The product's error for anything thrown while serving the web app; unknown failures become INTERNAL. */
export function pageError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  const status = (error as { statusCode?: unknown } | undefined)?.statusCode;
  if (status === 404) return new AppError('NOT_FOUND', 'not_found');
  if (status === 429) return new AppError('RATE_LIMITED', 'rate_limited', { seconds: 60 });
  return new AppError('INTERNAL', 'internal');
}

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};
const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);

export function errorPageHtml(error: AppError, locale: Locale, requestId: string): string {
  const text = (key: string) => escapeHtml(t(locale, key, error.params));
  return `<!doctype html>
<html lang="${locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${text('web.errorPage.title')} · ${text('common.appName')}</title>
<style>body{font-family:system-ui,sans-serif;margin:0;color:rgba(0,0,0,.88)}main{max-width:32rem;margin:15vh auto;padding:0 1.5rem}a{color:#0958d9}small{color:rgba(0,0,0,.65)}</style>
</head>
<body>
<main>
<h1>${text('web.errorPage.title')}</h1>
<p>${text(`errors.${error.code}`)}</p>
<p><a href="">${text('web.errorPage.reload')}</a> · <a href="/">${text('web.errorPage.home')}</a></p>
<p><small>${text('web.errorPage.requestId')} ${escapeHtml(requestId)}</small></p>
</main>
</body>
</html>
`;
}
