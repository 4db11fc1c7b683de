/**
 * The public pages that anyone may open without logging in and that the web app serves from its own small bundle
 * (public.html, src/web/public-main.tsx), not the admin shell (issue 15). The server answers these paths with
 * public.html (http/web-assets.ts); the web app declares one page per path (src/web/app/public-routes.ts).
 * Login and self-registration stay in the admin shell: they lead into it.
 */
export const PUBLIC_PAGE_PATHS = [
  '/registry',
  '/registry/:certificateNo',
  '/publicity',
  '/publicity/:id',
  '/typical-cases',
  '/typical-cases/:id',
  '/objection-status',
  '/verify',
  '/public/guides',
  '/rights/report',
  '/rights/follow',
  '/help/public',
] as const;

export type PublicPagePath = (typeof PUBLIC_PAGE_PATHS)[number];

/** Whether a location's path (no query) is one of the public pages; a `:param` matches any one segment. */
export function isPublicPage(pathname: string): boolean {
  const segments = pathname.replace(/\/+$/, '').split('/');
  return PUBLIC_PAGE_PATHS.some((pattern) => {
    const parts = pattern.split('/');
    return (
      parts.length === segments.length &&
      parts.every((part, i) => (part.startsWith(':') ? segments[i] !== '' : part === segments[i]))
    );
  });
}
