/**
 * Web bundle benchmark (issue 15): the JavaScript a browser must fetch, gzipped, for the admin shell (index.html)
 * before first paint against its goal of 250 KB, and for each public page (public.html: registry, verify, publicity,
 * typical cases…) until the page shows against the goal of 120 KB; the goals are this benchmark's baseline. "First
 * load" is an HTML entry's chunk plus every chunk it imports statically, transitively (Vite's manifest), which the
 * HTML preloads. "Until a page shows" adds the page's chunk and its static imports, and for a public page still built
 * on antd the antd providers the public entry loads with it (app/antd-frame.tsx). Builds the web app first
 * (`vite build`, a few seconds) unless BENCH_BUNDLE_BUILD=0, then reads dist/web/current.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { currentWebBuild } from '../src/server/http/web-build';
import type { PublicPagePath } from '../src/shared/public-pages';
import { LIGHT_PAGES } from '../src/web/app/public-routes';

interface ManifestChunk {
  file: string;
  name?: string;
  src?: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
}
type Manifest = Record<string, ManifestChunk>;

/** Goals of issue 15, in bytes of gzipped JavaScript (1 KB = 1,000 bytes, as Vite prints sizes). */
export const FIRST_LOAD_GOALS = { 'public.html': 120_000, 'index.html': 250_000 } as const;

export interface FirstLoad {
  entry: string;
  files: string[];
  gzipBytes: number;
}

const gzipSize = (root: string, file: string) => gzipSync(readFileSync(path.join(root, file))).length;

/**
 * Chunks the admin shell's app/bootstrap.tsx imports as soon as it runs, beside the session check and the first
 * page: antd's App (message, notification, modal) and zod's Chinese messages. The public entry has none.
 */
const STARTED_AT_BOOT = (chunk: ManifestChunk) => chunk.name === 'app' || chunk.src === 'app/zod-locale.ts';

/** Pages of the admin shell a first visit typically opens: what a visitor downloads before that page shows. */
const ADMIN_FIRST_PAGES = ['pages/auth/login/index.tsx', 'pages/home/dashboard/index.tsx'];

/** Each public page's module (app/public-routes.ts), for the goal rows "until /registry shows" etc. */
const PUBLIC_PAGE_SOURCES: Record<PublicPagePath, string> = {
  '/registry': 'pages/public/registry/index.tsx',
  '/registry/:certificateNo': 'pages/public/registry/detail.tsx',
  '/verify': 'pages/verify/index.tsx',
  '/publicity': 'pages/public/publicity/index.tsx',
  '/publicity/:id': 'pages/public/publicity/detail.tsx',
  '/typical-cases': 'pages/public/typical-cases/index.tsx',
  '/typical-cases/:id': 'pages/public/typical-cases/detail.tsx',
  '/objection-status': 'pages/public/objection-status/index.tsx',
  '/public/guides': 'pages/guides/public.tsx',
  '/rights/report': 'pages/public/rights/report.tsx',
  '/rights/follow': 'pages/public/rights/follow.tsx',
  '/help/public': 'pages/help/public.tsx',
};

/** What the public entry loads with a page still built on antd: antd's providers (public-main.tsx). */
const ANTD_FRAME = 'app/antd-frame.tsx';

export interface PublicPageLoad extends FirstLoad {
  path: PublicPagePath;
  light: boolean;
}

/** For each public page, the JavaScript a visitor downloads until it shows: entry, page, antd if the page needs it. */
export function measurePublicPages(root: string, manifest: Manifest): PublicPageLoad[] {
  return (Object.entries(PUBLIC_PAGE_SOURCES) as [PublicPagePath, string][]).map(([path, source]) => {
    const light = LIGHT_PAGES.has(path);
    const load = measureFirstLoad(root, manifest, 'public.html', source, ...(light ? [] : [ANTD_FRAME]));
    return { ...load, path, light };
  });
}

/** The JavaScript files an HTML entry loads on first paint: its chunk and its static imports, transitively. */
export function firstLoadFiles(manifest: Manifest, ...entries: string[]): string[] {
  const files: string[] = [];
  const seen = new Set<string>();
  const visit = (key: string) => {
    if (seen.has(key)) return;
    seen.add(key);
    const chunk = manifest[key];
    if (!chunk) throw new Error(`${key} is not in the Vite manifest`);
    files.push(chunk.file);
    for (const imported of chunk.imports ?? []) visit(imported);
  };
  for (const entry of entries) visit(entry);
  return files.filter((file) => file.endsWith('.js'));
}

export function readManifest(root: string): Manifest {
  return JSON.parse(readFileSync(path.join(root, '.vite', 'manifest.json'), 'utf8')) as Manifest;
}

export function measureFirstLoad(root: string, manifest: Manifest, ...entries: string[]): FirstLoad {
  const files = firstLoadFiles(manifest, ...entries);
  return { entry: entries[0]!, files, gzipBytes: files.reduce((sum, file) => sum + gzipSize(root, file), 0) };
}

const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} KB`;

export async function runBundleBench(): Promise<void> {
  const dist = path.resolve(import.meta.dirname, '..', 'dist', 'web');
  if (process.env.BENCH_BUNDLE_BUILD !== '0') {
    const { build } = await import('vite');
    await build({ configFile: path.resolve(import.meta.dirname, '..', 'vite.config.ts'), logLevel: 'warn' });
  }
  const web = currentWebBuild(dist);
  if (!web) throw new Error('no web build under dist/web (run `npx vite build`)');
  const manifest = readManifest(web.root);
  console.log(`build ${web.version ?? '(flat)'}; first-load JavaScript, gzipped, against the goal of issue 15`);
  const row = (label: string, load: FirstLoad, goal: number) =>
    console.log(
      `${label.padEnd(38)} ${kb(load.gzipBytes).padStart(9)} in ${String(load.files.length).padStart(2)} files` +
        `   goal ${kb(goal)}   ratio ${(load.gzipBytes / goal).toFixed(2)} ${load.gzipBytes <= goal ? '(met)' : '(MISSED)'}`,
    );
  const publicGoal = FIRST_LOAD_GOALS['public.html'];
  if (manifest['public.html']) {
    row('public.html, first load', measureFirstLoad(web.root, manifest, 'public.html'), publicGoal);
    for (const page of measurePublicPages(web.root, manifest)) {
      row(`until ${page.path} shows${page.light ? '' : ' (antd)'}`, page, publicGoal);
    }
  } else console.log('public.html not in this build');
  const adminGoal = FIRST_LOAD_GOALS['index.html'];
  row('index.html, first load', measureFirstLoad(web.root, manifest, 'index.html'), adminGoal);
  const atBoot = Object.keys(manifest).filter((key) => STARTED_AT_BOOT(manifest[key]!));
  const started = measureFirstLoad(web.root, manifest, 'index.html', ...atBoot);
  console.log(
    `${''.padEnd(38)} ${kb(started.gzipBytes).padStart(9)} with what it fetches at start (antd App, zod locale)`,
  );
  for (const page of ADMIN_FIRST_PAGES) {
    if (!manifest[page]) continue;
    const visit = measureFirstLoad(web.root, manifest, 'index.html', ...atBoot, page);
    console.log(`${''.padEnd(38)} ${kb(visit.gzipBytes).padStart(9)} until ${page} shows`);
  }
  const allJs = [...new Set(Object.values(manifest).map((chunk) => chunk.file))].filter((f) => f.endsWith('.js'));
  const total = allJs.reduce((sum, file) => sum + gzipSize(web.root, file), 0);
  console.log(`all chunks   ${kb(total).padStart(9)} in ${allJs.length} files (every page and library, for reference)`);
}
