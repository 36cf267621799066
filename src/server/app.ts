// The Fastify application: plugins, the hooks every request passes, the error funnel and the routes. No
// listening here — `main.ts` listens, tests call `app.inject()`.
import { randomUUID } from 'node:crypto';
import cookie from '@fastify/cookie';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance, type RouteOptions } from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { Config } from '../config';
import type { Database } from '../db/client';
import { errorBodySchema } from '../shared/api/primitives';
import { type Action, isAction } from '../shared/authz';
import { applicationsRoutes } from './applications/applications.routes';
import { inboxRoutes } from './applications/inbox.routes';
import { materialsRoutes } from './applications/materials.routes';
import { reviewRoutes } from './applications/review.routes';
import { auditRoutes } from './audit/audit.routes';
import { authRoutes } from './auth/auth.routes';
import { createPasswordHasher } from './auth/password';
import { awardsRoutes } from './awards/awards.routes';
import { calendarRoutes } from './calendar/calendar.routes';
import { createSealer, randomToken } from './crypto';
import type { ServerDeps } from './deps';
import { enterprisesRoutes } from './enterprises/enterprises.routes';
import { localFileStore } from './files/file-store';
import { installCompression } from './http/compression';
import { installErrorHandling } from './http/error-handler';
import { installRequestContext } from './http/request-context';
import { OneLinePerRequest } from './http/request-log';
import { installSecurity } from './http/security';
import { programsRoutes } from './programs/programs.routes';
import { rulesRoutes } from './rules/rules.routes';
import { systemRoutes } from './system/system.routes';
import { usersRoutes } from './users/users.routes';
import { VERSION } from './version';

export const DOCS_PREFIX = '/api/docs';

export interface RegisteredRoute {
  method: string;
  url: string;
  action: Action;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Every route with its authorization action, for the route-authorization test. */
    registeredRoutes: RegisteredRoute[];
  }
}

// A client's request id is echoed in logs, answers and audit events: only a short token of safe characters is
// taken (no spaces, quotes or line breaks that could forge a log line); anything else gets a fresh UUID.
const REQUEST_ID = /^[A-Za-z0-9._:-]{1,64}$/;

export interface AppDeps {
  db: Database;
  config: Config;
  clock?: () => Date;
  /** Where logs go (standard output when absent); tests read them to prove what is never logged. */
  logStream?: NodeJS.WritableStream;
}

export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const { config } = deps;
  const hasher = createPasswordHasher(config.argon2);
  const server: ServerDeps = {
    db: deps.db,
    config,
    clock: deps.clock ?? (() => new Date()),
    hasher,
    sealer: createSealer(config.encryptionKey),
    dummyHash: await hasher.hash(randomToken(16)),
    files: localFileStore(config.files.dir),
  };

  const app = Fastify({
    bodyLimit: config.bodyLimitBytes,
    trustProxy: config.trustProxy,
    requestIdHeader: false,
    genReqId: (request) => {
      const given = request.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    },
    logController: new OneLinePerRequest(),
    logger: {
      level: config.logLevel,
      ...(deps.logStream ? { stream: deps.logStream } : {}),
      // Belt and braces: the serializers below never log headers or bodies, and these paths stay redacted
      // should anyone log a request object by hand.
      redact: ['req.headers.cookie', 'req.headers.authorization', 'req.headers["x-csrf-token"]', 'req.body'],
      serializers: {
        req: (request: { method: string; url: string }) => ({
          method: request.method,
          // Query strings can carry search terms about people; the path is enough to trace a request.
          url: request.url.split('?')[0],
        }),
        res: (reply: { statusCode: number }) => ({ statusCode: reply.statusCode }),
      },
    },
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  const registeredRoutes: RegisteredRoute[] = [];
  app.decorate('registeredRoutes', registeredRoutes);
  app.addHook('onRoute', (route: RouteOptions) => {
    // The documentation plugin's own routes are public by nature; every other route must say what it does.
    if (route.url.startsWith(DOCS_PREFIX)) route.config = { ...route.config, action: 'public' };
    const action: unknown = route.config?.action;
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    if (!isAction(action)) {
      throw new Error(`Route ${methods.join(',')} ${route.url} declares no authorization action`);
    }
    for (const method of methods) registeredRoutes.push({ method, url: route.url, action });
    // Every API route can fail the same way; the OpenAPI document says so once per route.
    if (route.url.startsWith('/api/') && route.schema && !route.schema.hide) {
      route.schema.response = {
        '4xx': errorBodySchema,
        '5xx': errorBodySchema,
        ...(route.schema.response ?? {}),
      };
    }
  });

  acceptEmptyJsonBodies(app);
  await app.register(cookie, { secret: config.sessionSecret });
  await installSecurity(app, config);
  await installCompression(app);
  installRequestContext(app, server);
  installErrorHandling(app, config.bodyLimitBytes);

  await app.register(swagger, {
    openapi: {
      info: { title: 'Huiqi API', version: VERSION },
      components: {
        securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'huiqi_session' } },
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: DOCS_PREFIX, staticCSP: true });

  await app.register(systemRoutes, server);
  await app.register(authRoutes, server);
  await app.register(usersRoutes, server);
  await app.register(programsRoutes, server);
  await app.register(enterprisesRoutes, server);
  await app.register(applicationsRoutes, server);
  await app.register(reviewRoutes, server);
  await app.register(inboxRoutes, server);
  await app.register(materialsRoutes, server);
  await app.register(awardsRoutes, server);
  await app.register(auditRoutes, server);
  await app.register(rulesRoutes, server);
  await app.register(calendarRoutes, server);
  return app;
}

/**
 * Only JSON is accepted (anything else is 415). An empty body with a JSON content type — what many fetch
 * wrappers send for a bodiless POST — parses as "no body" instead of failing.
 */
function acceptEmptyJsonBodies(app: FastifyInstance) {
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    const text = body.toString();
    if (text.trim() === '') {
      done(null, undefined);
      return;
    }
    parseJson(request, text, done);
  });
}
