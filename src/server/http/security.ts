// Response headers and request throttling. The CSP is strict: scripts only from our origin; inline styles
// are allowed because antd's CSS-in-JS injects them. The Swagger UI pages set their own, looser policy.
import type { IncomingMessage, ServerResponse } from 'node:http';
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance } from 'fastify';
import helmet from 'helmet';
import type { Config } from '../../config';
import { AppError } from '../../shared/errors';

export const CONTENT_SECURITY_POLICY = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:'],
  fontSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  frameAncestors: ["'none'"],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
};

/**
 * Helmet's response headers for our options. None depends on the request, so they are computed once at start-up
 * rather than by helmet's middleware on every answer (a profile of the program list under load found that middleware,
 * rebuilt per request by the Fastify wrapper, at about 5 % of the server's time).
 */
export function securityHeaders(config: Config): Record<string, string> {
  const headers: Record<string, string> = {};
  const collector = {
    setHeader(name: string, value: string | number | readonly string[]) {
      headers[name.toLowerCase()] = String(value);
    },
    removeHeader(name: string) {
      delete headers[name.toLowerCase()];
    },
  };
  const middleware = helmet({
    contentSecurityPolicy: { useDefaults: false, directives: CONTENT_SECURITY_POLICY },
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
    xFrameOptions: { action: 'deny' },
    // HSTS only where TLS is certain; a development server on http://127.0.0.1 must stay reachable.
    strictTransportSecurity: config.nodeEnv === 'production',
  });
  middleware({} as IncomingMessage, collector as unknown as ServerResponse, (error) => {
    if (error) throw error;
  });
  return headers;
}

export async function installSecurity(app: FastifyInstance, config: Config): Promise<void> {
  const headers = securityHeaders(config);
  app.addHook('onRequest', (_request, reply, done) => {
    reply.headers(headers);
    done();
  });
  // Pages and assets opt out per route (`config.rateLimit: false` in web-app.ts): they are static files, and a
  // cold workspace load alone fetches about twenty of them.
  await app.register(rateLimit, {
    global: true,
    max: config.rateLimit.globalPerMinute,
    timeWindow: 60_000,
    errorResponseBuilder: (_request, context) =>
      new AppError('RATE_LIMITED', 'rate_limited', { seconds: Math.max(1, Math.ceil(context.ttl / 1000)) }),
  });
}

/** The stricter limit for sign-in and registration: password guessing and account spraying. */
export function authRateLimit(config: Config) {
  return { max: config.rateLimit.loginPerMinute, timeWindow: 60_000 };
}
