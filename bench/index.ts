/**
 * `npm run bench [-- name…]`: runs the named benchmarks (all by default). Each prints its measurements as ratios to
 * a baseline measured in the same run, so results compare across machines; nothing here asserts a time.
 */
const BENCHES: Record<string, () => Promise<void>> = {
  bundle: async () => (await import('./bundle')).runBundleBench(),
  evidence: async () => (await import('./evidence')).runEvidenceBench(),
  exports: async () => (await import('./exports')).runExportsBench(),
  load: async () => (await import('./load')).runLoadBench(),
  province: async () => (await import('./province')).runProvinceBench('postgres'),
  'province-pglite': async () => (await import('./province')).runProvinceBench('pglite'),
};

const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const names = wanted.length > 0 ? wanted : Object.keys(BENCHES);
for (const name of names) {
  const run = BENCHES[name];
  if (!run) {
    console.error(`unknown benchmark ${name}; known: ${Object.keys(BENCHES).join(', ')}`);
    process.exit(2);
  }
  console.log(`\n== ${name} ==`);
  await run();
}
process.exit(0);

export {};
