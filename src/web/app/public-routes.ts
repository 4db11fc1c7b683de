/**
 * The pages of the public bundle (public.html, src/web/public-main.tsx), one per path of the shared list the server
 * also reads (src/shared/public-pages.ts). The admin shell's route table (routes.tsx) holds them too, so a logged-in
 * user reaches them without a page load. No icons or menus here: this module is part of the public first load.
 */
import { type ComponentType, type LazyExoticComponent, lazy } from 'react';
import { PUBLIC_PAGE_PATHS, type PublicPagePath } from '../../shared/public-pages';

const publicPages: Record<PublicPagePath, LazyExoticComponent<ComponentType>> = {
  '/registry': lazy(() => import('../pages/public/registry')),
  '/registry/:certificateNo': lazy(() => import('../pages/public/registry/detail')),
  '/publicity': lazy(() => import('../pages/public/publicity')),
  '/publicity/:id': lazy(() => import('../pages/public/publicity/detail')),
  '/typical-cases': lazy(() => import('../pages/public/typical-cases')),
  '/typical-cases/:id': lazy(() => import('../pages/public/typical-cases/detail')),
  '/objection-status': lazy(() => import('../pages/public/objection-status')),
  '/verify': lazy(() => import('../pages/verify')),
  // The guides library's public page (issue 13).
  '/public/guides': lazy(() => import('../pages/guides/public')),
  // rights (issue 12): the public report and follow pages
  '/rights/report': lazy(() => import('../pages/public/rights/report')),
  '/rights/follow': lazy(() => import('../pages/public/rights/follow')),
  '/help/public': lazy(() => import('../pages/help/public')),
};

export interface PublicRoute {
  path: PublicPagePath;
  access: 'public';
  blank: true;
  page: LazyExoticComponent<ComponentType>;
}

export const publicRoutes: readonly PublicRoute[] = PUBLIC_PAGE_PATHS.map((path) => ({
  path,
  access: 'public',
  blank: true,
  page: publicPages[path],
}));
