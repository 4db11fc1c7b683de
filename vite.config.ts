/**
 * Builds the web app (src/web) into dist/web, which the server serves with a history-API fallback. In development
 * (`npx vite`) API calls are proxied to a server started separately on port 3000.
 */
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { offlineVerifier } from './src/verifier/vite-plugin';

export default defineConfig({
  root: fileURLToPath(new URL('./src/web', import.meta.url)),
  // The offline evidence verifier: one self-contained HTML file beside the app (src/verifier).
  plugins: [react(), offlineVerifier()],
  build: {
    outDir: fileURLToPath(new URL('./dist/web', import.meta.url)),
    emptyOutDir: true,
    // antd and echarts are large; pages are split per route, the shared vendor chunk stays one file.
    chunkSizeWarningLimit: 1600,
  },
  server: {
    proxy: { '/api': 'http://127.0.0.1:3000' },
  },
});
