/**
 * The layout of built web apps under dist/web, shared by the build (vite.config.ts writes a new build-id folder, then
 * points `current` at it and prunes old folders) and the server (http/web-assets.ts serves the folder `current`
 * named when it started). File-system helpers only, so Vite's config can import them without the server.
 */

import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** The file under dist/web naming the build-id folder new instances serve. */
export const WEB_POINTER = 'current';
/** A build-id folder name as `newWebBuildId` makes it; nothing else under dist/web matches. */
const BUILD_ID = /^\d{8}T\d{6}\d{3}Z-[0-9a-f]{6}$/;
/** Old builds are kept this long, so instances started on them keep serving them (and their assets to others)… */
export const KEEP_BUILDS_MS = 7 * 24 * 60 * 60 * 1000;
/** …and the newest few are kept whatever their age. */
export const KEEP_BUILDS = 5;

export interface WebBuild {
  /** The build id, or null for a flat build (index.html directly under dist/web, from before versioned builds). */
  version: string | null;
  root: string;
}

/** A new build id: a UTC timestamp (so ids sort by age) and a random suffix (so two builds at once differ). */
export function newWebBuildId(now = new Date()): string {
  return `${now.toISOString().replace(/[-:.]/g, '')}-${randomBytes(3).toString('hex')}`;
}

/** The build the pointer names (or a flat legacy build), or null when nothing is built. */
export function currentWebBuild(dist: string): WebBuild | null {
  try {
    const version = readFileSync(path.join(dist, WEB_POINTER), 'utf8').trim();
    const root = path.join(dist, version);
    if (BUILD_ID.test(version) && existsSync(path.join(root, 'index.html'))) return { version, root };
  } catch {
    // no pointer: maybe a flat build
  }
  if (existsSync(path.join(dist, 'index.html'))) return { version: null, root: dist };
  return null;
}

/** Every build-id folder under dist/web, complete or not, newest first. */
function buildFolders(dist: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dist);
  } catch {
    return [];
  }
  return names
    .filter((name) => BUILD_ID.test(name))
    .sort()
    .reverse();
}

/** The complete build-id folders under dist/web, newest first. */
export function webBuildVersions(dist: string): string[] {
  return buildFolders(dist).filter((name) => existsSync(path.join(dist, name, 'index.html')));
}

/** Points `current` at a finished build; the rename is atomic, so a starting server reads the old or the new id. */
export function publishWebBuild(dist: string, version: string): void {
  if (!BUILD_ID.test(version) || !existsSync(path.join(dist, version, 'index.html'))) {
    throw new Error(`not a complete web build: ${version}`);
  }
  const temporary = path.join(dist, `.${WEB_POINTER}-${version}`);
  writeFileSync(temporary, `${version}\n`);
  renameSync(temporary, path.join(dist, WEB_POINTER));
}

/**
 * Removes build folders that are neither among the newest `KEEP_BUILDS`, nor younger than `KEEP_BUILDS_MS`, nor the
 * current one. Returns the removed ids.
 */
export function pruneWebBuilds(dist: string, now = Date.now()): string[] {
  const current = currentWebBuild(dist)?.version;
  const removed: string[] = [];
  for (const version of buildFolders(dist).slice(KEEP_BUILDS)) {
    const root = path.join(dist, version);
    if (version === current || now - statSync(root).mtimeMs < KEEP_BUILDS_MS) continue;
    rmSync(root, { recursive: true, force: true });
    removed.push(version);
  }
  return removed;
}
