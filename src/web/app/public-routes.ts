/**
 * The pages of the public bundle (public.html, src/web/public-main.tsx), one per path of the shared list the server
 * also reads (src/shared/public-pages.ts). The admin shell's route table (routes.tsx) holds them too, so a logged-in
 * user reaches them without a page load. No icons or menus here: this module is part of the public first load.
 */
import { type ComponentType, type LazyExoticComponent, lazy } from 'react';
import { PUBLIC_PAGE_PATHS, type PublicPagePath } from '../../shared/public-pages';

type PageModule = Promise<{ default: ComponentType }>;

const publicPages: Record<PublicPagePath, () => PageModule> = {
  '/registry': () => import('../pages/public/registry'),
  '/registry/:certificateNo': () => import('../pages/public/registry/detail'),
  '/publicity': () => import('../pages/public/publicity'),
  '/publicity/:id': () => import('../pages/public/publicity/detail'),
  '/typical-cases': () => import('../pages/public/typical-cases'),
  '/typical-cases/:id': () => import('../pages/public/typical-cases/detail'),
  '/objection-status': () => import('../pages/public/objection-status'),
  '/verify': () => import('../pages/verify'),
  // The guides library's public page (issue 13).
  '/public/guides': () => import('../pages/guides/public'),
  // rights (issue 12): the public report and follow pages
  '/rights/report': () => import('../pages/public/rights/report'),
  '/rights/follow': () => import('../pages/public/rights/follow'),
  '/help/public': () => import('../pages/help/public'),
};

/**
 * The pages built on the public pages' own light components (pages/public/ui.tsx), without antd: the public entry
 * shows them as they are. The others still use antd, which the public entry loads with them (app/antd-frame.tsx).
 */
export const LIGHT_PAGES: ReadonlySet<PublicPagePath> = new Set<PublicPagePath>([
  '/registry',
  '/registry/:certificateNo',
  '/verify',
  '/typical-cases',
  '/typical-cases/:id',
  '/publicity',
  '/publicity/:id',
  '/objection-status',
  '/public/guides',
  '/rights/follow',
  '/rights/report',
  '/help/public',
]);

export interface PublicRoute {
  path: PublicPagePath;
  access: 'public';
  blank: true;
  page: LazyExoticComponent<ComponentType>;
  /** Starts loading the page's code (the same request `page` makes when it first renders). */
  load: () => PageModule;
  /** Built without antd (LIGHT_PAGES). */
  light: boolean;
}

export const publicRoutes: readonly PublicRoute[] = PUBLIC_PAGE_PATHS.map((path) => ({
  path,
  access: 'public',
  blank: true,
  page: lazy(publicPages[path]),
  load: publicPages[path],
  light: LIGHT_PAGES.has(path),
}));
