/**
 * Serves the built web app from a versioned folder. Each `vite build` writes `dist/web/<build-id>/` and then points
 * `dist/web/current` at it (http/web-build.ts, called from vite.config.ts). A server reads the pointer once at start and
 * keeps serving that folder, so a rebuild under a running instance never replaces the index.html or hashed assets it
 * hands out. An asset missing from its own folder (a browser holding another instance's index.html, behind one
 * load balancer) is looked up in every other version still present; an SPA route falls back to its own index.html,
 * or the current one if its folder has since been pruned. The public pages (shared/public-pages.ts) get public.html, the
 * entry of their own small bundle, instead of the admin shell's index.html.
 */
import { statSync } from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { isPublicPage } from '../../shared/public-pages';
import { projectPath } from '../paths';
import { currentWebBuild, type WebBuild, webBuildVersions } from './web-build';

export const WEB_DIST = projectPath('dist', 'web');

/** The public pages' HTML (src/web/public.html), beside the admin shell's index.html. */
const PUBLIC_HTML = 'public.html';
const HTML_CACHE = 'no-cache';
const ASSET_CACHE = 'public, max-age=31536000, immutable';

/** The request path as a file path relative to a build folder, or null when it could leave the folder. */
function relativeFile(url: string): string | null {
  let pathname: string;
  try {
    pathname = decodeURIComponent(url.split('?')[0] ?? '');
  } catch {
    return null;
  }
  const normalised = path.posix.normalize(pathname);
  if (!normalised.startsWith('/') || normalised.includes('\0') || normalised.split('/').includes('..')) return null;
  return normalised.slice(1);
}

function isFile(file: string): boolean {
  try {
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

function notFound(reply: FastifyReply) {
  return reply.status(404).send({ code: 'not_found', message: '请求的资源不存在' });
}

/**
 * Serves the web app (when built and `enabled`) and answers everything no route matched: JSON 404 under /api/ and
 * for other methods, the SPA's index.html for client-side routes.
 */
export async function installWebApp(
  app: FastifyInstance,
  { enabled = true, dist = WEB_DIST }: { enabled?: boolean; dist?: string } = {},
): Promise<WebBuild | null> {
  const build = enabled ? currentWebBuild(dist) : null;
  if (build) {
    await app.register(fastifyStatic, {
      root: build.root,
      // Looked up per request (not listed at start): the folder never changes, and this keeps start-up quick.
      wildcard: true,
      cacheControl: false,
      // Hashed assets never change under their name; index.html and other pages are revalidated every time.
      setHeaders: (reply, file) => {
        reply.header('Cache-Control', file.includes(`${path.sep}assets${path.sep}`) ? ASSET_CACHE : HTML_CACHE);
      },
    });
  }
  app.setNotFoundHandler((request, reply) => {
    if (request.url.startsWith('/api/') || !build || (request.method !== 'GET' && request.method !== 'HEAD')) {
      return notFound(reply);
    }
    const file = relativeFile(request.url);
    if (file === null) return notFound(reply);
    if (file.startsWith('assets/')) {
      // Another build's asset: a page loaded from an instance on a newer (or older) version.
      for (const version of webBuildVersions(dist)) {
        const root = path.join(dist, version);
        if (root !== build.root && isFile(path.join(root, file))) {
          return reply.code(200).sendFile(file, root);
        }
      }
      return notFound(reply);
    }
    // Client-side routes of the single-page app: this instance's index.html while its folder exists; the public
    // pages get their own small bundle's page (a build from before it had none: index.html, which holds them too).
    const root = isFile(path.join(build.root, 'index.html')) ? build.root : (currentWebBuild(dist)?.root ?? build.root);
    const page = isPublicPage(`/${file}`) && isFile(path.join(root, PUBLIC_HTML)) ? PUBLIC_HTML : 'index.html';
    return reply.code(200).sendFile(page, root);
  });
  return build;
}
