/**
 * The public bundle holds every public page (issue 15): a page anyone may open outside the layout is either in the
 * shared list the server sends public.html for, or one of the admin shell's own entrances (login, registration).
 * A new public page fails here until its path is in src/shared/public-pages.ts and its import in public-routes.ts
 * (rather than in routes.tsx).
 */
import { expect, test } from 'vitest';
import { PUBLIC_PAGE_PATHS } from '../../shared/public-pages';
import { publicRoutes } from './public-routes';
import { appRoutes } from './routes';

const SHELL_ENTRANCES = ['/login', '/register'];

test('every public stand-alone page of the app is served from the public bundle', () => {
  const publicPages = appRoutes.filter((route) => route.access === 'public' && route.blank).map((route) => route.path);
  expect(publicPages.filter((path) => !SHELL_ENTRANCES.includes(path)).sort()).toEqual([...PUBLIC_PAGE_PATHS].sort());
  expect(publicRoutes.map((route) => route.path)).toEqual([...PUBLIC_PAGE_PATHS]);
});
