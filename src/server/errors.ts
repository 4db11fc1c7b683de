/**
 * One error type for everything the server refuses on purpose. `code` decides the HTTP status; `message` is the
 * Chinese text safe to show a user; `fields` names the offending input fields.
 */
export const ERROR_STATUS = {
  validation_failed: 400,
  bad_request: 400,
  unauthenticated: 401,
  forbidden: 403,
  csrf_failed: 403,
  not_found: 404,
  conflict: 409,
  duplicate: 409,
  invalid_transition: 409,
  /** Assessment results published while hand-scored indicators are still unscored (allowed only when asked for). */
  scores_pending: 409,
  /** Idempotency-Key (src/server/idempotency.ts): a malformed key, a key reused for another request, one in flight. */
  idempotency_key_invalid: 400,
  idempotency_key_reused: 422,
  idempotency_in_progress: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  internal: 500,
  unavailable: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export interface FieldError {
  path: string;
  message: string;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly fields?: FieldError[];
  readonly details?: Record<string, unknown>;

  constructor(
    code: ErrorCode,
    message: string,
    options: { fields?: FieldError[]; details?: Record<string, unknown>; cause?: unknown } = {},
  ) {
    super(message, { cause: options.cause });
    this.code = code;
    this.fields = options.fields;
    this.details = options.details;
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

export const notFound = (what: string) => new AppError('not_found', `${what}不存在或无权查看`);
export const forbidden = (message = '无权执行此操作') => new AppError('forbidden', message);
/** Seconds a client is told to wait (Retry-After) when the database is briefly unreachable. */
export const UNAVAILABLE_RETRY_AFTER_SECONDS = 2;
export const databaseUnavailable = (cause?: unknown) =>
  new AppError('unavailable', '数据库暂时不可用，请稍后重试', { cause });
export const unauthenticated = () => new AppError('unauthenticated', '请先登录');
