/**
 * The public pages' entry (public.html: registry, publicity, typical cases, verify…): only those pages, without the
 * admin shell's layout, menu and page table, so a visitor downloads a small bundle (issue 15). The server sends
 * public.html for exactly the paths of src/shared/public-pages.ts; a link to any other page (login, the workbench)
 * loads that page from the server, which answers with the admin shell.
 */
import { lazy, Suspense, useEffect } from 'react';
import { createBrowserRouter, matchRoutes, RouterProvider, useLocation } from 'react-router-dom';
import { isPublicPage } from '../shared/public-pages';
import { renderApp, standalonePageRoute } from './app/bootstrap';
import { publicRoutes } from './app/public-routes';
import { PageLoading } from './components/PageLoading';

const Exception = lazy(() => import('./components/Exception').then((module) => ({ default: module.Exception })));

/** Any page this bundle does not hold: a full load from the server, which serves it with the admin shell. */
function OutsidePublicPages() {
  const { pathname, search, hash } = useLocation();
  const outside = !isPublicPage(pathname);
  useEffect(() => {
    if (outside) window.location.replace(`${pathname}${search}${hash}`);
  }, [outside, pathname, search, hash]);
  if (outside) return <PageLoading />;
  return (
    <Suspense fallback={<PageLoading />}>
      <Exception status={404} />
    </Suspense>
  );
}

const router = createBrowserRouter([
  ...publicRoutes.map(standalonePageRoute),
  { path: '*', element: <OutsidePublicPages /> },
]);

// The page's code starts loading now, beside the providers' (app/bootstrap.tsx), not after them.
void matchRoutes([...publicRoutes], window.location)?.[0]?.route.load();
renderApp(<RouterProvider router={router} />);
