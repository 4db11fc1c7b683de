/** Schemas shared by several routes: errors, paging, ids. */
import { z } from 'zod';
import type { Config } from '../config';

export const ErrorSchema = z.object({
  code: z.string(),
  message: z.string(),
  fields: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  /** With an illegal workflow action (409): the actions allowed in the current state. */
  allowed: z.array(z.string()).optional(),
  /** A machine-readable reason for a refused action (e.g. quota_full, conflict_of_interest). */
  reason: z.string().optional(),
});

export const errorResponses = {
  400: ErrorSchema,
  401: ErrorSchema,
  403: ErrorSchema,
  404: ErrorSchema,
  409: ErrorSchema,
  503: ErrorSchema,
} as const;

export const IdParams = z.object({ id: z.uuid('编号格式不正确') }).strict();

/** A record and one of its stored files, by content hash (…/:id/attachments/:sha256). */
export const AttachmentParams = z
  .object({
    id: z.uuid('编号格式不正确'),
    sha256: z.string().regex(/^[0-9a-f]{64}$/, '附件标识应为64位十六进制 SHA-256'),
  })
  .strict();

/** What an upload answers: the content hash to name in a record, and what the server detected. */
export const StoredAttachmentSchema = z.object({
  sha256: z.string(),
  size: z.number(),
  mimeType: z.string(),
  fileName: z.string(),
});

export const PagingQuery = {
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
};

/** Dates leave the server as ISO 8601 strings (JSON.stringify of a Date); OpenAPI shows them as date-time. */
export const DateTime = z.date();

export const FieldWarnings = z.array(z.object({ path: z.string(), message: z.string() }));

export const pageOf = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), total: z.number().int() });

/**
 * The platform's public address for links printed on documents (QR codes on certificates and plaques): always from
 * configuration, never from the request, whose Host (and X-Forwarded-Host, with trustProxy) the caller chooses — a
 * forged Host would otherwise print an attacker's address on an official paper. PUBLIC_BASE_URL, or else the address
 * the server listens on (HOST:PORT, a wildcard HOST read as localhost): right on a single machine, visibly local
 * elsewhere, and never someone else's.
 */
export const publicBase = (config: Pick<Config, 'PUBLIC_BASE_URL' | 'HOST' | 'PORT'>) => {
  if (config.PUBLIC_BASE_URL) return config.PUBLIC_BASE_URL;
  const host = ['0.0.0.0', '::', '[::]', ''].includes(config.HOST) ? 'localhost' : config.HOST;
  return `http://${host.includes(':') && !host.startsWith('[') ? `[${host}]` : host}:${config.PORT}`;
};
