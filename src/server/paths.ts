/**
 * The project folder, found from wherever this code runs: from source (`src/server/paths.ts` under tsx or Vitest) or
 * bundled into `dist/server/main.js`. Paths relative to `import.meta.url` differ between the two (the bundle flattens
 * every module into one file), so migrations, programmes and the built web app are located from the nearest folder
 * holding package.json instead.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

function findProjectRoot(start: string): string {
  let dir = start;
  for (;;) {
    if (existsSync(path.join(dir, 'package.json'))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`no package.json above ${start}`);
    dir = parent;
  }
}

export const PROJECT_ROOT = findProjectRoot(path.dirname(fileURLToPath(import.meta.url)));

/** A path inside the project folder. */
export const projectPath = (...segments: string[]): string => path.join(PROJECT_ROOT, ...segments);
