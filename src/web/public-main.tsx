/**
 * The public pages' entry (public.html: registry, publicity, typical cases, verify…): only those pages, without the
 * admin shell's layout, menu and page table, and without antd, so a visitor downloads a small bundle (issue 15):
 * React, the router, the session check and the page, built on pages/public/ui.tsx. Pages still built on antd get
 * antd's providers loaded with them (app/antd-frame.tsx). The server sends public.html for exactly the paths of
 * src/shared/public-pages.ts; a link to any other page (login, the workbench) loads that page from the server, which
 * answers with the admin shell.
 */
import 'antd/dist/reset.css';
import './global.css';
import './pages/public/public.css';
import { type ComponentType, lazy, type ReactNode, StrictMode, Suspense, useEffect } from 'react';
import { createRoot } from 'react-dom/client';
import { createBrowserRouter, matchRoutes, RouterProvider, useLocation } from 'react-router-dom';
import { isPublicPage } from '../shared/public-pages';
import { installScrollRegionAccess } from './app/a11y';
import { AuthProvider } from './app/auth';
import { type PublicRoute, publicRoutes } from './app/public-routes';
import { Loading } from './pages/public/ui';

const AntdFrame = lazy(() => import('./app/antd-frame'));
const Exception = lazy(() => import('./components/Exception').then((module) => ({ default: module.Exception })));
const RouteError = lazy(() => import('./components/RouteError').then((module) => ({ default: module.RouteError })));

/** Content built on antd, inside antd's providers, both loaded when first shown. */
function WithAntd({ children }: { children: ReactNode }) {
  return (
    <Suspense fallback={<Loading />}>
      <AntdFrame>{children}</AntdFrame>
    </Suspense>
  );
}

/** Any page this bundle does not hold: a full load from the server, which serves it with the admin shell. */
function OutsidePublicPages() {
  const { pathname, search, hash } = useLocation();
  const outside = !isPublicPage(pathname);
  useEffect(() => {
    if (outside) window.location.replace(`${pathname}${search}${hash}`);
  }, [outside, pathname, search, hash]);
  if (outside) return <Loading />;
  return (
    <WithAntd>
      <Exception status={404} />
    </WithAntd>
  );
}

function pageRoute(route: PublicRoute) {
  const Page: ComponentType = route.page;
  const page = (
    <Suspense fallback={<Loading />}>
      <Page />
    </Suspense>
  );
  return {
    path: route.path,
    errorElement: (
      <WithAntd>
        <RouteError />
      </WithAntd>
    ),
    element: route.light ? page : <WithAntd>{page}</WithAntd>,
  };
}

const router = createBrowserRouter([...publicRoutes.map(pageRoute), { path: '*', element: <OutsidePublicPages /> }]);

// The page's code starts loading now, beside React's start and the session check, not after them; an antd page's
// providers too.
const first = matchRoutes([...publicRoutes], window.location)?.[0]?.route;
void first?.load();
if (first && !first.light) void import('./app/antd-frame');

const container = document.getElementById('root');
if (!container) throw new Error('#root is missing from the page');
installScrollRegionAccess();
createRoot(container).render(
  <StrictMode>
    <AuthProvider>
      <RouterProvider router={router} />
    </AuthProvider>
  </StrictMode>,
);
