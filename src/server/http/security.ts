// Response headers and request throttling. The CSP is strict: scripts only from our origin; inline styles
// are allowed because antd's CSS-in-JS injects them. The Swagger UI pages set their own, looser policy.
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance } from 'fastify';
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

export async function installSecurity(app: FastifyInstance, config: Config): Promise<void> {
  await app.register(helmet, {
    contentSecurityPolicy: { useDefaults: false, directives: CONTENT_SECURITY_POLICY },
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
    xFrameOptions: { action: 'deny' },
    // HSTS only where TLS is certain; a development server on http://127.0.0.1 must stay reachable.
    strictTransportSecurity: config.nodeEnv === 'production',
  });
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
