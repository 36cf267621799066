// Routes behind a role action run only after the authorization hook found a user; this makes that explicit
// to the type checker and fails closed if a route's action were ever `public` by mistake.
import type { FastifyRequest } from 'fastify';
import { AppError } from '../../shared/errors';
import type { AuthContext } from './context';

export function requireAuth(request: FastifyRequest): AuthContext {
  if (!request.auth) throw new AppError('UNAUTHENTICATED', 'unauthenticated');
  return request.auth;
}
