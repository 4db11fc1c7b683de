/**
 * Files over HTTP, shared by every route that takes an upload or sends a stored attachment back: reading the one
 * multipart `file` field within the size limit, and answering with the file's detected type and its (UTF-8) name.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { MAX_ATTACHMENT_BYTES, TOO_LARGE_MESSAGE } from '../../shared/attachments';
import { AppError } from '../errors';

/** The uploaded file's bytes and the name the browser gave it; 400/413/415 in Chinese otherwise. */
export async function readUpload(request: FastifyRequest): Promise<{ content: Buffer; fileName: string }> {
  if (!request.isMultipart()) throw new AppError('unsupported_media_type', '请以 multipart/form-data 上传文件');
  const file = await request.file({ limits: { fileSize: MAX_ATTACHMENT_BYTES, files: 1 } });
  if (!file)
    throw new AppError('validation_failed', '请选择文件', { fields: [{ path: 'file', message: '请选择文件' }] });
  const content = await file.toBuffer().catch((error: unknown) => {
    throw new AppError('payload_too_large', TOO_LARGE_MESSAGE, { cause: error });
  });
  return { content, fileName: file.filename };
}

/**
 * `Content-Disposition: attachment` with the name as RFC 5987 UTF-8 (`filename*`) and an ASCII fallback for old
 * clients (non-ASCII characters, quotes and backslashes replaced).
 */
export function contentDisposition(fileName: string, asciiFallback?: string): string {
  const ascii = (asciiFallback ?? fileName).replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

/** Sends a stored file as a download: its detected MIME type, never sniffed, never rendered inline. */
export function sendFile(reply: FastifyReply, file: { fileName: string; mimeType: string; content: Buffer }) {
  return reply
    .header('content-type', file.mimeType)
    .header('content-disposition', contentDisposition(file.fileName))
    .header('x-content-type-options', 'nosniff')
    .send(file.content);
}
