// Serves the built web app: hashed assets with long caching, the workspace (app.html) for /app and /app/*,
// and the portal (index.html) for every other page. Unknown /api paths stay JSON 404s.
import { existsSync, statSync } from 'node:fs';
import { resolve, sep } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../shared/errors';

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

export async function registerWebApp(app: FastifyInstance, webDir: string): Promise<void> {
  const root = resolve(webDir);
  await app.register(fastifyStatic, { root, serve: false });

  app.get('/assets/*', { config: { action: 'public' }, schema: { hide: true } }, (request, reply) => {
    const file = fileUnder(resolve(root, 'assets'), (request.params as { '*': string })['*']);
    if (!file) throw new AppError('NOT_FOUND', 'not_found');
    return reply.sendFile(`assets/${file}`, { immutable: true, maxAge: '365d' });
  });

  const workspace = (_request: FastifyRequest, reply: FastifyReply) =>
    reply.sendFile(WORKSPACE, { cacheControl: false });
  app.get('/app', { config: { action: 'public' }, schema: { hide: true } }, workspace);
  app.get('/app/*', { config: { action: 'public' }, schema: { hide: true } }, workspace);

  app.get('/*', { config: { action: 'public' }, schema: { hide: true } }, (request, reply) => {
    const path = (request.params as { '*': string })['*'];
    if (path === 'api' || path.startsWith('api/')) throw new AppError('NOT_FOUND', 'not_found');
    const file = path === '' ? undefined : fileUnder(root, path);
    return reply.sendFile(file ?? PORTAL, { cacheControl: false });
  });
}
