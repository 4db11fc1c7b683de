/**
 * Turns every error into `{ code, message, fields? }` with a Chinese message. Validation problems name their
 * fields; anything unexpected is logged and answered with a generic 500 that leaks nothing.
 */
import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { isConnectionLoss } from '../db/client';
import { AppError, databaseUnavailable, type FieldError, UNAVAILABLE_RETRY_AFTER_SECONDS } from '../errors';

const FASTIFY_CLIENT_ERRORS: Record<string, { code: string; message: string }> = {
  FST_ERR_CTP_INVALID_JSON_BODY: { code: 'bad_request', message: '请求体不是有效的 JSON' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { code: 'bad_request', message: '请求体为空' },
  FST_ERR_CTP_BODY_TOO_LARGE: { code: 'payload_too_large', message: '请求体过大' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { code: 'unsupported_media_type', message: '不支持的请求内容类型' },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { code: 'bad_request', message: '请求长度与内容不符' },
};

const STATUS_ERRORS: Record<number, { code: string; message: string }> = {
  413: { code: 'payload_too_large', message: '请求体过大' },
  415: { code: 'unsupported_media_type', message: '不支持的请求内容类型' },
  429: { code: 'rate_limited', message: '请求过于频繁，请稍后再试' },
};

/** "30 秒" under two minutes, whole minutes (rounded up) above: what a person reads to know when to retry. */
export function retryWait(ms: number): string {
  const seconds = Math.max(1, Math.ceil(ms / 1000));
  return seconds < 120 ? `${seconds} 秒` : `${Math.ceil(seconds / 60)} 分钟`;
}

/** The refusal of a rate-limited request, naming when to try again (the Retry-After header says it in seconds). */
export function rateLimited(ttlMs: number): AppError {
  const retryAfterSeconds = Math.max(1, Math.ceil(ttlMs / 1000));
  return new AppError('rate_limited', `请求过于频繁，请在 ${retryWait(ttlMs)}后再试`, {
    details: { retryAfterSeconds },
  });
}

export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (!(error instanceof AppError) && isConnectionLoss(error)) {
      // The database dropped the connection or cannot be reached right now: the pool reconnects on the next query,
      // so the client is told to retry shortly, not that the server failed. A write cut off at its COMMIT may or may
      // not have been applied; the client retries it as any request without an answer.
      request.log.warn({ err: error }, 'database unavailable');
      const unavailable = databaseUnavailable(error);
      return reply
        .status(unavailable.status)
        .header('retry-after', String(UNAVAILABLE_RETRY_AFTER_SECONDS))
        .send({ code: unavailable.code, message: unavailable.message });
    }
    if (error instanceof AppError) {
      const retryAfter = error.details?.retryAfterSeconds;
      if (error.code === 'rate_limited' && typeof retryAfter === 'number')
        reply.header('retry-after', String(retryAfter));
      return reply.status(error.status).send({
        code: error.code,
        message: error.message,
        ...(error.fields ? { fields: error.fields } : {}),
        ...(error.details ?? {}),
      });
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const fields: FieldError[] = error.validation.map((v) => ({
        path: v.instancePath.replace(/^\//, '').replaceAll('/', '.'),
        message:
          v.keyword === 'unrecognized_keys'
            ? `不允许的字段：${(v.params.keys as string[] | undefined)?.join('、')}`
            : (v.message ?? '格式不正确'),
      }));
      const where =
        error.validationContext === 'querystring'
          ? '查询参数'
          : error.validationContext === 'params'
            ? '路径参数'
            : '请求内容';
      return reply.status(400).send({
        code: 'validation_failed',
        message: `${where}有误：${fields.map((f) => (f.path ? `${f.path}：${f.message}` : f.message)).join('；')}`,
        fields,
      });
    }
    if (isResponseSerializationError(error)) {
      request.log.error({ err: error, cause: error.cause }, 'response did not match its schema');
      return reply.status(500).send({ code: 'internal', message: '服务器内部错误，请稍后重试' });
    }
    const status = error.statusCode ?? 500;
    const known = (error.code ? FASTIFY_CLIENT_ERRORS[error.code] : undefined) ?? STATUS_ERRORS[status];
    if (known || (status >= 400 && status < 500)) {
      return reply.status(status).send({
        code: known?.code ?? 'bad_request',
        message: known?.message ?? '请求无效',
      });
    }
    request.log.error({ err: error }, 'unhandled error');
    return reply.status(500).send({ code: 'internal', message: '服务器内部错误，请稍后重试' });
  });
}
