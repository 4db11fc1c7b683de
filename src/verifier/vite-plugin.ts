/**
 * Builds the offline evidence verifier (src/verifier) into one self-contained HTML file next to the web app
 * (dist/web/evidence-verifier.html): the evidence core is bundled as it is — with `node:crypto` and `Buffer`
 * replaced by the browser shims of this folder — into one inline script, so the page works opened from disk with no
 * network. The evidence and verify pages offer it as a download with the log's key filled in.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { build, type Plugin } from 'vite';

export const VERIFIER_FILE = 'evidence-verifier.html';
const PLACEHOLDER = '/*__SHANGMI_VERIFIER__*/';

const here = (file: string) => fileURLToPath(new URL(file, import.meta.url));

async function bundleScript(): Promise<string> {
  const result = await build({
    configFile: false,
    logLevel: 'warn',
    root: here('.'),
    resolve: { alias: { 'node:crypto': here('./node-crypto-shim.ts') } },
    define: { 'process.env.NODE_ENV': JSON.stringify('production') },
    build: {
      write: false,
      minify: true,
      emptyOutDir: false,
      lib: { entry: here('./main.ts'), formats: ['iife'], name: 'ShangmiVerifier', fileName: () => 'verifier.js' },
    },
  });
  const outputs = Array.isArray(result) ? result : [result];
  for (const output of outputs) {
    if (!('output' in output)) continue;
    const chunk = output.output.find((item) => item.type === 'chunk');
    if (chunk && chunk.type === 'chunk') return chunk.code;
  }
  throw new Error('the offline verifier build produced no script');
}

export function offlineVerifier(): Plugin {
  return {
    name: 'shangmi-offline-verifier',
    apply: 'build',
    async generateBundle() {
      const [template, script] = await Promise.all([readFile(here('./verifier.html'), 'utf8'), bundleScript()]);
      if (!template.includes(PLACEHOLDER)) throw new Error('verifier.html lacks the script placeholder');
      // An inline script ends at the first "</script", wherever it appears.
      const html = template.replace(PLACEHOLDER, () => script.replaceAll('</script', '<\\/script'));
      this.emitFile({ type: 'asset', fileName: VERIFIER_FILE, source: html });
    },
  };
}
