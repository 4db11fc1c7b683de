/**
 * The one way the browser talks to the server: JSON in and out, the session cookie, the CSRF header on every
 * state-changing request, and errors turned into `ApiError { status, code, message, fields }`. A 401 on any call
 * (other than the login and session probes) tells the auth context the session is gone.
 */
import type { FormInstance } from 'antd';
// App.useApp() without antd's App component, which brings Modal and Form into the first load (app/bootstrap.tsx).
import useAntApp from 'antd/es/app/useApp';
import { useCallback } from 'react';
import { SubmissionKeys } from './idempotency';
import type { FieldMessage } from './types';

export const API_BASE = '/api/v1';

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly fields: FieldMessage[];

  constructor(status: number, code: string, message: string, fields: FieldMessage[] = []) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.fields = fields;
  }
}

export type QueryValue = string | number | boolean | null | undefined;
export type Query = Record<string, QueryValue>;

interface RequestOptions {
  query?: Query;
  body?: unknown;
  /** Treat 401 as an ordinary error instead of ending the session (login form, session probe). */
  expect401?: boolean;
}

let csrfToken: string | null = null;
let unauthenticatedListener: (() => void) | null = null;

/** Remembers the CSRF token of the current session (from login or /auth/me). */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** The CSRF header for requests made outside this client (uploads with progress). */
export function csrfHeaders(): Record<string, string> {
  return csrfToken ? { 'X-CSRF-Token': csrfToken } : {};
}

/** Registers who to tell when the server says the session is gone; returns the unregister function. */
export function onUnauthenticated(listener: () => void): () => void {
  unauthenticatedListener = listener;
  return () => {
    if (unauthenticatedListener === listener) unauthenticatedListener = null;
  };
}

const SAFE_METHODS = new Set(['GET', 'HEAD']);

/** Every POST carries an Idempotency-Key: a retried submission is answered with its first result (idempotency.ts). */
const submissions = new SubmissionKeys();

/** Builds `/api/v1/path?…`, leaving out empty query values (the server's query schemas are strict). */
export function apiUrl(path: string, query?: Query): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const search = params.toString();
  return `${API_BASE}${path}${search ? `?${search}` : ''}`;
}

async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (!SAFE_METHODS.has(method) && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  const body = options.body === undefined ? undefined : JSON.stringify(options.body);
  const url = apiUrl(path, options.query);
  if (method === 'POST') headers['Idempotency-Key'] = submissions.keyFor(url, body ?? '');
  let response: Response;
  try {
    response = await fetch(url, { method, headers, credentials: 'same-origin', body });
  } catch {
    if (method === 'POST') submissions.settle(url, body ?? '', 0);
    throw new ApiError(0, 'network', '无法连接服务器，请检查网络后重试');
  }
  const data = parseJson(response.status === 204 ? '' : await response.text());
  if (method === 'POST') submissions.settle(url, body ?? '', response.status, (data as { code?: string } | null)?.code);
  if (!response.ok) throw failure(response.status, data, options.expect401);
  return data as T;
}

function parseJson(text: string): unknown {
  if (!text) return null;
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/** The ApiError of a refused request (body `{ code, message, fields }`); a 401 tells the auth context. */
function failure(status: number, data: unknown, expect401 = false): ApiError {
  const body = (data ?? {}) as { code?: unknown; message?: unknown; fields?: unknown };
  if (status === 401 && !expect401) unauthenticatedListener?.();
  return new ApiError(
    status,
    typeof body.code === 'string' ? body.code : 'http_error',
    typeof body.message === 'string' ? body.message : `请求失败（HTTP ${status}）`,
    Array.isArray(body.fields) ? (body.fields as FieldMessage[]) : [],
  );
}

/** The file name a download's Content-Disposition gives (RFC 5987 `filename*` first). */
function fileNameOf(disposition: string | null): string | null {
  const encoded = disposition?.match(/filename\*=UTF-8''([^;]+)/i)?.[1];
  if (encoded) return decodeURIComponent(encoded);
  return disposition?.match(/filename="([^"]+)"/i)?.[1] ?? null;
}

/** Saves `blob` on the visitor's computer as `fileName`, as a download link would. */
export function saveFile(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // The browser has taken the file once the click's task ends; the object URL is then only memory.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/**
 * Downloads a file the API makes (an export) and saves it under the server's name; a refusal throws the ApiError
 * the JSON calls would, so the one error handler shows it. Returns the file name.
 */
export async function download(path: string, query?: Query): Promise<string> {
  let response: Response;
  try {
    response = await fetch(apiUrl(path, query), { credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, 'network', '无法连接服务器，请检查网络后重试');
  }
  if (!response.ok) throw failure(response.status, parseJson(await response.text()));
  const fileName = fileNameOf(response.headers.get('content-disposition')) ?? 'download';
  saveFile(await response.blob(), fileName);
  return fileName;
}

export const api = {
  get: <T>(path: string, query?: Query, options: Omit<RequestOptions, 'query' | 'body'> = {}) =>
    request<T>('GET', path, { ...options, query }),
  post: <T>(path: string, body?: unknown, options: Omit<RequestOptions, 'body'> = {}) =>
    request<T>('POST', path, { ...options, body }),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, { body }),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, { body }),
  delete: <T>(path: string) => request<T>('DELETE', path),
};

/** "contacts.0.mobile" → ['contacts', 0, 'mobile'], the antd Form name path of a server field path. */
export function fieldNamePath(path: string): (string | number)[] {
  return path.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

/** Puts the server's field messages onto the form's fields; returns true if any field was marked. */
export function applyFieldErrors(form: FormInstance, fields: FieldMessage[]): boolean {
  const known = fields.filter((f) => f.path !== '');
  if (known.length === 0) return false;
  form.setFields(known.map((f) => ({ name: fieldNamePath(f.path), errors: [f.message] })));
  form.scrollToField(fieldNamePath(known[0]!.path), { block: 'center' });
  return true;
}

/**
 * The one request-error handler: shows the server's Chinese message and marks the offending form fields. A 401
 * has already ended the session (the layout sends the user to the login page), so it only says why.
 */
export function useApiErrorHandler(): (error: unknown, form?: FormInstance) => void {
  const { message } = useAntApp();
  return useCallback(
    (error: unknown, form?: FormInstance) => {
      if (error instanceof ApiError) {
        if (form) applyFieldErrors(form, error.fields);
        if (error.status === 401) message.warning(error.message || '登录已失效，请重新登录');
        else message.error(error.message);
        return;
      }
      console.error(error);
      message.error('操作失败，请稍后重试');
    },
    [message],
  );
}
