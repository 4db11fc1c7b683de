/**
 * Web bundle benchmark (issue 15): the JavaScript a browser must fetch before first paint, gzipped, for the public
 * pages' entry (public.html: registry, verify, publicity, typical cases…) and for the admin shell (index.html), each
 * against its goal — 120 KB and 250 KB — which is this benchmark's baseline. "First load" is an HTML entry's chunk
 * plus every chunk it imports statically, transitively (Vite's manifest), which the HTML preloads; lazily imported
 * pages and libraries are not counted. Builds the web app first (`vite build`, a few seconds) unless
 * BENCH_BUNDLE_BUILD=0, then reads dist/web/current.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { currentWebBuild } from '../src/server/http/web-build';

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
 * Chunks app/bootstrap.tsx imports as soon as it runs, beside the session check and the first page: antd's App
 * (message, notification, modal) and zod's Chinese messages.
 */
const STARTED_AT_BOOT = (chunk: ManifestChunk) => chunk.name === 'app' || chunk.src === 'app/zod-locale.ts';

/** Pages a first visit typically opens, per entry: what a visitor downloads before that page shows. */
const FIRST_PAGES: Record<keyof typeof FIRST_LOAD_GOALS, string[]> = {
  'public.html': [
    'pages/public/registry/index.tsx',
    'pages/public/publicity/index.tsx',
    'pages/public/typical-cases/index.tsx',
    'pages/verify/index.tsx',
  ],
  'index.html': ['pages/auth/login/index.tsx', 'pages/home/dashboard/index.tsx'],
};

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
  for (const [entry, goal] of Object.entries(FIRST_LOAD_GOALS)) {
    if (!manifest[entry]) {
      console.log(`${entry.padEnd(12)} not in this build`);
      continue;
    }
    const load = measureFirstLoad(web.root, manifest, entry);
    console.log(
      `${entry.padEnd(12)} ${kb(load.gzipBytes).padStart(9)} in ${String(load.files.length).padStart(2)} files` +
        `   goal ${kb(goal)}   ratio ${(load.gzipBytes / goal).toFixed(2)} ${load.gzipBytes <= goal ? '(met)' : '(MISSED)'}`,
    );
    const atBoot = Object.keys(manifest).filter((key) => STARTED_AT_BOOT(manifest[key]!));
    const started = measureFirstLoad(web.root, manifest, entry, ...atBoot);
    console.log(
      `${''.padEnd(12)} ${kb(started.gzipBytes).padStart(9)} with what it fetches at start (antd App, zod locale)`,
    );
    for (const page of FIRST_PAGES[entry as keyof typeof FIRST_LOAD_GOALS]) {
      if (!manifest[page]) continue;
      const visit = measureFirstLoad(web.root, manifest, entry, ...atBoot, page);
      console.log(`${''.padEnd(12)} ${kb(visit.gzipBytes).padStart(9)} until ${page} shows`);
    }
  }
  const allJs = [...new Set(Object.values(manifest).map((chunk) => chunk.file))].filter((f) => f.endsWith('.js'));
  const total = allJs.reduce((sum, file) => sum + gzipSize(web.root, file), 0);
  console.log(`all chunks   ${kb(total).padStart(9)} in ${allJs.length} files (every page and library, for reference)`);
}
