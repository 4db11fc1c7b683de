/**
 * Calls to the API as a demo account, for what a browser test needs around the path it drives: moving the business
 * date (time passing), and preparing other units' applications that are not the subject of the test.
 */
import { type APIRequestContext, request } from 'playwright-core';
import { baseUrl, DEMO_PASSWORD } from './browser';

export interface ApiSession {
  get<T>(path: string, params?: Record<string, string>): Promise<T>;
  send<T>(method: 'POST' | 'PUT' | 'PATCH', path: string, data?: unknown): Promise<T>;
  dispose(): Promise<void>;
}

export async function apiAs(username: string, password = DEMO_PASSWORD): Promise<ApiSession> {
  const context: APIRequestContext = await request.newContext({ baseURL: baseUrl() });
  const login = await context.post('/api/v1/auth/login', { data: { username, password } });
  if (!login.ok()) throw new Error(`login as ${username} failed: ${login.status()} ${await login.text()}`);
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const check = async <T>(response: Awaited<ReturnType<APIRequestContext['get']>>, what: string): Promise<T> => {
    if (!response.ok()) throw new Error(`${what} as ${username}: ${response.status()} ${await response.text()}`);
    return (response.status() === 204 ? null : await response.json()) as T;
  };
  return {
    get: async (path, params) => check(await context.get(`/api/v1${path}`, { params }), `GET ${path}`),
    send: async (method, path, data) =>
      check(
        await context.fetch(`/api/v1${path}`, { method, data, headers: { 'X-CSRF-Token': csrfToken } }),
        `${method} ${path}`,
      ),
    dispose: () => context.dispose(),
  };
}

/** Moves the platform's business date (a demonstration deployment lets an admin do so). */
export async function setBusinessDate(date: string): Promise<void> {
  const admin = await apiAs('admin');
  try {
    await admin.send('PUT', '/system/business-date', { date });
  } finally {
    await admin.dispose();
  }
}
