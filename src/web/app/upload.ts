/**
 * Uploads one attachment (POST /api/v1/attachments, multipart field `file`; the public objection form posts to its
 * notice's /publicity/:id/attachments) with progress and cancellation. XHR rather than fetch: fetch reports no
 * upload progress. Stored content-addressed; the answer names the SHA-256. `attachmentUrl` is where a record's
 * file is downloaded from.
 */
import { TOO_LARGE_MESSAGE, uploadProblem } from '../../shared/attachments';
import { ApiError, apiUrl, csrfHeaders } from './api';
import type { FieldMessage } from './types';

export interface UploadedAttachment {
  sha256: string;
  size: number;
  mimeType: string;
  fileName: string;
}

export interface UploadOptions {
  /** The upload route under /api/v1; default /attachments (logged-in users). */
  path?: string;
  /** Fraction sent, 0–100. */
  onProgress?: (percent: number) => void;
  signal?: AbortSignal;
}

function send(file: File, options: UploadOptions): Promise<UploadedAttachment> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    const abort = () => xhr.abort();
    options.signal?.addEventListener('abort', abort, { once: true });
    const done = () => options.signal?.removeEventListener('abort', abort);
    xhr.open('POST', apiUrl(options.path ?? '/attachments'));
    xhr.withCredentials = true;
    xhr.setRequestHeader('Accept', 'application/json');
    for (const [name, value] of Object.entries(csrfHeaders())) xhr.setRequestHeader(name, value);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) options.onProgress?.((event.loaded / event.total) * 100);
    };
    xhr.onload = () => {
      done();
      let body: { code?: unknown; message?: unknown; fields?: unknown } & Partial<UploadedAttachment> = {};
      try {
        body = JSON.parse(xhr.responseText || '{}');
      } catch {
        body = {};
      }
      if (xhr.status >= 200 && xhr.status < 300) {
        resolve(body as UploadedAttachment);
        return;
      }
      const fallback = xhr.status === 413 ? TOO_LARGE_MESSAGE : `上传失败（HTTP ${xhr.status}）`;
      reject(
        new ApiError(
          xhr.status,
          typeof body.code === 'string' ? body.code : 'http_error',
          typeof body.message === 'string' ? body.message : fallback,
          Array.isArray(body.fields) ? (body.fields as FieldMessage[]) : [],
        ),
      );
    };
    xhr.onerror = () => {
      done();
      reject(new ApiError(0, 'network', '无法连接服务器，请检查网络后重试'));
    };
    xhr.onabort = () => {
      done();
      reject(new ApiError(0, 'aborted', '已取消上传'));
    };
    const form = new FormData();
    form.append('file', file, file.name);
    xhr.send(form);
  });
}

/**
 * Uploads the file; rejects with an ApiError carrying the server's Chinese message. A file the server would refuse
 * for its size or type is refused here, before a byte is sent (the same limits, src/shared/attachments.ts).
 */
export function uploadAttachment(file: File, options: UploadOptions = {}): Promise<UploadedAttachment> {
  const problem = uploadProblem(file);
  if (problem) return Promise.reject(new ApiError(400, 'validation_failed', problem));
  return send(file, options);
}

/** The download address of a file through the record that references it, e.g. `/applications/<id>`. */
export function attachmentUrl(recordPath: string, sha256: string): string {
  return apiUrl(`${recordPath}/attachments/${sha256}`);
}
