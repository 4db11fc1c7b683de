/**
 * Compiles the server and the CLI to JavaScript (`npm run build:server`): dist/server/main.js and dist/server/cli.js,
 * so starting an instance runs plain Node instead of compiling TypeScript on every start. Only the project's own code
 * is bundled; npm packages stay imports resolved from node_modules. Files the code reads at run time (drizzle/,
 * programs/, dist/web/) are found from the project folder (src/server/paths.ts), wherever the bundle lives.
 */
import { existsSync, readFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const outdir = `${root}dist/server`;

/**
 * A deep import such as 'dayjs/plugin/utc' resolves for bundlers and tsx but not for Node's ESM loader when the package
 * has no "exports" map: Node wants the file's extension. Such imports stay external with '.js' added.
 */
const nodeResolvableDeepImports = {
  name: 'node-resolvable-deep-imports',
  setup(b) {
    b.onResolve({ filter: /^(@[^/]+\/)?[^./@][^/]*\/./ }, (args) => {
      const name = args.path
        .split('/')
        .slice(0, args.path.startsWith('@') ? 2 : 1)
        .join('/');
      const manifest = path.join(root, 'node_modules', name, 'package.json');
      if (!existsSync(manifest) || path.extname(args.path)) return undefined;
      if (JSON.parse(readFileSync(manifest, 'utf8')).exports) return undefined;
      return { path: `${args.path}.js`, external: true };
    });
  },
};

await rm(outdir, { recursive: true, force: true });
await build({
  absWorkingDir: root,
  entryPoints: { main: 'src/server/main.ts', cli: 'src/cli/index.ts' },
  outdir,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  plugins: [nodeResolvableDeepImports],
  // Code shared by the server and the CLI (and the CLI's lazily imported commands) in chunks, not twice.
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  sourcemap: true,
  logLevel: 'warning',
});
