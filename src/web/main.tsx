/**
 * The admin shell's entry (index.html): the logged-in layout and every page, each loaded when first opened. The
 * public pages have their own, smaller entry (public-main.tsx) which the server sends for their paths.
 */
import { createBrowserRouter, RouterProvider } from 'react-router-dom';
import { renderApp, standalonePageRoute } from './app/bootstrap';
import { BusinessDateProvider } from './app/business-date';
import { AccessGuard, RequireAuth } from './app/guards';
import { appRoutes } from './app/routes';
import { Exception } from './components/Exception';
import { RouteError } from './components/RouteError';
import { BasicLayout } from './layouts/BasicLayout';

const router = createBrowserRouter([
  ...appRoutes.filter((route) => route.blank).map(standalonePageRoute),
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

renderApp(
  <BusinessDateProvider>
    <RouterProvider router={router} />
  </BusinessDateProvider>,
);
