// Serves the built web app: hashed assets with long caching, the workspace (app.html) for /app and /app/*,
// and the portal (index.html) for every other page. Unknown /api paths stay JSON 404s.
//
// Files go out as the .br or .gz copy the build wrote beside them when the browser accepts it, so nothing is
// compressed per request (and the API's on-the-fly compression is switched off here). None of these routes
// counts toward the global rate limit: a cold workspace load fetches about twenty chunks, and a limit meant
// for API calls would leave a blank page. A refused or failed page load answers HTML in the user's language.
import { existsSync, statSync } from 'node:fs';
import { resolve, sep } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest, RouteShorthandOptions } from 'fastify';
import { AppError } from '../shared/errors';
import { DEFAULT_LOCALE } from '../shared/i18n';
import { errorPageHtml, pageError, wantsHtml } from './web-error-page';

const PORTAL = 'index.html';
const WORKSPACE = 'app.html';

/** Builds dist/web with Vite when it is missing (a fresh clone), so `npm start` needs no separate step. */
export async function ensureWebBuild(webDir: string, projectRoot: string): Promise<void> {
  if (existsSync(resolve(webDir, PORTAL)) && existsSync(resolve(webDir, WORKSPACE))) return;
  // Vite is a development dependency: loaded only when a build is needed.
  const { build } = await import('vite');
  await build({ configFile: resolve(projectRoot, 'vite.config.ts'), logLevel: 'warn' });
}

/** The file under `root` that `relative` names, or undefined when it is missing or escapes the root. */
function fileUnder(root: string, relative: string): string | undefined {
  const candidate = resolve(root, relative);
  if (!candidate.startsWith(root + sep)) return undefined;
  return existsSync(candidate) && statSync(candidate).isFile() ? candidate.slice(root.length + 1) : undefined;
}

const ROUTE: RouteShorthandOptions = {
  config: { action: 'public', rateLimit: false },
  compress: false,
  schema: { hide: true },
};

export async function registerWebApp(app: FastifyInstance, webDir: string): Promise<void> {
  await app.register(async (web) => {
    const root = resolve(webDir);
    await web.register(fastifyStatic, { root, serve: false, preCompressed: true });

    // Whichever copy is sent, a cache must keep one per Accept-Encoding.
    web.addHook('onRequest', async (_request, reply) => {
      reply.header('vary', 'Accept-Encoding');
    });

    // The API's JSON funnel stays for everything that did not ask for HTML: the error goes up to it.
    web.setErrorHandler((error, request, reply) => {
      if (!wantsHtml(request)) throw error;
      const known = pageError(error);
      if (known.status >= 500) request.log.error({ err: error }, 'page load failed');
      return reply
        .status(known.status)
        .type('text/html; charset=utf-8')
        .header('cache-control', 'no-store')
        .send(errorPageHtml(known, request.locale ?? DEFAULT_LOCALE, request.id));
    });

    web.get('/assets/*', ROUTE, (request, reply) => {
      const file = fileUnder(resolve(root, 'assets'), (request.params as { '*': string })['*']);
      if (!file) throw new AppError('NOT_FOUND', 'not_found');
      return reply.sendFile(`assets/${file}`, { immutable: true, maxAge: '365d' });
    });

    const workspace = (_request: FastifyRequest, reply: FastifyReply) =>
      reply.sendFile(WORKSPACE, { cacheControl: false });
    web.get('/app', ROUTE, workspace);
    web.get('/app/*', ROUTE, workspace);

    web.get('/*', ROUTE, (request, reply) => {
      const path = (request.params as { '*': string })['*'];
      if (path === 'api' || path.startsWith('api/')) throw new AppError('NOT_FOUND', 'not_found');
      const file = path === '' ? undefined : fileUnder(root, path);
      return reply.sendFile(file ?? PORTAL, { cacheControl: false });
    });
  });
}
