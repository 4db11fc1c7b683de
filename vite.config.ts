/**
 * Builds the web app (src/web) into a new folder dist/web/<build-id>/, then points dist/web/current at it and prunes
 * old builds (src/server/http/web-build.ts). A running server keeps serving the folder it started with, so a rebuild
 * never swaps files under it. In development (`npx vite`) API calls are proxied to a server started on port 3000.
 */
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { newWebBuildId, pruneWebBuilds, publishWebBuild } from './src/server/http/web-build';
import { offlineVerifier } from './src/verifier/vite-plugin';

const WEB_DIST = fileURLToPath(new URL('./dist/web', import.meta.url));
const BUILD_ID = newWebBuildId();

/** After a complete build: point `current` at it, then remove builds nothing should be serving any more. */
function versionedBuild(): Plugin {
  return {
    name: 'shangmi-versioned-build',
    apply: 'build',
    closeBundle: {
      // After every other plugin has written its files (the offline verifier's HTML among them).
      order: 'post',
      handler() {
        publishWebBuild(WEB_DIST, BUILD_ID);
        pruneWebBuilds(WEB_DIST);
      },
    },
  };
}

export default defineConfig({
  root: fileURLToPath(new URL('./src/web', import.meta.url)),
  // The offline evidence verifier: one self-contained HTML file beside the app (src/verifier).
  plugins: [react(), offlineVerifier(), versionedBuild()],
  build: {
    outDir: `${WEB_DIST}/${BUILD_ID}`,
    emptyOutDir: true,
    // .vite/manifest.json: which chunks each HTML entry loads first (bench/bundle.ts measures them).
    manifest: true,
    // Two pages: the admin shell, and the public pages' own small bundle (src/web/public-main.tsx; the server sends
    // public.html for the paths in src/shared/public-pages.ts).
    rolldownOptions: {
      input: {
        index: fileURLToPath(new URL('./src/web/index.html', import.meta.url)),
        public: fileURLToPath(new URL('./src/web/public.html', import.meta.url)),
      },
    },
    // antd and echarts are large; pages are split per route, the shared vendor chunk stays one file.
    chunkSizeWarningLimit: 1600,
  },
  server: {
    proxy: { '/api': 'http://127.0.0.1:3000' },
  },
});
