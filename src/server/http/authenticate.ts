/**
 * Authenticates before validating: every API route that the OpenAPI document does not mark public (`security: []`)
 * answers an anonymous caller 401 before its schema looks at the input, so a caller without a session learns nothing
 * about the input an operation expects (e.g. the check character of a credit code). Runs as `preValidation`, after
 * the session hook has resolved the cookie (`onRequest`) and before zod validation.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { unauthenticated } from '../errors';

/** A route is public when its schema says it needs no security scheme (OpenAPI `security: []`). */
export function isPublicRoute(request: FastifyRequest): boolean {
  const security = (request.routeOptions.schema as { security?: unknown[] } | undefined)?.security;
  return Array.isArray(security) && security.length === 0;
}

export function requireAuthenticationFirst(scope: FastifyInstance): void {
  scope.addHook('preValidation', async (request) => {
    if (!request.ctx.actor && !isPublicRoute(request)) throw unauthenticated();
  });
}
