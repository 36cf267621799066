// One error vocabulary for the whole product. A domain error carries a stable code (its message lives in
// locales/<locale>/errors.json under the same code) and a kind; the kind alone decides the HTTP status.
import type { MessageParams } from './i18n';

export const ERROR_KINDS = {
  validation: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  unprocessable: 422,
  locked: 423,
  rate_limited: 429,
  internal: 500,
  unavailable: 503,
} as const;
export type ErrorKind = keyof typeof ERROR_KINDS;

export interface ErrorDetail {
  /** JSON path or field name the detail is about, e.g. `clauses[0].formula.rate` or `line 12`. */
  path?: string;
  code: string;
  message?: string;
  params?: MessageParams;
}

export class AppError extends Error {
  constructor(
    readonly code: string,
    readonly kind: ErrorKind,
    readonly params: MessageParams = {},
    readonly details: ErrorDetail[] = [],
  ) {
    super(code);
    this.name = 'AppError';
  }

  get status(): number {
    return ERROR_KINDS[this.kind];
  }
}

/** The body every API error answers with. */
export interface ErrorBody {
  code: string;
  message: string;
  details?: { path?: string; code: string; message: string }[];
  requestId?: string;
}
