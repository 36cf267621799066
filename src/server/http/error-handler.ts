// The one error funnel: every failure — a domain AppError, a schema violation, Fastify's own parser errors,
// a rate limit, an unexpected exception — leaves as `{ code, message, details?, requestId }` in the user's
// language. Unexpected errors are logged in full and answered with INTERNAL only: database text never leaks.
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import {
  hasZodFastifySchemaValidationErrors,
  type ZodFastifySchemaValidationError,
} from 'fastify-type-provider-zod';
import { BLANK_TEXT, NUL_CHARACTER } from '../../shared/api/primitives';
import { AppError, type ErrorBody } from '../../shared/errors';
import { DEFAULT_LOCALE, type Locale, t } from '../../shared/i18n';

const ISSUE_CODES: Record<string, string> = {
  invalid_type: 'FIELD_INVALID_TYPE',
  too_small: 'FIELD_TOO_SMALL',
  too_big: 'FIELD_TOO_BIG',
  invalid_format: 'FIELD_INVALID_FORMAT',
  unrecognized_keys: 'FIELD_UNKNOWN',
  invalid_value: 'FIELD_INVALID_VALUE',
};
const CUSTOM_CODES = new Set([NUL_CHARACTER, BLANK_TEXT]);

function issueDetail(issue: ZodFastifySchemaValidationError, context: string | undefined, locale: Locale) {
  const segments = issue.instancePath.split('/').filter((s) => s !== '');
  const keys = Array.isArray(issue.params.keys) ? issue.params.keys.join(', ') : '';
  const path = segments.length > 0 ? segments.join('.') : (context ?? '');
  const custom = issue.keyword === 'custom' ? (issue.message ?? '') : '';
  const code = CUSTOM_CODES.has(custom) ? custom : (ISSUE_CODES[issue.keyword] ?? 'FIELD_INVALID');
  return { path: keys && path === '' ? keys : path, code, message: t(locale, `errors.${code}`, { keys }) };
}

/** Maps Fastify's own error codes (body parsing, content type, limits) to the product's vocabulary. */
function fromFastify(error: FastifyError, bodyLimit: number): AppError | undefined {
  switch (error.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new AppError('JSON_INVALID', 'validation');
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new AppError('PAYLOAD_TOO_LARGE', 'payload_too_large', { limit: bodyLimit });
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_ERR_CTP_INVALID_CONTENT_TYPE':
      return new AppError('UNSUPPORTED_MEDIA_TYPE', 'unsupported_media_type');
    default:
      break;
  }
  // secure-json-parse rejects `__proto__` keys with a SyntaxError and status 400.
  if (error instanceof SyntaxError && error.statusCode === 400)
    return new AppError('JSON_INVALID', 'validation');
  if (error.statusCode === 429) return new AppError('RATE_LIMITED', 'rate_limited', { seconds: 60 });
  if (error.statusCode === 413)
    return new AppError('PAYLOAD_TOO_LARGE', 'payload_too_large', { limit: bodyLimit });
  if (error.statusCode === 415) return new AppError('UNSUPPORTED_MEDIA_TYPE', 'unsupported_media_type');
  if (error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500 && error.code) {
    return new AppError('BAD_REQUEST', 'validation');
  }
  return undefined;
}

function errorBody(error: AppError, locale: Locale, requestId: string): ErrorBody {
  const body: ErrorBody = {
    code: error.code,
    message: t(locale, `errors.${error.code}`, error.params),
    requestId,
  };
  if (error.details.length > 0) {
    body.details = error.details.map((d) => ({
      ...(d.path === undefined ? {} : { path: d.path }),
      code: d.code,
      message: d.message ?? t(locale, `errors.${d.code}`, d.params),
    }));
  }
  return body;
}

export function installErrorHandling(app: FastifyInstance, bodyLimit: number): void {
  app.setErrorHandler((error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    const locale = request.locale ?? DEFAULT_LOCALE;
    if (hasZodFastifySchemaValidationErrors(error)) {
      const details = error.validation.map((issue) => issueDetail(issue, error.validationContext, locale));
      const body: ErrorBody = {
        code: 'VALIDATION_FAILED',
        message: t(locale, 'errors.VALIDATION_FAILED'),
        details,
        requestId: request.id,
      };
      return reply.status(400).send(body);
    }
    const known = error instanceof AppError ? error : fromFastify(error, bodyLimit);
    if (known) {
      if (known.status >= 500) request.log.error({ err: error }, 'request failed');
      // A client (the sign-in page) can say how long to wait without parsing the message (RFC 9110 §10.2.3).
      if (known.kind === 'rate_limited' && typeof known.params.seconds === 'number')
        reply.header('retry-after', String(known.params.seconds));
      return reply.status(known.status).send(errorBody(known, locale, request.id));
    }
    request.log.error({ err: error }, 'unexpected error');
    return reply.status(500).send(errorBody(new AppError('INTERNAL', 'internal'), locale, request.id));
  });

  app.setNotFoundHandler((request, reply) => {
    const error = new AppError('NOT_FOUND', 'not_found');
    return reply.status(404).send(errorBody(error, request.locale ?? DEFAULT_LOCALE, request.id));
  });
}
