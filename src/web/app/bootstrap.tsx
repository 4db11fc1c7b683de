/**
 * The admin shell's start (main.tsx): antd and dayjs in Chinese, the theme, the auth context, keyboard access to
 * scroll regions, and a stand-alone page route. The public pages' entry (public-main.tsx) has its own, without antd.
 */
import 'antd/dist/reset.css';
import '../global.css';
import { ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { type ComponentType, lazy, type ReactNode, StrictMode, Suspense } from 'react';
import { createRoot } from 'react-dom/client';
import type { RouteObject } from 'react-router-dom';
import { PageLoading } from '../components/PageLoading';
import { installScrollRegionAccess } from './a11y';
import { AuthProvider } from './auth';
import { appTheme } from './theme';

// antd's App gives the pages message, notification and modal (App.useApp()); with its Modal and Form it weighs
// ~25 KB gzipped, so it is not part of the entries' first load (issue 15). Its chunk is fetched at start, in parallel
// with the session check (AuthProvider, outside it) that every page waits for, and wraps everything once loaded.
const antApp = import('antd/es/app');
const AntApp = lazy(() => antApp);
// Shown only when a page fails: not part of the first load (the public pages' entry has no other use of its Button).
const RouteError = lazy(() => import('../components/RouteError').then((module) => ({ default: module.RouteError })));

/** Renders the app into #root inside the providers every page relies on. */
export function renderApp(content: ReactNode): void {
  dayjs.locale('zh-cn');
  // Messages of the shared zod schemas (form checks) in Chinese, as on the server. Loaded beside the first page rather
  // than before it: zod is large and no page checks a form before it has loaded.
  void import('./zod-locale');
  const container = document.getElementById('root');
  if (!container) throw new Error('#root is missing from the page');
  installScrollRegionAccess();
  createRoot(container).render(
    <StrictMode>
      <ConfigProvider locale={zhCN} theme={appTheme}>
        <AuthProvider>
          <Suspense fallback={<PageLoading />}>
            <AntApp>{content}</AntApp>
          </Suspense>
        </AuthProvider>
      </ConfigProvider>
    </StrictMode>,
  );
}

/** A page outside any layout (login, the public pages): loaded lazily, with its own error boundary. */
export function standalonePageRoute(route: { path: string; page: ComponentType }): RouteObject {
  return {
    path: route.path,
    errorElement: (
      <Suspense fallback={<PageLoading />}>
        <RouteError />
      </Suspense>
    ),
    element: (
      <Suspense fallback={<PageLoading />}>
        <route.page />
      </Suspense>
    ),
  };
}
