/**
 * Entry point: antd in Chinese, the auth context, and a router built from the declared routes.
 */
import 'antd/dist/reset.css';
import './global.css';
import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { StrictMode, Suspense } from 'react';
import { createRoot } from 'react-dom/client';
import { createBrowserRouter, RouterProvider } from 'react-router-dom';
import { z } from 'zod';
import zodZhCN from 'zod/v4/locales/zh-CN.js';
import { installScrollRegionAccess } from './app/a11y';
import { AuthProvider } from './app/auth';
import { BusinessDateProvider } from './app/business-date';
import { AccessGuard, RequireAuth } from './app/guards';
import { appRoutes } from './app/routes';
import { appTheme } from './app/theme';
import { Exception } from './components/Exception';
import { PageLoading } from './components/PageLoading';
import { RouteError } from './components/RouteError';
import { BasicLayout } from './layouts/BasicLayout';

dayjs.locale('zh-cn');
// Messages of the shared zod schemas (form checks) in Chinese, as on the server.
z.config(zodZhCN());

const router = createBrowserRouter([
  ...appRoutes
    .filter((route) => route.blank)
    .map((route) => ({
      path: route.path,
      errorElement: <RouteError />,
      element: (
        <Suspense fallback={<PageLoading />}>
          <route.page />
        </Suspense>
      ),
    })),
  {
    errorElement: <RouteError />,
    element: (
      <RequireAuth>
        <BasicLayout />
      </RequireAuth>
    ),
    children: [
      ...appRoutes
        .filter((route) => !route.blank)
        .map((route) => ({
          path: route.path,
          // Inside the layout, so the menu stays and the user can go elsewhere.
          errorElement: <RouteError />,
          element: (
            <AccessGuard access={route.access}>
              <route.page />
            </AccessGuard>
          ),
        })),
      { path: '*', element: <Exception status={404} /> },
    ],
  },
]);

const container = document.getElementById('root');
if (!container) throw new Error('#root is missing from index.html');

installScrollRegionAccess();
createRoot(container).render(
  <StrictMode>
    <ConfigProvider locale={zhCN} theme={appTheme}>
      <AntApp>
        <AuthProvider>
          <BusinessDateProvider>
            <RouterProvider router={router} />
          </BusinessDateProvider>
        </AuthProvider>
      </AntApp>
    </ConfigProvider>
  </StrictMode>,
);
